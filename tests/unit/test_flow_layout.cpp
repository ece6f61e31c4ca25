// Rows that flow onto more lines (ui/flow_layout.h), in a real ImGui context without a window: the
// buttons' rectangles are read back after each frame.
#include <doctest/doctest.h>

#include <vector>

#include "imgui.h"
#include "tests/unit/headless_imgui.h"
#include "ui/flow_layout.h"

namespace {

// (The headless context has only ImGui's default font, without Chinese glyphs.)
const char* const kLabels[] = {"Home", "Assessment", "Work-item review", "History", "Training", "Settings"};

struct Box {
  ImVec2 min, max;
  float width() const { return max.x - min.x; }
};

// Six buttons in a window `width` wide; returns their rectangles and the window's inner right edge.
std::vector<Box> build_row(jianfu::test::HeadlessImGui& imgui, float width, float* right) {
  ImGui::GetIO().DisplaySize = ImVec2(width, 400);
  std::vector<Box> rects;
  imgui.frame(1.0f / 60, [&] {
    rects.clear();
    jianfu::ui::FlowLayout row;
    for (const char* label : kLabels) {
      row.next(jianfu::ui::FlowLayout::button_width(label));
      ImGui::Button(label);
      rects.push_back({ImGui::GetItemRectMin(), ImGui::GetItemRectMax()});
    }
    *right = ImGui::GetCursorScreenPos().x + ImGui::GetContentRegionAvail().x;
  });
  return rects;
}

int lines(const std::vector<Box>& rects) {
  int n = 1;
  for (std::size_t i = 1; i < rects.size(); ++i) n += rects[i].min.y > rects[i - 1].min.y ? 1 : 0;
  return n;
}

}  // namespace

TEST_CASE("a flowing row stays on one line when it fits and wraps whole items when it does not") {
  jianfu::test::HeadlessImGui imgui;
  float right = 0;
  const std::vector<Box> wide = build_row(imgui, 1200, &right);
  CHECK(lines(wide) == 1);
  for (std::size_t i = 1; i < wide.size(); ++i) {  // side by side, ImGui's spacing apart
    CHECK(wide[i].min.x == doctest::Approx(wide[i - 1].max.x + ImGui::GetStyle().ItemSpacing.x));
  }

  for (const float width : {400.0f, 250.0f, 120.0f}) {
    CAPTURE(width);
    const std::vector<Box> rows = build_row(imgui, width, &right);
    CHECK(lines(rows) > 1);
    for (std::size_t i = 0; i < rows.size(); ++i) {
      CAPTURE(i);
      // Every button that fits the window at all ends inside it; a wrapped one starts the line.
      if (rows[i].width() <= width - 2 * ImGui::GetStyle().WindowPadding.x) CHECK(rows[i].max.x <= right + 0.5f);
      if (i > 0 && rows[i].min.y > rows[i - 1].min.y) CHECK(rows[i].min.x == doctest::Approx(rows[0].min.x));
      // No button goes to a new line while it would have fitted after the one before.
      if (i > 0 && rows[i].min.y > rows[i - 1].min.y) {
        CHECK(rows[i - 1].max.x + ImGui::GetStyle().ItemSpacing.x + rows[i].width() > right);
      }
    }
  }
}
