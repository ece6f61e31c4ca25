// A row of items laid out like words: each goes on the current line if it fits before the right
// edge of the content region, otherwise at the start of the next line. Rows of buttons, filters
// and options then stay whole in a narrow window or at a large font size instead of running off
// the right edge, where ImGui clips them.
#pragma once
#include "imgui.h"

namespace jianfu::ui {

class FlowLayout {
 public:
  // The row starts at the cursor; its right edge is where the content region ends.
  FlowLayout() : right_(ImGui::GetCursorScreenPos().x + ImGui::GetContentRegionAvail().x) {}

  // Call before each item, with the width it will take. The first item stays where the cursor is.
  void next(float width) {
    if (!first_) {
      ImGui::SameLine();
      if (ImGui::GetCursorScreenPos().x + width > right_) ImGui::NewLine();
    }
    first_ = false;
  }

  // Widths of common items, as ImGui will draw them.
  static float text_width(const char* label) { return ImGui::CalcTextSize(label, nullptr, true).x; }
  static float button_width(const char* label) {
    return text_width(label) + ImGui::GetStyle().FramePadding.x * 2.0f;
  }
  // Checkbox or radio button: the box, then its label.
  static float check_width(const char* label) {
    return ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x + text_width(label);
  }

 private:
  float right_;
  bool first_ = true;
};

}  // namespace jianfu::ui
