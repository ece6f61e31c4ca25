// The full-text index of changed records catches up when the store is opened (schema 4); searches
// are exact before and after.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "error_code.h"
#include "storage/record_store.h"
#include "temp_path.h"

using namespace jianfu::storage;

namespace {

// FTS5's own comparison of the index with the records' text: true when they agree.
bool index_matches_records(RecordStore& s) {
  return error_code([&] { s.db().exec("INSERT INTO records_fts(records_fts, rank) VALUES ('integrity-check', 1)"); }).empty();
}

std::vector<std::string> titles_found(RecordStore& s, const std::string& words) {
  std::vector<std::string> out;
  for (const Record& r : s.search(words, 10)) out.push_back(r.title);
  return out;
}

}  // namespace

TEST_CASE("store: a changed record's index catches up on opening; searches are exact meanwhile") {
  const std::string path = temp_path("index_pending.sqlite3");
  const std::vector<std::string> one{"关于开展督查检查的通知"};
  const std::vector<std::string> none;
  {
    RecordStore s(path);
    Record a;
    a.type = "assessment";
    a.title = one[0];
    a.body = "请各乡镇于今天下班前报送台账。";
    a = s.save(a);
    Record b;
    b.type = "note";
    b.title = "会议纪要";
    b.body = "不搞层层陪会。";
    s.save(b);
    CHECK(s.db().scalar_int("SELECT count(*) FROM fts_pending") == 0);  // a new record is indexed at once

    // Two autosaves of the draft: the record waits once, with its text as indexed.
    a.body = "改为通过一表通报送。";
    s.save(a);
    a.body = "改为通过一表通报送，每月一次，不用政务APP打卡。";
    s.save(a);
    CHECK(s.db().scalar_int("SELECT count(*) FROM fts_pending") == 1);
    CHECK(s.db().scalar_text("SELECT body FROM fts_pending") == std::string("请各乡镇于今天下班前报送台账。"));
    CHECK_FALSE(index_matches_records(s));

    CHECK(titles_found(s, "下班前报送") == none);  // the indexed text is no longer the record's
    CHECK(titles_found(s, "一表通报送") == one);
    CHECK(titles_found(s, "每月一次") == one);
    CHECK(titles_found(s, "app打卡") == one);      // ASCII case folded as the index folds it
    CHECK(titles_found(s, "层层陪会") == std::vector<std::string>{"会议纪要"});

    // A save that leaves title and draft alone adds nothing to wait for.
    a.status = "final";
    s.save(a);
    CHECK(s.db().scalar_int("SELECT count(*) FROM fts_pending") == 1);
  }
  RecordStore s(path);  // opening brings the index up to date
  CHECK(s.db().scalar_int("SELECT count(*) FROM fts_pending") == 0);
  CHECK(index_matches_records(s));
  CHECK(titles_found(s, "下班前报送") == none);
  CHECK(titles_found(s, "一表通报送") == one);
  CHECK(titles_found(s, "APP打卡") == one);
  CHECK(s.index_pending() == 0);
}

TEST_CASE("store: removing a row that waits for the index takes out what the index holds") {
  RecordStore s(":memory:");
  Record a;
  a.type = "note";
  a.title = "待删除的记录";
  a.body = "原来的正文内容";
  a = s.save(a);
  a.body = "改过的正文内容";
  s.save(a);
  REQUIRE(s.db().scalar_int("SELECT count(*) FROM fts_pending") == 1);
  // Rows are only hidden by the app (remove() sets deleted_at); this is the trigger's own path.
  auto del = s.db().prepare("DELETE FROM records WHERE id = ?1");
  del.bind(1, a.id);
  del.step();
  CHECK(s.db().scalar_int("SELECT count(*) FROM fts_pending") == 0);
  CHECK(index_matches_records(s));
  CHECK(s.db().scalar_int("SELECT count(*) FROM records_fts WHERE records_fts MATCH '\"原来的正文\"'") == 0);
}
