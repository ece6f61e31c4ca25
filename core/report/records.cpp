#include "report/records.h"

#include <map>
#include <set>

#include "assess/engine.h"
#include "util/csv.h"
#include "util/local_time.h"

namespace jianfu::report {

using nlohmann::json;
using nlohmann::ordered_json;

storage::Record assessment_record(const json& proposal, const ordered_json& report, json extra) {
  storage::Record r;
  r.type = "assessment";
  r.kind = proposal.value("kind", "");
  r.title = proposal.value("title", "");
  if (r.title.empty()) r.title = "（无标题）";
  r.body = proposal.value("text", "");
  r.verdict = report.value("verdict", "");
  r.as_of = proposal.value("date", "");
  r.packs = report.contains("packs") ? report["packs"].dump() : "[]";
  extra["proposal"] = proposal;
  extra["report"] = report;
  r.data = extra.dump();
  return r;
}

storage::Record review_record(const json& item, const std::vector<std::string>& existing, const review::Decision& d) {
  storage::Record r;
  r.type = "review";
  r.kind = "review";
  r.title = item.value("name", "");
  r.body = item.value("description", "");
  r.verdict = d.decision;
  const ordered_json decision = review::decision_to_json(d);
  r.packs = decision["packs"].dump();
  r.data = json{{"item", item}, {"existing", existing}, {"decision", decision}}.dump();
  return r;
}

std::string verdict_label(const storage::Record& r) {
  if (r.verdict.empty()) return "";
  return r.type == "review" ? review::decision_text(r.verdict) : assess::verdict_text(r.verdict);
}

std::string html_escape(const std::string& s) {
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

namespace {
std::string label(const std::string& code) {
  static const std::map<std::string, std::string> labels = {
      {"document", "发文"}, {"meeting", "会议"}, {"inspection", "督查检查考核"}, {"research", "调研"},
      {"digital", "政务APP、工作群"}, {"data_request", "数据填报"}, {"activity", "创建示范、评比表彰、节庆"},
      {"secondment", "借调"}, {"school_task", "进校园"}, {"hospital_task", "进医院"}, {"review", "村（社区）工作事项准入"},
      {"draft", "草稿"}, {"final", "定稿"}};
  const auto it = labels.find(code);
  return it == labels.end() ? code : it->second;
}
}  // namespace

namespace {
std::string field(const json& j, const char* k) { return html_escape(j.is_object() ? j.value(k, "") : ""); }

// An assessment: the verdict, each finding with its clause, fix and evidence, open questions, reasons.
std::string assessment_html(const json& data) {
  const json rep = data.value("report", json::object());
  std::string h = "<p class=\"verdict\">结论：" + field(rep, "verdict_text") + "</p>\n";
  if (rep.contains("findings")) {
    h += "<h2>发现的问题</h2>\n";
    for (const auto& f : rep["findings"]) {
      h += "<div class=\"finding " + field(f, "severity") + "\"><p><b>" + field(f, "message") + "</b></p>";
      h += "<p class=\"basis\">依据：" + field(f, "basis") + "</p><p>修改建议：" + field(f, "fix") + "</p>";
      for (const auto& ev : f.value("evidence", json::array())) h += "<p>原文：<mark>" + field(ev, "text") + "</mark></p>";
      h += "</div>\n";
    }
  }
  if (rep.contains("unanswered") && !rep["unanswered"].empty()) {
    h += "<h2>尚未回答的问题</h2><ul>";
    for (const auto& q : rep["unanswered"]) h += "<li>" + field(q, "question") + "</li>";
    h += "</ul>\n";
  }
  if (data.contains("reasons")) {
    h += "<h2>说明的理由或报批情况</h2><ul>";
    for (const auto& [rule, why] : data["reasons"].items())
      h += "<li>" + html_escape(rule) + "：" + html_escape(why.is_string() ? why.get<std::string>() : why.dump()) + "</li>";
    h += "</ul>\n";
  }
  return h;
}

// A 准入 review: the decision, the list entries it matched, why, and the way forward.
std::string review_html(const json& data) {
  const json d = data.value("decision", json::object());
  std::string h = "<p class=\"verdict\">结论：" + field(d, "decision_text") + "</p>\n";
  const json item = data.value("item", json::object());
  for (const auto& [key, heading] : {std::pair{"department", "交办部门"}, std::pair{"legal_basis", "法定依据"},
                                     std::pair{"approved_by", "审核批准"}})
    if (!field(item, key).empty()) h += "<p>" + std::string(heading) + "：" + field(item, key) + "</p>\n";
  const auto list = [&](const char* key, const char* heading) {
    const json xs = d.value(key, json::array());
    if (xs.empty()) return;
    h += std::string("<h2>") + heading + "</h2><ul>";
    for (const auto& x : xs) h += "<li>" + html_escape(x.is_string() ? x.get<std::string>() : "") + "</li>";
    h += "</ul>\n";
  };
  h += "<h2>对照清单</h2><ul>";
  const json matched = d.value("matched", json::array());
  for (const auto& m : matched)
    h += "<li>" + html_escape(review::list_text(m.value("list", ""))) + " · " + field(m, "item") + "（相似度 " +
         std::to_string(static_cast<int>(m.value("score", 0.0) * 100 + 0.5)) + "%）</li>";
  if (matched.empty()) h += "<li>" + html_escape(review::list_text("")) + "</li>";
  h += "</ul>\n<h2>理由</h2>\n";
  for (const auto& r : d.value("reasons", json::array()))
    h += "<div class=\"finding\"><p><b>" + field(r, "message") + "</b></p><p class=\"basis\">依据：" + field(r, "basis") + "</p></div>\n";
  list("conditions", "须满足的条件");
  list("steps", "下一步");
  return h;
}
}  // namespace

std::string record_html(const storage::Record& r) {
  const bool is_review = r.type == "review";
  const json parsed = json::parse(r.data, nullptr, false);
  const json data = parsed.is_object() ? parsed : json::object();
  std::string h =
      "<!doctype html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>" + html_escape(r.title) +
      "</title>\n<style>body{font-family:sans-serif;max-width:46em;margin:2em auto;line-height:1.6}"
      "h1{font-size:1.4em}.verdict{font-size:1.2em;font-weight:bold}.finding{border-left:4px solid #c60;padding:.2em .8em;margin:1em 0}"
      ".block{border-color:#b00}.justify{border-color:#c80}.revise{border-color:#48c}.basis{color:#555}mark{background:#fe9}pre{font:inherit}"
      "@media print{body{margin:0}}</style></head><body>\n";
  h += "<h1>" + html_escape(r.title) + "</h1>\n";
  h += "<p>事项类型：" + html_escape(label(r.kind)) + "　记录编号：" + html_escape(r.id) + "　状态：" + html_escape(label(r.status)) +
       "　更新时间：" + html_escape(util::local_minutes(r.updated_at)) + "</p>\n";
  h += is_review ? review_html(data) : assessment_html(data);
  h += is_review ? "<h2>所用清单包</h2><ul>" : "<h2>所用规则包</h2><ul>";
  const json packs = json::parse(r.packs, nullptr, false);
  if (packs.is_array())
    for (const auto& p : packs) h += "<li>" + field(p, "id") + " " + field(p, "version") + "（" + field(p, "sha256").substr(0, 12) + "…）</li>";
  h += std::string("</ul>\n<h2>") + (is_review ? "事项说明" : "原文") + "</h2><pre style=\"white-space:pre-wrap\">" +
       html_escape(r.body) + "</pre>\n</body></html>\n";
  return h;
}

ordered_json record_json(const storage::Record& r) {
  ordered_json j;
  j["id"] = r.id;
  j["type"] = r.type;
  j["kind"] = r.kind;
  j["title"] = r.title;
  j["status"] = r.status;
  j["verdict"] = r.verdict;
  j["as_of"] = r.as_of;
  j["packs"] = json::parse(r.packs, nullptr, false);
  j["created_at"] = r.created_at;
  j["updated_at"] = r.updated_at;
  j["data"] = json::parse(r.data, nullptr, false);
  j["text"] = r.body;
  return j;
}

using util::csv_field;

std::string csv_summary(const std::vector<storage::Record>& records) {
  std::string out = "\xEF\xBB\xBF编号,类型,事项类型,标题,结论,状态,依据日期,创建时间,更新时间,问题数\r\n";
  for (const auto& r : records) {
    const json data = json::parse(r.data, nullptr, false);
    std::size_t findings = 0;
    if (data.is_object() && data.contains("report")) findings = data["report"].value("findings", json::array()).size();
    for (const std::string* f : {&r.id, &r.type, &r.kind, &r.title}) out += csv_field(*f) + ",";
    out += csv_field(verdict_label(r)) + "," + csv_field(r.status) + "," + csv_field(r.as_of) + "," + csv_field(r.created_at) + "," +
           csv_field(r.updated_at) + "," + std::to_string(findings) + "\r\n";
  }
  return out;
}

ordered_json statistics(const std::vector<storage::Record>& records) {
  std::map<std::string, long> by_type, by_kind, by_verdict, by_category;
  for (const auto& r : records) {
    ++by_type[r.type];
    if (!r.kind.empty()) ++by_kind[r.kind];
    if (!r.verdict.empty()) ++by_verdict[r.verdict];
    const json data = json::parse(r.data, nullptr, false);
    if (data.is_object() && data.contains("report")) {
      std::set<std::string> cats;
      for (const auto& f : data["report"].value("findings", json::array())) cats.insert(f.value("category", ""));
      for (const auto& c : cats) ++by_category[c];
    }
  }
  ordered_json j;
  j["records"] = records.size();
  j["by_type"] = by_type;
  j["by_kind"] = by_kind;
  j["by_verdict"] = by_verdict;
  j["by_category"] = by_category;
  return j;
}

ordered_json recheck_diff(const json& stored, const ordered_json& current) {
  std::set<std::string> before, after;
  for (const auto& f : stored.value("findings", json::array())) before.insert(f.value("rule", ""));
  for (const auto& f : current.value("findings", ordered_json::array())) after.insert(f.value("rule", ""));
  ordered_json j;
  j["verdict_before"] = stored.value("verdict", "");
  j["verdict_after"] = current.value("verdict", "");
  j["changed"] = before != after || j["verdict_before"] != j["verdict_after"];
  j["added"] = ordered_json::array();
  j["removed"] = ordered_json::array();
  for (const auto& r : after) if (!before.count(r)) j["added"].push_back(r);
  for (const auto& r : before) if (!after.count(r)) j["removed"].push_back(r);
  j["packs_before"] = stored.value("packs", json::array());
  j["packs_after"] = current.value("packs", ordered_json::array());
  return j;
}

}  // namespace jianfu::report
