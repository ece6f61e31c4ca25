#include <doctest/doctest.h>

#include <sstream>

#include "cli/cli.h"
#include "storage/record_store.h"
#include "temp_path.h"

#include <cstdio>

namespace {
struct Run {
  int code;
  std::string out, err;
};
Run run(std::vector<std::string> args, const std::string& input = "") {
  std::istringstream in(input);
  std::ostringstream out, err;
  const int code = jianfu::cli::run(args, {in, out, err});
  return {code, out.str(), err.str()};
}
}  // namespace

TEST_CASE("cli: count reads stdin and prints 字数 as JSON") {
  Run r = run({"count", "-"}, "关于2026年工作的通知。");
  CHECK(r.code == 0);
  CHECK(r.out == "{\"chars\":10,\"code_points\":13}\n");
}

TEST_CASE("cli: count reads a file") {
  Run r = run({"count", std::string(JIANFU_TEST_DATA_DIR) + "/sample_notice.txt"});
  CHECK(r.code == 0);
  CHECK(r.out.find("\"chars\":") != std::string::npos);
}

TEST_CASE("cli: bad input exits 2 with a Chinese message and an English code") {
  Run r = run({"count", "-"}, std::string("\xFF\xFE"));
  CHECK(r.code == 2);
  CHECK(r.err.find("INVALID_UTF8") != std::string::npos);
  CHECK(r.err.find("UTF-8") != std::string::npos);
  CHECK(r.out.empty());

  r = run({"frobnicate"});
  CHECK(r.code == 2);
  CHECK(r.err.find("UNKNOWN_COMMAND") != std::string::npos);

  r = run({"count", "/nonexistent/file.txt"});
  CHECK(r.code == 2);
  CHECK(r.err.find("INPUT_NOT_FOUND") != std::string::npos);
}

TEST_CASE("cli: version reports the SQLite in use") {
  Run r = run({"version"});
  CHECK(r.code == 0);
  CHECK(r.out.find("\"sqlite\":\"3.53.2\"") != std::string::npos);
}

TEST_CASE("cli assess: prints one JSON report and exits 0, whatever the verdict") {
  Run r = run({"assess", "-"}, R"({"kind":"document","text":"每月对各乡镇排名通报。"})");
  CHECK(r.code == 0);
  CHECK(r.err.empty());
  CHECK(r.out.rfind("{\"verdict\":\"reject\",\"verdict_text\":\"不符合\",\"packs\":[", 0) == 0);
  CHECK(r.out.back() == '\n');
  r = run({"assess", "-", "--pack", "hunan", "--as-of", "2026-03-05"}, R"({"kind":"meeting"})");
  CHECK(r.code == 0);
  CHECK(r.out.find("\"id\":\"hunan\"") != std::string::npos);
}

TEST_CASE("cli: input keys outside the contract are ignored and named on stderr; the output is unchanged") {
  // The draft under "body" instead of "text": the check sees no draft, and says why.
  Run r = run({"assess", "-"}, R"({"kind":"document","body":"每月对各乡镇排名通报。","note":"批次 7"})");
  CHECK(r.code == 0);
  CHECK(r.out.rfind("{\"verdict\":\"pass\"", 0) == 0);
  CHECK(r.err.find("UNKNOWN_FIELD") != std::string::npos);
  CHECK(r.err.find("body") != std::string::npos);
  CHECK(r.err.find("正文请放在 text 中") != std::string::npos);
  CHECK(r.err.find("note") != std::string::npos);
  const Run known = run({"assess", "-"}, R"({"kind":"document","text":"每月对各乡镇排名通报。"})");
  CHECK(known.err.empty());
  r = run({"review", "-"}, R"({"name":"违章建筑拆除","desc":"由各村负责"})");
  CHECK(r.code == 0);
  CHECK(r.err.find("UNKNOWN_FIELD") != std::string::npos);
  CHECK(r.err.find("desc") != std::string::npos);
  CHECK(run({"review", "-"}, R"({"name":"违章建筑拆除","description":"由各村负责"})").err.empty());
}

TEST_CASE("cli assess: bad input exits 2 with a Chinese message and an English code, never a crash") {
  auto code_and_tag = [](const std::vector<std::string>& args, const std::string& in, const char* tag) {
    Run r = run(args, in);
    INFO(r.err);
    CHECK(r.code == 2);
    CHECK(r.out.empty());
    CHECK(r.err.find(tag) != std::string::npos);
  };
  code_and_tag({"assess", "-"}, "{\"kind\": \"document\",", "INVALID_JSON");
  code_and_tag({"assess", "-"}, "{\"kind\": 7}", "WRONG_TYPE");
  code_and_tag({"assess", "-"}, "{\"kind\": \"banquet\"}", "UNKNOWN_KIND");
  code_and_tag({"assess", "-"}, std::string("{\"kind\":\"document\",\"text\":\"\xFF\"}"), "INVALID_UTF8");
  code_and_tag({"assess", "-", "--as-of", "yesterday"}, "{\"kind\":\"document\"}", "BAD_DATE");
  code_and_tag({"assess", "-", "--pack", "no-such-pack.json"}, "{\"kind\":\"document\"}", "PACK_NOT_FOUND");
  code_and_tag({"assess", "-", "--pack"}, "{}", "USAGE");
  code_and_tag({"assess", "-"}, "{\"kind\":\"document\",\"text\":\"" + std::string(50u << 20, 'x') + "\"}", "INPUT_TOO_LARGE");
  code_and_tag({"assess", std::string(JIANFU_TEST_DATA_DIR) + "/broken_condition_pack.json"}, "", "MISSING_KIND");
  code_and_tag({"assess", "-", "--pack", std::string(JIANFU_TEST_DATA_DIR) + "/broken_condition_pack.json"},
               "{\"kind\":\"document\"}", "PACK_INVALID");
}

TEST_CASE("cli test-pack: a shipped pack passes, a pack with a failing example exits 2") {
  Run r = run({"test-pack", "taiyuan"});
  CHECK(r.code == 0);
  CHECK(r.out.find("\"ok\": true") != std::string::npos);
  r = run({"test-pack", std::string(JIANFU_TEST_DATA_DIR) + "/failing_example_pack.json"});
  CHECK(r.code == 2);
  CHECK(r.err.find("PACK_EXAMPLES_FAILED") != std::string::npos);
}

TEST_CASE("cli assess: a pack file whose examples fail does not load") {
  Run r = run({"assess", "-", "--pack", std::string(JIANFU_TEST_DATA_DIR) + "/failing_example_pack.json"},
              "{\"kind\":\"document\"}");
  CHECK(r.code == 2);
  CHECK(r.err.find("PACK_EXAMPLES_FAILED") != std::string::npos);
  CHECK(r.out.empty());
}

TEST_CASE("cli review: prints one JSON decision; bad input exits 2") {
  Run r = run({"review", "-"}, R"({"name":"违章建筑拆除","description":"由各村负责"})");
  CHECK(r.code == 0);
  CHECK(r.out.rfind("{\"decision\":\"reject\",\"decision_text\":\"不予准入\",\"list\":\"negative\",\"matched\":[", 0) == 0);
  r = run({"review", "-"}, R"({"description":"没有名称"})");
  CHECK(r.code == 2);
  CHECK(r.err.find("MISSING_NAME") != std::string::npos);
  r = run({"review", "-", "--existing", "/no/such/file.json"}, R"({"name":"x"})");
  CHECK(r.code == 2);
  CHECK(r.err.find("INPUT_NOT_FOUND") != std::string::npos);
}

TEST_CASE("cli store: verify, export and import; a missing database is not created") {
  const std::string dir = JIANFU_TEST_TMP_DIR;
  const std::string a = temp_path("cli_a.sqlite3"), b = temp_path("cli_b.sqlite3");
  const std::string file = temp_path("cli_export.jianfu");
  {
    jianfu::storage::RecordStore sa(a);
    jianfu::storage::Record r;
    r.type = "note";
    r.title = "导出测试";
    sa.save(r);
    jianfu::storage::RecordStore sb(b);
  }
  Run r = run({"store", "verify", a});
  CHECK(r.code == 0);
  CHECK(r.out.find("\"integrity\":\"ok\",\"audit_ok\":true,\"audit_entries\":1,\"records\":1") != std::string::npos);
  CHECK(run({"store", "export", a, file}).code == 0);
  r = run({"store", "import", b, file});
  CHECK(r.code == 0);
  CHECK(r.out == "{\"added\":1,\"updated\":0,\"unchanged\":0,\"attempts_added\":0}\n");
  r = run({"store", "import", b, std::string(JIANFU_TEST_DATA_DIR) + "/sample_notice.txt"});
  CHECK(r.code == 2);
  CHECK(r.err.find("IMPORT_NOT_SQLITE") != std::string::npos);
  r = run({"store", "verify", dir + "/no_such.sqlite3"});
  CHECK(r.code == 2);
  CHECK(r.err.find("DB_NOT_FOUND") != std::string::npos);
}

TEST_CASE("cli assess --save: the report is printed as usual and the record is stored") {
  const std::string db = temp_path("cli_save.sqlite3");
  Run r = run({"assess", "-", "--save", db}, R"({"kind":"document","title":"存档测试","text":"每月排名通报。"})");
  CHECK(r.code == 0);
  CHECK(r.out.rfind("{\"verdict\":\"reject\"", 0) == 0);
  CHECK(r.err.find("已保存记录") != std::string::npos);
  jianfu::storage::RecordStore store(db);
  REQUIRE(store.count() == 1);
  const auto rec = store.recent(1).front();
  CHECK(rec.verdict == "reject");
  CHECK(rec.title == "存档测试");
  r = run({"store", "recheck", db, rec.id});
  CHECK(r.code == 0);
  CHECK(r.out.find("\"changed\":false") != std::string::npos);
  r = run({"store", "report", db, "nope"});
  CHECK(r.code == 2);
  CHECK(r.err.find("RECORD_NOT_FOUND") != std::string::npos);
}

TEST_CASE("cli review --save: the decision is printed as usual and the record is stored") {
  const std::string db = temp_path("cli_review_save.sqlite3");
  Run r = run({"review", "-", "--save", db}, R"({"name":"违章建筑拆除","description":"由各村负责"})");
  CHECK(r.code == 0);
  CHECK(r.out.rfind("{\"decision\":\"reject\"", 0) == 0);
  CHECK(r.err.find("已保存记录") != std::string::npos);
  jianfu::storage::RecordStore store(db);
  REQUIRE(store.count() == 1);
  const auto rec = store.recent(1).front();
  CHECK(rec.type == "review");
  CHECK(rec.verdict == "reject");
  CHECK(rec.title == "违章建筑拆除");
  r = run({"store", "report", db, rec.id, "--html"});
  CHECK(r.code == 0);
  CHECK(r.out.find("结论：不予准入") != std::string::npos);
  // Bad input is refused before anything is stored.
  r = run({"review", "-", "--save", db}, R"({"description":"没有名称"})");
  CHECK(r.code == 2);
  CHECK(jianfu::storage::RecordStore(db).count() == 1);
}
