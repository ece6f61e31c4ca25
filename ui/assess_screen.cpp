#include "ui/assess_screen.h"

#include <algorithm>
#include <cstdlib>

#include "error.h"
#include "imgui.h"
#include "imgui_stdlib.h"
#include "report/records.h"

namespace jianfu::ui {

using nlohmann::json;

namespace {

struct KindLabel { const char* code; const char* label; };
const KindLabel kKinds[] = {
    {"document", "发文"}, {"meeting", "会议"}, {"inspection", "督查检查考核"}, {"research", "调研"},
    {"digital", "政务APP、工作群"}, {"data_request", "数据填报"}, {"activity", "创建示范、评比表彰、节庆"},
    {"secondment", "借调"}, {"school_task", "进校园"}, {"hospital_task", "进医院"}};
constexpr double kDebounce = 0.15;  // seconds of quiet typing before re-checking
constexpr double kSaveDelay = 1.0;  // seconds before an edit is written to the store

ImVec4 verdict_color(const std::string& v) {
  if (v == "reject") return ImVec4(0.75f, 0.1f, 0.1f, 1);
  if (v == "justify") return ImVec4(0.8f, 0.45f, 0.0f, 1);
  if (v == "revise") return ImVec4(0.15f, 0.4f, 0.75f, 1);
  return ImVec4(0.1f, 0.55f, 0.2f, 1);
}

const char* severity_label(rules::Severity s) {
  return s == rules::Severity::Block ? "不符合" : s == rules::Severity::Justify ? "需说明理由或报批" : "需修改";
}

}  // namespace

AssessScreen::AssessScreen(const PlatformServices& services, storage::RecordStore* store)
    : services_(services), store_(store) {
  try {
    packs_ = rules::load_pack_set({});
  } catch (const Error& e) {
    pack_error_ = e.message_zh();
  }
}

void AssessScreen::set_text(const std::string& field, const std::string& utf8) {
  (field == "title" ? title_ : text_) = utf8;
  dirty_ = unsaved_ = true;
  changed_at_ = -1;  // re-check on the next frame
}

void AssessScreen::load_example() {
  kind_ = 0;
  title_ = "关于开展农村人居环境整治专项督查的通知";
  text_ =
      "各乡镇人民政府：\n"
      "为推进农村人居环境整治，经研究，决定开展专项督查。请各乡镇结合实际制定具体实施方案，"
      "于今天下班前报送贯彻落实情况。\n"
      "督查实行千分制考核，每月对各乡镇进行排名通报，并将拍照留痕情况纳入考核指标。"
      "对工作不力的乡镇实行一票否决。\n"
      "检查中不得要求基层准备汇报材料，不搞层层陪同。";
  facts_ = {{"genre", "special"}};
  asked_.clear();
  dirty_ = unsaved_ = true;
  changed_at_ = -1;
}

void AssessScreen::reassess() {
  if (!packs_) return;
  json p = {{"kind", kKinds[kind_].code}, {"title", title_}, {"text", text_}, {"facts", facts_}};
  try {
    report_ = assess::assess(assess::proposal_from_json(p), *packs_);
    have_report_ = true;
    for (const auto& q : report_.unanswered) {
      if (std::find(asked_.begin(), asked_.end(), q.fact) == asked_.end()) asked_.push_back(q.fact);
    }
  } catch (const Error& e) {
    save_status_ = e.message_zh();
  }
  dirty_ = false;
}

void AssessScreen::autosave(double now) {
  if (!store_ || !unsaved_ || !have_report_ || now - changed_at_ < kSaveDelay) return;
  json p = {{"kind", kKinds[kind_].code}, {"title", title_}, {"text", text_}, {"facts", facts_}};
  storage::Record r = report::assessment_record(p, assess::report_to_json(report_));
  r.id = record_id_;
  try {
    record_id_ = store_->save(r).id;
    services_.on_committed();
    save_status_ = "已自动保存";
    unsaved_ = false;
  } catch (const Error& e) {
    save_status_ = "保存失败：" + e.message_zh();
  }
}

bool AssessScreen::draw_fact(const rules::FactDef& f) {
  bool changed = false;
  ImGui::PushID(f.id.c_str());
  ImGui::TextWrapped("%s", f.question.c_str());
  if (!f.help.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("%s", f.help.c_str());
    ImGui::PopStyleColor();
  }
  const bool has = facts_.contains(f.id);
  auto label_of = [&](const std::string& o) {
    const auto it = f.option_labels.find(o);
    return it == f.option_labels.end() ? o : it->second;
  };
  if (f.type == "bool") {
    int v = has ? (facts_[f.id].get<bool>() ? 1 : 0) : -1;
    if (ImGui::RadioButton("是", v == 1)) { facts_[f.id] = true; changed = true; }
    ImGui::SameLine();
    if (ImGui::RadioButton("否", v == 0)) { facts_[f.id] = false; changed = true; }
    ImGui::SameLine();
    if (ImGui::RadioButton("未答", v == -1) && has) { facts_.erase(f.id); changed = true; }
  } else if (f.type == "enum") {
    const std::string cur = has ? label_of(facts_[f.id].get<std::string>()) : "（请选择）";
    if (ImGui::BeginCombo("##v", cur.c_str())) {
      for (const auto& o : f.options) {
        if (ImGui::Selectable(label_of(o).c_str(), has && facts_[f.id] == o)) { facts_[f.id] = o; changed = true; }
      }
      ImGui::EndCombo();
    }
  } else if (f.type == "list") {
    // Options flow onto as many lines as the panel needs.
    const float right = ImGui::GetCursorScreenPos().x + ImGui::GetContentRegionAvail().x;
    bool first = true;
    for (const auto& o : f.options) {
      const float w = ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x + ImGui::CalcTextSize(label_of(o).c_str()).x;
      if (!first) {
        ImGui::SameLine();
        if (ImGui::GetCursorScreenPos().x + w > right) ImGui::NewLine();
      }
      first = false;
      json list = has ? facts_[f.id] : json::array();
      bool on = std::find(list.begin(), list.end(), o) != list.end();
      if (ImGui::Checkbox(label_of(o).c_str(), &on)) {
        if (on) list.push_back(o);
        else list.erase(std::remove(list.begin(), list.end(), o), list.end());
        facts_[f.id] = list;
        changed = true;
      }
    }
  } else {
    // Numbers and text share a text field; an empty field means "not answered".
    std::string buf = !has ? "" : facts_[f.id].is_string() ? facts_[f.id].get<std::string>() : facts_[f.id].dump();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 12);
    if (ImGui::InputText("##v", &buf)) {
      changed = true;
      if (buf.empty()) facts_.erase(f.id);
      else if (f.type == "string") facts_[f.id] = buf;
      else {
        char* end = nullptr;
        const double d = std::strtod(buf.c_str(), &end);
        if (end && *end == '\0') {
          if (f.type == "int") facts_[f.id] = static_cast<long long>(d);
          else facts_[f.id] = d;
        }
      }
    }
  }
  ImGui::PopID();
  ImGui::Spacing();
  return changed;
}

void AssessScreen::draw_questions() {
  ImGui::TextUnformatted("事项类型");
  ImGui::SetNextItemWidth(-FLT_MIN);
  if (ImGui::BeginCombo("##kind", kKinds[kind_].label)) {
    for (int i = 0; i < static_cast<int>(std::size(kKinds)); ++i) {
      if (ImGui::Selectable(kKinds[i].label, i == kind_) && i != kind_) {
        kind_ = i;
        asked_.clear();  // answers are kept in facts_; only the list of questions restarts
        dirty_ = unsaved_ = true;
        changed_at_ = -1;
      }
    }
    ImGui::EndCombo();
  }
  ImGui::Separator();
  const std::size_t open = have_report_ ? report_.unanswered.size() : 0;
  ImGui::Text("检查清单（还有 %zu 个问题待回答）", open);
  if (!packs_) return;
  for (const std::string& id : asked_) {
    const auto it = packs_->facts().find(id);
    if (it == packs_->facts().end()) continue;
    const auto& kinds = it->second.kinds;
    if (!kinds.empty() && std::find(kinds.begin(), kinds.end(), kKinds[kind_].code) == kinds.end()) continue;
    if (draw_fact(it->second)) {
      dirty_ = unsaved_ = true;
      changed_at_ = -1;
    }
  }
}

void AssessScreen::draw_findings() {
  if (!have_report_) return;
  if (text_.empty() && title_.empty() && facts_.empty()) {
    // Nothing to judge yet: a 符合 here would only mean that nothing was checked.
    ImGui::TextDisabled("请回答左侧清单中的问题，或在上方粘贴草稿；检查结果会显示在这里。");
    return;
  }
  ImGui::PushStyleColor(ImGuiCol_Text, verdict_color(report_.verdict));
  ImGui::Text("结论：%s", report_.verdict_text.c_str());
  ImGui::PopStyleColor();
  ImGui::SameLine();
  ImGui::TextDisabled("（字数 %zu，问题 %zu 条）", report_.chars, report_.findings.size());
  if (!report_.unanswered.empty()) {
    ImGui::TextColored(ImVec4(0.6f, 0.4f, 0.0f, 1), "还有 %zu 个问题未回答，回答后结论可能变化。", report_.unanswered.size());
  }
  for (std::size_t i = 0; i < report_.findings.size(); ++i) {
    const auto& f = report_.findings[i];
    ImGui::PushID(static_cast<int>(i));
    ImGui::PushStyleColor(ImGuiCol_Text, verdict_color(f.severity == rules::Severity::Block ? "reject"
                                                      : f.severity == rules::Severity::Justify ? "justify" : "revise"));
    ImGui::Bullet();
    ImGui::TextWrapped("【%s】%s", severity_label(f.severity), f.message.c_str());
    ImGui::PopStyleColor();
    ImGui::Indent();
    if (!f.evidence.empty()) {
      std::string quotes;
      for (const auto& e : f.evidence) quotes += (quotes.empty() ? "" : "、") + ("“" + e.text + "”");
      ImGui::TextWrapped("原文：%s", quotes.c_str());
    }
    ImGui::TextDisabled("依据：%s", f.basis.c_str());
    ImGui::TextWrapped("修改建议：%s", f.fix.c_str());
    ImGui::Unindent();
    ImGui::PopID();
  }
}

void AssessScreen::draw(double now) {
  if (!pack_error_.empty()) {
    ImGui::TextColored(ImVec4(0.8f, 0.1f, 0.1f, 1), "规则包加载失败：%s", pack_error_.c_str());
    return;
  }
  if (dirty_ && (changed_at_ < 0 || now - changed_at_ >= kDebounce)) reassess();
  if (changed_at_ < 0) changed_at_ = now;
  autosave(now);

  const float left = ImGui::GetContentRegionAvail().x * 0.34f;
  ImGui::BeginChild("questions", ImVec2(left, 0), ImGuiChildFlags_Borders);
  draw_questions();
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("draft", ImVec2(0, 0));
  ImGui::TextUnformatted("标题");
  ImGui::SetNextItemWidth(-FLT_MIN);
  if (ImGui::InputTextWithHint("##title", "例如：关于开展农村人居环境整治的通知", &title_)) { dirty_ = unsaved_ = true; changed_at_ = now; }
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("正文（可直接粘贴草稿）");
  ImGui::SameLine();
  if (ImGui::SmallButton("填入示例草稿")) load_example();
  if (ImGui::InputTextMultiline("##body", &text_, ImVec2(-FLT_MIN, ImGui::GetTextLineHeight() * 10))) {
    dirty_ = unsaved_ = true;
    changed_at_ = now;
  }
  ImGui::TextDisabled("%s", save_status_.c_str());
  ImGui::Separator();
  ImGui::BeginChild("findings", ImVec2(0, 0));
  draw_findings();
  ImGui::EndChild();
  ImGui::EndChild();
}

nlohmann::ordered_json AssessScreen::state() const {
  nlohmann::ordered_json j;
  j["kind"] = kKinds[kind_].code;
  j["verdict"] = have_report_ ? report_.verdict : "";
  j["findings"] = nlohmann::ordered_json::array();
  if (have_report_) for (const auto& f : report_.findings) j["findings"].push_back(f.category);
  j["unanswered"] = have_report_ ? report_.unanswered.size() : 0;
  j["record_id"] = record_id_;
  j["saved"] = !unsaved_;
  return j;
}

}  // namespace jianfu::ui
