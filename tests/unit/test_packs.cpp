// Rule packs: loading, validation errors, and the layering rules between national and local packs.
#include <doctest/doctest.h>

#include "error_code.h"

#include <fstream>
#include <functional>
#include <set>
#include <string>

#include "assess/engine.h"
#include "error.h"
#include "rules/pack.h"
#include "rules/pack_check.h"
#include "rules/pack_set.h"

using namespace jianfu;

static std::string minimal_rule(const std::string& extra = "") {
  return R"({"id":"X-1","title":"t","category":"QUOTA","severity":"revise","scope":["document"],"source":"s",
    "article":"a","confidence":"verified","when":{"text":{"terms":["摊派"]}},"message":"m","fix":"f",
    "examples":{"positive":["摊派"],"negative":["无"]})" + extra + "}";
}

static std::string local_pack(const std::string& rules, const std::string& disables = "[]",
                              const std::string& authority = "local_regulation") {
  return R"({"format":"jianfu-pack/1","id":"local","version":"1","title":"t","extends":"national",
    "sources":{"s":{"document":"d","authority":")" + authority + R"("}},"disables":)" + disables +
         R"(,"rules":[)" + rules + "]}";
}

TEST_CASE("packs: every built-in pack loads, and the set covers all categories and kinds") {
  std::set<std::string> categories, kinds;
  std::size_t total = 0;
  for (const auto& id : rules::builtin_pack_ids()) {
    const auto set = rules::load_pack_set({id});
    const auto& p = set->packs().back();
    CHECK(p.id == id);
    CHECK(p.sha256.size() == 64);
    total += p.rules.size();
    for (const auto& r : p.rules) {
      categories.insert(r.category);
      kinds.insert(r.scope.begin(), r.scope.end());
    }
  }
  CHECK(total >= 70);
  CHECK(categories.size() == rules::category_codes().size());
  CHECK(kinds.size() == rules::proposal_kinds().size());
}

TEST_CASE("packs: a local pack brings in its national base automatically") {
  const auto set = rules::load_pack_set({"hunan"});
  REQUIRE(set->packs().size() == 2);
  CHECK(set->packs()[0].id == "national");
  CHECK(set->packs()[1].id == "hunan");
}

TEST_CASE("packs: a local pack may replace a practice rule but never a national one") {
  // hunan replaces national:DOC-CONSULT-RUSH, which rests on a practice (a 通报 case).
  const auto set = rules::load_pack_set({"hunan"});
  bool national_rush = false, hunan_rush = false;
  for (const auto& ar : set->rules()) {
    national_rush |= ar.rule->pack == "national" && ar.rule->id == "DOC-CONSULT-RUSH";
    hunan_rush |= ar.rule->pack == "hunan" && ar.rule->id == "HN-CONSULT-RUSH";
  }
  CHECK_FALSE(national_rush);
  CHECK(hunan_rush);

  const std::string national = *rules::builtin_pack_text("national");
  auto build = [&](const std::string& local) {
    std::vector<rules::Pack> packs{rules::parse_pack(national, "n"), rules::parse_pack(local, "l")};
    return rules::PackSet::build(std::move(packs));
  };
  CHECK(error_code([&] { build(local_pack("", R"(["national:INSP-UNFILED"])")); }) == "PACK_CANNOT_RELAX_NATIONAL");
  CHECK(error_code([&] { build(local_pack(minimal_rule(R"(,"replaces":"national:MTG-OVERNIGHT")"))); }) == "PACK_CANNOT_RELAX_NATIONAL");
  CHECK(error_code([&] { build(local_pack("", R"(["national:DOC-COPY"])")); }) == "");  // DOC-COPY rests on a practice
  CHECK(error_code([&] { build(local_pack("", R"(["national:NO-SUCH-RULE"])")); }) == "PACK_INVALID");
}

TEST_CASE("packs: broken packs are refused with PACK_INVALID and a path") {
  auto parse = [](const std::string& s) { rules::parse_pack(s, "test"); };
  CHECK(error_code([&] { parse("{not json"); }) == "PACK_INVALID");
  CHECK(error_code([&] { parse(R"({"format":"other"})"); }) == "PACK_INVALID");
  // Unverified rules may warn but never block.
  std::string unverified_block = local_pack(minimal_rule());
  unverified_block.replace(unverified_block.find("\"revise\""), 8, "\"block\"");
  unverified_block.replace(unverified_block.find("\"verified\""), 10, "\"unverified\"");
  try {
    parse(unverified_block);
    FAIL("expected PACK_INVALID");
  } catch (const Error& e) {
    CHECK(e.code() == "PACK_INVALID");
    CHECK(e.message_zh().find("X-1") != std::string::npos);
  }
  // Unknown category, duplicate ids, missing examples.
  std::string bad_cat = local_pack(minimal_rule());
  bad_cat.replace(bad_cat.find("QUOTA"), 5, "NOPE");
  CHECK(error_code([&] { parse(bad_cat); }) == "PACK_INVALID");
  CHECK(error_code([&] { parse(local_pack(minimal_rule() + "," + minimal_rule())); }) == "PACK_INVALID");
  std::string no_neg = local_pack(minimal_rule());
  no_neg.replace(no_neg.find(",\"negative\":[\"无\"]"), 17, "");
  CHECK(error_code([&] { parse(no_neg); }) == "PACK_INVALID");
  // Dates a rule takes effect from or ends: written YYYY-MM-DD, and a day the month has.
  CHECK_NOTHROW(parse(local_pack(minimal_rule(R"(,"effective_from":"2024-02-29")"))));
  for (const char* bad : {"2026-02-29", "2026-04-31", "2026-13-01", "2026--1-01", "2026/01/01"}) {
    CHECK_MESSAGE(error_code([&] { parse(local_pack(minimal_rule(std::string(R"(,"effective_to":")") + bad + "\""))); }) ==
                      "PACK_INVALID",
                  bad);
  }
}

TEST_CASE("packs: a broken condition is refused when the set is built") {
  const std::string national = *rules::builtin_pack_text("national");
  auto build_with_when = [&](const std::string& when) {
    std::string rule = minimal_rule();
    rule.replace(rule.find(R"({"text":{"terms":["摊派"]}})"), std::string(R"({"text":{"terms":["摊派"]}})").size(), when);
    std::vector<rules::Pack> packs{rules::parse_pack(national, "n"), rules::parse_pack(local_pack(rule), "l")};
    rules::PackSet::build(std::move(packs));
  };
  CHECK(error_code([&] { build_with_when(R"({"frobnicate":1})"); }) == "PACK_INVALID");
  CHECK(error_code([&] { build_with_when(R"({"fact":"no_such_fact","is":true})"); }) == "PACK_INVALID");
  CHECK(error_code([&] { build_with_when(R"({"metric":"chars","gt":{"param":"missing"}})"); }) == "PACK_INVALID");
  CHECK(error_code([&] { build_with_when(R"({"all":[]})"); }) == "PACK_INVALID");
  CHECK(error_code([&] { build_with_when(R"({"fact":"months","gt":"six"})"); }) == "PACK_INVALID");
  CHECK(error_code([&] { build_with_when(R"({"fact":"months","gt":6})"); }) == "");
}

TEST_CASE("test-pack: shipped packs pass their own examples; a wrong example is caught") {
  for (const auto& id : rules::builtin_pack_ids()) {
    const auto set = rules::load_pack_set({id});
    const auto check = rules::check_pack(*set, id, "2026-11-23");
    INFO(id << ": " << check.to_json().dump());
    CHECK(check.ok());
    CHECK(check.examples >= 2 * static_cast<int>(set->packs().back().rules.size()));
  }
  // A rule whose positive example does not fire, and whose negative example does.
  std::string rule = minimal_rule();
  rule.replace(rule.find(R"("positive":["摊派"])"), std::string(R"("positive":["摊派"])").size(), R"("positive":["无关"])");
  rule.replace(rule.find(R"("negative":["无"])"), std::string(R"("negative":["无"])").size(), R"("negative":["摊派"])");
  std::vector<rules::Pack> packs{rules::parse_pack(*rules::builtin_pack_text("national"), "n"),
                                 rules::parse_pack(local_pack(rule), "l")};
  const auto set = rules::PackSet::build(std::move(packs));
  const auto check = rules::check_pack(*set, "local", "2026-11-23");
  CHECK_FALSE(check.ok());
  CHECK(check.errors.size() == 2);  // the positive stays silent, the negative fires
}

TEST_CASE("packs: the parent-document field is asked for exactly where a rule measures copying") {
  const auto set = rules::load_pack_set({"national"});
  CHECK(assess::needs_parent_text(*set, "document"));
  CHECK_FALSE(assess::needs_parent_text(*set, "meeting"));
  // A local rule that measures copying for meetings makes the field appear there too.
  const std::string national(*rules::builtin_pack_text("national"));
  const std::string rule = R"({"id":"MTG-COPY","title":"t","category":"MTG_SCOPE","severity":"revise","scope":["meeting"],
    "source":"s","article":"a","confidence":"verified","when":{"all":[{"metric":"copy_ratio","gt":0.9}]},"message":"m","fix":"f",
    "examples":{"positive":[{"text":"甲乙丙丁","parent_text":"甲乙丙丁"}],"negative":["无"]}})";
  std::vector<rules::Pack> packs{rules::parse_pack(national, "n"), rules::parse_pack(local_pack(rule), "l")};
  const auto local = rules::PackSet::build(std::move(packs));
  CHECK(assess::needs_parent_text(*local, "meeting"));
}
