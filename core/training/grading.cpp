#include "training/grading.h"

#include <algorithm>

#include "assess/categories.h"
#include "assess/engine.h"
#include "review/review.h"

namespace jianfu::training {

// The engine's own words, so that the course says exactly what the checker says.
const char* verdict_label(const std::string& v) { return is_verdict(v) ? assess::verdict_text(v) : "（未作答）"; }
const char* decision_label(const std::string& d) { return is_decision(d) ? review::decision_text(d) : "（未作答）"; }

namespace {
std::string labels(const std::vector<std::string>& codes) {
  std::string out;
  for (const auto& c : codes) out += (out.empty() ? "" : "；") + assess::category_label(c);
  return out;
}

std::string sentence_labels(const Exercise& e, const std::vector<int>& idx) {
  std::string out;
  for (int i : idx) {
    out += (out.empty() ? "" : "；") + std::string("第 ") + std::to_string(i + 1) + " 句";
    if (i >= 0 && i < static_cast<int>(e.sentences.size())) out += "“" + e.sentences[static_cast<std::size_t>(i)] + "”";
  }
  return out;
}

// Set grading shared by spot (categories) and passages (sentences): one point per item found,
// minus one per item wrongly chosen, never below zero; "nothing here" is an answer too.
template <typename T>
void grade_set(const std::vector<T>& want, std::vector<T> got, std::vector<T>& missed, std::vector<T>& wrong, Grade& g) {
  std::sort(got.begin(), got.end());
  got.erase(std::unique(got.begin(), got.end()), got.end());
  std::set_difference(want.begin(), want.end(), got.begin(), got.end(), std::back_inserter(missed));
  std::set_difference(got.begin(), got.end(), want.begin(), want.end(), std::back_inserter(wrong));
  const double hits = static_cast<double>(want.size() - missed.size());
  g.max_score = want.empty() ? 1.0 : static_cast<double>(want.size());
  if (want.empty()) g.score = wrong.empty() ? 1.0 : 0.0;
  else g.score = std::max(0.0, hits - static_cast<double>(wrong.size()));
  g.correct = missed.empty() && wrong.empty();
}
}  // namespace

Grade grade(const Exercise& e, const Answer& given) {
  Grade g;
  if (e.task == "spot") {
    grade_set(e.answer.categories, given.categories, g.missed, g.wrong, g);
    if (g.correct) g.feedback = e.answer.categories.empty() ? "正确：这份材料没有负面清单所列问题。" : "正确：问题全部找出。";
    else {
      g.feedback = "不完全正确。";
      if (!g.missed.empty()) g.feedback += "漏选：" + labels(g.missed) + "。";
      if (!g.wrong.empty()) g.feedback += "误选：" + labels(g.wrong) + "。";
    }
  } else if (e.task == "passages") {
    grade_set(e.answer.passages, given.passages, g.missed_passages, g.wrong_passages, g);
    if (g.correct) g.feedback = e.answer.passages.empty() ? "正确：这份材料没有问题语句。" : "正确：问题语句全部找出。";
    else {
      g.feedback = "不完全正确。";
      if (!g.missed_passages.empty()) g.feedback += "漏选：" + sentence_labels(e, g.missed_passages) + "。";
      if (!g.wrong_passages.empty()) g.feedback += "误选：" + sentence_labels(e, g.wrong_passages) + "。";
    }
  } else if (e.task == "verdict") {
    g.correct = given.verdict == e.answer.verdict;
    g.score = g.correct ? 1 : 0;
    g.feedback = g.correct ? std::string("正确：") + verdict_label(e.answer.verdict) + "。"
                           : std::string("您的结论是“") + verdict_label(given.verdict) + "”，应为“" +
                                 verdict_label(e.answer.verdict) + "”。";
  } else {
    g.correct = given.decision == e.answer.decision;
    g.score = g.correct ? 1 : 0;
    g.feedback = g.correct ? std::string("正确：") + decision_label(e.answer.decision) + "。"
                           : std::string("您的决定是“") + decision_label(given.decision) + "”，应为“" +
                                 decision_label(e.answer.decision) + "”。";
  }
  g.feedback += "讲解：" + e.explanation;
  return g;
}

}  // namespace jianfu::training
