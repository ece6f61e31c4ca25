#include "rules/pack_check.h"

#include <set>

#include "assess/engine.h"
#include "error.h"

namespace jianfu::rules {

using nlohmann::json;

nlohmann::ordered_json PackCheck::to_json() const {
  nlohmann::ordered_json j;
  j["pack"] = pack;
  j["ok"] = ok();
  j["rules"] = rules;
  j["examples"] = examples;
  j["errors"] = errors;
  j["warnings"] = warnings;
  return j;
}

namespace {

json example_proposal(const json& ex, const Rule& r) {
  json p = ex.is_string() ? json{{"text", ex}} : ex;
  if (!p.contains("kind")) p["kind"] = r.scope.front();
  return p;
}

// Examples run on a fixed date inside the rule's validity, so that results never drift with the clock.
std::string example_date(const json& p, const Rule& r) {
  if (p.contains("date") && p["date"].is_string()) return p["date"].get<std::string>();
  if (!r.effective_from.empty() && r.effective_from > "2025-06-01") return r.effective_from;
  if (!r.effective_to.empty() && r.effective_to < "2025-06-01") return r.effective_to;
  return "2025-06-01";
}

}  // namespace

PackCheck check_pack(const PackSet& set, const std::string& pack_id, const std::string& today) {
  PackCheck out;
  out.pack = pack_id;
  const Pack* pack = nullptr;
  for (const Pack& p : set.packs()) if (p.id == pack_id) pack = &p;
  if (!pack) throw bad_input("PACK_NOT_FOUND", "规则包 " + pack_id + " 未加载。");

  std::set<std::string> active;
  for (const ActiveRule& ar : set.rules()) if (ar.rule->pack == pack_id) active.insert(ar.rule->id);
  std::set<std::string> fired_somewhere;

  for (const Rule& r : pack->rules) {
    ++out.rules;
    const std::string name = pack_id + ":" + r.id;
    if (!active.count(r.id)) {
      out.warnings.push_back(name + " 被后加载的规则包替换或停用，未检查。");
      continue;
    }
    const Source& src = pack->sources.at(r.source);
    if (r.article.empty() && src.link.empty()) out.warnings.push_back(name + " 的依据没有条款号也没有链接，引用不完整。");
    if (!r.effective_to.empty() && r.effective_to < today) out.warnings.push_back(name + " 已于 " + r.effective_to + " 失效。");
    if (src.authority == Authority::Practice &&
        (r.message.find("规定") != std::string::npos || r.title.find("规定") != std::string::npos)) {
      out.errors.push_back(name + " 依据的是实务做法，提示语不能称为“规定”。");
    }
    for (int positive = 1; positive >= 0; --positive) {
      const auto& list = positive ? r.positive : r.negative;
      for (std::size_t i = 0; i < list.size(); ++i) {
        ++out.examples;
        const std::string where = name + (positive ? " 正例 " : " 反例 ") + std::to_string(i + 1);
        try {
          const json pj = example_proposal(list[i], r);
          const assess::Proposal p = assess::proposal_from_json(pj);
          const assess::Report rep = assess::assess(p, set, example_date(pj, r));
          bool fired = false;
          for (const auto& f : rep.findings) {
            if (f.pack == pack_id) fired_somewhere.insert(f.rule);
            if (f.pack == pack_id && f.rule == r.id) fired = true;
          }
          if (positive && !fired) {
            std::string why;
            const auto und = rep.undecided.find(name);
            if (und != rep.undecided.end()) for (const auto& f : und->second) why += (why.empty() ? "" : "、") + f;
            out.errors.push_back(where + " 未触发该规则" + (why.empty() ? "。" : "（缺少事实：" + why + "）。"));
          }
          if (!positive && fired) out.errors.push_back(where + " 不应触发该规则，却触发了。");
        } catch (const Error& e) {
          out.errors.push_back(where + " 无法运行：" + e.message_zh());
        }
      }
    }
  }
  for (const Rule& r : pack->rules) {
    if (active.count(r.id) && !fired_somewhere.count(r.id))
      out.errors.push_back(pack_id + ":" + r.id + " 在本包所有例子中都未触发。");
  }
  return out;
}

}  // namespace jianfu::rules
