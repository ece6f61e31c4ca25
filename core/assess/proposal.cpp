#include "assess/proposal.h"

#include <algorithm>

#include "error.h"
#include "rules/pack.h"
#include "text/utf8.h"
#include "util/json_input.h"
#include "util/typed_date.h"

namespace jianfu::assess {

using nlohmann::json;

const std::vector<std::string_view>& proposal_keys() {
  static const std::vector<std::string_view> keys = {"kind", "title", "issuer", "issuer_level", "date", "text", "parent_text", "facts"};
  return keys;
}

bool valid_date(const std::string& s) { return util::real_iso_date(s); }

namespace {

std::string get_string(const json& j, const char* key, const char* label) {
  if (!j.contains(key) || j[key].is_null()) return "";
  if (!j[key].is_string())
    throw bad_input("WRONG_TYPE", std::string("字段 ") + key + "（" + label + "）应为文本（字符串）。");
  return j[key].get<std::string>();
}

void check_length(const std::string& s, const char* key) {
  if (text::count_code_points(s) > kMaxTextChars)
    throw bad_input("TEXT_TOO_LARGE", std::string("字段 ") + key + " 超过 " + std::to_string(kMaxTextChars) +
                                          " 字的上限。请只粘贴需要检查的文件正文。");
}

}  // namespace

Proposal proposal_from_json(const json& j) {
  if (!j.is_object()) throw bad_input("NOT_AN_OBJECT", "输入应为一个 JSON 对象（{…}）。");
  if (!j.contains("kind")) throw bad_input("MISSING_KIND", "缺少必填字段 kind（事项类型，如 document、meeting）。");
  Proposal p;
  p.kind = get_string(j, "kind", "事项类型");
  const auto& kinds = rules::proposal_kinds();
  if (std::find(kinds.begin(), kinds.end(), p.kind) == kinds.end()) {
    std::string all;
    for (const auto& k : kinds) all += (all.empty() ? "" : "、") + k;
    throw bad_input("UNKNOWN_KIND", "未知的事项类型 kind=\"" + p.kind + "\"。可用：" + all + "。");
  }
  p.title = get_string(j, "title", "标题");
  p.issuer = get_string(j, "issuer", "制发单位");
  p.issuer_level = get_string(j, "issuer_level", "制发层级");
  static const char* const levels[] = {"central", "province", "city", "county", "township"};
  if (!p.issuer_level.empty() && std::none_of(std::begin(levels), std::end(levels), [&](const char* l) { return p.issuer_level == l; }))
    throw bad_input("UNKNOWN_ISSUER_LEVEL", "未知的制发层级 issuer_level=\"" + p.issuer_level +
                                                "\"。可用：central、province、city、county、township。");
  p.date = get_string(j, "date", "日期");
  if (!p.date.empty() && !valid_date(p.date)) throw bad_input("BAD_DATE", "日期 date 应为实际存在的日期（YYYY-MM-DD），收到：" + p.date);
  p.text = get_string(j, "text", "正文");
  p.has_parent = j.contains("parent_text") && !j["parent_text"].is_null();
  p.parent_text = get_string(j, "parent_text", "上级文件正文");
  check_length(p.text, "text");
  check_length(p.parent_text, "parent_text");
  if (j.contains("facts") && !j["facts"].is_null()) {
    if (!j["facts"].is_object()) throw bad_input("WRONG_TYPE", "字段 facts 应为对象（{…}）。");
    p.facts = j["facts"];
  }
  p.unknown_fields = util::unknown_keys(j, proposal_keys());
  return p;
}

Proposal parse_proposal(std::string_view bytes) { return proposal_from_json(util::parse_json_input(bytes)); }

}  // namespace jianfu::assess
