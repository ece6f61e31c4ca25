#include "review/list_pack.h"

#include <algorithm>
#include <set>

#include "error.h"
#include "util/pack_loading.h"
#include "util/sha256.h"

namespace jianfu::review {

using nlohmann::json;

const std::vector<std::string>& list_names() {
  static const std::vector<std::string> names = {"duty", "assist", "negative", "certificate", "certificate_allowed"};
  return names;
}

const std::vector<std::string>& reason_codes() {
  static const std::vector<std::string> codes = {"WI_DUTY", "WI_ASSIST", "WI_NEGATIVE", "WI_CERT", "WI_UNLISTED",
                                                 "WI_NO_SUPPORT", "WI_MECHANISM", "WI_FORMS", "WI_ASSESS", "WI_DUPLICATE"};
  return codes;
}

namespace {

[[noreturn]] void fail(const std::string& origin, const std::string& path, const std::string& what) {
  throw bad_input("LIST_PACK_INVALID", "清单包 " + origin + " 有误（" + path + "）：" + what);
}

std::string str(const json& o, const char* key, const std::string& origin, const std::string& path, bool required) {
  if (!o.contains(key) || o[key].is_null()) {
    if (required) fail(origin, path, std::string("缺少字段 ") + key);
    return "";
  }
  if (!o[key].is_string()) fail(origin, path + "." + key, "应为字符串");
  return o[key].get<std::string>();
}

std::vector<std::string> strings(const json& o, const char* key, const std::string& origin, const std::string& path) {
  std::vector<std::string> out;
  if (!o.contains(key)) return out;
  if (!o[key].is_array()) fail(origin, path + "." + key, "应为字符串数组");
  for (const auto& v : o[key]) {
    if (!v.is_string() || v.get<std::string>().empty()) fail(origin, path + "." + key, "应为非空字符串数组");
    out.push_back(v.get<std::string>());
  }
  return out;
}

rules::Authority authority(const std::string& v, const std::string& origin, const std::string& path) {
  for (auto a : {rules::Authority::Law, rules::Authority::PartyRegulation, rules::Authority::CentralDocument,
                 rules::Authority::NationalStandard, rules::Authority::LocalRegulation, rules::Authority::Practice}) {
    if (v == rules::authority_code(a)) return a;
  }
  fail(origin, path, "未知的效力层级 " + v);
}

}  // namespace

ListPack parse_list_pack(std::string_view bytes, const std::string& origin) {
  json j;
  try {
    j = json::parse(bytes);
  } catch (const json::parse_error& e) {
    throw bad_input("LIST_PACK_INVALID", "清单包 " + origin + " 不是有效的 JSON：" + e.what());
  }
  if (!j.is_object() || j.value("format", "") != "jianfu-lists/1") fail(origin, "$.format", "应为 \"jianfu-lists/1\"");
  ListPack p;
  p.sha256 = util::sha256_hex(bytes);
  p.id = str(j, "id", origin, "$", true);
  p.version = str(j, "version", origin, "$", true);
  p.title = str(j, "title", origin, "$", true);
  p.region = str(j, "region", origin, "$", false);
  p.extends = str(j, "extends", origin, "$", false);
  // Bound to locals: iterating items() of a temporary would leave the loop with a dangling proxy.
  const json sources = j.value("sources", json::object());
  const json reasons = j.value("reasons", json::object());
  const json flags = j.value("flags", json::object());
  for (const auto& [key, s] : sources.items()) {
    const std::string path = "$.sources." + key;
    rules::Source src;
    src.key = key;
    src.document = str(s, "document", origin, path, true);
    src.issuer = str(s, "issuer", origin, path, false);
    src.date = str(s, "date", origin, path, false);
    src.link = str(s, "link", origin, path, false);
    src.authority = authority(str(s, "authority", origin, path, true), origin, path + ".authority");
    p.sources.emplace(key, src);
  }
  const json settings = j.value("settings", json::object());
  if (settings.contains("threshold")) p.threshold = settings["threshold"].get<double>();
  if (settings.contains("duplicate_threshold")) p.duplicate_threshold = settings["duplicate_threshold"].get<double>();
  p.stop_words = strings(settings, "stop_words", origin, "$.settings");
  for (const auto& [code, r] : reasons.items()) {
    if (std::find(reason_codes().begin(), reason_codes().end(), code) == reason_codes().end())
      fail(origin, "$.reasons." + code, "未知的理由代码");
    ReasonText t{str(r, "message", origin, "$.reasons." + code, true), str(r, "source", origin, "$.reasons." + code, true),
                 str(r, "article", origin, "$.reasons." + code, false)};
    if (!p.sources.count(t.source)) fail(origin, "$.reasons." + code + ".source", "引用了未定义的依据 " + t.source);
    p.reasons.emplace(code, t);
  }
  for (const auto& [code, terms] : flags.items()) {
    if (code != "WI_FORMS" && code != "WI_MECHANISM" && code != "WI_ASSESS") fail(origin, "$.flags." + code, "只支持 WI_FORMS、WI_MECHANISM、WI_ASSESS");
    p.flags[code] = strings(j["flags"], code.c_str(), origin, "$.flags");
  }
  p.conditions = strings(j, "conditions", origin, "$");
  p.steps = strings(j, "steps", origin, "$");
  p.removes = strings(j, "removes", origin, "$");
  std::set<std::string> ids;
  const json entries = j.value("entries", json::array());
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const std::string path = "$.entries[" + std::to_string(i) + "]";
    Entry e;
    e.pack = p.id;
    e.id = str(entries[i], "id", origin, path, true);
    e.list = str(entries[i], "list", origin, path, true);
    if (std::find(list_names().begin(), list_names().end(), e.list) == list_names().end())
      fail(origin, path + ".list", "未知的清单 " + e.list);
    e.name = str(entries[i], "name", origin, path, true);
    e.aliases = strings(entries[i], "aliases", origin, path);
    e.legal_basis = str(entries[i], "legal_basis", origin, path, false);
    e.source = str(entries[i], "source", origin, path, true);
    if (!p.sources.count(e.source)) fail(origin, path + ".source", "引用了未定义的依据 " + e.source);
    if (!ids.insert(e.id).second) fail(origin, path + ".id", "编号重复：" + e.id);
    p.entries.push_back(std::move(e));
  }
  return p;
}

const ReasonText& ListSet::reason(const std::string& code) const {
  static const ReasonText none{};
  const auto it = reasons_.find(code);
  return it == reasons_.end() ? none : it->second;
}

const rules::Source* ListSet::source(const std::string& pack, const std::string& key) const {
  for (const auto& p : packs_) {
    if (p.id != pack) continue;
    const auto it = p.sources.find(key);
    return it == p.sources.end() ? nullptr : &it->second;
  }
  return nullptr;
}

std::unique_ptr<ListSet> ListSet::build(std::vector<ListPack> packs) {
  auto set = std::make_unique<ListSet>();
  set->packs_ = std::move(packs);
  std::vector<Entry*> active;
  std::set<std::string> seen;
  auto protected_entry = [&](const Entry& e) {
    const ListPack* owner = nullptr;
    for (const auto& p : set->packs_) if (p.id == e.pack) owner = &p;
    const bool binding_list = e.list == "negative" || e.list == "certificate";
    return binding_list && owner && rules::is_national(owner->sources.at(e.source).authority);
  };
  for (ListPack& p : set->packs_) {
    if (!p.extends.empty() && !seen.count(p.extends))
      throw bad_input("PACK_BASE_MISSING", "清单包 " + p.id + " 依赖的基础清单包 " + p.extends + " 未加载。");
    seen.insert(p.id);
    auto drop = [&](const std::string& id, const char* how) {
      auto it = std::find_if(active.begin(), active.end(), [&](const Entry* e) { return e->id == id; });
      if (it == active.end()) {
        if (std::string(how) == "删除") throw bad_input("LIST_PACK_INVALID", "清单包 " + p.id + " 要删除的条目 " + id + " 不存在。");
        return;
      }
      if (protected_entry(**it))
        throw bad_input("PACK_CANNOT_RELAX_NATIONAL", "清单包 " + p.id + " 试图" + how + "全国性负面清单或证明清单条目 " + id +
                                                          "。省级清单只能增加，不能删减全国性禁止事项。");
      active.erase(it);
    };
    for (const std::string& id : p.removes) drop(id, "删除");
    for (Entry& e : p.entries) {
      drop(e.id, "替换");
      active.push_back(&e);
    }
    for (const auto& [code, t] : p.reasons) {
      set->reasons_[code] = t;
      set->reason_pack_[code] = p.id;
    }
    for (const auto& [code, terms] : p.flags) {
      auto& all = set->flags_[code];
      all.insert(all.end(), terms.begin(), terms.end());
    }
    if (!p.conditions.empty()) set->conditions_ = p.conditions;
    if (!p.steps.empty()) set->steps_ = p.steps;
    if (p.threshold > 0) set->threshold_ = p.threshold;
    if (p.duplicate_threshold > 0) set->duplicate_threshold_ = p.duplicate_threshold;
    if (!p.stop_words.empty()) set->normalizer_.set_stop_words(p.stop_words);
  }
  for (const auto& code : reason_codes()) {
    if (!set->reasons_.count(code)) throw bad_input("LIST_PACK_INVALID", "已加载的清单包缺少理由 " + code + " 的说明。");
  }
  if (set->steps_.empty() || set->conditions_.empty())
    throw bad_input("LIST_PACK_INVALID", "已加载的清单包缺少准入程序（steps）或附加条件（conditions）。");
  set->scanner_ = std::make_unique<FlagScanner>(set->flags_);
  for (Entry* e : active) {
    e->keys.clear();
    e->keys.push_back(set->normalizer_.bigrams(e->name));
    for (const auto& a : e->aliases) e->keys.push_back(set->normalizer_.bigrams(a));
    set->entries_.push_back(e);
  }
  return set;
}

std::unique_ptr<ListSet> load_list_set(const std::vector<std::string>& specs_in) {
  const std::vector<std::string> specs = specs_in.empty() ? default_list_ids() : specs_in;
  const util::PackSource<ListPack> source{"清单包", builtin_list_text, builtin_list_ids, parse_list_pack};
  return ListSet::build(util::resolve_packs(specs, source));
}

}  // namespace jianfu::review
