// The store: audit trail, delete with undo, archive and filters, one-file export and import.
#include <doctest/doctest.h>

#include "error_code.h"
#include "temp_path.h"

#include <cstdio>
#include <fstream>
#include <functional>
#include <string>

#include "error.h"
#include "storage/record_store.h"
#include "storage/schema.h"

using namespace jianfu::storage;

namespace {
Record note(const char* title, const char* body = "", const char* verdict = "") {
  Record r;
  r.type = "assessment";
  r.kind = "document";
  r.title = title;
  r.body = body;
  r.verdict = verdict;
  return r;
}
}  // namespace

TEST_CASE("store: every change is in the audit log, old → new, and the chain verifies") {
  RecordStore s(":memory:");
  Record r = s.save(note("初稿", "正文一"), "张三");
  r.body = "正文二";
  r.status = "final";
  s.save(r, "李四", "定稿");
  const auto log = s.audit(r.id);
  REQUIRE(log.size() == 3);  // create, body, status
  CHECK(log[0].action == "create");
  CHECK(log[0].actor == "张三");
  CHECK(log[1].field == "body");
  CHECK(log[1].old_value == "正文一");
  CHECK(log[1].new_value == "正文二");
  CHECK(log[2].reason == "定稿");
  CHECK(log[1].prev_hash == log[0].hash);
  const auto check = s.verify_audit();
  CHECK(check.ok);
  CHECK(check.entries == 3);
}

TEST_CASE("store: the audit log refuses changes, and tampering is detected") {
  RecordStore s(":memory:");
  s.save(note("甲"));
  s.save(note("乙"));
  CHECK_THROWS(s.db().exec("UPDATE audit SET actor = '别人' WHERE seq = 1"));
  CHECK_THROWS(s.db().exec("DELETE FROM audit WHERE seq = 1"));
  // Someone with the file can drop the guard, but not forge the chain.
  s.db().exec("DROP TRIGGER audit_no_update");
  s.db().exec("UPDATE audit SET new = '伪造' WHERE seq = 1");
  const auto check = s.verify_audit();
  CHECK_FALSE(check.ok);
  CHECK(check.first_bad == 1);
}

TEST_CASE("store: delete hides a record and undo brings it back; archive and filters") {
  RecordStore s(":memory:");
  const Record a = s.save(note("关于督查的通知", "每月排名通报", "reject"));
  const Record b = s.save(note("会议纪要", "正常", "pass"));
  s.remove(a.id);
  CHECK(s.count() == 1);
  CHECK_FALSE(s.get(a.id).has_value());
  s.restore(a.id);
  CHECK(s.get(a.id).has_value());
  s.set_archived(b.id, true);
  CHECK(s.history(HistoryFilter{}, 10).size() == 1);
  HistoryFilter all;
  all.include_archived = true;
  CHECK(s.history(all, 10).size() == 2);
  HistoryFilter rejected;
  rejected.verdict = "reject";
  rejected.include_archived = true;
  REQUIRE(s.history(rejected, 10).size() == 1);
  CHECK(s.history(rejected, 10)[0].id == a.id);
  HistoryFilter text;
  text.query = "排名通报";
  CHECK(s.history(text, 10).size() == 1);
  HistoryFilter future;
  future.from = "2999-01-01";
  CHECK(s.history(future, 10).empty());
  CHECK(s.audit(a.id).size() == 3);  // create, delete, restore
}

TEST_CASE("store: export to one file and import on another machine, merging by id") {
  const std::string a_path = temp_path("machine_a.sqlite3"), b_path = temp_path("machine_b.sqlite3"), file = temp_path("export.jianfu");
  std::string shared_id;
  {
    RecordStore a(a_path);
    shared_id = a.save(note("两台电脑都有的记录", "旧稿")).id;
    a.save(note("只在甲电脑上的记录"));
    a.export_to(file);
  }
  RecordStore b(b_path);
  b.save(note("只在乙电脑上的记录"));
  auto r1 = b.import_from(file);
  CHECK(r1.added == 2);
  CHECK(b.count() == 3);
  auto r2 = b.import_from(file);  // importing twice adds nothing
  CHECK(r2.added == 0);
  CHECK(r2.unchanged == 2);
  CHECK(b.count() == 3);
  CHECK(b.get(shared_id)->body == "旧稿");
  CHECK(b.verify_audit().ok);
}

TEST_CASE("store: bad or foreign files on import are refused and nothing is touched") {
  RecordStore s(":memory:");
  s.save(note("原有记录"));
  const std::string text_file = temp_path("not_sqlite.txt");
  std::ofstream(text_file) << "这不是数据库";
  CHECK(error_code([&] { s.import_from(text_file); }) == "IMPORT_NOT_SQLITE");
  CHECK(error_code([&] { s.import_from(temp_path("missing.jianfu")); }) == "IMPORT_NOT_FOUND");
  const std::string foreign = temp_path("foreign.sqlite3");
  { Database d(foreign); d.exec("CREATE TABLE contacts(name TEXT)"); }
  CHECK(error_code([&] { s.import_from(foreign); }) == "IMPORT_FOREIGN");
  const std::string newer = temp_path("newer.sqlite3");
  {
    RecordStore n(newer);
    n.db().exec("PRAGMA user_version=" + std::to_string(kSchemaVersion + 1));
  }
  CHECK(error_code([&] { s.import_from(newer); }) == "IMPORT_TOO_NEW");
  // A file cut off in the middle (an interrupted copy).
  const std::string full = temp_path("full.jianfu"), cut = temp_path("cut.jianfu");
  {
    RecordStore big(temp_path("big.sqlite3"));
    for (int i = 0; i < 200; ++i) big.save(note("记录", std::string(2000, 'x').c_str()));
    big.export_to(full);
  }
  std::ifstream in(full, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::ofstream(cut, std::ios::binary) << bytes.substr(0, bytes.size() / 2);
  const std::string code = error_code([&] { s.import_from(cut); });
  CHECK(code == "IMPORT_CORRUPT");
  CHECK(s.count() == 1);
  CHECK(s.audit().size() == 1);
}

TEST_CASE("store: a version-1 database is migrated forward with its records") {
  const std::string path = temp_path("v1.sqlite3");
  {
    Database d(path);
    d.exec(R"sql(
      CREATE TABLE records(id TEXT PRIMARY KEY, type TEXT NOT NULL, kind TEXT NOT NULL DEFAULT '', title TEXT NOT NULL DEFAULT '',
        body TEXT NOT NULL DEFAULT '', data TEXT NOT NULL DEFAULT '{}', status TEXT NOT NULL DEFAULT 'draft',
        created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
      CREATE INDEX records_by_update ON records(updated_at DESC);
      CREATE VIRTUAL TABLE records_fts USING fts5(title, body, content='records', content_rowid='rowid', tokenize='trigram');
      CREATE TRIGGER records_ai AFTER INSERT ON records BEGIN
        INSERT INTO records_fts(rowid, title, body) VALUES (new.rowid, new.title, new.body); END;
      INSERT INTO records VALUES ('abc', 'note', 'document', '旧版本的记录', '旧正文', '{}', 'draft', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
      PRAGMA user_version=1;)sql");
    d.exec("PRAGMA application_id=" + std::to_string(kApplicationId));
  }
  RecordStore s(path);
  CHECK(schema_version(s.db()) == kSchemaVersion);
  REQUIRE(s.get("abc").has_value());
  CHECK(s.get("abc")->title == "旧版本的记录");
  CHECK(s.search("旧版本的", 10).size() == 1);
}
