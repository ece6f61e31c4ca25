// What finding the changed parts of a frame costs (ui/screen_damage.h): ScreenDamage::compare on
// the draft editor filled with 4,000 characters, against the frame before with one character more,
// at the two window sizes of bench/web_budget.mjs. Paid once per frame that changes the picture,
// and twice when the settled frame is built too (ui/frame.cpp).
#include <cstdio>
#include <string>

#include "bench/bench_common.h"
#include "imgui.h"
#include "tests/unit/headless_imgui.h"
#include "ui/draft_editor.h"
#include "ui/screen_damage.h"

int main() {
  for (const ImVec2 size : {ImVec2(1280, 800), ImVec2(1920, 1080)}) {
    jianfu::test::HeadlessImGui imgui;
    ImGui::GetIO().DisplaySize = size;
    jianfu::ui::DraftEditor editor;
    // Latin text in ImGui's own 13 px font: more glyphs on screen than the app's 18 px Chinese.
    std::string text;
    while (text.size() < 4000) text += "Each township reports its progress by Friday; rankings are not published. ";
    text.resize(4000);
    auto frame = [&] {
      jianfu::test::HeadlessImGui::upload_textures();
      imgui.frame(0.016f, [&] { editor.draw("##body", text, {}, ImVec2(-1, -1)); });
    };
    for (int i = 0; i < 4; ++i) frame();
    const int w = static_cast<int>(size.x), h = static_cast<int>(size.y);
    jianfu::ui::ScreenDamage damage;
    damage.compare(*ImGui::GetDrawData(), w, h);
    damage.drawn();
    text[200] = 'X';  // one character changed: the frame differs in one place
    frame();
    std::size_t rects = 0;
    const double us = median_us(201, [&] { rects = damage.compare(*ImGui::GetDrawData(), w, h).size(); });
    std::printf("screen damage, %dx%d, draft editor with 4,000 characters (%d vertices, %d triangles): "
                "compare %.0f us median, %zu rectangle(s)\n",
                w, h, ImGui::GetDrawData()->TotalVtxCount, ImGui::GetDrawData()->TotalIdxCount / 3, us, rects);
  }
  return 0;
}
