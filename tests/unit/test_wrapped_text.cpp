// Wrapped text (ui/wrapped_text.h) keeps the lines of the texts it drew in recent frames: what it
// draws must still follow the text, the width and the font size of each call.
#include <doctest/doctest.h>

#include <string>

#include "imgui.h"
#include "tests/unit/headless_imgui.h"
#include "text/utf8.h"
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

TEST_CASE("fit_line keeps a text that fits and cuts one that does not after whole characters, ending it in …") {
  jianfu::test::HeadlessImGui imgui;
  std::string whole, cut_ascii, cut_mixed, tiny;
  float whole_w = 0, ascii_w = 0, mixed_w = 0, width = 0;
  imgui.frame(1.0f / 60, [&] {
    const std::string text = "Exercise 12: a title much longer than the outline";
    whole_w = ImGui::CalcTextSize(text.c_str()).x;
    whole = jianfu::ui::fit_line(text, whole_w + 1.0f);
    width = whole_w / 2;
    cut_ascii = jianfu::ui::fit_line(text, width);
    ascii_w = ImGui::CalcTextSize(cut_ascii.c_str()).x;
    // Multi-byte characters (the default font draws them as its fallback glyph) are never split.
    cut_mixed = jianfu::ui::fit_line("√ 镇街方案照搬市级方案 and more words", width / 2);
    mixed_w = ImGui::CalcTextSize(cut_mixed.c_str()).x;
    tiny = jianfu::ui::fit_line(text, 1.0f);
  });
  CHECK(whole == "Exercise 12: a title much longer than the outline");
  REQUIRE(cut_ascii.size() > 3);
  CHECK(cut_ascii.substr(cut_ascii.size() - 3) == "…");
  CHECK(whole.rfind(cut_ascii.substr(0, cut_ascii.size() - 3), 0) == 0);  // a prefix of the text
  CHECK(ascii_w <= width);
  CHECK(ascii_w > width - 2 * ImGui::CalcTextSize("W").x);  // and not much shorter than the room
  CHECK(mixed_w <= width / 2);
  std::u32string decoded;
  CHECK(jianfu::text::decode_utf8(cut_mixed, decoded));  // valid UTF-8: no character split
  CHECK(tiny == "…");
}

TEST_CASE("text_fitted draws one line no wider than the room left, the whole text when it fits") {
  jianfu::test::HeadlessImGui imgui;
  ImGui::GetIO().DisplaySize = ImVec2(200, 300);
  float room = 0, long_w = 0, long_h = 0, short_w = 0;
  imgui.frame(1.0f / 60, [&] {
    room = ImGui::GetContentRegionAvail().x;
    jianfu::ui::text_fitted("A record title far longer than the narrow column it is shown in");
    long_w = ImGui::GetItemRectSize().x;
    long_h = ImGui::GetItemRectSize().y;
    jianfu::ui::text_fitted("Short");
    short_w = ImGui::GetItemRectSize().x;
  });
  CHECK(long_w <= room);
  CHECK(long_w > room / 2);
  CHECK(long_h == doctest::Approx(ImGui::GetTextLineHeight()));  // one line
  CHECK(short_w == doctest::Approx(ImGui::CalcTextSize("Short").x));
}
