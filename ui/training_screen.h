// The training workbook: real typical cases as exercises. Practice mode gives feedback at once and
// lets the learner retry; test mode grades a chapter (or the whole course) at the end with a score
// and a per-exercise review. Every submitted answer is saved under the learner's name, so progress
// survives reloads and restarts; the trainer exports a CSV of learners × exercises.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "training/course.h"
#include "training/attempts.h"
#include "training/grading.h"
#include "ui/context.h"

namespace jianfu::ui {

class TrainingScreen {
 public:
  explicit TrainingScreen(Context& ctx);
  void draw();
  // For tests: pick an exercise, give an answer (as course JSON), submit it.
  void select(const std::string& exercise_id);
  void answer(const nlohmann::json& a);
  void submit();
  nlohmann::ordered_json state() const;

 private:
  void draw_header();
  void draw_outline();
  void draw_exercise(const training::Exercise& e, training::Answer& a, bool editable, const training::Grade* graded);
  void draw_passages(const training::Exercise& e, training::Answer& a, bool editable, const training::Grade* graded);
  void draw_practice();
  void draw_test();
  void finish_test();
  void merge_summaries(const std::string& path);
  const training::Exercise* current() const;

  Context& ctx_;
  training::Course course_;
  std::string error_, message_;
  bool test_mode_ = false;
  int current_ = 0;
  training::Answer answer_;
  std::optional<training::Grade> graded_;
  // Test mode: the exercises of the chosen chapter, the answers so far, and the grades at the end.
  std::string test_chapter_;  // chapter id; "" = whole course
  bool test_running_ = false, test_done_ = false;
  std::vector<int> test_items_;
  std::size_t test_pos_ = 0;
  std::map<int, training::Answer> test_answers_;
  std::vector<training::Grade> test_grades_;
  training::Progress progress_;
  std::map<std::string, int> best_;  // exercise → 2 all right, 1 tried
  bool progress_dirty_ = true;
};

}  // namespace jianfu::ui
