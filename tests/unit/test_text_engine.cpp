// The text machinery under the rules: the automaton, numbers, copy ratio, negation and extraction.
#include <doctest/doctest.h>

#include <string>

#include "analysis/text_index.h"
#include "rules/pack_set.h"
#include "text/copy_ratio.h"
#include "text/matcher.h"
#include "text/numbers.h"
#include "text/utf8.h"

using namespace jianfu;

static std::u32string U(const char* s) { return text::decode_utf8_or_throw(s, "t"); }

TEST_CASE("matcher: finds every occurrence of overlapping patterns in one pass") {
  text::Matcher m;
  const auto a = m.add(U"留痕");
  const auto b = m.add(U"拍照留痕");
  const auto c = m.add(U"照");
  CHECK(m.add(U"留痕") == a);  // same text, same id
  m.build();
  const auto found = m.find(U"要求拍照留痕，不要留痕");
  int na = 0, nb = 0, nc = 0;
  for (const auto& x : found) {
    na += x.pattern == a;
    nb += x.pattern == b;
    nc += x.pattern == c;
    if (x.pattern == b) CHECK((x.start == 2 && x.end == 6));
  }
  CHECK(na == 2);
  CHECK(nb == 1);
  CHECK(nc == 1);
}

TEST_CASE("matcher: folds full-width and case, offsets stay in the original text") {
  text::Matcher m;
  const auto app = m.add(U"app");
  m.build();
  const auto found = m.find(U"下载ＡＰＰ和App");
  REQUIRE(found.size() == 2);
  CHECK(found[0].pattern == app);
  CHECK(found[0].start == 2);
  CHECK(found[1].start == 6);
}

TEST_CASE("numbers: Arabic, full-width and Chinese numerals") {
  auto before = [](const char* s) { const auto t = U(s); auto n = text::number_ending_at(t, t.size()); return n ? n->value : -1; };
  CHECK(before("3") == 3);
  CHECK(before("请于24") == 24);
  CHECK(before("两个") == 2);        // 两个工作日: the 个 is skipped
  CHECK(before("十五") == 15);
  CHECK(before("一百二十") == 120);
  CHECK(before("２０") == 20);
  CHECK(before("3.5") == 3.5);
  CHECK(before("各乡镇") == -1);
  const auto t = U("不少于1,500次");
  auto n = text::number_starting_at(t, 3);
  REQUIRE(n);
  CHECK(n->value == 1500);
}

TEST_CASE("copy ratio: identical text is 1, unrelated is 0, a replaced word costs only that word") {
  const auto parent = U("各地要加强组织领导，压实工作责任，确保各项任务落到实处。全省要建立健全工作机制。");
  CHECK(text::copy_ratio(parent, parent) == doctest::Approx(1.0));
  CHECK(text::copy_ratio(U("我县在三个乡镇试点秸秆还田，农业农村局负责技术指导。"), parent) == doctest::Approx(0.0));
  const auto edited = U("各地要加强组织领导，压实工作责任，确保各项任务落到实处。全市要建立健全工作机制。");
  const double r = text::copy_ratio(edited, parent);
  CHECK(r > 0.95);
  CHECK(r < 1.0);
  CHECK(text::copy_ratio(U(""), parent) == 0.0);
  CHECK(text::copy_ratio(parent, U("")) == 0.0);
}

namespace {
// The national pack's cue words, compiled, with a few terms to look for.
struct Fixture {
  std::unique_ptr<rules::PackSet> set = rules::load_pack_set({"national"});
  analysis::TextIndex index(const char* s, const char* date = "2026-03-05") {
    text_ = U(s);
    return analysis::TextIndex(text_, set->matcher(), set->cues(), date);
  }
  std::u32string text_;
};
}  // namespace

TEST_CASE("text index: deadlines from relative words, durations and dates") {
  Fixture f;
  auto hours = [&](const char* s) {
    auto ix = f.index(s);
    return ix.deadlines().empty() ? -1.0 : ix.deadlines().front().hours;
  };
  CHECK(hours("请于今天下班前报送。") == 8);
  CHECK(hours("请于2个工作日内反馈。") == 48);
  CHECK(hours("请于两个工作日内反馈。") == 48);
  CHECK(hours("24小时内报送。") == 24);
  CHECK(hours("请于3月6日前报送。") == 24);   // proposal dated 2026-03-05
  CHECK(hours("请于3月20日前报送。") == 360);
  CHECK(hours("请认真研究。") == -1);
}

TEST_CASE("text index: negation covers the clause, not the next clause") {
  Fixture f;
  const auto t = U("不得要求基层拍照留痕，请各村拍照留痕。");
  auto ix = f.index("不得要求基层拍照留痕，请各村拍照留痕。");
  const analysis::Span first{6, 10}, second{14, 18};
  CHECK(t.substr(6, 4) == U"拍照留痕");
  CHECK(t.substr(14, 4) == U"拍照留痕");
  CHECK(ix.negated(first));
  CHECK_FALSE(ix.negated(second));
  // A trailing cue negates what precedes it in its clause.
  auto ix2 = f.index("层层陪同的问题要坚决纠正");
  CHECK(ix2.negated(analysis::Span{0, 4}));
  // 不得迟于 is a deadline, not a prohibition.
  auto ix3 = f.index("不得迟于今天下班前报送");
  REQUIRE_FALSE(ix3.deadlines().empty());
  CHECK_FALSE(ix3.negated(ix3.deadlines().front().span));
}

TEST_CASE("text index: frequencies and quotas are extracted as values") {
  Fixture f;
  auto ix = f.index("每月排名通报，参保率100%，点赞不少于500次。");
  REQUIRE(ix.frequencies().size() >= 1);
  CHECK(ix.frequencies().front().value == "monthly");
  bool hundred_percent = false, five_hundred = false;
  for (const auto& q : ix.quotas()) {
    hundred_percent |= q.value == 100 && q.percent;
    five_hundred |= q.value == 500 && !q.percent;
  }
  CHECK(hundred_percent);
  CHECK(five_hundred);
}
