#include "cli/cli.h"
#include "cli/cli_course.h"

#include <cstdint>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <sstream>

#include <nlohmann/json.hpp>

#include "assess/engine.h"
#include "error.h"
#include "rules/pack_check.h"
#include "report/records.h"
#include "review/review.h"
#include "rules/pack_set.h"
#include "storage/record_store.h"
#include "storage/database.h"
#include "text/char_count.h"
#include "text/utf8.h"
#include "util/local_time.h"
#include "version.h"

namespace jianfu::cli {

namespace {

using Command = std::function<int(const std::vector<std::string>&, Streams)>;

constexpr const char* kUsage =
    "用法 (usage):\n"
    "  jianfu-cli assess PROPOSAL.json|- [--pack PATH|ID]... [--as-of YYYY-MM-DD] [--save DB]\n"
    "                                 为基层减负一致性评估（JSON 报告；--save 同时存入数据库）\n"
    "  jianfu-cli review ITEM.json|- [--pack PATH|ID]... [--existing NAMES.json] [--save DB]\n"
    "                                 村（社区）工作事项准入（JSON 决定；--save 同时存入数据库）\n"
    "  jianfu-cli test-pack PACK [--pack BASE]...\n"
    "                                 用规则自带的正例、反例检查规则包\n"
    "  jianfu-cli packs               内置规则包和清单包列表（JSON）\n"
    "  jianfu-cli store verify DB     检查数据库完整性和审计日志哈希链\n"
    "  jianfu-cli store export DB FILE   导出为一个文件（可拷到另一台电脑）\n"
    "  jianfu-cli store import DB FILE   导入另一台电脑导出的文件（按编号合并，不重复）\n"
    "  jianfu-cli store report DB ID [--html]   单条记录的报告（JSON 或可打印的 HTML）\n"
    "  jianfu-cli store csv DB        记录汇总（CSV，不含正文）\n"
    "  jianfu-cli store stats DB      统计（只有数量，不含任何文件内容）\n"
    "  jianfu-cli store recheck DB ID [--pack PATH|ID]...   用现行规则重新检查，列出变化\n"
    "  jianfu-cli course check COURSE    用现行规则核对课程包的参考答案\n"
    "  jianfu-cli course summary DB [COURSE]   培训成绩表（CSV：学员 × 练习）\n"
    "  jianfu-cli course merge CSV...    合并多台设备导出的成绩表\n"
    "  jianfu-cli count FILE|-        统计字数（JSON：chars）\n"
    "  jianfu-cli version             版本信息（JSON）\n";

constexpr std::size_t kMaxInputBytes = 16u << 20;

struct Options {
  std::vector<std::string> positional, packs;
  std::string as_of, existing, save;
  bool html = false;
};

Options parse_options(const std::vector<std::string>& args) {
  Options o;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--html") {
      o.html = true;
    } else if (a == "--pack" || a == "--as-of" || a == "--existing" || a == "--save") {
      if (i + 1 >= args.size()) throw bad_input("USAGE", a + " 后面缺少参数。\n" + kUsage);
      if (a == "--pack") o.packs.push_back(args[++i]);
      else if (a == "--as-of") o.as_of = args[++i];
      else if (a == "--save") o.save = args[++i];
      else o.existing = args[++i];
    } else if (a.size() > 1 && a[0] == '-' && a != "-") {
      throw bad_input("USAGE", "未知选项 " + a + "\n" + kUsage);
    } else {
      o.positional.push_back(a);
    }
  }
  return o;
}

// Input keys the contract does not know are ignored, and said so on stderr (the output and the exit
// code stay as they are: scripts may pass keys of their own). A draft put under another key than
// text is the mistake this catches: the check would otherwise pass an empty draft.
void warn_unknown(const std::vector<std::string>& keys, const std::vector<std::string_view>& known, Streams io) {
  std::string listed;
  for (std::string_view k : known) listed += (listed.empty() ? "" : "、") + std::string(k);
  for (const std::string& k : keys) {
    io.err << "警告 [UNKNOWN_FIELD]: 输入中的字段 " << k << " 不在约定之内，已忽略。可用字段：" << listed;
    if (k == "body" || k == "content" || k == "draft" || k == "正文") io.err << "（正文请放在 text 中）";
    io.err << "。\n";
  }
}

int cmd_assess(const std::vector<std::string>& args, Streams io) {
  const Options o = parse_options(args);
  if (o.positional.size() != 1) throw bad_input("USAGE", std::string("assess 需要一个输入文件（或 - 表示标准输入）。\n") + kUsage);
  if (!o.as_of.empty() && !assess::valid_date(o.as_of)) throw bad_input("BAD_DATE", "--as-of 应为实际存在的日期（YYYY-MM-DD），收到：" + o.as_of);
  const std::string input = read_input(o.positional[0], io.in);
  const assess::Proposal proposal = assess::parse_proposal(input);
  warn_unknown(proposal.unknown_fields, assess::proposal_keys(), io);
  const auto packs = rules::load_pack_set(o.packs);
  const auto report = assess::report_to_json(assess::assess(proposal, *packs, o.as_of));
  if (!o.save.empty()) {
    storage::RecordStore store(o.save);
    const auto saved = store.save(report::assessment_record(nlohmann::json::parse(input), report));
    io.err << "已保存记录 " << saved.id << "\n";
  }
  io.out << report.dump() << "\n";
  return 0;
}

int cmd_review(const std::vector<std::string>& args, Streams io) {
  const Options o = parse_options(args);
  if (o.positional.size() != 1) throw bad_input("USAGE", std::string("review 需要一个输入文件（或 - 表示标准输入）。\n") + kUsage);
  const std::string input = read_input(o.positional[0], io.in);
  const review::WorkItem item = review::parse_work_item(input);
  warn_unknown(item.unknown_fields, review::work_item_keys(), io);
  std::vector<std::string> existing;
  if (!o.existing.empty()) {
    // A JSON array of the names of tasks the committee already carries.
    nlohmann::json j;
    try {
      j = nlohmann::json::parse(read_input(o.existing, io.in));
    } catch (const nlohmann::json::parse_error&) {
      throw bad_input("INVALID_JSON", "--existing 应为 JSON 字符串数组（已承担事项的名称）。");
    }
    if (!j.is_array()) throw bad_input("WRONG_TYPE", "--existing 应为 JSON 字符串数组（已承担事项的名称）。");
    for (const auto& v : j) {
      if (!v.is_string()) throw bad_input("WRONG_TYPE", "--existing 数组中应全部是字符串。");
      existing.push_back(v.get<std::string>());
    }
  }
  const auto lists = review::load_list_set(o.packs);
  const review::Decision decision = review::review(item, *lists, existing);
  if (!o.save.empty()) {
    storage::RecordStore store(o.save);
    const auto saved = store.save(report::review_record(nlohmann::json::parse(input), existing, decision));
    io.err << "已保存记录 " << saved.id << "\n";
  }
  io.out << review::decision_to_json(decision).dump() << "\n";
  return 0;
}

int cmd_test_pack(const std::vector<std::string>& args, Streams io) {
  const Options o = parse_options(args);
  if (o.positional.size() != 1) throw bad_input("USAGE", std::string("test-pack 需要一个规则包。\n") + kUsage);
  std::vector<std::string> specs = o.packs;
  specs.push_back(o.positional[0]);
  const auto packs = rules::load_pack_set(specs, /*verify_files=*/false);
  // The pack under test is the last one loaded (its bases come before it).
  const std::string id = packs->packs().back().id;
  const rules::PackCheck check = rules::check_pack(*packs, id, util::local_today());
  io.out << check.to_json().dump(2) << "\n";
  if (!check.ok()) {
    io.err << "错误 [PACK_EXAMPLES_FAILED]: 规则包 " << id << " 有 " << check.errors.size() << " 项检查未通过。\n";
    return 2;
  }
  return 0;
}

int cmd_store(const std::vector<std::string>& args, Streams io) {
  const Options o = parse_options(args);
  const auto& a = o.positional;
  static const std::map<std::string, std::size_t> arity = {{"verify", 2}, {"export", 3}, {"import", 3}, {"report", 3},
                                                           {"csv", 2}, {"stats", 2}, {"recheck", 3}};
  if (a.empty() || !arity.count(a[0]) || a.size() != arity.at(a[0]))
    throw bad_input("USAGE", std::string("store 的用法不对。\n") + kUsage);
  const std::string& sub = a[0];
  {
    // Never create a database by accident: the store named must exist.
    std::ifstream probe(a[1], std::ios::binary);
    if (!probe) throw bad_input("DB_NOT_FOUND", "找不到数据库文件：" + a[1]);
  }
  storage::RecordStore store(a[1]);
  auto record = [&](const std::string& id) {
    auto r = store.get(id);
    if (!r) throw bad_input("RECORD_NOT_FOUND", "数据库中没有编号为 " + id + " 的记录。");
    return *r;
  };
  storage::HistoryFilter everything;
  everything.include_archived = true;
  nlohmann::ordered_json j;
  if (sub == "verify") {
    const auto audit = store.verify_audit();
    const std::string integrity = store.db().scalar_text("PRAGMA integrity_check").value_or("");
    j["integrity"] = integrity;
    j["audit_ok"] = audit.ok;
    j["audit_entries"] = audit.entries;
    if (!audit.ok) j["audit_first_bad"] = audit.first_bad;
    j["records"] = store.count();
    io.out << j.dump() << "\n";
    if (integrity != "ok" || !audit.ok) {
      io.err << "错误 [STORE_TAMPERED]: " << (integrity != "ok" ? "数据库文件已损坏。" : "审计日志被改动过（第 " + std::to_string(audit.first_bad) + " 条起哈希不符）。") << "\n";
      return 2;
    }
    return 0;
  }
  if (sub == "export") {
    store.export_to(a[2]);
    j["exported"] = store.count();
    j["file"] = a[2];
  } else if (sub == "import") {
    const auto r = store.import_from(a[2]);
    j["added"] = r.added;
    j["updated"] = r.updated;
    j["unchanged"] = r.unchanged;
    j["attempts_added"] = r.attempts_added;
  } else if (sub == "report") {
    const auto r = record(a[2]);
    if (o.html) {
      io.out << report::record_html(r);
      return 0;
    }
    j = report::record_json(r);
  } else if (sub == "csv") {
    io.out << report::csv_summary(store.history(everything, SIZE_MAX));
    return 0;
  } else if (sub == "stats") {
    j = report::statistics(store.history(everything, SIZE_MAX));
  } else {  // recheck
    const auto r = record(a[2]);
    const nlohmann::json data = nlohmann::json::parse(r.data, nullptr, false);
    if (r.type != "assessment" || !data.is_object() || !data.contains("proposal"))
      throw bad_input("NOT_AN_ASSESSMENT", "记录 " + a[2] + " 不是一致性评估记录，无法重新检查。");
    const auto packs = rules::load_pack_set(o.packs);
    const auto now = assess::report_to_json(assess::assess(assess::proposal_from_json(data["proposal"]), *packs, o.as_of));
    j = report::recheck_diff(data.value("report", nlohmann::json::object()), now);
  }
  io.out << j.dump() << "\n";
  return 0;
}

int cmd_packs(const std::vector<std::string>&, Streams io) {
  nlohmann::ordered_json arr = nlohmann::ordered_json::array();
  for (const std::string& id : rules::builtin_pack_ids()) {
    const auto set = rules::load_pack_set({id});
    const rules::Pack& p = set->packs().back();
    arr.push_back({{"id", p.id}, {"kind", "rules"}, {"version", p.version}, {"title", p.title}, {"region", p.region},
                   {"extends", p.extends}, {"rules", p.rules.size()}, {"sha256", p.sha256}});
  }
  for (const std::string& id : review::builtin_list_ids()) {
    const auto set = review::load_list_set({id});
    const review::ListPack& p = set->packs().back();
    arr.push_back({{"id", p.id}, {"kind", "lists"}, {"version", p.version}, {"title", p.title}, {"region", p.region},
                   {"extends", p.extends}, {"entries", p.entries.size()}, {"sha256", p.sha256}});
  }
  io.out << arr.dump(2) << "\n";
  return 0;
}

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
      {"assess", cmd_assess},
      {"review", cmd_review},
      {"test-pack", cmd_test_pack},
      {"packs", cmd_packs},
      {"store", cmd_store},
      {"version", cmd_version},
      {"count", cmd_count},
      {"course", cmd_course},
  };
  return table;
}

}  // namespace

std::string read_input(const std::string& path, std::istream& in) {
  std::ifstream file;
  if (path != "-") {
    file.open(path, std::ios::binary);
    if (!file) throw bad_input("INPUT_NOT_FOUND", "无法读取输入文件：" + path);
  }
  std::istream& src = path == "-" ? in : file;
  // Read in chunks and stop at the limit, so that a huge input is refused without exhausting memory.
  std::string data;
  char buf[65536];
  while (src.read(buf, sizeof buf) || src.gcount() > 0) {
    data.append(buf, static_cast<std::size_t>(src.gcount()));
    if (data.size() > kMaxInputBytes)
      throw bad_input("INPUT_TOO_LARGE", "输入超过 " + std::to_string(kMaxInputBytes >> 20) + " MB 的上限。请只提交需要检查的文件。");
  }
  return data;
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
