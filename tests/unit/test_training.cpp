// The training workbook: course packs, grading, attempts in the store, trainer summaries.
#include <doctest/doctest.h>

#include "error_code.h"
#include "temp_path.h"

#include <cstdio>
#include <set>
#include <string>

#include "assess/categories.h"
#include "rules/pack_set.h"
#include "storage/record_store.h"
#include "storage/settings.h"
#include "training/attempts.h"
#include "training/course.h"
#include "training/grading.h"

using namespace jianfu;
using namespace jianfu::training;

namespace {

// A minimal valid course with one exercise of each task; `patch` edits the exercise list's text.
std::string course_json(const std::string& spot_answer = R"(["DOC_CONSULT_RUSH"])",
                        const std::string& choices = R"(["DOC_CONSULT_RUSH","MTG_SCOPE"])") {
  return R"({"format":"jianfu-course/1","id":"t","title":"测试","version":"1","as_of":"2026-06-01",
    "chapters":[{"id":"c","title":"章"}],
    "exercises":[
     {"id":"s1","chapter":"c","title":"找问题","task":"spot","scenario":"情境","modelled_on":"通报","explanation":"讲解",
      "proposal":{"kind":"document","text":"请于今天下班前报送。","facts":{"genre":"info"}},
      "choices":)" + choices + R"(,"answer":{"categories":)" + spot_answer + R"(}},
     {"id":"v1","chapter":"c","title":"结论","task":"verdict","scenario":"情境","modelled_on":"通报","explanation":"讲解",
      "proposal":{"kind":"document","text":"春耕物资已备足。","facts":{"genre":"info"}},"answer":{"verdict":"pass"}},
     {"id":"a1","chapter":"c","title":"准入","task":"access","scenario":"情境","modelled_on":"通报","explanation":"讲解",
      "work_item":{"name":"出具无犯罪记录证明","requires_certificate":"无犯罪记录证明"},"answer":{"decision":"reject"}}]})";
}
}  // namespace

TEST_CASE("categories: every rule in the built-in packs uses a contract category") {
  const auto packs = rules::load_pack_set(rules::builtin_pack_ids());
  std::size_t n = 0;
  for (const auto& p : packs->packs())
    for (const auto& r : p.rules) {
      CHECK_MESSAGE(assess::is_category(r.category), r.id);
      ++n;
    }
  CHECK(n > 80);
  CHECK(assess::categories().size() == 34);
  CHECK(assess::category_label("INSP_RANKING") == "千分制、按月/季排名通报");
  CHECK(assess::category_label("NOPE") == "NOPE");
}

TEST_CASE("course: the shipped course is valid, large enough, covers every kind, and matches the engine") {
  const Course c = load_course("basic");
  CHECK(c.exercises.size() >= 30);
  std::set<std::string> kinds;
  std::size_t access = 0;
  for (const auto& e : c.exercises) {
    if (e.task == "access") ++access;
    else kinds.insert(e.proposal.value("kind", ""));
  }
  CHECK(kinds.size() == 10);
  CHECK(access >= 3);
  const CourseCheck check = check_course(c);
  CHECK(check.exercises == c.exercises.size());
  CHECK_MESSAGE(check.ok(), (check.errors.empty() ? "" : check.errors.front()));
}

TEST_CASE("course: a reference answer that the engine does not give is reported") {
  const Course good = parse_course(course_json());
  CHECK(check_course(good).ok());
  // The draft has a rushed deadline; claiming "no problem" must be caught.
  const Course wrong = parse_course(course_json("[]"));
  const CourseCheck check = check_course(wrong);
  REQUIRE(check.errors.size() == 1);
  CHECK(check.errors[0].find("s1") == 0);
}

TEST_CASE("course: malformed packs are refused with a code") {
  CHECK(error_code([] { parse_course("{}"); }) == "COURSE_FORMAT");
  CHECK(error_code([] { parse_course("{not json"); }) == "INVALID_JSON");
  // An answer outside the choices, and a choice that is not a category.
  CHECK(error_code([] { parse_course(course_json(R"(["QUOTA"])")); }) == "COURSE_INVALID");
  CHECK(error_code([] { parse_course(course_json(R"(["DOC_CONSULT_RUSH"])", R"(["DOC_CONSULT_RUSH","BOGUS"])")); }) == "COURSE_INVALID");
  std::string dup = course_json();
  dup.replace(dup.find("\"v1\""), 4, "\"s1\"");
  CHECK(error_code([&] { parse_course(dup); }) == "COURSE_INVALID");
  std::string task = course_json();
  task.replace(task.find("\"verdict\",\"scenario\""), 9, "\"guess\"");
  CHECK(error_code([&] { parse_course(task); }) == "COURSE_INVALID");
  CHECK(error_code([] { load_course("/no/such/course.json"); }) == "COURSE_NOT_FOUND");
}

TEST_CASE("grading: spot scores hits minus wrong picks, never below zero; verdict and access are right or wrong") {
  const Course c = parse_course(course_json(R"(["DOC_CONSULT_RUSH"])", R"(["DOC_CONSULT_RUSH","MTG_SCOPE","QUOTA"])"));
  const Exercise& s = *c.find("s1");
  Grade g = grade(s, Answer{{"DOC_CONSULT_RUSH"}, "", ""});
  CHECK(g.correct);
  CHECK(g.score == 1.0);
  g = grade(s, Answer{{"DOC_CONSULT_RUSH", "QUOTA"}, "", ""});
  CHECK_FALSE(g.correct);
  CHECK(g.score == 0.0);
  CHECK(g.wrong == std::vector<std::string>{"QUOTA"});
  CHECK(g.feedback.find("误选") != std::string::npos);
  g = grade(s, Answer{{}, "", ""});
  CHECK(g.missed == std::vector<std::string>{"DOC_CONSULT_RUSH"});
  CHECK(g.feedback.find("讲解：讲解") != std::string::npos);
  // Ticking every box earns nothing.
  CHECK(grade(s, Answer{{"DOC_CONSULT_RUSH", "MTG_SCOPE", "QUOTA"}, "", ""}).score == 0.0);
  CHECK(grade(*c.find("v1"), Answer{{}, "pass", ""}).correct);
  CHECK_FALSE(grade(*c.find("v1"), Answer{{}, "reject", ""}).correct);
  CHECK(grade(*c.find("a1"), Answer{{}, "", "reject"}).score == 1.0);
}

TEST_CASE("passages: the reference is the sentences the engine's evidence touches; graded per sentence") {
  auto passages_course = [](const std::string& answer, const std::string& text) {
    return R"({"format":"jianfu-course/1","id":"p","title":"测试","version":"1","as_of":"2026-06-01",
      "chapters":[{"id":"c","title":"章"}],
      "exercises":[{"id":"p1","chapter":"c","title":"找句子","task":"passages","scenario":"情境","modelled_on":"通报",
        "explanation":"讲解","proposal":{"kind":"document","text":")" + text + R"(","facts":{"genre":"info"}},
        "answer":{"passages":)" + answer + "}}]}";
  };
  const std::string text = "春耕物资已备足。请于今天下班前报送。联系人：张三。";
  const Course good = parse_course(passages_course("[1]", text));
  const Exercise& e = *good.find("p1");
  REQUIRE(e.sentences.size() == 3);
  CHECK(e.sentences[1] == "请于今天下班前报送。");
  CHECK(check_course(good).ok());
  // The engine's evidence is in the second sentence, not the first.
  const CourseCheck wrong = check_course(parse_course(passages_course("[0]", text)));
  REQUIRE(wrong.errors.size() == 1);
  CHECK(wrong.errors[0].find("p1") == 0);
  CHECK(error_code([&] { parse_course(passages_course("[7]", text)); }) == "COURSE_INVALID");
  CHECK(error_code([&] { parse_course(passages_course("[]", "只有一句")); }) == "COURSE_INVALID");

  Answer given;
  given.passages = {1};
  CHECK(grade(e, given).correct);
  given.passages = {0, 1};
  const Grade g = grade(e, given);
  CHECK_FALSE(g.correct);
  CHECK(g.score == 0.0);
  CHECK(g.wrong_passages == std::vector<int>{0});
  CHECK(g.feedback.find("误选：第 1 句“春耕物资已备足。”") != std::string::npos);
  CHECK(grade(e, Answer{}).missed_passages == std::vector<int>{1});
  // Answers travel as JSON in the store.
  CHECK(answer_to_json(given).dump() == R"({"passages":[0,1]})");
  CHECK(answer_from_json(nlohmann::json::parse(R"({"passages":[1,1,0]})"), "passages").passages == std::vector<int>{0, 1});
}

TEST_CASE("attempts: saved with the learner, progress counts, and the summary takes the best score") {
  storage::RecordStore store(":memory:");
  const Course c = parse_course(course_json());
  const Exercise& s = *c.find("s1");
  const Exercise& v = *c.find("v1");
  CHECK(error_code([&] { record_attempt(store.db(), "", c, s, "practice", {}, grade(s, {})); }) == "LEARNER_MISSING");
  record_attempt(store.db(), "王芳", c, s, "practice", Answer{}, grade(s, Answer{}));
  record_attempt(store.db(), "王芳", c, s, "practice", Answer{{"DOC_CONSULT_RUSH"}, "", ""}, grade(s, Answer{{"DOC_CONSULT_RUSH"}, "", ""}));
  record_attempt(store.db(), "李强", c, v, "test", Answer{{}, "reject", ""}, grade(v, Answer{{}, "reject", ""}));
  CHECK(attempts(store.db(), "t").size() == 3);
  CHECK(attempts(store.db(), "t", "王芳").size() == 2);
  const Progress p = progress(store.db(), c, "王芳");
  CHECK(p.attempted == 1);
  CHECK(p.correct == 1);
  const std::string csv = summary_csv(store.db(), c);
  CHECK(csv == "\xEF\xBB\xBF学员,s1,v1,a1,总分\r\n李强,,0,,0\r\n王芳,1,,,1\r\n");
}

TEST_CASE("summaries: several devices merge into one, best score per learner and exercise") {
  const std::string a = "\xEF\xBB\xBF学员,s1,v1,总分\r\n王芳,0.5,,0.5\r\n";
  const std::string b = "学员,s1,v1,总分\r\n王芳,1,0,1\r\n\"张,三\",,1,1\r\n";
  CHECK(merge_summaries({a, b}) == "\xEF\xBB\xBF学员,s1,v1,总分\r\n\"张,三\",,1,1\r\n王芳,1,0,1\r\n");
  CHECK(error_code([&] { merge_summaries({a, "学员,x,总分\r\n"}); }) == "SUMMARY_MISMATCH");
  CHECK(error_code([] { merge_summaries({"编号,类型\r\n1,2\r\n"}); }) == "SUMMARY_FORMAT");
  CHECK(error_code([] { merge_summaries({"学员,s1,总分\r\n王芳,abc,1\r\n"}); }) == "SUMMARY_FORMAT");
}

TEST_CASE("store: attempts travel with an export and merge by id; settings stay on the device") {
  const std::string pa = temp_path("train-a.sqlite3"), pb = temp_path("train-b.sqlite3"), out = temp_path("train-export.sqlite3");
  const Course c = parse_course(course_json());
  const Exercise& s = *c.find("s1");
  {
    storage::RecordStore a(pa);
    record_attempt(a.db(), "王芳", c, s, "practice", Answer{}, grade(s, Answer{}));
    storage::set_setting(a.db(), "learner", "王芳");
    a.export_to(out);
  }
  storage::RecordStore b(pb);
  record_attempt(b.db(), "李强", c, s, "test", Answer{}, grade(s, Answer{}));
  auto r = b.import_from(out);
  CHECK(r.attempts_added == 1);
  r = b.import_from(out);  // again: nothing new
  CHECK(r.attempts_added == 0);
  CHECK(attempts(b.db(), "t").size() == 2);
  CHECK(storage::get_setting(b.db(), "learner", "（无）") == "（无）");
  storage::set_setting(b.db(), "font_size", "20");
  storage::set_setting(b.db(), "font_size", "22");
  CHECK(storage::get_setting(b.db(), "font_size") == "22");
}
