// Course packs (format "jianfu-course/1", docs/COURSES.md): chapters of exercises built on real
// typical cases. Each exercise is a scenario (a situation, and a draft or a work item) with a task:
//   spot     — pick the problem categories present (from the choices offered),
//   passages — pick the sentences of the draft that carry a problem,
//   verdict  — give the assessment's verdict,
//   access   — decide a 村（社区）工作事项准入 case.
// The reference answer is what the engine says under the course's packs and date; check_course
// verifies that it still does, so a rule change cannot silently make the course wrong.
#pragma once
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace jianfu::rules { class PackSet; }
namespace jianfu::review { class ListSet; }

namespace jianfu::training {

struct Chapter {
  std::string id, title, intro;
};

struct Answer {
  std::vector<std::string> categories;  // spot (sorted, unique)
  std::string verdict;                  // verdict: pass | revise | justify | reject
  std::string decision;                 // access: admit | admit_with_conditions | procedure | reject
  std::vector<int> passages;            // passages: sentence indices of the draft (sorted, unique)
};

struct Exercise {
  std::string id, chapter, title, task, scenario, modelled_on, explanation;
  nlohmann::json proposal;   // spot, verdict: the proposal as `jianfu-cli assess` takes it
  nlohmann::json work_item;  // access: the item as `jianfu-cli review` takes it
  std::vector<std::string> choices;  // spot: the categories offered
  std::vector<std::string> sentences;  // passages: the draft split by text::split_sentences
  Answer answer;             // the reference answer
};

struct Course {
  std::string id, title, version, as_of;
  std::vector<std::string> packs, lists;  // pack specs the answers are taken with; empty = defaults
  std::vector<Chapter> chapters;
  std::vector<Exercise> exercises;
  const Exercise* find(const std::string& exercise_id) const;
};

// Throws bad_input (COURSE_*) with a Chinese message naming the exercise for anything malformed:
// unknown task, missing scenario, a category that is not a contract code, an answer outside the
// choices, duplicate ids, an exercise in an unknown chapter.
Course parse_course(std::string_view json_bytes);

std::vector<std::string> builtin_course_ids();
const std::string* builtin_course_text(const std::string& id);
std::vector<std::string> default_course_ids();
// A built-in course by id, or a course file by path.
Course load_course(const std::string& spec);

// What the engine says for one exercise under the given packs and lists.
Answer engine_answer(const Exercise& e, const Course& c, const rules::PackSet& packs, const review::ListSet& lists);

struct CourseCheck {
  std::size_t exercises = 0;
  std::vector<std::string> errors;  // one line per exercise whose reference answer no longer holds
  bool ok() const { return errors.empty(); }
};
CourseCheck check_course(const Course& c);

// The answer words of the verdict and access tasks, in the order they are offered.
const std::vector<std::string>& verdict_words();
const std::vector<std::string>& decision_words();
bool is_verdict(const std::string& word);   // pass | revise | justify | reject
bool is_decision(const std::string& word);  // admit | admit_with_conditions | procedure | reject

nlohmann::ordered_json answer_to_json(const Answer& a);
Answer answer_from_json(const nlohmann::json& j, const std::string& task);

}  // namespace jianfu::training
