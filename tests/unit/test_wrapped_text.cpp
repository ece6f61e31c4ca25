// Wrapped text (ui/wrapped_text.h) keeps the lines of the texts it drew in recent frames: what it
// draws must still follow the text, the width and the font size of each call.
#include <doctest/doctest.h>

#include <string>

#include "imgui.h"
#include "tests/unit/headless_imgui.h"
#include "ui/wrapped_text.h"

namespace {

// The height of `text` wrapped in a child of `width` pixels at `size` px, in a frame of its own.
float wrapped_height(jianfu::test::HeadlessImGui& imgui, const std::string& text, float width, float size = 13.0f) {
  float h = 0;
  imgui.frame(0.016f, [&] {
    ImGui::PushFont(nullptr, size);
    ImGui::BeginChild("box", ImVec2(width, 400));
    jianfu::ui::text_wrapped(text);
    h = ImGui::GetItemRectSize().y;
    ImGui::EndChild();
    ImGui::PopFont();
  });
  return h;
}

}  // namespace

TEST_CASE("wrapped text: the lines follow the width, the text and the font size, frame after frame") {
  jianfu::test::HeadlessImGui imgui;
  const std::string text = "Each township reports its progress by Friday; rankings are not published, "
                           "and no photographs are required as proof of the work done this month.";
  const float wide = wrapped_height(imgui, text, 700);
  CHECK(wrapped_height(imgui, text, 700) == wide);  // drawn again, the same
  const float narrow = wrapped_height(imgui, text, 200);
  CHECK(narrow > wide * 2);  // more lines in a narrower box
  CHECK(wrapped_height(imgui, text, 700) == wide);  // and back
  CHECK(wrapped_height(imgui, text + text + text, 700) > wide);  // another text
  CHECK(wrapped_height(imgui, text, 700, 26.0f) > wide * 1.5f);  // a larger font: taller and more lines
  CHECK(wrapped_height(imgui, text, 700) == wide);
  // Many frames later the lines are made again, the same.
  for (int i = 0; i < 200; ++i) wrapped_height(imgui, "other", 700);
  CHECK(wrapped_height(imgui, text, 700) == wide);
  // Not UTF-8: drawn as it is, on one line.
  CHECK(wrapped_height(imgui, "ab\xff", 200) == doctest::Approx(ImGui::GetTextLineHeight()));
}
