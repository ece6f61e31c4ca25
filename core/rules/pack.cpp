#include "rules/pack.h"

#include <algorithm>
#include <set>

#include "error.h"
#include "text/utf8.h"
#include "util/sha256.h"
#include "util/typed_date.h"

namespace jianfu::rules {

using nlohmann::json;

const char* severity_code(Severity s) {
  switch (s) {
    case Severity::Revise: return "revise";
    case Severity::Justify: return "justify";
    default: return "block";
  }
}

namespace {
struct AuthorityInfo { Authority a; const char* code; const char* label; };
const AuthorityInfo kAuthorities[] = {
    {Authority::Law, "law", "法律法规"},
    {Authority::PartyRegulation, "party_regulation", "党内法规"},
    {Authority::CentralDocument, "central_document", "中央文件"},
    {Authority::NationalStandard, "national_standard", "国家标准"},
    {Authority::LocalRegulation, "local_regulation", "地方规定"},
    {Authority::Practice, "practice", "实务做法"},
};
}  // namespace

const char* authority_code(Authority a) {
  for (const auto& i : kAuthorities) if (i.a == a) return i.code;
  return "practice";
}
const char* authority_label(Authority a) {
  for (const auto& i : kAuthorities) if (i.a == a) return i.label;
  return "实务做法";
}
bool is_binding(Authority a) { return a != Authority::Practice; }
bool is_national(Authority a) { return a != Authority::Practice && a != Authority::LocalRegulation; }

const std::vector<std::string>& category_codes() {
  static const std::vector<std::string> codes = {
      "DOC_LENGTH", "DOC_COPY", "DOC_DEMAND_SUPPORTING", "DOC_DIRECTIVE", "DOC_FORWARD", "DOC_URGENT",
      "DOC_CONSULT_RUSH", "MTG_OVERNIGHT", "MTG_SCOPE", "MTG_PRINCIPALS", "MTG_LENGTH", "MTG_FREQ",
      "INSP_UNFILED", "INSP_TRACE", "INSP_RANKING", "INSP_SEPARATE", "INSP_BURDEN", "INSP_DISGUISED",
      "INSP_QUIET", "RES_CLUSTER", "RES_ESCORT", "APP_FORCED", "APP_CHECKIN", "APP_DUPLICATE",
      "GROUP_ABUSE", "DATA_REPEAT", "ACT_UNLISTED", "ACT_FEES", "VETO_PLEDGE", "QUOTA", "DUTY_SHIFT",
      "SECONDMENT", "SCHOOL_TASK", "HOSPITAL_TASK"};
  return codes;
}

const std::vector<std::string>& proposal_kinds() {
  static const std::vector<std::string> kinds = {"document", "meeting", "inspection", "research", "digital",
                                                 "data_request", "activity", "secondment", "school_task",
                                                 "hospital_task"};
  return kinds;
}

namespace {

class Reader {
 public:
  explicit Reader(std::string origin) : origin_(std::move(origin)) {}
  [[noreturn]] void fail(const std::string& path, const std::string& what) const {
    throw bad_input("PACK_INVALID", "规则包 " + origin_ + " 有误（" + path + "）：" + what);
  }
  std::string str(const json& o, const char* key, const std::string& path, bool required = true) const {
    if (!o.contains(key) || o[key].is_null()) {
      if (required) fail(path, std::string("缺少字段 ") + key);
      return "";
    }
    if (!o[key].is_string()) fail(path + "." + key, "应为字符串");
    const std::string v = o[key].get<std::string>();
    if (required && v.empty()) fail(path + "." + key, "不能为空");
    return v;
  }
  std::vector<std::string> strings(const json& o, const char* key, const std::string& path) const {
    std::vector<std::string> out;
    if (!o.contains(key)) return out;
    if (!o[key].is_array()) fail(path + "." + key, "应为字符串数组");
    for (const auto& v : o[key]) {
      if (!v.is_string()) fail(path + "." + key, "应为字符串数组");
      out.push_back(v.get<std::string>());
    }
    return out;
  }
  void date(const std::string& v, const std::string& path) const {
    if (!util::real_iso_date(v)) fail(path, "日期应为实际存在的日期（YYYY-MM-DD）：" + v);
  }

 private:
  std::string origin_;
};

bool valid_id(const std::string& id) {
  return !id.empty() && std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
  });
}

Authority parse_authority(const Reader& r, const std::string& v, const std::string& path) {
  for (const auto& i : kAuthorities) if (v == i.code) return i.a;
  r.fail(path, "未知的效力层级 " + v + "（law/party_regulation/central_document/national_standard/local_regulation/practice）");
}

CueTable parse_cues(const Reader& r, const json& c) {
  CueTable t;
  t.negation_before = r.strings(c, "negation_before", "cues");
  t.negation_after = r.strings(c, "negation_after", "cues");
  t.negation_exceptions = r.strings(c, "negation_exceptions", "cues");
  t.quota = r.strings(c, "quota", "cues");
  t.clause_breaks = text::decode_utf8_or_throw(r.str(c, "clause_breaks", "cues"), "clause_breaks");
  t.sentence_breaks = text::decode_utf8_or_throw(r.str(c, "sentence_breaks", "cues"), "sentence_breaks");
  // Breaks are punctuation and line ends; the text index relies on no 汉字 being a break.
  for (const std::u32string* breaks : {&t.clause_breaks, &t.sentence_breaks}) {
    for (char32_t b : *breaks) if (b >= 0x4E00 && b <= 0x9FFF) r.fail("cues", "分句符号不能是汉字");
  }
  for (const char* key : {"deadline_fixed", "deadline_per_unit", "frequency"}) {
    if (!c.contains(key) || !c[key].is_object()) r.fail(std::string("cues.") + key, "应为对象");
  }
  for (const auto& [k, v] : c["deadline_fixed"].items()) {
    if (!v.is_number()) r.fail("cues.deadline_fixed." + k, "应为小时数");
    t.deadline_fixed.emplace_back(k, v.get<double>());
  }
  for (const auto& [k, v] : c["deadline_per_unit"].items()) {
    if (!v.is_number()) r.fail("cues.deadline_per_unit." + k, "应为小时数");
    t.deadline_per_unit.emplace_back(k, v.get<double>());
  }
  if (c.contains("deadline_weekday")) {
    if (!c["deadline_weekday"].is_object()) r.fail("cues.deadline_weekday", "应为对象");
    for (const auto& [k, v] : c["deadline_weekday"].items()) {
      if (!v.is_number_integer() || v.get<int>() < 1 || v.get<int>() > 7) r.fail("cues.deadline_weekday." + k, "应为 1（周一）到 7（周日）");
      t.deadline_weekday.emplace_back(k, v.get<int>());
    }
  }
  for (const auto& [k, v] : c["frequency"].items()) {
    if (!v.is_string()) r.fail("cues.frequency." + k, "应为频次代码");
    t.frequency.emplace_back(k, v.get<std::string>());
  }
  return t;
}

FactDef parse_fact(const Reader& r, const json& f, const std::string& path) {
  if (!f.is_object()) r.fail(path, "应为对象");
  FactDef d;
  d.id = r.str(f, "id", path);
  if (!valid_id(d.id)) r.fail(path + ".id", "只能含字母、数字、- 和 _");
  d.type = r.str(f, "type", path);
  static const std::set<std::string> types = {"bool", "int", "number", "string", "enum", "list"};
  if (!types.count(d.type)) r.fail(path + ".type", "未知类型 " + d.type);
  d.question = r.str(f, "question", path);
  d.help = r.str(f, "help", path, false);
  d.options = r.strings(f, "options", path);
  if ((d.type == "enum") && d.options.empty()) r.fail(path + ".options", "enum 类型需要 options");
  if (f.contains("option_labels")) {
    if (!f["option_labels"].is_object()) r.fail(path + ".option_labels", "应为对象");
    for (const auto& [k, v] : f["option_labels"].items()) d.option_labels[k] = v.get<std::string>();
  }
  d.kinds = r.strings(f, "kinds", path);
  for (const auto& k : d.kinds) {
    if (std::find(proposal_kinds().begin(), proposal_kinds().end(), k) == proposal_kinds().end())
      r.fail(path + ".kinds", "未知的事项类型 " + k);
  }
  if (f.contains("ask_if")) d.ask_if = f["ask_if"];
  return d;
}

Rule parse_rule(const Reader& r, const json& j, const std::string& path, const Pack& pack) {
  if (!j.is_object()) r.fail(path, "应为对象");
  Rule rule;
  rule.pack = pack.id;
  rule.id = r.str(j, "id", path);
  if (!valid_id(rule.id)) r.fail(path + ".id", "只能含字母、数字、- 和 _");
  const std::string p = path + "(" + rule.id + ")";
  rule.title = r.str(j, "title", p);
  rule.category = r.str(j, "category", p);
  if (std::find(category_codes().begin(), category_codes().end(), rule.category) == category_codes().end())
    r.fail(p + ".category", "未知的类别代码 " + rule.category);
  const std::string sev = r.str(j, "severity", p);
  if (sev == "revise") rule.severity = Severity::Revise;
  else if (sev == "justify") rule.severity = Severity::Justify;
  else if (sev == "block") rule.severity = Severity::Block;
  else r.fail(p + ".severity", "应为 revise、justify 或 block");
  rule.scope = r.strings(j, "scope", p);
  if (rule.scope.empty()) r.fail(p + ".scope", "至少适用于一类事项");
  for (const auto& k : rule.scope) {
    if (std::find(proposal_kinds().begin(), proposal_kinds().end(), k) == proposal_kinds().end())
      r.fail(p + ".scope", "未知的事项类型 " + k);
  }
  rule.source = r.str(j, "source", p);
  if (!pack.sources.count(rule.source)) r.fail(p + ".source", "引用了未定义的依据 " + rule.source);
  rule.article = r.str(j, "article", p, false);
  rule.effective_from = r.str(j, "effective_from", p, false);
  rule.effective_to = r.str(j, "effective_to", p, false);
  if (!rule.effective_from.empty()) r.date(rule.effective_from, p + ".effective_from");
  if (!rule.effective_to.empty()) r.date(rule.effective_to, p + ".effective_to");
  const std::string conf = r.str(j, "confidence", p);
  if (conf != "verified" && conf != "unverified") r.fail(p + ".confidence", "应为 verified 或 unverified");
  rule.verified = conf == "verified";
  if (!rule.verified && rule.severity == Severity::Block)
    r.fail(p + ".severity", "条文未经核实（unverified）的规则只能提示（revise/justify），不能判定不符合（block）");
  if (j.contains("params")) {
    if (!j["params"].is_object()) r.fail(p + ".params", "应为对象");
    rule.params = j["params"];
  }
  if (!j.contains("when")) r.fail(p, "缺少 when（触发条件）");
  rule.when = j["when"];
  rule.message = r.str(j, "message", p);
  rule.fix = r.str(j, "fix", p);
  rule.replaces = r.str(j, "replaces", p, false);
  if (!j.contains("examples") || !j["examples"].is_object()) r.fail(p, "缺少 examples（正例和反例）");
  for (const char* key : {"positive", "negative"}) {
    const json& ex = j["examples"].value(key, json::array());
    if (!ex.is_array() || ex.empty()) r.fail(p + ".examples." + key, "至少需要一个例子");
    for (const auto& e : ex) {
      if (!e.is_string() && !e.is_object()) r.fail(p + ".examples." + key, "例子应为正文字符串或事项对象");
      (std::string(key) == "positive" ? rule.positive : rule.negative).push_back(e);
    }
  }
  return rule;
}

}  // namespace

Pack parse_pack(std::string_view bytes, const std::string& origin) {
  Reader r(origin);
  json j;
  try {
    j = json::parse(bytes);
  } catch (const json::parse_error& e) {
    throw bad_input("PACK_INVALID", "规则包 " + origin + " 不是有效的 JSON：" + e.what());
  }
  if (!j.is_object()) r.fail("$", "顶层应为对象");
  if (j.value("format", "") != "jianfu-pack/1") r.fail("$.format", "应为 \"jianfu-pack/1\"");
  Pack pack;
  pack.sha256 = util::sha256_hex(bytes);
  pack.id = r.str(j, "id", "$");
  if (!valid_id(pack.id)) r.fail("$.id", "只能含字母、数字、- 和 _");
  pack.version = r.str(j, "version", "$");
  pack.title = r.str(j, "title", "$");
  pack.region = r.str(j, "region", "$", false);
  pack.description = r.str(j, "description", "$", false);
  pack.extends = r.str(j, "extends", "$", false);
  if (j.contains("sources")) {
    if (!j["sources"].is_object()) r.fail("$.sources", "应为对象");
    for (const auto& [key, s] : j["sources"].items()) {
      const std::string path = "$.sources." + key;
      Source src;
      src.key = key;
      src.document = r.str(s, "document", path);
      src.issuer = r.str(s, "issuer", path, false);
      src.date = r.str(s, "date", path, false);
      src.link = r.str(s, "link", path, false);
      src.authority = parse_authority(r, r.str(s, "authority", path), path + ".authority");
      pack.sources.emplace(key, src);
    }
  }
  if (j.contains("cues")) {
    pack.has_cues = true;
    pack.cues = parse_cues(r, j["cues"]);
  } else if (pack.extends.empty()) {
    r.fail("$.cues", "基础规则包（无 extends）需要 cues");
  }
  if (j.contains("facts")) {
    if (!j["facts"].is_array()) r.fail("$.facts", "应为数组");
    for (std::size_t i = 0; i < j["facts"].size(); ++i)
      pack.facts.push_back(parse_fact(r, j["facts"][i], "$.facts[" + std::to_string(i) + "]"));
  }
  pack.disables = r.strings(j, "disables", "$");
  if (!j.contains("rules") || !j["rules"].is_array()) r.fail("$.rules", "缺少 rules 数组");
  std::set<std::string> ids;
  for (std::size_t i = 0; i < j["rules"].size(); ++i) {
    Rule rule = parse_rule(r, j["rules"][i], "$.rules[" + std::to_string(i) + "]", pack);
    if (!ids.insert(rule.id).second) r.fail("$.rules[" + std::to_string(i) + "]", "规则编号重复：" + rule.id);
    pack.rules.push_back(std::move(rule));
  }
  return pack;
}

}  // namespace jianfu::rules
