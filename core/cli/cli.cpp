#include "cli/cli.h"

#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <sstream>

#include <nlohmann/json.hpp>

#include "error.h"
#include "storage/database.h"
#include "text/char_count.h"
#include "text/utf8.h"
#include "version.h"

namespace jianfu::cli {

namespace {

using Command = std::function<int(const std::vector<std::string>&, Streams)>;

constexpr const char* kUsage =
    "用法 (usage):\n"
    "  jianfu-cli version            版本信息（JSON）\n"
    "  jianfu-cli count FILE|-       统计字数（JSON：chars）\n";

int cmd_version(const std::vector<std::string>&, Streams io) {
  nlohmann::ordered_json j;
  j["version"] = version();
  j["sqlite"] = storage::sqlite_version();
  io.out << j.dump() << "\n";
  return 0;
}

int cmd_count(const std::vector<std::string>& args, Streams io) {
  if (args.size() != 1) throw bad_input("USAGE", std::string("count 需要一个输入文件（或 - 表示标准输入）。\n") + kUsage);
  const std::u32string text = text::decode_utf8_or_throw(read_input(args[0], io.in), "输入文本");
  nlohmann::ordered_json j;
  j["chars"] = text::count_chars(text);
  j["code_points"] = text.size();
  io.out << j.dump() << "\n";
  return 0;
}

const std::map<std::string, Command>& commands() {
  static const std::map<std::string, Command> table = {
      {"version", cmd_version},
      {"count", cmd_count},
  };
  return table;
}

}  // namespace

std::string read_input(const std::string& path, std::istream& in) {
  std::ostringstream ss;
  if (path == "-") {
    ss << in.rdbuf();
    return ss.str();
  }
  std::ifstream f(path, std::ios::binary);
  if (!f) throw bad_input("INPUT_NOT_FOUND", "无法读取输入文件：" + path);
  ss << f.rdbuf();
  return ss.str();
}

int run(const std::vector<std::string>& args, Streams io) {
  try {
    if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
      (args.empty() ? io.err : io.out) << kUsage;
      return args.empty() ? 2 : 0;
    }
    const auto it = commands().find(args[0]);
    if (it == commands().end()) throw bad_input("UNKNOWN_COMMAND", "未知命令：" + args[0] + "\n" + kUsage);
    return it->second(std::vector<std::string>(args.begin() + 1, args.end()), io);
  } catch (const Error& e) {
    io.err << "错误 [" << e.code() << "]: " << e.message_zh() << "\n";
    return e.kind() == ErrorKind::BadInput ? 2 : 1;
  } catch (const std::bad_alloc&) {
    io.err << "错误 [OUT_OF_MEMORY]: 内存不足，输入可能过大。\n";
    return 1;
  } catch (const std::exception& e) {
    io.err << "错误 [INTERNAL]: 内部错误：" << e.what() << "\n";
    return 1;
  }
}

}  // namespace jianfu::cli
