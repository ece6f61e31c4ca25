// Reports made from stored records: escaping, CSV, statistics without text, re-check.
#include <doctest/doctest.h>

#include "assess/engine.h"
#include "report/records.h"
#include "review/list_pack.h"
#include "rules/pack_set.h"

using namespace jianfu;
using nlohmann::json;

namespace {
storage::Record assessed(const json& proposal, const std::vector<std::string>& packs = {}) {
  const auto set = rules::load_pack_set(packs);
  const auto report = assess::report_to_json(assess::assess(assess::proposal_from_json(proposal), *set, "2026-03-05"));
  return report::assessment_record(proposal, report);
}
}  // namespace

TEST_CASE("report: everything a user typed is escaped in the HTML report") {
  storage::Record r = assessed({{"kind", "document"}, {"title", "<script>alert(1)</script>"},
                                {"text", "每月排名通报。<img src=x onerror=alert(2)>"}});
  r.id = "x\"><b>";
  const std::string html = report::record_html(r);
  CHECK(html.find("<script>") == std::string::npos);
  CHECK(html.find("<img") == std::string::npos);
  CHECK(html.find("&lt;script&gt;") != std::string::npos);
  CHECK(html.find("x&quot;&gt;&lt;b&gt;") != std::string::npos);
  CHECK(html.find("不符合") != std::string::npos);      // the verdict
  CHECK(html.find("<mark>每月排名</mark>") != std::string::npos);  // highlighted evidence (每月 and 月排名 merged)
}

TEST_CASE("report: CSV quotes commas, quotes and line breaks, and carries no draft text") {
  storage::Record a = assessed({{"kind", "meeting"}, {"title", "会议，\"重要\"\n第二行"}, {"text", "独一无二的正文内容"}});
  a.id = "a1";
  const std::string csv = report::csv_summary({a});
  CHECK(csv.rfind("\xEF\xBB\xBF编号,", 0) == 0);
  CHECK(csv.find("\"会议，\"\"重要\"\"\n第二行\"") != std::string::npos);
  CHECK(csv.find("独一无二的正文内容") == std::string::npos);
}

TEST_CASE("report: statistics are counts only") {
  const auto a = assessed({{"kind", "document"}, {"title", "机密标题甲"}, {"text", "每月排名通报，机密正文乙。"}});
  const auto b = assessed({{"kind", "meeting"}, {"title", "机密标题丙"}});
  const std::string stats = report::statistics({a, b}).dump();
  CHECK(stats.find("机密") == std::string::npos);
  const json j = json::parse(stats);
  CHECK(j["records"] == 2);
  CHECK(j["by_kind"]["meeting"] == 1);
  CHECK(j["by_verdict"]["reject"] == 1);
  CHECK(j["by_category"]["INSP_RANKING"] == 1);
}

TEST_CASE("report: re-checking with other rules shows what changed") {
  const json proposal = {{"kind", "document"}, {"text", "请于3日内报送材料。"}};
  const storage::Record stored = assessed(proposal);  // national: 3 days is acceptable
  const json data = json::parse(stored.data);
  const auto hunan = rules::load_pack_set({"hunan"});
  const auto now = assess::report_to_json(assess::assess(assess::proposal_from_json(proposal), *hunan, "2026-03-05"));
  const auto diff = report::recheck_diff(data["report"], now);
  CHECK(diff["changed"] == true);
  CHECK(diff["verdict_before"] == "pass");
  CHECK(diff["verdict_after"] == "revise");
  CHECK(diff["added"] == json::array({"HN-CONSULT-RUSH"}));
  const auto same = report::recheck_diff(data["report"], data["report"]);
  CHECK(same["changed"] == false);
}

TEST_CASE("report: a 准入 review prints its decision, matched list entries, reasons and way forward") {
  const json item = {{"name", "违章建筑拆除<b>"}, {"description", "由各村负责，<script>x</script>"}, {"department", "住建局"}};
  const auto lists = review::load_list_set({});
  const auto decision = review::review(review::work_item_from_json(item), *lists);
  REQUIRE(decision.decision == "reject");
  storage::Record r = report::review_record(item, {"已有事项甲"}, decision);
  CHECK(r.type == "review");
  CHECK(r.verdict == "reject");
  CHECK(json::parse(r.data)["existing"] == json::array({"已有事项甲"}));
  const std::string html = report::record_html(r);
  CHECK(html.find("结论：不予准入") != std::string::npos);
  CHECK(html.find("村（社区）工作事项准入") != std::string::npos);  // the kind, not its code
  CHECK(html.find("负面（减负）事项 · ") != std::string::npos);     // the matched entry and its list
  CHECK(html.find(decision.reasons.front().message) != std::string::npos);
  CHECK(html.find("交办部门：住建局") != std::string::npos);
  CHECK(html.find("所用清单包") != std::string::npos);
  CHECK(html.find("<script>") == std::string::npos);
  CHECK(html.find("违章建筑拆除&lt;b&gt;") != std::string::npos);
  // The CSV shows the decision in words, as it does an assessment's verdict.
  r.id = "r1";
  CHECK(report::csv_summary({r}).find(",不予准入,") != std::string::npos);
}
