#include <doctest/doctest.h>

#include <string>

#include "error.h"
#include "storage/database.h"
#include "storage/record_store.h"
#include "storage/schema.h"
#include "temp_path.h"

using namespace jianfu::storage;


TEST_CASE("storage: SQLite is the pinned amalgamation with FTS5") {
  CHECK(sqlite_version() == "3.53.2");
  Database db(":memory:");
  CHECK(db.scalar_int("SELECT sqlite_compileoption_used('ENABLE_FTS5')") == 1);
}

TEST_CASE("storage: a saved record survives closing and reopening the file") {
  const std::string path = temp_path("reopen.sqlite3");
  std::string id;
  {
    RecordStore store(path);
    Record r;
    r.type = "note";
    r.title = "关于规范村级组织工作事务的通知";
    r.body = "不得要求村（社区）填报表格、提供材料。";
    id = store.save(r).id;
    CHECK(id.size() == 32);
  }
  RecordStore again(path);
  auto r = again.get(id);
  REQUIRE(r.has_value());
  CHECK(r->title == "关于规范村级组织工作事务的通知");
  CHECK(r->body == "不得要求村（社区）填报表格、提供材料。");
  CHECK(again.count() == 1);
  CHECK(schema_version(again.db()) == kSchemaVersion);
}

TEST_CASE("storage: saving an existing id updates it in place") {
  RecordStore store(":memory:");
  Record r;
  r.type = "note";
  r.title = "初稿";
  Record saved = store.save(r);
  saved.title = "修改稿";
  store.save(saved);
  CHECK(store.count() == 1);
  CHECK(store.get(saved.id)->title == "修改稿");
  CHECK(store.get(saved.id)->created_at == saved.created_at);
}

TEST_CASE("storage: full-text search finds Chinese substrings, also after an update") {
  RecordStore store(":memory:");
  Record a;
  a.type = "note";
  a.title = "关于开展督查检查的通知";
  a.body = "请各乡镇于今天下班前报送台账。";
  Record b;
  b.type = "note";
  b.title = "会议纪要";
  b.body = "不搞层层陪会。";
  a = store.save(a);
  store.save(b);
  CHECK(store.search("督查检查", 10).size() == 1);
  CHECK(store.search("下班前报送", 10).size() == 1);
  CHECK(store.search("台账", 10).size() == 1);   // two characters: substring fallback
  CHECK(store.search("陪会", 10).size() == 1);
  CHECK(store.search("一票否决", 10).empty());
  a.body = "改为通过一表通报送。";
  store.save(a);
  CHECK(store.search("下班前报送", 10).empty());
  CHECK(store.search("一表通报送", 10).size() == 1);
  CHECK(store.search("\"引号\"", 10).empty());  // user quotes are not FTS syntax errors
}

TEST_CASE("storage: a database from a newer version is refused and left untouched") {
  const std::string path = temp_path("newer.sqlite3");
  {
    Database db(path);
    db.exec("PRAGMA application_id=" + std::to_string(kApplicationId));
    db.exec("CREATE TABLE future(x)");
    db.exec("PRAGMA user_version=" + std::to_string(kSchemaVersion + 5));
  }
  try {
    RecordStore store(path);
    FAIL("expected DB_TOO_NEW");
  } catch (const jianfu::Error& e) {
    CHECK(e.code() == "DB_TOO_NEW");
    CHECK(e.kind() == jianfu::ErrorKind::BadInput);
  }
  Database db(path);
  CHECK(db.scalar_int("PRAGMA user_version") == kSchemaVersion + 5);
  CHECK(db.scalar_int("SELECT count(*) FROM sqlite_schema WHERE name='records'") == 0);
}

TEST_CASE("storage: another program's database is refused and left untouched") {
  const std::string path = temp_path("foreign.sqlite3");
  {
    Database db(path);
    db.exec("CREATE TABLE contacts(name TEXT)");
  }
  CHECK_THROWS_AS(RecordStore{path}, jianfu::Error);
  Database db(path);
  CHECK(db.scalar_int("SELECT count(*) FROM sqlite_schema WHERE name='records'") == 0);
  CHECK(db.scalar_int("PRAGMA application_id") == 0);
}
