#include <doctest/doctest.h>

#include <sstream>

#include "cli/cli.h"

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
