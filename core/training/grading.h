// Grading a learner's answer against the reference: a score, what was missed or wrongly chosen,
// and the feedback shown in practice mode and in the test review.
#pragma once
#include <string>
#include <vector>

#include "training/course.h"

namespace jianfu::training {

struct Grade {
  double score = 0, max_score = 1;
  bool correct = false;
  std::vector<std::string> missed, wrong;  // spot: categories not chosen / chosen but absent
  std::vector<int> missed_passages, wrong_passages;  // passages: sentences likewise
  std::string feedback;                    // Chinese, one paragraph, ends with the explanation
};

// spot: one point per category present; each wrongly chosen category takes one away (never below
// zero), so ticking every box scores nothing. passages: the same, per sentence. verdict, access:
// one point when right.
Grade grade(const Exercise& e, const Answer& given);

const char* verdict_label(const std::string& verdict);    // 符合 …
const char* decision_label(const std::string& decision);  // 准入 …

}  // namespace jianfu::training
