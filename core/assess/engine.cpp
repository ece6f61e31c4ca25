#include "assess/engine.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "error.h"
#include "text/char_count.h"
#include "text/chars.h"
#include "text/copy_ratio.h"
#include "text/utf8.h"
#include "util/local_time.h"

namespace jianfu::assess {

using nlohmann::json;
using rules::Severity;

const char* verdict_text(const std::string& v) {
  if (v == "reject") return "不符合";
  if (v == "justify") return "需说明理由或报批";
  if (v == "revise") return "修改后符合";
  return "符合";
}

namespace {

constexpr std::size_t kMaxEvidence = 20;

void check_fact_types(const json& facts, const rules::PackSet& set, std::vector<std::string>& unused) {
  for (const auto& [key, v] : facts.items()) {
    const auto it = set.facts().find(key);
    if (it == set.facts().end()) {
      unused.push_back(key);
      continue;
    }
    if (v.is_null()) continue;
    const rules::FactDef& f = it->second;
    bool ok = false;
    if (f.type == "bool") ok = v.is_boolean();
    else if (f.type == "int") ok = v.is_number_integer();
    else if (f.type == "number") ok = v.is_number();
    else if (f.type == "string") ok = v.is_string();
    else if (f.type == "enum") ok = v.is_string() && std::find(f.options.begin(), f.options.end(), v.get<std::string>()) != f.options.end();
    else if (f.type == "list") {
      ok = v.is_array() && std::all_of(v.begin(), v.end(), [&](const json& x) {
        return x.is_string() && (f.options.empty() || std::find(f.options.begin(), f.options.end(), x.get<std::string>()) != f.options.end());
      });
    }
    if (!ok) {
      std::string expect = f.type == "bool" ? "true 或 false" : f.type == "int" ? "整数" : f.type == "number" ? "数值"
                         : f.type == "string" ? "文本" : "";
      if (f.type == "enum" || f.type == "list") {
        for (const auto& o : f.options) expect += (expect.empty() ? "" : "、") + o;
        expect = (f.type == "list" ? "由以下值组成的数组：" : "以下之一：") + expect;
      }
      throw bad_input("WRONG_FACT_TYPE", "facts." + key + "（" + f.question + "）的值不对，应为" + expect + "。");
    }
  }
  std::sort(unused.begin(), unused.end());
}

std::string render(std::string msg, const rules::Rule& rule, const json& facts, const std::map<std::string, double>& metrics) {
  auto replace_all = [&](const std::string& key, const std::string& value) {
    for (std::size_t pos; (pos = msg.find(key)) != std::string::npos;) msg.replace(pos, key.size(), value);
  };
  auto num = [](double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, v == std::floor(v) ? "%.0f" : "%.1f", v);
    return std::string(buf);
  };
  if (metrics.count("chars")) replace_all("{chars}", num(metrics.at("chars")));
  if (metrics.count("copy_ratio")) replace_all("{copy_ratio}", num(std::round(metrics.at("copy_ratio") * 100)) + "%");
  for (const auto& [k, v] : rule.params.items()) replace_all("{param:" + k + "}", v.is_number() ? num(v.get<double>()) : v.dump());
  for (const auto& [k, v] : facts.items()) replace_all("{fact:" + k + "}", v.is_string() ? v.get<std::string>() : v.dump());
  return msg;
}


}  // namespace

std::string basis_of(const rules::Rule& rule, const rules::Source& src) {
  std::string b = src.document;
  if (!rule.article.empty()) b += " " + rule.article;
  b += "（";
  b += rules::authority_label(src.authority);
  if (!src.issuer.empty()) b += "，" + src.issuer;
  if (!src.date.empty()) b += "，" + src.date;
  b += "）";
  if (src.authority == rules::Authority::Practice) b += "；此为实务做法，不是正式规定，供参考";
  if (!rule.verified) b += "；条文尚待核实，仅作提示";
  return b;
}

Report assess(const Proposal& p, const rules::PackSet& set, const std::string& as_of_in) {
  Report report;
  for (const auto& pack : set.packs()) report.packs.push_back(&pack);
  report.as_of = !as_of_in.empty() ? as_of_in : !p.date.empty() ? p.date : util::local_today();
  if (!valid_date(report.as_of)) throw bad_input("BAD_DATE", "--as-of 应为实际存在的日期（YYYY-MM-DD），收到：" + report.as_of);
  check_fact_types(p.facts, set, report.unused_facts);

  const std::u32string text = text::decode_utf8_or_throw(p.text, "正文 text");
  const std::u32string title = text::decode_utf8_or_throw(p.title, "标题 title");

  std::map<std::string, double> metrics;
  report.chars = text::count_chars(text);
  metrics["chars"] = static_cast<double>(report.chars);
  metrics["title_chars"] = static_cast<double>(text::count_chars(title));
  std::size_t paragraphs = 0;
  bool in_para = false;
  for (char32_t c : text) {
    if (c == U'\n') in_para = false;
    else if (!in_para && !text::is_space(c)) { in_para = true; ++paragraphs; }
  }
  metrics["paragraphs"] = static_cast<double>(paragraphs);
  if (!p.date.empty()) metrics["date_day"] = std::stod(p.date.substr(8, 2));
  if (p.has_parent) {
    // Rounded so that the figure is the same in every build and every report.
    report.copy_ratio = std::round(text::copy_ratio(text, text::decode_utf8_or_throw(p.parent_text, "上级文件 parent_text")) * 10000) / 10000;
    metrics["copy_ratio"] = *report.copy_ratio;
  }

  json facts = p.facts;
  for (const auto& [k, v] : {std::pair<const char*, const std::string*>{"kind", &p.kind}, {"issuer", &p.issuer},
                             {"issuer_level", &p.issuer_level}, {"title", &p.title}, {"date", &p.date}}) {
    if (!facts.contains(k) && !v->empty()) facts[k] = *v;
  }

  const analysis::TextIndex text_index(text, set.matcher(), set.cues(), p.date);
  const analysis::TextIndex title_index(title, set.matcher(), set.cues(), p.date);

  std::vector<std::string> asked;
  for (const rules::ActiveRule& ar : set.rules()) {
    const rules::Rule& rule = *ar.rule;
    if (std::find(rule.scope.begin(), rule.scope.end(), p.kind) == rule.scope.end()) continue;
    if (!rule.effective_from.empty() && report.as_of < rule.effective_from) continue;
    if (!rule.effective_to.empty() && report.as_of > rule.effective_to) continue;
    std::vector<std::string> missing;
    std::vector<analysis::Span> spans;
    rules::EvalEnv env{facts, metrics, text_index, title_index, missing};
    const rules::Tri result = ar.when->eval(env, spans);
    if (result == rules::Tri::Unknown) {
      report.undecided[rule.pack + ":" + rule.id] = missing;
      for (const std::string& f : missing) {
        if (std::find(asked.begin(), asked.end(), f) != asked.end()) continue;
        // A fact defined for other kinds of proposal is never asked here.
        const rules::FactDef& scoped = set.facts().at(f);
        if (!scoped.kinds.empty() && std::find(scoped.kinds.begin(), scoped.kinds.end(), p.kind) == scoped.kinds.end()) continue;
        // A question whose own precondition is false is not relevant here (branching checklist).
        if (const rules::Condition* cond = set.ask_if(f)) {
          std::vector<std::string> m2;
          std::vector<analysis::Span> s2;
          rules::EvalEnv env2{facts, metrics, text_index, title_index, m2};
          if (cond->eval(env2, s2) == rules::Tri::False) continue;
        }
        asked.push_back(f);
        const rules::FactDef& def = set.facts().at(f);
        report.unanswered.push_back(Question{f, def.question, def.help, def.type, def.options});
      }
      continue;
    }
    if (result != rules::Tri::True) continue;
    Finding fnd{rule.pack, rule.id, rule.category, rule.severity, render(rule.message, rule, facts, metrics),
                basis_of(rule, *ar.source), render(rule.fix, rule, facts, metrics), {}};
    // Cite each stretch of text once: overlapping spans (拍照留痕 and 留痕) are merged.
    std::sort(spans.begin(), spans.end());
    std::vector<analysis::Span> merged;
    for (const auto& s : spans) {
      if (!merged.empty() && s.start < merged.back().end) merged.back().end = std::max(merged.back().end, s.end);
      else merged.push_back(s);
    }
    for (const auto& s : merged) {
      if (fnd.evidence.size() == kMaxEvidence) break;
      fnd.evidence.push_back(Evidence{s.start, s.end, text::encode_utf8(std::u32string_view(text).substr(s.start, s.end - s.start))});
    }
    report.findings.push_back(std::move(fnd));
  }

  std::stable_sort(report.findings.begin(), report.findings.end(), [](const Finding& a, const Finding& b) {
    if (a.severity != b.severity) return a.severity > b.severity;
    // Findings resting on facts alone (no evidence) come first, then by position in the text.
    // Explicit 64-bit arithmetic: `long` is 32 bits in wasm32, and -1 must not become unsigned.
    const std::int64_t sa = a.evidence.empty() ? std::int64_t{-1} : std::int64_t{a.evidence[0].start};
    const std::int64_t sb = b.evidence.empty() ? std::int64_t{-1} : std::int64_t{b.evidence[0].start};
    if (sa != sb) return sa < sb;
    return a.rule < b.rule;
  });
  Severity worst = Severity::Revise;
  for (const auto& f : report.findings) worst = std::max(worst, f.severity);
  report.verdict = report.findings.empty() ? "pass" : worst == Severity::Block ? "reject" : worst == Severity::Justify ? "justify" : "revise";
  report.verdict_text = verdict_text(report.verdict);
  return report;
}

nlohmann::ordered_json report_to_json(const Report& r) {
  nlohmann::ordered_json j;
  j["verdict"] = r.verdict;
  j["verdict_text"] = r.verdict_text;
  j["packs"] = nlohmann::ordered_json::array();
  for (const rules::Pack* p : r.packs) j["packs"].push_back({{"id", p->id}, {"version", p->version}, {"sha256", p->sha256}});
  j["findings"] = nlohmann::ordered_json::array();
  for (const Finding& f : r.findings) {
    nlohmann::ordered_json fj;
    fj["rule"] = f.rule;
    fj["category"] = f.category;
    fj["severity"] = rules::severity_code(f.severity);
    fj["message"] = f.message;
    fj["basis"] = f.basis;
    fj["fix"] = f.fix;
    fj["evidence"] = nlohmann::ordered_json::array();
    for (const Evidence& e : f.evidence) fj["evidence"].push_back({{"start", e.start}, {"end", e.end}, {"text", e.text}});
    j["findings"].push_back(std::move(fj));
  }
  j["unanswered"] = nlohmann::ordered_json::array();
  for (const Question& q : r.unanswered) j["unanswered"].push_back({{"fact", q.fact}, {"question", q.question}});
  nlohmann::ordered_json m;
  m["chars"] = r.chars;
  if (r.copy_ratio) m["copy_ratio"] = *r.copy_ratio;
  j["metrics"] = m;
  if (!r.unused_facts.empty()) j["unused_facts"] = r.unused_facts;
  return j;
}

namespace {
bool mentions_metric(const json& when, const std::string& metric) {
  if (when.is_object()) {
    if (when.contains("metric") && when["metric"] == metric) return true;
    for (const auto& [k, v] : when.items())
      if (mentions_metric(v, metric)) return true;
  } else if (when.is_array()) {
    for (const auto& v : when)
      if (mentions_metric(v, metric)) return true;
  }
  return false;
}
}  // namespace

bool needs_parent_text(const rules::PackSet& packs, const std::string& kind) {
  for (const auto& ar : packs.rules()) {
    const auto& scope = ar.rule->scope;
    if (std::find(scope.begin(), scope.end(), kind) != scope.end() && mentions_metric(ar.rule->when, "copy_ratio"))
      return true;
  }
  return false;
}

}  // namespace jianfu::assess
