// Training attempts in the store: every submitted answer, with the learner's name as entered on
// the device. Attempts are written once and never changed; devices' stores merge by id (import).
// The trainer's summary is a CSV of learners × exercises (best score per exercise), and summaries
// from several devices merge into one.
#pragma once
#include <string>
#include <vector>

#include "storage/database.h"
#include "training/course.h"
#include "training/grading.h"

namespace jianfu::training {

struct Attempt {
  std::string id, learner, course, exercise, mode;  // mode: practice | test
  std::string answer = "{}";
  double score = 0, max_score = 1;
  std::string at;
};

Attempt record_attempt(storage::Database& db, const std::string& learner, const Course& c, const Exercise& e,
                       const std::string& mode, const Answer& given, const Grade& g);
std::vector<Attempt> attempts(storage::Database& db, const std::string& course, const std::string& learner = "");

struct Progress {
  std::size_t attempted = 0, correct = 0;  // exercises tried / with a full score at least once
};
Progress progress(storage::Database& db, const Course& c, const std::string& learner);

// learner,<exercise ids…>,total — best score per exercise as a fraction (blank: not attempted).
// UTF-8 with a BOM so that WPS and Excel open it correctly.
std::string summary_csv(storage::Database& db, const Course& c);
// Merges several summaries of the same course (from several devices): per learner and exercise
// the best score wins; totals are recomputed. Throws bad_input (SUMMARY_*) for a file that is not
// a summary or belongs to a different set of exercises.
std::string merge_summaries(const std::vector<std::string>& csvs);

}  // namespace jianfu::training
