#include "review/review.h"

#include <algorithm>
#include <cmath>

#include "error.h"
#include "rules/pack.h"
#include "text/utf8.h"
#include "util/json_input.h"

namespace jianfu::review {

using nlohmann::json;

namespace {

constexpr double kShowFrom = 0.3;  // matches below this are not worth showing
constexpr std::size_t kMaxMatches = 5;

std::string field(const json& j, const char* key) {
  if (!j.contains(key) || j[key].is_null()) return "";
  if (!j[key].is_string()) throw bad_input("WRONG_TYPE", std::string("字段 ") + key + " 应为文本（字符串）。");
  return j[key].get<std::string>();
}

std::optional<bool> flag(const json& j, const char* key) {
  if (!j.contains(key) || j[key].is_null()) return std::nullopt;
  if (!j[key].is_boolean()) throw bad_input("WRONG_TYPE", std::string("字段 ") + key + " 应为 true 或 false。");
  return j[key].get<bool>();
}

void replace_all(std::string& s, const std::string& key, const std::string& value) {
  for (std::size_t pos = 0; (pos = s.find(key, pos)) != std::string::npos; pos += value.size()) s.replace(pos, key.size(), value);
}

double round3(double x) { return std::round(x * 1000) / 1000; }

}  // namespace

const std::vector<std::string_view>& work_item_keys() {
  static const std::vector<std::string_view> keys = {
      "name", "description", "department", "legal_basis", "approved_by", "requires_certificate", "funding",
      "staff_support", "requires_forms", "requires_new_mechanism", "with_assessment", "with_pledge_or_veto"};
  return keys;
}

WorkItem work_item_from_json(const json& j) {
  if (!j.is_object()) throw bad_input("NOT_AN_OBJECT", "输入应为一个 JSON 对象（{…}）。");
  WorkItem w;
  w.name = field(j, "name");
  if (w.name.empty()) throw bad_input("MISSING_NAME", "缺少必填字段 name（事项名称）。");
  w.description = field(j, "description");
  w.department = field(j, "department");
  w.legal_basis = field(j, "legal_basis");
  w.approved_by = field(j, "approved_by");
  if (!w.approved_by.empty() && w.approved_by != "county_committee" && w.approved_by != "county_government" && w.approved_by != "none")
    throw bad_input("UNKNOWN_APPROVAL", "approved_by 应为 county_committee、county_government 或 none，收到：" + w.approved_by);
  w.requires_certificate = field(j, "requires_certificate");
  w.funding = flag(j, "funding");
  w.staff_support = flag(j, "staff_support");
  w.requires_forms = flag(j, "requires_forms").value_or(false);
  w.requires_new_mechanism = flag(j, "requires_new_mechanism").value_or(false);
  w.with_assessment = flag(j, "with_assessment").value_or(false);
  w.with_pledge_or_veto = flag(j, "with_pledge_or_veto").value_or(false);
  w.unknown_fields = util::unknown_keys(j, work_item_keys());
  for (const std::string* s : {&w.name, &w.description, &w.department, &w.legal_basis, &w.requires_certificate}) {
    if (text::count_code_points(*s) > 100000) throw bad_input("TEXT_TOO_LARGE", "事项内容超过 10 万字的上限。");
  }
  return w;
}

WorkItem parse_work_item(std::string_view bytes) { return work_item_from_json(util::parse_json_input(bytes)); }

Decision review(const WorkItem& w, const ListSet& lists, const std::vector<std::string>& existing) {
  Decision d;
  for (const auto& p : lists.packs()) d.packs.push_back(&p);
  const Normalizer& norm = lists.normalizer();
  const std::string whole = w.name + "。" + w.description;
  const ItemGrams item = item_grams(norm.bigrams(whole));
  const ItemGrams cert = item_grams(norm.bigrams(w.requires_certificate));

  // Score every entry by its best key (name or alias).
  struct Scored { const Entry* e; double score; };
  std::vector<Scored> scored;
  std::map<std::string, Scored> best;  // per list
  for (const Entry* e : lists.entries()) {
    const bool is_cert = e->list == "certificate" || e->list == "certificate_allowed";
    const ItemGrams& against = is_cert && !w.requires_certificate.empty() ? cert : item;
    double s = 0;
    for (const auto& k : e->keys) s = std::max(s, similarity(against, k));
    s = round3(s);
    scored.push_back({e, s});
    auto it = best.find(e->list);
    if (it == best.end() || s > it->second.score) best[e->list] = {e, s};
  }
  std::stable_sort(scored.begin(), scored.end(), [](const Scored& a, const Scored& b) { return a.score > b.score; });
  for (const auto& s : scored) {
    if (s.score < kShowFrom || d.matched.size() == kMaxMatches) break;
    d.matched.push_back({s.e->list, s.e->name, s.score});
  }

  const double th = lists.threshold();
  auto hit = [&](const char* list) { auto it = best.find(list); return it != best.end() && it->second.score >= th ? it->second.e : nullptr; };
  auto add_reason = [&](const std::string& code, const std::map<std::string, std::string>& vars) {
    const ReasonText& t = lists.reason(code);
    std::string msg = t.message;
    for (const auto& [k, v] : vars) replace_all(msg, "{" + k + "}", v);
    std::string basis;
    for (const auto& p : lists.packs()) {
      if (const rules::Source* src = lists.source(p.id, t.source)) {
        basis = src->document + (t.article.empty() ? "" : " " + t.article) + "（" + rules::authority_label(src->authority) + "）";
      }
    }
    d.reasons.push_back({code, msg, basis});
  };
  auto score_text = [](double s) { char b[16]; std::snprintf(b, sizeof b, "%.2f", s); return std::string(b); };

  // Which list the item belongs to.
  const Entry* negative = hit("negative");
  const Entry* duty = hit("duty");
  const Entry* assist = hit("assist");
  const Entry* main = nullptr;
  if (negative) {
    d.list = "negative";
    main = negative;
  } else if (duty || assist) {
    const bool is_duty = duty && (!assist || best["duty"].score >= best["assist"].score);
    main = is_duty ? duty : assist;
    d.list = is_duty ? "duty" : "assist";
  } else {
    d.list = "none";
  }

  bool reject = false;
  if (negative) {
    add_reason("WI_NEGATIVE", {{"item", negative->name}, {"score", score_text(best["negative"].score)}});
    reject = true;
  }

  // Certificates: only those with a legal basis or on a permitted list may be issued.
  const Entry* cert_forbidden = hit("certificate");
  const Entry* cert_allowed = hit("certificate_allowed");
  if (!w.requires_certificate.empty()) {
    const bool allowed = cert_allowed && (!cert_forbidden || best["certificate_allowed"].score >= best["certificate"].score);
    if (!allowed && (cert_forbidden || w.legal_basis.empty())) {
      add_reason("WI_CERT", {{"certificate", w.requires_certificate}, {"item", cert_forbidden ? cert_forbidden->name : ""}});
      reject = true;
    }
    if (d.list == "none") d.list = "certificate";
  } else if (cert_forbidden && best["certificate"].score >= 0.99) {
    add_reason("WI_CERT", {{"certificate", cert_forbidden->name}, {"item", cert_forbidden->name}});
    reject = true;
    if (d.list == "none") d.list = "certificate";
  }

  // Attached demands: new mechanisms or posts, forms and traces, assessments and pledges.
  const auto flags = lists.flag_scanner().scan(whole);
  auto terms_of = [&](const char* code) {
    std::string s;
    const auto it = flags.find(code);
    if (it != flags.end()) for (const auto& t : it->second) s += (s.empty() ? "" : "、") + t;
    return s;
  };
  if (w.requires_new_mechanism || flags.count("WI_MECHANISM")) {
    add_reason("WI_MECHANISM", {{"terms", terms_of("WI_MECHANISM").empty() ? "新设机制、挂牌或专人专岗" : terms_of("WI_MECHANISM")}});
    reject = true;
  }
  if (w.requires_forms || flags.count("WI_FORMS")) {
    add_reason("WI_FORMS", {{"terms", terms_of("WI_FORMS").empty() ? "额外填表报数或留痕" : terms_of("WI_FORMS")}});
    reject = true;
  }
  if (w.with_assessment || w.with_pledge_or_veto || flags.count("WI_ASSESS")) {
    add_reason("WI_ASSESS", {{"terms", terms_of("WI_ASSESS").empty() ? "考核排名、一票否决或责任状" : terms_of("WI_ASSESS")}});
    reject = true;
  }
  for (const auto& e : existing) {
    const double s = round3(similarity(item, norm.bigrams(e)));
    if (s >= lists.duplicate_threshold()) {
      add_reason("WI_DUPLICATE", {{"item", e}, {"score", score_text(s)}});
      reject = true;
      break;
    }
  }

  const std::map<std::string, std::string> item_vars = {{"item", main ? main->name : ""},
                                                         {"score", score_text(main ? best[d.list].score : 0)}};
  if (d.list == "duty") add_reason("WI_DUTY", item_vars);
  if (d.list == "assist") add_reason("WI_ASSIST", item_vars);
  if (d.list == "none" || (d.list == "certificate" && !main)) {
    if (d.list == "none") {
      const std::string nearest = d.matched.empty() ? "无" : d.matched.front().item + "（相似度 " + score_text(d.matched.front().score) + "）";
      add_reason("WI_UNLISTED", {{"item", nearest}});
    }
  }
  const bool needs_support = d.list == "assist" || d.list == "none";
  if (needs_support && (w.funding == false || w.staff_support == false)) add_reason("WI_NO_SUPPORT", {});

  auto fill = [&](const std::vector<std::string>& templ) {
    std::vector<std::string> out;
    for (std::string s : templ) {
      replace_all(s, "{department}", w.department.empty() ? "提出部门" : w.department);
      replace_all(s, "{name}", w.name);
      out.push_back(s);
    }
    return out;
  };
  const bool approved = w.approved_by == "county_committee" || w.approved_by == "county_government";
  if (reject) {
    d.decision = "reject";
  } else if (d.list == "duty") {
    d.decision = "admit";
  } else if (d.list == "assist" || (d.list == "none" && approved)) {
    d.decision = "admit_with_conditions";
    d.conditions = fill(lists.conditions());
  } else if (d.list == "none") {
    d.decision = "procedure";
    d.steps = fill(lists.steps());
  } else {
    d.decision = "admit";  // a certificate on the permitted list, or with a legal basis
  }
  d.decision_text = decision_text(d.decision);
  return d;
}

const char* decision_text(const std::string& decision) {
  if (decision == "admit") return "准入";
  if (decision == "admit_with_conditions") return "附条件准入";
  if (decision == "procedure") return "需履行准入程序";
  if (decision == "reject") return "不予准入";
  return "";
}

const char* list_text(const std::string& list) {
  if (list == "duty") return "依法履职事项";
  if (list == "assist") return "协助政府工作事项";
  if (list == "negative") return "负面（减负）事项";
  if (list == "certificate") return "证明事项";
  return "清单外";
}

nlohmann::ordered_json decision_to_json(const Decision& d) {
  nlohmann::ordered_json j;
  j["decision"] = d.decision;
  j["decision_text"] = d.decision_text;
  j["list"] = d.list;
  j["matched"] = nlohmann::ordered_json::array();
  for (const auto& m : d.matched) j["matched"].push_back({{"list", m.list}, {"item", m.item}, {"score", m.score}});
  j["reasons"] = nlohmann::ordered_json::array();
  for (const auto& r : d.reasons) j["reasons"].push_back({{"code", r.code}, {"message", r.message}, {"basis", r.basis}});
  j["conditions"] = d.conditions;
  j["steps"] = d.steps;
  j["packs"] = nlohmann::ordered_json::array();
  for (const auto* p : d.packs) j["packs"].push_back({{"id", p->id}, {"version", p->version}, {"sha256", p->sha256}});
  return j;
}

}  // namespace jianfu::review
