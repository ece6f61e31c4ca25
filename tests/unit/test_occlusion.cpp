// What opaque rectangles hide (ui/occlusion.h): which of a real ImGui frame's shapes count as
// occluders, and how rectangles are split into passes. That the passes draw exactly the pixels of
// a drawing of everything is checked in a real GL context (tests/gl/test_gl_renderer.cpp) and in
// the browser (tests/browser/smoke.test.mjs, "hidden layers").
#include <doctest/doctest.h>

#include <vector>

#include "imgui.h"
#include "tests/unit/headless_imgui.h"
#include "ui/occlusion.h"

using jianfu::ui::DrawPass;
using jianfu::ui::find_occluders;
using jianfu::ui::Occluder;
using jianfu::ui::PixelRect;
using jianfu::ui::plan_passes;

namespace {

constexpr int kW = 800, kH = 600;
constexpr ImU32 kScreen = IM_COL32(240, 240, 240, 255);  // the clear colour
constexpr ImU32 kWindow = IM_COL32(30, 32, 36, 255);
constexpr ImU32 kPage = IM_COL32(250, 250, 245, 255);

// A frame of the whole display: an opaque window (no title bar) with what `page` draws at (100, 80).
template <typename Page>
const ImDrawData& frame(jianfu::test::HeadlessImGui& imgui, Page&& page) {
  ImGui::GetStyle().Colors[ImGuiCol_WindowBg] = ImColor(kWindow);
  imgui.frame(
      1.0f / 60.0f,
      [&] {
        ImGui::SetCursorScreenPos(ImVec2(100, 80));
        page();
      },
      ImGuiWindowFlags_NoTitleBar);
  jianfu::test::HeadlessImGui::upload_textures();
  return *ImGui::GetDrawData();
}

// A 320×220 page of its own colour with text on it, as the draft editor is.
void plain_page() {
  ImGui::PushStyleColor(ImGuiCol_ChildBg, ImColor(kPage).Value);
  ImGui::BeginChild("page", ImVec2(320, 220));
  for (int i = 0; i < 10; ++i) ImGui::Text("line %d of the page", i);
  ImGui::EndChild();
  ImGui::PopStyleColor();
}

const Occluder* of_colour(const std::vector<Occluder>& found, ImU32 colour) {
  for (const Occluder& o : found)
    if (o.color == colour) return &o;
  return nullptr;
}

// Whether the passes cover each pixel of `rects` exactly once and nothing else.
bool tile_exactly(const std::vector<DrawPass>& passes, const std::vector<PixelRect>& rects) {
  for (int y = 0; y < kH; ++y) {
    for (int x = 0; x < kW; ++x) {
      int wanted = 0, got = 0;
      for (const PixelRect& r : rects) wanted += (x >= r.x0 && x < r.x1 && y >= r.y0 && y < r.y1) ? 1 : 0;
      for (const DrawPass& p : passes) got += (x >= p.rect.x0 && x < p.rect.x1 && y >= p.rect.y0 && y < p.rect.y1) ? 1 : 0;
      if (got != wanted) return false;
    }
  }
  return true;
}

}  // namespace

TEST_CASE("occlusion: a window's and a page's opaque backgrounds hide what is under them") {
  jianfu::test::HeadlessImGui imgui;
  ImGui::GetIO().DisplaySize = ImVec2(kW, kH);
  const ImDrawData& data = frame(imgui, plain_page);
  const std::vector<Occluder> found = find_occluders(data, kW, kH, *ImGui::GetIO().Fonts);
  REQUIRE(found.size() == 2);  // text, borders and small shapes are not occluders
  CHECK(found[0].color == kWindow);
  CHECK(found[0].covers == PixelRect{0, 0, kW, kH});
  CHECK(found[1].color == kPage);
  CHECK(found[1].covers == PixelRect{100, 80, 420, 300});
  CHECK(found[0].after == found[0].at + 6);
  CHECK(found[1].at >= found[0].after);  // in drawing order

  // The whole screen: the page is too small a share of it to be split off (four more passes).
  const std::vector<PixelRect> screen{{0, 0, kW, kH}};
  const std::vector<DrawPass> passes = plan_passes(found, screen, kScreen);
  REQUIRE(passes.size() == 1);
  CHECK(passes[0].rect == screen[0]);
  CHECK(passes[0].clear == kWindow);
  CHECK(passes[0].from == found[0].after);

  // A rectangle on the tile grid across the page's edge (as a scroll's damage is): the part on the
  // page, the strips on the window.
  const std::vector<PixelRect> edge{{64, 64, 448, 320}};
  const std::vector<DrawPass> edge_passes = plan_passes(found, edge, kScreen);
  CHECK(tile_exactly(edge_passes, edge));
  REQUIRE(edge_passes.size() == 5);  // the page, and four strips around it
  CHECK(edge_passes[0].rect == PixelRect{100, 80, 420, 300});
  CHECK(edge_passes[0].clear == kPage);
  CHECK(edge_passes[0].from == found[1].after);
  for (std::size_t i = 1; i < edge_passes.size(); ++i) {
    CHECK(edge_passes[i].clear == kWindow);
    CHECK(edge_passes[i].from == found[0].after);
  }
  // Less than half of it on the page: not split.
  const std::vector<PixelRect> wide{{0, 0, 640, 480}};
  CHECK(plan_passes(found, wide, kScreen).size() == 1);

  // Rectangles wholly on the page, or wholly beside it: one pass each.
  const std::vector<PixelRect> apart{{120, 100, 200, 150}, {500, 300, 700, 500}};
  const std::vector<DrawPass> apart_passes = plan_passes(found, apart, kScreen);
  CHECK(tile_exactly(apart_passes, apart));
  REQUIRE(apart_passes.size() == 2);
  CHECK(apart_passes[0].clear == kPage);
  CHECK(apart_passes[1].clear == kWindow);

  // With nothing opaque, everything is drawn over the clear colour.
  const std::vector<DrawPass> plain = plan_passes({}, apart, kScreen);
  REQUIRE(plain.size() == 2);
  CHECK(plain[0].from == 0);
  CHECK(plain[0].clear == kScreen);
}

TEST_CASE("occlusion: translucent, rounded, small, textured and clipped shapes") {
  jianfu::test::HeadlessImGui imgui;
  ImGui::GetIO().DisplaySize = ImVec2(kW, kH);
  const ImTextureRef atlas = ImGui::GetIO().Fonts->TexRef;
  const ImDrawData& data = frame(imgui, [&] {
    ImGui::Dummy(ImVec2(1, 1));  // an item where the cursor was put
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(ImVec2(100, 80), ImVec2(400, 280), IM_COL32(200, 0, 0, 254));         // translucent
    dl->AddRectFilled(ImVec2(100, 300), ImVec2(400, 500), IM_COL32(0, 200, 0, 255), 6.0f);  // rounded
    dl->AddRectFilled(ImVec2(450, 80), ImVec2(500, 130), IM_COL32(0, 0, 200, 255));         // 50×50 pixels
    dl->AddImage(atlas, ImVec2(450, 300), ImVec2(700, 500), ImVec2(0.1f, 0.1f), ImVec2(0.1f, 0.1f),
                 IM_COL32(1, 2, 3, 255));  // one texel of the atlas, not the white one
    dl->AddRectFilledMultiColor(ImVec2(550, 80), ImVec2(750, 250), IM_COL32(9, 9, 9, 255), IM_COL32(9, 9, 9, 255),
                                IM_COL32(9, 9, 9, 255), IM_COL32(8, 8, 8, 255));  // not one colour
    // Half outside its clip rectangle, at fractions of a pixel: what is wholly inside counts.
    dl->PushClipRect(ImVec2(0, 520), ImVec2(300, 600));
    dl->AddRectFilled(ImVec2(10.5f, 510.25f), ImVec2(600, 590.75f), IM_COL32(5, 6, 7, 255));
    dl->PopClipRect();
  });
  const std::vector<Occluder> found = find_occluders(data, kW, kH, *ImGui::GetIO().Fonts);
  CHECK(of_colour(found, IM_COL32(200, 0, 0, 254)) == nullptr);
  CHECK(of_colour(found, IM_COL32(0, 200, 0, 255)) == nullptr);
  CHECK(of_colour(found, IM_COL32(0, 0, 200, 255)) == nullptr);
  CHECK(of_colour(found, IM_COL32(1, 2, 3, 255)) == nullptr);
  CHECK(of_colour(found, IM_COL32(9, 9, 9, 255)) == nullptr);
  const Occluder* clipped = of_colour(found, IM_COL32(5, 6, 7, 255));
  REQUIRE(clipped != nullptr);
  CHECK(clipped->covers == PixelRect{11, 520, 300, 590});

  // The same frame scaled to a framebuffer twice as large (HiDPI): pixels wholly inside, again.
  ImDrawData scaled = data;
  scaled.FramebufferScale = ImVec2(2, 2);
  const Occluder* doubled = of_colour(find_occluders(scaled, 2 * kW, 2 * kH, *ImGui::GetIO().Fonts), IM_COL32(5, 6, 7, 255));
  REQUIRE(doubled != nullptr);
  CHECK(doubled->covers == PixelRect{21, 1040, 600, 1181});
}

TEST_CASE("occlusion: a frame with a draw callback has no occluders") {
  jianfu::test::HeadlessImGui imgui;
  ImGui::GetIO().DisplaySize = ImVec2(kW, kH);
  const ImDrawData& data = frame(imgui, [] {
    plain_page();
    ImGui::GetWindowDrawList()->AddCallback([](const ImDrawList*, const ImDrawCmd*) {}, nullptr);
  });
  CHECK(find_occluders(data, kW, kH, *ImGui::GetIO().Fonts).empty());
}

TEST_CASE("occlusion: a later opaque rectangle over the page hides the page too") {
  jianfu::test::HeadlessImGui imgui;
  ImGui::GetIO().DisplaySize = ImVec2(kW, kH);
  constexpr ImU32 kCover = IM_COL32(70, 40, 60, 255);
  const ImDrawData& data = frame(imgui, [] {
    plain_page();
    // Drawn in the window's list after the page's (a child's list follows its parent's): over it.
    ImGui::GetForegroundDrawList()->AddRectFilled(ImVec2(50, 40), ImVec2(450, 320), kCover);
  });
  const std::vector<Occluder> found = find_occluders(data, kW, kH, *ImGui::GetIO().Fonts);
  REQUIRE(of_colour(found, kCover) != nullptr);
  const std::vector<PixelRect> rect{{96, 64, 416, 288}};  // inside the cover
  const std::vector<DrawPass> passes = plan_passes(found, rect, kScreen);
  REQUIRE(passes.size() == 1);
  CHECK(passes[0].clear == kCover);
  CHECK(passes[0].from == of_colour(found, kCover)->after);
}
