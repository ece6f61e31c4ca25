// What finding the changed parts of a frame costs (ui/screen_damage.h): ScreenDamage::compare on
// the draft editor filled with 4,000 characters, against the frame before with one character more,
// at the two window sizes of bench/web_budget.mjs; paid once per frame that changes the picture.
// And what recognising a frame identical to the one on screen costs (ScreenDamage::differs), paid by
// every other frame built (most frames built while the user pauses, and the first build of a
// change). Each with the editor digested as a scrolled view too, as the browser's copied
// presentation does (web/canvas_present.h).
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "bench/bench_common.h"
#include "imgui.h"
#include "tests/unit/headless_imgui.h"
#include "ui/draft_editor.h"
#include "ui/screen_damage.h"
#include "ui/scroll_views.h"

// A frame's draw data with draw lists of its own.
struct Kept {
  std::vector<std::unique_ptr<ImDrawList>> lists;
  ImDrawData data;
};

int main() {
  for (const ImVec2 size : {ImVec2(1280, 800), ImVec2(1920, 1080)}) {
    jianfu::test::HeadlessImGui imgui;
    ImGui::GetIO().DisplaySize = size;
    ImGui::GetStyle().Colors[ImGuiCol_WindowBg].w = 1.0f;  // opaque, as the app's style is
    ImGui::GetStyle().Colors[ImGuiCol_FrameBg].w = 1.0f;
    jianfu::ui::DraftEditor editor;
    // Latin text in ImGui's own 13 px font, in lines of some 45 characters (as long as a notice's
    // lines in the app's editor), so that the editor scrolls at both sizes (ui/scroll_views.h).
    std::string text;
    while (text.size() < 4000) text += "Each township reports its progress by Friday;\nrankings are not published.\n";
    text.resize(4000);
    auto frame = [&] {
      jianfu::test::HeadlessImGui::upload_textures();
      imgui.frame(0.016f, [&] { editor.draw("##body", text, {}, ImVec2(-1, -1)); });
    };
    for (int i = 0; i < 4; ++i) frame();
    const int w = static_cast<int>(size.x), h = static_cast<int>(size.y);
    // Frames kept beside ImGui's own, which holds only the frame last built.
    auto keep = [&] {
      Kept k;
      const ImDrawData& d = *ImGui::GetDrawData();
      k.data.Valid = true;
      k.data.DisplayPos = d.DisplayPos;
      k.data.DisplaySize = d.DisplaySize;
      k.data.FramebufferScale = d.FramebufferScale;
      for (const ImDrawList* list : d.CmdLists) {
        k.lists.emplace_back(list->CloneOutput());
        k.data.AddDrawList(k.lists.back().get());
      }
      return k;
    };
    const Kept shown = keep();
    text[200] = 'X';  // one character changed: the frame differs in one place
    frame();
    const Kept one = keep();
    text[300] = 'Y';  // and another, so that two changed frames alternate
    frame();
    const Kept two = keep();
    // The editor as a scrolled view, as the browser's copied presentation digests it: its page is
    // opaque there (the app's style), here made so.
    const std::vector<jianfu::ui::ScrollView> views =
        jianfu::ui::scroll_views(*ImGui::GetDrawData(), w, h,
                                 jianfu::ui::find_occluders(*ImGui::GetDrawData(), w, h, *ImGui::GetIO().Fonts));
    for (const bool with_views : {false, true}) {
      jianfu::ui::ScreenDamage damage;
      damage.allow_moves(with_views);
      const std::vector<jianfu::ui::ScrollView> none;
      const std::vector<jianfu::ui::ScrollView>& v = with_views ? views : none;
      damage.compare(shown.data, w, h, v);
      damage.drawn();
      std::size_t rects = 0;
      int turn = 0;
      const double changed_us = median_us(201, [&] {
        rects = damage.compare((turn++ % 2 ? two : one).data, w, h, v).size();
      });
      const double same_us = median_us(201, [&] { rects += damage.differs(shown.data, w, h) ? 1 : 0; });
      if (with_views && views.size() != 1) std::printf("(the editor is not a scrolled view: %zu views)\n", views.size());
      std::printf("screen damage, %dx%d, draft editor with 4,000 characters (%d vertices, %d triangles)%s: "
                  "compare a changed frame %.0f us median (%zu rectangle(s)); recognise the frame on screen %.0f us median\n",
                  w, h, one.data.TotalVtxCount, one.data.TotalIdxCount / 3,
                  with_views ? ", its editor a scrolled view" : "", changed_us, rects, same_us);
    }
  }
  return 0;
}
