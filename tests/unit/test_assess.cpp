// The assessment engine on whole proposals: verdicts, evidence, questions, determinism, bad input.
#include <doctest/doctest.h>

#include "error_code.h"

#include <string>

#include "assess/engine.h"
#include "assess/proposal.h"
#include "error.h"
#include "rules/pack_set.h"

using namespace jianfu;
using nlohmann::json;

namespace {
const rules::PackSet& national() {
  static const auto set = rules::load_pack_set({"national"});
  return *set;
}
assess::Report run(const json& j, const rules::PackSet& set = national(), const std::string& as_of = "2026-03-05") {
  return assess::assess(assess::proposal_from_json(j), set, as_of);
}
bool has(const assess::Report& r, const std::string& rule) {
  for (const auto& f : r.findings) if (f.rule == rule) return true;
  return false;
}
}  // namespace

TEST_CASE("assess: a clean notice passes; a notice that only mentions the rules in negation passes") {
  auto r = run({{"kind", "document"}, {"text", "各乡镇要按照县委部署做好春耕备耕工作，县农业农村局做好技术服务。"}});
  CHECK(r.verdict == "pass");
  CHECK(r.verdict_text == "符合");
  CHECK(r.findings.empty());
  r = run({{"kind", "document"}, {"text", "检查中不得要求基层拍照留痕，不搞层层陪同，不得按月排名通报，不得设置一票否决。"}});
  CHECK(r.findings.empty());
}

TEST_CASE("assess: verdict is the worst severity; evidence offsets are code points of text") {
  const std::string text = "𠀀请各乡镇于今天下班前报送贯彻落实情况，每月排名通报。";
  auto r = run({{"kind", "document"}, {"text", text}});
  CHECK(r.verdict == "reject");  // INSP-RANK-FREQ blocks
  CHECK(has(r, "INSP-RANK-FREQ"));
  CHECK(has(r, "DOC-DEMAND-REPORT"));
  CHECK(has(r, "DOC-CONSULT-RUSH"));
  CHECK(r.findings.front().severity == rules::Severity::Block);  // worst first
  for (const auto& f : r.findings) {
    if (f.rule != "DOC-CONSULT-RUSH") continue;
    REQUIRE_FALSE(f.evidence.empty());
    // 𠀀 is one code point (four UTF-8 bytes): 今天 starts at code point 6.
    CHECK(f.evidence[0].start == 6);
    CHECK(f.evidence[0].text == "今天");
  }
}

TEST_CASE("assess: a missing fact becomes a question, not a guess; answering it decides the rule") {
  auto r = run({{"kind", "inspection"}});
  CHECK(r.verdict == "pass");
  bool asks_filed = false;
  for (const auto& q : r.unanswered) asks_filed |= q.fact == "filed";
  CHECK(asks_filed);
  r = run({{"kind", "inspection"}, {"facts", {{"filed", false}}}});
  CHECK(has(r, "INSP-UNFILED"));
  CHECK(r.verdict == "reject");
  // Branching: "reported_separately" is asked only when the inspection is outside the plan.
  r = run({{"kind", "inspection"}, {"facts", {{"in_annual_plan", true}}}});
  for (const auto& q : r.unanswered) CHECK(q.fact != "reported_separately");
  r = run({{"kind", "inspection"}, {"facts", {{"in_annual_plan", false}}}});
  bool asks_separately = false;
  for (const auto& q : r.unanswered) asks_separately |= q.fact == "reported_separately";
  CHECK(asks_separately);
}

TEST_CASE("assess: rules apply only within their effective dates") {
  const json p = {{"kind", "digital"}, {"facts", {{"forced_install", true}}}};
  CHECK_FALSE(has(run(p, national(), "2025-12-31"), "APP-FORCED"));  // the 2026 APP measures start 2026-01-25
  CHECK(has(run(p, national(), "2026-02-01"), "APP-FORCED"));
}

TEST_CASE("assess: unknown facts are kept and reported; wrong fact types are bad input") {
  auto r = run({{"kind", "meeting"}, {"facts", {{"zzz_custom", 1}, {"aaa_custom", "x"}}}});
  CHECK(r.unused_facts == std::vector<std::string>{"aaa_custom", "zzz_custom"});
  CHECK(error_code([] { run({{"kind", "meeting"}, {"facts", {{"duration_minutes", "long"}}}}); }) == "WRONG_FACT_TYPE");
  CHECK(error_code([] { run({{"kind", "meeting"}, {"facts", {{"convened_by", "mayor"}}}}); }) == "WRONG_FACT_TYPE");
  CHECK(error_code([] { run({{"kind", "meeting"}, {"facts", {{"attendee_levels", {"village", 3}}}}}); }) == "WRONG_FACT_TYPE");
}

TEST_CASE("assess: copy ratio against the parent text, and the copy rule") {
  const std::string parent = "各地要加强组织领导，压实工作责任，确保各项任务落到实处。要强化督促检查，及时研究解决工作中遇到的问题。";
  auto r = run({{"kind", "document"}, {"text", parent}, {"parent_text", parent}});
  REQUIRE(r.copy_ratio.has_value());
  CHECK(*r.copy_ratio == 1.0);
  CHECK(has(r, "DOC-COPY"));
  r = run({{"kind", "document"}, {"text", "我县试点秸秆还田。"}});
  CHECK_FALSE(r.copy_ratio.has_value());
  CHECK(report_to_json(r)["metrics"].contains("copy_ratio") == false);
}

TEST_CASE("assess: the same input gives the same bytes") {
  const json p = {{"kind", "document"}, {"date", "2026-03-05"},
                  {"text", "请各乡镇于今天下班前报送贯彻落实情况，每月排名通报，实行一票否决。"}};
  const std::string a = assess::report_to_json(run(p)).dump();
  const std::string b = assess::report_to_json(run(p)).dump();
  CHECK(a == b);
  const json j = json::parse(a);
  CHECK(j["packs"][0]["id"] == "national");
  CHECK(j["metrics"]["chars"] == 33);
}

TEST_CASE("assess: local packs layer over the national pack") {
  const auto hunan = rules::load_pack_set({"hunan"});
  // 3 days: fine nationally (more than 48 hours), too short in Hunan (less than 72 hours).
  const json p = {{"kind", "document"}, {"text", "请于2个工作日内反馈意见。"}};
  CHECK(has(run(p), "DOC-CONSULT-RUSH"));
  CHECK(has(run(p, *hunan), "HN-CONSULT-RUSH"));
  CHECK_FALSE(has(run(p, *hunan), "DOC-CONSULT-RUSH"));
  const json q = {{"kind", "document"}, {"text", "请于3日内报送材料。"}};
  CHECK_FALSE(has(run(q), "DOC-CONSULT-RUSH"));
  CHECK(has(run(q, *hunan), "HN-CONSULT-RUSH"));
  // Taiyuan's tighter length limit adds to the national one.
  const auto taiyuan = rules::load_pack_set({"taiyuan"});
  std::string text;
  for (int i = 0; i < 700; ++i) text += "专项部署。";
  const json d = {{"kind", "document"}, {"text", text}, {"facts", {{"genre", "special"}}}};
  CHECK_FALSE(has(run(d), "DOC-LEN-SPECIAL"));
  CHECK(has(run(d, *taiyuan), "TY-LEN-GENERAL"));
}

TEST_CASE("proposal: bad input is refused with a stable code") {
  CHECK(error_code([] { assess::parse_proposal("{\"kind\": "); }) == "INVALID_JSON");
  CHECK(error_code([] { assess::parse_proposal("[1,2]"); }) == "NOT_AN_OBJECT");
  CHECK(error_code([] { assess::parse_proposal("{}"); }) == "MISSING_KIND");
  CHECK(error_code([] { assess::parse_proposal("{\"kind\":\"party\"}"); }) == "UNKNOWN_KIND");
  CHECK(error_code([] { assess::parse_proposal("{\"kind\":\"document\",\"text\":5}"); }) == "WRONG_TYPE");
  CHECK(error_code([] { assess::parse_proposal("{\"kind\":\"document\",\"facts\":[]}"); }) == "WRONG_TYPE");
  CHECK(error_code([] { assess::parse_proposal("{\"kind\":\"document\",\"date\":\"2026-13-01\"}"); }) == "BAD_DATE");
}

TEST_CASE("dates: a real day of a real month, February by the leap-year rule") {
  for (const char* good : {"2026-01-31", "2026-02-28", "2024-02-29", "2000-02-29", "2026-04-30", "2026-12-31"})
    CHECK_MESSAGE(assess::valid_date(good), good);
  for (const char* bad : {"2026-02-29", "1900-02-29", "2026-02-30", "2026-04-31", "2026-06-31", "2026-09-31",
                          "2026-11-31", "2026-01-32", "2026-00-10", "2026-13-01", "2026-01-00", "2026-1-01"})
    CHECK_FALSE_MESSAGE(assess::valid_date(bad), bad);
  CHECK(error_code([] { assess::parse_proposal("{\"kind\":\"document\",\"date\":\"2026-02-30\"}"); }) == "BAD_DATE");
  CHECK(error_code([] { assess::parse_proposal("{\"kind\":\"document\",\"issuer_level\":\"galaxy\"}"); }) == "UNKNOWN_ISSUER_LEVEL");
  CHECK(error_code([] { assess::parse_proposal(std::string("{\"kind\":\"document\",\"text\":\"\xC3\x28\"}")); }) == "INVALID_UTF8");
  CHECK(error_code([] { assess::parse_proposal("{\"kind\":\"document\",\"text\":\"" + std::string(2'000'001, 'a') + "\"}"); }) == "TEXT_TOO_LARGE");
}

TEST_CASE("assess: findings without evidence come before text findings of the same severity") {
  // Regression: the order once depended on the width of `long` (different in wasm32).
  auto r = run({{"kind", "document"}, {"text", "请于2个工作日内反馈意见。"}, {"facts", {{"urgency", "urgent"}}}});
  REQUIRE(r.findings.size() == 2);
  CHECK(r.findings[0].rule == "DOC-URGENT-NO-REASON");
  CHECK(r.findings[1].rule == "DOC-CONSULT-RUSH");
}

TEST_CASE("assess: questions are asked only for facts that apply to the proposal's kind") {
  auto r = run({{"kind", "document"}, {"text", "正文"}});
  for (const auto& q : r.unanswered) {
    CHECK(q.fact != "ranking");                 // a digital-app fact
    CHECK(q.fact != "data_already_available");  // a data-request fact
  }
}

#include "assess/justification.h"

TEST_CASE("justification: recorded reasons for exceptions-allowed findings show in the verdict text") {
  const auto packs = jianfu::rules::load_pack_set({});
  nlohmann::json p = {{"kind", "data_request"}, {"text", "请各乡镇组织人员上门摸排。"},
                      {"facts", {{"via_unified_platform", false}, {"deadline_hours", 6}, {"data_already_available", false}}}};
  const auto r = jianfu::assess::assess(jianfu::assess::proposal_from_json(p), *packs, "2026-06-01");
  REQUIRE(r.verdict == "justify");
  std::map<std::string, std::string> reasons;
  auto s = jianfu::assess::standing(r, reasons);
  // DATA-NOT-UNIFIED allows exceptions; DATA-RUSH (6 hours) must simply be fixed.
  REQUIRE(s.needs_reason == 1);
  CHECK(s.justified == 0);
  CHECK(s.verdict_text == "需说明理由或报批");
  const jianfu::assess::Finding* justify = nullptr;
  for (const auto& f : r.findings)
    if (f.severity == jianfu::rules::Severity::Justify) justify = &f;
  REQUIRE(justify != nullptr);
  reasons["national:NO-SUCH-RULE"] = "与本次结果无关的理由";
  reasons[jianfu::assess::finding_key(*justify)] = "   ";  // blank does not count
  CHECK(jianfu::assess::standing(r, reasons).justified == 0);
  reasons[jianfu::assess::finding_key(*justify)] = "防汛紧急，省里要求当日报送，平台暂无该表（县政办〔2026〕5号批准）";
  s = jianfu::assess::standing(r, reasons);
  CHECK(s.complete());
  CHECK(s.verdict_text == "需说明理由或报批（理由已记录）");
}
