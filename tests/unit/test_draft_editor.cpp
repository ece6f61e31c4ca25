// The draft editor's caret (ui/draft_editor.h), in a real ImGui context without a window: frames
// are built and their draw lists read, nothing is drawn.
#include <doctest/doctest.h>

#include <string>

#include "imgui.h"
#include "tests/unit/headless_imgui.h"
#include "ui/draft_editor.h"

using jianfu::ui::DraftEditor;

namespace {

constexpr ImU32 kCaretColour = IM_COL32(255, 0, 0, 255);  // nothing else on screen is pure red

// The editor in a headless ImGui context, with a caret colour found nowhere else.
class Screen {
 public:
  Screen() { ImGui::GetStyle().Colors[ImGuiCol_InputTextCursor] = ImColor(kCaretColour); }

  // One frame `dt` seconds after the previous one, with `typed` queued as typed characters.
  // Returns whether the caret was drawn.
  bool frame(float dt, const char* typed = "") {
    ImGui::GetIO().AddInputCharactersUTF8(typed);
    imgui_.frame(dt, [&] { editor.draw("##body", text, {}, ImVec2(-1, -1)); });
    for (const ImDrawList* list : ImGui::GetDrawData()->CmdLists)
      for (const ImDrawVert& v : list->VtxBuffer)
        if (v.col == kCaretColour) return true;
    return false;
  }

  DraftEditor editor;
  std::string text = "draft";

 private:
  jianfu::test::HeadlessImGui imgui_;
};

}  // namespace

TEST_CASE("draft editor: the caret stays lit while the user types, then blinks") {
  Screen s;
  s.frame(0.016f);
  s.editor.select(5, 5, -1);  // enters the editor, caret at the end
  CHECK(s.frame(0.016f));

  // A character every 0.25 s for 3 s: a blink of its own clock would be off 0.4 s of every 1.2 s.
  int lit = 0;
  for (int i = 0; i < 12; ++i) lit += s.frame(0.25f, "x") ? 1 : 0;
  CHECK(lit == 12);
  CHECK(s.text == "draft" + std::string(12, 'x'));

  // Left alone: lit for a while, then off, then on again.
  bool seen_off = false, lit_again = false;
  for (int i = 0; i < 40; ++i) {
    const bool on = s.frame(0.05f);
    if (i * 0.05f < 1.0f) CHECK(on);  // the first second after the last key
    if (!on) seen_off = true;
    else if (seen_off) lit_again = true;
  }
  CHECK(seen_off);
  CHECK(lit_again);

  // Moving the caret lights it at once, whatever the phase of the blink.
  while (s.frame(0.05f)) {}
  ImGui::GetIO().AddKeyEvent(ImGuiKey_LeftArrow, true);
  CHECK(s.frame(0.016f));
  ImGui::GetIO().AddKeyEvent(ImGuiKey_LeftArrow, false);
  CHECK(s.editor.caret() == 16);
}
