#include "ui/training_screen.h"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "assess/categories.h"
#include "error.h"
#include "imgui.h"
#include "imgui_stdlib.h"
#include "training/attempts.h"
#include "ui/flow_layout.h"
#include "ui/wrapped_text.h"

namespace jianfu::ui {

using namespace training;

namespace {
// A tick box for one member of an answer set (categories or sentences), kept sorted. Returns
// whether the member is in the set after the click.
template <typename T>
bool tick_member(const char* label, std::vector<T>& set, const T& value) {
  bool on = std::find(set.begin(), set.end(), value) != set.end();
  if (ImGui::Checkbox(label, &on)) {
    if (on) set.push_back(value);
    else set.erase(std::remove(set.begin(), set.end(), value), set.end());
    std::sort(set.begin(), set.end());
  }
  return on;
}
}  // namespace

TrainingScreen::TrainingScreen(Context& ctx) : ctx_(ctx) {
  try {
    course_ = load_course(default_course_ids().front());
  } catch (const Error& e) {
    error_ = "课程包加载失败：" + e.message_zh();
  }
}

const Exercise* TrainingScreen::current() const {
  if (current_ < 0 || current_ >= static_cast<int>(course_.exercises.size())) return nullptr;
  return &course_.exercises[static_cast<std::size_t>(current_)];
}

void TrainingScreen::select(const std::string& id) {
  for (std::size_t i = 0; i < course_.exercises.size(); ++i)
    if (course_.exercises[i].id == id) current_ = static_cast<int>(i);
  answer_ = {};
  graded_.reset();
}

void TrainingScreen::answer(const nlohmann::json& a) {
  if (const Exercise* e = current()) answer_ = answer_from_json(a, e->task);
}

void TrainingScreen::submit() {
  const Exercise* e = current();
  if (!e) return;
  graded_ = grade(*e, answer_);
  message_.clear();
  if (!ctx_.store || ctx_.read_only) return;
  try {
    record_attempt(ctx_.store->db(), ctx_.settings.learner, course_, *e, "practice", answer_, *graded_);
    ctx_.committed();
    progress_dirty_ = true;
  } catch (const Error& err) {
    message_ = err.message_zh();
  }
}

void TrainingScreen::finish_test() {
  test_grades_.clear();
  for (int idx : test_items_) {
    const Exercise& e = course_.exercises[static_cast<std::size_t>(idx)];
    test_grades_.push_back(grade(e, test_answers_[idx]));
  }
  test_done_ = true;
  test_running_ = false;
  if (!ctx_.store || ctx_.read_only) return;
  try {
    ctx_.store->db().transaction([&] {
      for (std::size_t i = 0; i < test_items_.size(); ++i) {
        const Exercise& e = course_.exercises[static_cast<std::size_t>(test_items_[i])];
        record_attempt(ctx_.store->db(), ctx_.settings.learner, course_, e, "test", test_answers_[test_items_[i]], test_grades_[i]);
      }
    });
    ctx_.committed();
    progress_dirty_ = true;
  } catch (const Error& err) {
    message_ = err.message_zh();
  }
}

void TrainingScreen::merge_summaries(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  try {
    const std::string merged = training::merge_summaries({summary_csv(ctx_.store->db(), course_), ss.str()});
    const std::string out = ctx_.scratch_path(".merged.csv");
    std::ofstream(out, std::ios::binary) << merged;
    message_ = ctx_.services.deliver_file ? ctx_.services.deliver_file(out, "培训成绩汇总.csv", ctx_.services.export_dir) : "已写到：" + out;
  } catch (const Error& e) {
    message_ = e.message_zh() + "（" + e.code() + "）";
  }
}

// The name, the mode, the progress and the buttons flow onto more lines when the window is narrow.
void TrainingScreen::draw_header() {
  const ImGuiStyle& style = ImGui::GetStyle();
  FlowLayout row;
  row.next(FlowLayout::text_width("学员姓名") + style.ItemSpacing.x + ImGui::GetFontSize() * 8);
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("学员姓名");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
  ImGui::InputTextWithHint("##learner", "必填", &ctx_.settings.learner);
  if (ImGui::IsItemDeactivatedAfterEdit()) {
    ctx_.save_settings();
    progress_dirty_ = true;
  }
  row.next(FlowLayout::check_width("练习模式"));
  if (ImGui::RadioButton("练习模式", !test_mode_)) test_mode_ = false;
  row.next(FlowLayout::check_width("测验模式"));
  if (ImGui::RadioButton("测验模式", test_mode_)) test_mode_ = true;
  if (ctx_.store && progress_dirty_) {
    progress_ = progress(ctx_.store->db(), course_, ctx_.settings.learner);
    best_.clear();
    for (const auto& a : attempts(ctx_.store->db(), course_.id, ctx_.settings.learner))
      best_[a.exercise] = std::max(best_[a.exercise], a.score >= a.max_score ? 2 : 1);
    progress_dirty_ = false;
  }
  char done[96];
  std::snprintf(done, sizeof done, "进度：已练 %zu / %zu 题，全对 %zu 题", progress_.attempted, course_.exercises.size(),
                progress_.correct);
  row.next(FlowLayout::text_width(done));
  ImGui::TextUnformatted(done);
  row.next(FlowLayout::button_width("导出成绩表（CSV）"));
  if (ImGui::SmallButton("导出成绩表（CSV）") && ctx_.store) {
    const std::string out = ctx_.scratch_path(".training-summary.csv");
    std::ofstream(out, std::ios::binary) << summary_csv(ctx_.store->db(), course_);
    message_ = ctx_.services.deliver_file ? ctx_.services.deliver_file(out, "培训成绩-" + course_.id + ".csv", ctx_.services.export_dir) : "已写到：" + out;
  }
  if (ctx_.services.choose_file) {
    row.next(FlowLayout::button_width("合并其他设备的成绩表"));
    if (ImGui::SmallButton("合并其他设备的成绩表")) ctx_.services.choose_file(".csv", [this](const std::string& p) { merge_summaries(p); });
  }
  if (ctx_.settings.learner.empty()) {
    text_colored_wrapped(ImVec4(0.7f, 0.35f, 0, 1), "请先填写学员姓名，练习记录才会保存到您的名下。");
  }
  if (!message_.empty()) text_colored_wrapped(ImVec4(0.1f, 0.45f, 0.2f, 1), message_);
}

void TrainingScreen::draw_outline() {
  for (const auto& ch : course_.chapters) {
    std::size_t n = 0, ok = 0;
    for (const auto& e : course_.exercises)
      if (e.chapter == ch.id) {
        ++n;
        if (best_.count(e.id) && best_[e.id] == 2) ++ok;
      }
    const std::string label = ch.title + "（" + std::to_string(ok) + "/" + std::to_string(n) + "）##" + ch.id;
    if (!ImGui::TreeNodeEx(label.c_str(), ImGuiTreeNodeFlags_DefaultOpen)) continue;
    for (std::size_t i = 0; i < course_.exercises.size(); ++i) {
      const auto& e = course_.exercises[i];
      if (e.chapter != ch.id) continue;
      const int b = best_.count(e.id) ? best_[e.id] : 0;
      // A title too long for the outline ends in "…" and shows whole when the pointer rests on it.
      const std::string full = std::string(b == 2 ? "√ " : b == 1 ? "○ " : "　 ") + e.title;
      const std::string shown = fit_line(full, ImGui::GetContentRegionAvail().x);
      if (ImGui::Selectable((shown + "##" + e.id).c_str(), static_cast<int>(i) == current_) && !test_running_) select(e.id);
      if (shown != full && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", e.title.c_str());
    }
    ImGui::TreePop();
  }
}

// The draft as a list of sentences, each with a box to tick. Once graded, each sentence says whether
// it was rightly picked (green), missed (orange) or wrongly picked (red).
void TrainingScreen::draw_passages(const Exercise& e, Answer& a, bool editable, const Grade* graded) {
  ImGui::TextUnformatted("请勾选存在问题的语句（可多选；都没有则不选）：");
  ImGui::BeginChild("material", ImVec2(0, ImGui::GetTextLineHeightWithSpacing() * 9), ImGuiChildFlags_Borders | ImGuiChildFlags_NavFlattened);
  text_wrappedf("《%s》", e.proposal.value("title", "").c_str());
  for (std::size_t i = 0; i < e.sentences.size(); ++i) {
    const int n = static_cast<int>(i);
    ImGui::BeginDisabled(!editable);
    const bool on = tick_member(("##p" + std::to_string(i)).c_str(), a.passages, n);
    ImGui::EndDisabled();
    ImGui::SameLine();
    const bool in_answer = std::binary_search(e.answer.passages.begin(), e.answer.passages.end(), n);
    const char* mark = "";
    ImVec4 color = ImGui::GetStyleColorVec4(ImGuiCol_Text);
    if (graded && in_answer) {
      mark = on ? "【找对】" : "【漏选】";
      color = on ? ImVec4(0.1f, 0.5f, 0.2f, 1) : ImVec4(0.8f, 0.45f, 0.0f, 1);
    } else if (graded && on) {
      mark = "【误选】";
      color = ImVec4(0.75f, 0.2f, 0.1f, 1);
    }
    ImGui::PushStyleColor(ImGuiCol_Text, color);
    text_wrappedf("%zu. %s%s", i + 1, mark, e.sentences[i].c_str());
    ImGui::PopStyleColor();
  }
  ImGui::EndChild();
}

void TrainingScreen::draw_exercise(const Exercise& e, Answer& a, bool editable, const Grade* graded) {
  ImGui::SeparatorText(e.title.c_str());
  text_disabled_wrapped("案例原型：" + e.modelled_on);
  text_wrapped(e.scenario);
  if (e.task == "passages") {
    draw_passages(e, a, editable, graded);
    return;
  }
  ImGui::BeginChild("material", ImVec2(0, ImGui::GetTextLineHeightWithSpacing() * 5), ImGuiChildFlags_Borders | ImGuiChildFlags_NavFlattened);
  if (e.task == "access") {
    text_wrappedf("事项：%s", e.work_item.value("name", "").c_str());
    if (e.work_item.contains("description")) text_wrappedf("要求：%s", e.work_item.value("description", "").c_str());
    if (e.work_item.contains("department")) text_wrappedf("提出部门：%s", e.work_item.value("department", "").c_str());
  } else {
    text_wrappedf("《%s》", e.proposal.value("title", "").c_str());
    text_wrapped(e.proposal.value("text", ""));
  }
  ImGui::EndChild();
  ImGui::BeginDisabled(!editable);
  if (e.task == "spot") {
    ImGui::TextUnformatted("这份材料存在哪些问题？（可多选；都没有则不选）");
    for (const auto& c : e.choices) tick_member((assess::category_label(c) + "##" + c).c_str(), a.categories, c);
  } else if (e.task == "verdict") {
    ImGui::TextUnformatted("结论应是：");
    for (const auto& v : verdict_words()) {
      ImGui::SameLine();
      if (ImGui::RadioButton(verdict_label(v), a.verdict == v)) a.verdict = v;
    }
  } else {
    ImGui::TextUnformatted("准入决定应是：");
    for (const auto& d : decision_words()) {
      ImGui::SameLine();
      if (ImGui::RadioButton(decision_label(d), a.decision == d)) a.decision = d;
    }
  }
  ImGui::EndDisabled();
}

void TrainingScreen::draw_practice() {
  const Exercise* e = current();
  if (!e) return;
  draw_exercise(*e, answer_, !graded_.has_value(), graded_ ? &*graded_ : nullptr);
  if (!graded_) {
    if (ImGui::Button("提交")) submit();
    return;
  }
  ImGui::PushStyleColor(ImGuiCol_Text, graded_->correct ? ImVec4(0.1f, 0.5f, 0.2f, 1) : ImVec4(0.75f, 0.2f, 0.1f, 1));
  text_wrapped(graded_->feedback);
  ImGui::PopStyleColor();
  if (ImGui::Button("再试一次")) {
    answer_ = {};
    graded_.reset();
  }
  ImGui::SameLine();
  if (current_ + 1 < static_cast<int>(course_.exercises.size()) && ImGui::Button("下一题")) {
    ++current_;
    answer_ = {};
    graded_.reset();
  }
}

void TrainingScreen::draw_test() {
  if (!test_running_ && !test_done_) {
    text_wrapped("测验模式：答完所选章节的全部题目后统一评分，交卷前不显示对错。");
    // One radio button per chapter, with its size, so the trainer sees at once how long a test is.
    ImGui::TextUnformatted("测验范围：");
    const std::string all = "全部章节（" + std::to_string(course_.exercises.size()) + " 题）##test-all";
    if (ImGui::RadioButton(all.c_str(), test_chapter_.empty())) test_chapter_.clear();
    for (const auto& ch : course_.chapters) {
      const auto n = std::count_if(course_.exercises.begin(), course_.exercises.end(), [&](const Exercise& e) { return e.chapter == ch.id; });
      const std::string label = ch.title + "（" + std::to_string(n) + " 题）##test-" + ch.id;
      if (ImGui::RadioButton(label.c_str(), test_chapter_ == ch.id)) test_chapter_ = ch.id;
    }
    if (ImGui::Button("开始测验")) {
      test_items_.clear();
      for (std::size_t i = 0; i < course_.exercises.size(); ++i) {
        const auto& e = course_.exercises[i];
        if (test_chapter_.empty() || e.chapter == test_chapter_) test_items_.push_back(static_cast<int>(i));
      }
      test_answers_.clear();
      test_pos_ = 0;
      test_running_ = !test_items_.empty();
    }
    return;
  }
  if (test_running_) {
    const int idx = test_items_[test_pos_];
    current_ = idx;
    ImGui::Text("第 %zu / %zu 题", test_pos_ + 1, test_items_.size());
    draw_exercise(course_.exercises[static_cast<std::size_t>(idx)], test_answers_[idx], true, nullptr);
    if (test_pos_ > 0) {
      if (ImGui::Button("上一题")) --test_pos_;
      ImGui::SameLine();
    }
    if (test_pos_ + 1 < test_items_.size()) {
      if (ImGui::Button("下一题")) ++test_pos_;
    } else if (ImGui::Button("交卷")) {
      finish_test();
    }
    return;
  }
  double score = 0, max = 0;
  for (const auto& g : test_grades_) {
    score += g.score / g.max_score;
    max += 1;
  }
  ImGui::Text("得分：%.1f / %.0f（%.0f%%）", score, max, max > 0 ? score * 100 / max : 0.0);
  if (ImGui::Button("再测一次")) test_done_ = false;
  ImGui::BeginChild("review", ImVec2(0, 0), ImGuiChildFlags_NavFlattened);
  for (std::size_t i = 0; i < test_items_.size(); ++i) {
    const auto& e = course_.exercises[static_cast<std::size_t>(test_items_[i])];
    const auto& g = test_grades_[i];
    ImGui::PushStyleColor(ImGuiCol_Text, g.correct ? ImVec4(0.1f, 0.5f, 0.2f, 1) : ImVec4(0.75f, 0.2f, 0.1f, 1));
    ImGui::Bullet();
    text_wrappedf("%s %s", g.correct ? "√" : "×", e.title.c_str());
    ImGui::PopStyleColor();
    ImGui::Indent();
    text_wrapped(g.feedback);
    ImGui::Unindent();
  }
  ImGui::EndChild();
}

void TrainingScreen::draw() {
  if (!error_.empty()) {
    ImGui::TextColored(ImVec4(0.8f, 0.1f, 0.1f, 1), "%s", error_.c_str());
    return;
  }
  draw_header();
  ImGui::BeginChild("outline", ImVec2(ImGui::GetContentRegionAvail().x * 0.28f, 0), ImGuiChildFlags_Borders | ImGuiChildFlags_NavFlattened);
  text_wrapped(course_.title);
  draw_outline();
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("exercise", ImVec2(0, 0), ImGuiChildFlags_NavFlattened);
  if (test_mode_) draw_test();
  else draw_practice();
  ImGui::EndChild();
}

nlohmann::ordered_json TrainingScreen::state() const {
  nlohmann::ordered_json j;
  j["course"] = course_.id;
  j["exercises"] = course_.exercises.size();
  const Exercise* e = current();
  j["current"] = e ? e->id : "";
  j["graded"] = graded_.has_value();
  j["correct"] = graded_ ? graded_->correct : false;
  j["attempted"] = progress_.attempted;
  j["all_right"] = progress_.correct;
  j["learner"] = ctx_.settings.learner;
  double score = 0;
  for (const auto& g : test_grades_) score += g.score / g.max_score;
  j["test"] = {{"running", test_running_}, {"done", test_done_}, {"position", test_pos_},
               {"items", test_items_.size()}, {"score", score}, {"max", test_grades_.size()}};
  j["message"] = message_;
  return j;
}

}  // namespace jianfu::ui
