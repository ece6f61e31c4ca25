#include "ui/home_screen.h"

#include <algorithm>
#include <string>

#include "imgui.h"
#include "imgui_internal.h"  // RenderTextEllipsis
#include "ui/kinds.h"
#include "util/local_time.h"

namespace jianfu::ui {

namespace {

// A large button with a second, quieter line under the label.
bool card(const char* label, const char* hint, float w) {
  ImGui::PushID(label);
  const ImVec2 pad = ImGui::GetStyle().FramePadding;
  const float line = ImGui::GetTextLineHeight();
  const float h = line * 2 + pad.y * 3;
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  // The visible label is drawn by hand so that a quieter hint line fits under it; the button's own
  // label stays (hidden after ##) for keyboard navigation and the test locator.
  const bool pressed = ImGui::Button((std::string("##") + label).c_str(), ImVec2(w, h));
  // Both lines stay inside the card: in a window too narrow for them they end in an ellipsis
  // instead of running into the next card.
  const float left = pos.x + pad.x * 2, right = pos.x + w - pad.x;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImGui::RenderTextEllipsis(dl, ImVec2(left, pos.y + pad.y), ImVec2(right, pos.y + pad.y + line), right,
                            label, nullptr, nullptr);
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  ImGui::RenderTextEllipsis(dl, ImVec2(left, pos.y + pad.y * 2 + line), ImVec2(right, pos.y + h), right, hint,
                            nullptr, nullptr);
  ImGui::PopStyleColor();
  ImGui::PopID();
  return pressed;
}

// The width a card needs to show its label and hint whole.
float card_width(const char* label, const char* hint) {
  const float pad = ImGui::GetStyle().FramePadding.x;
  return std::max(ImGui::CalcTextSize(label).x, ImGui::CalcTextSize(hint).x) + pad * 3;
}

}  // namespace

void draw_home(Context& ctx) {
  ImGui::SeparatorText("要检查什么？");
  // As many cards to a row as fit with the longest label or hint whole, whatever the font size.
  float need = std::max(card_width(kReviewCard.label, kReviewCard.hint), card_width(kTrainingCard.label, kTrainingCard.hint));
  for (const auto& k : kKinds) need = std::max(need, card_width(k.label, k.hint));
  const float avail = ImGui::GetContentRegionAvail().x;
  const float spacing = ImGui::GetStyle().ItemSpacing.x;
  const int per_row = std::max(2, static_cast<int>((avail + spacing) / (need + spacing)));
  const float w = (avail - spacing * static_cast<float>(per_row - 1)) / static_cast<float>(per_row);
  int n = 0;
  auto next = [&] {
    if (++n % per_row != 0) ImGui::SameLine();
  };
  for (const auto& k : kKinds) {
    if (card(k.label, k.hint, w)) ctx.start_assessment(k.code);
    next();
  }
  if (card(kReviewCard.label, kReviewCard.hint, w)) ctx.go(Screen::Review);
  next();
  if (card(kTrainingCard.label, kTrainingCard.hint, w)) ctx.go(Screen::Training);
  ImGui::NewLine();

  ImGui::SeparatorText("最近的记录");
  if (!ctx.store) {
    ImGui::TextDisabled("数据库未能打开，暂无记录。");
    return;
  }
  const auto recent = ctx.store->recent(8);
  if (recent.empty()) {
    ImGui::TextDisabled("还没有记录。检查结果会自动保存在这里。");
    return;
  }
  if (ImGui::BeginTable("recent", 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH)) {
    ImGui::TableSetupColumn("标题", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn("类型", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 9);
    ImGui::TableSetupColumn("结论", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 8);
    ImGui::TableSetupColumn("更新时间", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 10);
    ImGui::TableHeadersRow();
    for (const auto& r : recent) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::PushID(r.id.c_str());
      if (ImGui::Selectable(r.title.c_str(), false, ImGuiSelectableFlags_SpanAllColumns)) ctx.open_record(r);
      ImGui::PopID();
      draw_kind_and_verdict_cells(r);
      ImGui::TableNextColumn();
      ImGui::TextDisabled("%s", util::local_minutes(r.updated_at).c_str());
    }
    ImGui::EndTable();
  }
  if (ImGui::SmallButton("查看全部历史记录")) ctx.go(Screen::History);
}

}  // namespace jianfu::ui
