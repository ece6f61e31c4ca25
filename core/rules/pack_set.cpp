#include "rules/pack_set.h"

#include <algorithm>
#include <set>

#include "error.h"
#include "rules/pack_check.h"
#include "util/pack_loading.h"

namespace jianfu::rules {

namespace {

std::pair<std::string, std::string> split_ref(const std::string& ref) {
  const auto colon = ref.find(':');
  if (colon == std::string::npos) return {"", ref};
  return {ref.substr(0, colon), ref.substr(colon + 1)};
}

}  // namespace

const Condition* PackSet::ask_if(const std::string& fact) const {
  const auto it = ask_if_.find(fact);
  return it == ask_if_.end() ? nullptr : it->second.get();
}

std::unique_ptr<PackSet> PackSet::build(std::vector<Pack> packs) {
  std::unique_ptr<PackSet> set(new PackSet());
  set->packs_ = std::move(packs);
  auto& ps = set->packs_;
  if (ps.empty()) throw bad_input("PACK_INVALID", "没有可用的规则包。");

  // Order and bases.
  std::set<std::string> seen;
  const Pack* cue_pack = nullptr;
  for (const Pack& p : ps) {
    if (seen.count(p.id)) throw bad_input("PACK_INVALID", "规则包 " + p.id + " 重复加载。");
    if (!p.extends.empty() && !seen.count(p.extends))
      throw bad_input("PACK_BASE_MISSING", "规则包 " + p.id + " 依赖的基础规则包 " + p.extends + " 未加载（应在其之前加载）。");
    seen.insert(p.id);
    if (p.has_cues && !cue_pack) cue_pack = &p;
  }
  if (!cue_pack) throw bad_input("PACK_INVALID", "已加载的规则包都没有 cues（基础规则包）。");

  // Facts: the proposal's own fields first (rules may test them like facts), then the packs' union,
  // one definition per id.
  const std::pair<const char*, const char*> fields[] = {{"issuer", "制发（提出）单位名称？"}, {"title", "标题？"}};
  for (const auto& [id, q] : fields) {
    FactDef f;
    f.id = id;
    f.type = "string";
    f.question = q;
    set->facts_.emplace(id, f);
  }
  FactDef level;
  level.id = "issuer_level";
  level.type = "enum";
  level.question = "制发（提出）单位属于哪一级？";
  level.options = {"central", "province", "city", "county", "township"};
  level.option_labels = {{"central", "中央"}, {"province", "省级"}, {"city", "市级"}, {"county", "县级"}, {"township", "乡镇（街道）"}};
  set->facts_.emplace(level.id, level);
  for (const Pack& p : ps) {
    for (const FactDef& f : p.facts) {
      auto it = set->facts_.find(f.id);
      if (it != set->facts_.end()) {
        if (it->second.type != f.type)
          throw bad_input("PACK_INVALID", "规则包 " + p.id + " 重新定义了事实 " + f.id + " 且类型不同。");
        continue;
      }
      set->facts_.emplace(f.id, f);
      set->fact_order_.push_back(f.id);
    }
  }

  // Which rules are active: later packs may replace or disable local and practice rules only.
  std::map<std::string, std::pair<const Rule*, const Source*>> by_ref;  // "pack:rule"
  std::vector<std::string> order;
  auto switch_off = [&](const Pack& p, const std::string& ref, const char* how) {
    auto [pack_id, rule_id] = split_ref(ref);
    const auto it = by_ref.find(pack_id + ":" + rule_id);
    if (it == by_ref.end())
      throw bad_input("PACK_INVALID", "规则包 " + p.id + " " + how + "的规则 " + ref + " 不存在（格式为 包编号:规则编号）。");
    if (is_national(it->second.second->authority))
      throw bad_input("PACK_CANNOT_RELAX_NATIONAL", "规则包 " + p.id + " 试图" + how + "全国性规定 " + ref +
                                                        "。地方规则包只能收紧或放宽地方规定和实务做法，不能停用全国性规定；"
                                                        "如需更严格的要求，请新增一条规则。");
    by_ref.erase(it);
    order.erase(std::remove(order.begin(), order.end(), pack_id + ":" + rule_id), order.end());
  };
  std::set<std::string> local_ids;
  for (const Pack& p : ps) {
    for (const std::string& ref : p.disables) switch_off(p, ref, "停用");
    for (const Rule& r : p.rules) {
      if (!r.replaces.empty()) switch_off(p, r.replaces, "替换");
      const std::string ref = p.id + ":" + r.id;
      by_ref[ref] = {&r, &p.sources.at(r.source)};
      order.push_back(ref);
    }
  }

  // Compile: cue words first, then every rule's and fact's conditions, into one automaton.
  set->cues_ = analysis::CueIds::add_to(set->matcher_, cue_pack->cues);
  for (const std::string& ref : order) {
    const auto& [rule, source] = by_ref.at(ref);
    if (!local_ids.insert(rule->id).second)
      throw bad_input("PACK_INVALID", "规则编号 " + rule->id + " 在多个规则包中出现；地方规则请使用各自的前缀。");
    CompileEnv env{set->matcher_, rule->params, set->facts_, rule->pack + ":" + rule->id + ".when"};
    set->rules_.push_back(ActiveRule{rule, source, Condition::compile(rule->when, env)});
  }
  const nlohmann::json no_params = nlohmann::json::object();
  for (const auto& [id, f] : set->facts_) {
    if (f.ask_if.is_null()) continue;
    CompileEnv env{set->matcher_, no_params, set->facts_, "facts." + id + ".ask_if"};
    set->ask_if_[id] = Condition::compile(f.ask_if, env);
  }
  set->matcher_.build();
  return set;
}

std::unique_ptr<PackSet> load_pack_set(const std::vector<std::string>& specs_in, bool verify_files) {
  const std::vector<std::string> specs = specs_in.empty() ? default_pack_ids() : specs_in;
  const util::PackSource<Pack> source{"规则包", builtin_pack_text, builtin_pack_ids, parse_pack};
  std::vector<std::string> from_files;
  std::vector<Pack> packs = util::resolve_packs(specs, source, &from_files);
  auto set = PackSet::build(std::move(packs));
  if (verify_files) {
    for (const std::string& id : from_files) {
      const PackCheck check = check_pack(*set, id, "");
      if (!check.ok())
        throw bad_input("PACK_EXAMPLES_FAILED", "规则包 " + id + " 的规则未通过自带的例子（" + check.errors.front() +
                                                    (check.errors.size() > 1 ? " 等 " + std::to_string(check.errors.size()) + " 项" : "") +
                                                    "），不予加载。请用 jianfu-cli test-pack 查看详情。");
    }
  }
  return set;
}

}  // namespace jianfu::rules
