// Only what changed on screen is drawn again (ui/screen_damage.h): the rectangles must cover every
// pixel a change can reach (position, colour, clipping, order, size, a new atlas) and little else.
// That the pixels drawn in parts equal a whole drawing is checked in the browser
// (tests/browser/screens.test.mjs, "partial redraw").
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "imgui.h"
#include "imgui_internal.h"
#include "tests/unit/headless_imgui.h"
#include "ui/draft_editor.h"
#include "ui/occlusion.h"
#include "ui/screen_damage.h"
#include "ui/scroll_views.h"

using jianfu::ui::PixelRect;
using jianfu::ui::ScreenDamage;

namespace {

constexpr int kW = 1280, kH = 800;

// One draw list on its own (no ImGui context), as a window would emit it: a background, then
// filled rectangles, each with its clip rectangle.
struct Shape {
  ImVec2 min, max;
  ImU32 colour = IM_COL32(200, 0, 0, 255);
  ImVec4 clip = ImVec4(0, 0, kW, kH);
};

struct Frame {
  ImDrawListSharedData shared;
  ImDrawList list{&shared};
  ImDrawData data;

  explicit Frame(const std::vector<Shape>& shapes) {
    shared.ClipRectFullscreen = ImVec4(0, 0, kW, kH);
    list._ResetForNewFrame();
    list.PushClipRectFullScreen();
    list.AddRectFilled(ImVec2(0, 0), ImVec2(kW, kH), IM_COL32(240, 240, 240, 255));
    for (const Shape& s : shapes) {
      list.PushClipRect(ImVec2(s.clip.x, s.clip.y), ImVec2(s.clip.z, s.clip.w));
      list.AddRectFilled(s.min, s.max, s.colour);
      list.PopClipRect();
    }
    data.Valid = true;
    data.DisplaySize = ImVec2(kW, kH);
    data.FramebufferScale = ImVec2(1, 1);
    data.AddDrawList(&list);
  }
};

bool whole(const std::vector<PixelRect>& rects) {
  return rects.size() == 1 && rects[0].x0 == 0 && rects[0].y0 == 0 && rects[0].x1 == kW && rects[0].y1 == kH;
}

// Whether every pixel of [x0, x1) × [y0, y1) lies in one of the rectangles.
bool covered(const std::vector<PixelRect>& rects, int x0, int y0, int x1, int y1) {
  for (int y = y0; y < y1; ++y)
    for (int x = x0; x < x1; ++x) {
      bool in = false;
      for (const PixelRect& r : rects) in = in || (x >= r.x0 && x < r.x1 && y >= r.y0 && y < r.y1);
      if (!in) return false;
    }
  return true;
}

bool touches(const std::vector<PixelRect>& rects, int x0, int y0, int x1, int y1) {
  for (const PixelRect& r : rects)
    if (r.x0 < x1 && x0 < r.x1 && r.y0 < y1 && y0 < r.y1) return true;
  return false;
}

long long area(const std::vector<PixelRect>& rects) {
  long long a = 0;
  for (const PixelRect& r : rects) a += r.area();
  return a;
}

// Shows `f` and records it as the frame on screen.
void show(ScreenDamage& d, Frame& f) {
  d.compare(f.data, kW, kH);
  d.drawn();
}

}  // namespace

TEST_CASE("screen damage: the first frame is drawn whole, the same frame again not at all") {
  ScreenDamage d;
  Frame a({{ImVec2(100, 100), ImVec2(200, 140)}});
  CHECK(whole(d.compare(a.data, kW, kH)));
  CHECK(d.whole());
  d.drawn();
  Frame b({{ImVec2(100, 100), ImVec2(200, 140)}});
  CHECK_FALSE(d.differs(b.data, kW, kH));  // told apart by the frame's digest alone
  CHECK(d.differs(b.data, kW + 1, kH));
  CHECK(d.compare(b.data, kW, kH).empty());
  // Not recorded until drawn: a frame compared but not drawn leaves the screen as it was.
  Frame moved({{ImVec2(300, 100), ImVec2(400, 140)}});
  CHECK(d.differs(moved.data, kW, kH));
  CHECK_FALSE(d.compare(moved.data, kW, kH).empty());
  CHECK(d.compare(b.data, kW, kH).empty());
  d.forget();
  CHECK(d.differs(b.data, kW, kH));
}

TEST_CASE("screen damage: a moved shape is drawn again where it was and where it is, nowhere else") {
  ScreenDamage d;
  Frame base({{ImVec2(100, 100), ImVec2(200, 140)}, {ImVec2(900, 600), ImVec2(1000, 640)}});
  show(d, base);
  Frame moved({{ImVec2(101, 100), ImVec2(201, 140)}, {ImVec2(900, 600), ImVec2(1000, 640)}});
  const std::vector<PixelRect> rects = d.compare(moved.data, kW, kH);
  REQUIRE_FALSE(rects.empty());
  CHECK_FALSE(d.whole());
  CHECK(covered(rects, 100, 100, 201, 140));
  CHECK_FALSE(touches(rects, 900, 600, 1000, 640));  // the shape that stayed
  CHECK(area(rects) == 4 * 2 * 32 * 32);             // the tiles under x 100-201, y 100-140, no more
  for (const PixelRect& r : rects) {                 // on the tile grid, inside the framebuffer
    CHECK(r.x0 % ScreenDamage::kTile == 0);
    CHECK(r.y0 % ScreenDamage::kTile == 0);
    CHECK(r.x1 <= kW);
    CHECK(r.y1 <= kH);
  }
}

TEST_CASE("screen damage: colour, clipping and drawing order are part of the picture") {
  ScreenDamage d;
  Shape a{ImVec2(100, 100), ImVec2(200, 140)}, b{ImVec2(150, 120), ImVec2(260, 180), IM_COL32(0, 0, 200, 255)};
  Frame base({a, b});
  show(d, base);

  Shape recoloured = a;
  recoloured.colour = IM_COL32(200, 0, 1, 255);
  Frame f1({recoloured, b});
  CHECK(covered(d.compare(f1.data, kW, kH), 100, 100, 200, 140));

  Shape clipped = b;
  clipped.clip = ImVec4(0, 0, 200, kH);  // the same vertices, less of them shown
  Frame f2({a, clipped});
  const std::vector<PixelRect> r2 = d.compare(f2.data, kW, kH);
  CHECK(covered(r2, 200, 120, 260, 180));

  Frame swapped({b, a});  // where the two overlap, the other one is on top
  CHECK(covered(d.compare(swapped.data, kW, kH), 150, 120, 200, 140));

  // A shape clipped away entirely changes nothing to draw.
  Shape hidden{ImVec2(500, 500), ImVec2(600, 540)};
  hidden.clip = ImVec4(0, 0, 10, 10);
  Frame f3({a, b, hidden});
  CHECK(d.compare(f3.data, kW, kH).empty());
}

// Frames recognised whole, before any tile is digested (the frame on screen, the frame just
// compared): only when nothing that reaches the picture differs.
TEST_CASE("screen damage: a frame is taken for one seen before only if nothing drawn differs") {
  ScreenDamage d;
  Shape a{ImVec2(100, 100), ImVec2(200, 140)}, b{ImVec2(150, 120), ImVec2(260, 180), IM_COL32(0, 0, 200, 255)};
  Frame base({a, b});
  show(d, base);

  // The same vertices and commands, one index changed: the second rectangle's last triangle
  // collapses.
  Frame reindexed({a, b});
  REQUIRE(reindexed.list.IdxBuffer.Size >= 12);
  reindexed.list.IdxBuffer[11] = reindexed.list.IdxBuffer[6];  // the last triangle collapses
  CHECK(touches(d.compare(reindexed.data, kW, kH), 150, 120, 260, 180));

  // The same vertices drawn with another texture.
  Frame retextured({a, b});
  retextured.list.CmdBuffer.back().TexRef._TexID = 42;
  CHECK_FALSE(d.compare(retextured.data, kW, kH).empty());

  // The same frame one pixel further on the display.
  Frame moved_display({a, b});
  moved_display.data.DisplayPos = ImVec2(1, 0);
  CHECK_FALSE(d.compare(moved_display.data, kW, kH).empty());

  // Compared, not drawn, then the frame on screen comes back and is drawn after all: the screen is
  // still that frame, and a changed frame after it is found.
  Frame moved({{ImVec2(300, 100), ImVec2(400, 140)}, b});
  const std::vector<PixelRect> first = d.compare(moved.data, kW, kH);
  CHECK(d.compare(moved.data, kW, kH) == first);  // asked twice: the same answer
  Frame again({a, b});
  CHECK(d.compare(again.data, kW, kH).empty());
  d.drawn();
  CHECK(covered(d.compare(moved.data, kW, kH), 300, 100, 400, 140));

  // After forget() nothing is recognised: the frame just compared is drawn whole.
  d.forget();
  CHECK(whole(d.compare(moved.data, kW, kH)));
}

TEST_CASE("screen damage: scattered changes are drawn in at most four rectangles") {
  ScreenDamage d;
  std::vector<Shape> shapes, shifted;
  for (int i = 0; i < 10; ++i) {
    const float x = 40.0f + 120.0f * i, y = 30.0f + 70.0f * i;
    shapes.push_back({ImVec2(x, y), ImVec2(x + 20, y + 10)});
    shifted.push_back({ImVec2(x + 2, y), ImVec2(x + 22, y + 10)});
  }
  Frame base(shapes);
  show(d, base);
  Frame moved(shifted);
  const std::vector<PixelRect> rects = d.compare(moved.data, kW, kH);
  CHECK(rects.size() <= static_cast<std::size_t>(ScreenDamage::kMaxRects));
  for (int i = 0; i < 10; ++i) {
    const int x = 40 + 120 * i, y = 30 + 70 * i;
    CHECK(covered(rects, x, y, x + 22, y + 10));
  }
}

TEST_CASE("screen damage: a change to most of the window is drawn whole, in one pass") {
  ScreenDamage d;
  Frame base({{ImVec2(0, 0), ImVec2(kW, 500)}});
  show(d, base);
  Frame recoloured({{ImVec2(0, 0), ImVec2(kW, 500), IM_COL32(0, 200, 0, 255)}});
  CHECK(whole(d.compare(recoloured.data, kW, kH)));
  CHECK(d.whole());
}

TEST_CASE("screen damage: resizing, forget(), pending textures, scaling and callbacks draw whole") {
  ScreenDamage d;
  Frame f({{ImVec2(100, 100), ImVec2(200, 140)}});
  show(d, f);
  REQUIRE(d.compare(f.data, kW, kH).empty());

  const std::vector<PixelRect> resized = d.compare(f.data, 2560, 1600);  // the canvas was resized
  REQUIRE(resized.size() == 1);
  CHECK(resized[0].x1 == 2560);
  CHECK(resized[0].y1 == 1600);
  REQUIRE(d.compare(f.data, kW, kH).empty());

  d.forget();  // e.g. the canvas was cleared
  CHECK(whole(d.compare(f.data, kW, kH)));
  d.drawn();
  REQUIRE(d.compare(f.data, kW, kH).empty());

  // The atlas made anew (grown or repacked): glyphs moved under unchanged triangles.
  ImTextureData atlas;
  ImVector<ImTextureData*> textures;
  textures.push_back(&atlas);
  f.data.Textures = &textures;
  atlas.Status = ImTextureStatus_WantCreate;
  CHECK(jianfu::ui::textures_replaced(f.data));
  CHECK(whole(d.compare(f.data, kW, kH)));
  atlas.Status = ImTextureStatus_WantDestroy;
  CHECK(whole(d.compare(f.data, kW, kH)));
  // New glyphs go where no glyph was: only the triangles that use them are new.
  atlas.Status = ImTextureStatus_WantUpdates;
  CHECK_FALSE(jianfu::ui::textures_replaced(f.data));
  CHECK(d.compare(f.data, kW, kH).empty());
  atlas.Status = ImTextureStatus_OK;
  CHECK(d.compare(f.data, kW, kH).empty());
  f.data.Textures = nullptr;

  // A scaled framebuffer: rectangles in framebuffer pixels would not map exactly onto clip
  // rectangles in ImGui's units.
  f.data.FramebufferScale = ImVec2(2, 2);
  CHECK(d.whole() == false);
  d.compare(f.data, kW, kH);
  CHECK(d.whole());
  f.data.FramebufferScale = ImVec2(1, 1);

  // A draw callback runs code the digest cannot see.
  f.list.AddCallback([](const ImDrawList*, const ImDrawCmd*) {}, nullptr);
  d.compare(f.data, kW, kH);
  CHECK(d.whole());
}

// Shows the frame ImGui built last and records it as the frame on screen.
void show_current(ScreenDamage& d) {
  d.compare(*ImGui::GetDrawData(), kW, kH);
  d.drawn();
}

// The bounding box of the vertices drawn in one colour.
ImVec4 bounds_of(ImU32 colour) {
  ImVec4 b(1e9f, 1e9f, -1e9f, -1e9f);
  for (const ImDrawList* list : ImGui::GetDrawData()->CmdLists)
    for (const ImDrawVert& v : list->VtxBuffer)
      if (v.col == colour) b = ImVec4(ImMin(b.x, v.pos.x), ImMin(b.y, v.pos.y), ImMax(b.z, v.pos.x), ImMax(b.w, v.pos.y));
  return b;
}

TEST_CASE("screen damage: a character typed at the end of a long draft redraws a small part, new glyph and all") {
  jianfu::test::HeadlessImGui imgui;
  ImGuiIO& io = ImGui::GetIO();
  io.DisplaySize = ImVec2(kW, kH);
  constexpr ImU32 kCaret = IM_COL32(255, 0, 0, 255);  // nothing else on screen is pure red
  ImGui::GetStyle().Colors[ImGuiCol_InputTextCursor] = ImColor(kCaret);
  jianfu::ui::DraftEditor editor;
  std::string text;
  for (int i = 0; i < 40; ++i) text += "Line " + std::to_string(i) + " of a draft that goes on for a while.\n";
  // Each frame first uploads the textures of the one before, as drawing it would have.
  auto frame = [&](const char* typed) {
    jianfu::test::HeadlessImGui::upload_textures();
    io.AddInputCharactersUTF8(typed);
    imgui.frame(0.016f, [&] { editor.draw("##body", text, {}, ImVec2(-1, -1)); });
  };
  ScreenDamage d;
  frame("");
  editor.select(static_cast<int>(text.size()), static_cast<int>(text.size()), -1);  // caret at the end
  for (int i = 0; i < 4; ++i) frame("");  // settled, glyphs made
  REQUIRE(whole(d.compare(*ImGui::GetDrawData(), kW, kH)));
  d.drawn();
  frame("");
  CHECK(d.compare(*ImGui::GetDrawData(), kW, kH).empty());  // nothing changed, the caret lit
  const ImVec4 before = bounds_of(kCaret);
  REQUIRE(before.z > before.x);

  frame("x");  // a letter the draft did not have: its glyph waits to be uploaded
  REQUIRE(text.back() == 'x');
  bool new_glyph = false;
  for (const ImTextureData* tex : *ImGui::GetDrawData()->Textures)
    new_glyph = new_glyph || tex->Status == ImTextureStatus_WantUpdates;
  CHECK(new_glyph);
  const ImVec4 after = bounds_of(kCaret);
  REQUIRE(after.x > before.x);  // the caret moved right of the new glyph
  const std::vector<PixelRect> rects = d.compare(*ImGui::GetDrawData(), kW, kH);
  REQUIRE_FALSE(rects.empty());
  CHECK_FALSE(d.whole());
  CHECK(area(rects) * 20 < static_cast<long long>(kW) * kH);  // under 5 % of the window
  // Where the caret was, the new glyph, and where the caret is now.
  CHECK(covered(rects, static_cast<int>(before.x), static_cast<int>(before.y),
                static_cast<int>(after.z), static_cast<int>(after.w)));
}

// Where the screen can move its pixels (web/canvas_present.h), the draft editor scrolling by a line
// as a typed line break reaches its bottom is moved, and only the new line and what changed beside
// it (the scrollbar, the caret) are drawn. That moves and rectangles give the very pixels of a
// whole drawing is checked with OpenGL (tests/gl) and in the browser (tests/browser/smoke.test.mjs).
TEST_CASE("screen damage: a draft editor scrolled by a line is moved, and the new line drawn") {
  jianfu::test::HeadlessImGui imgui;
  ImGuiIO& io = ImGui::GetIO();
  io.DisplaySize = ImVec2(kW, kH);
  ImGuiStyle& style = ImGui::GetStyle();
  style.Colors[ImGuiCol_WindowBg].w = 1.0f;  // opaque, as the app's style is: the editor's page
  style.Colors[ImGuiCol_FrameBg].w = 1.0f;   // is an occluder (ui/occlusion.h)
  jianfu::ui::DraftEditor editor;
  // Lines that differ all along (a line's picture moved by one line differs everywhere).
  const std::string words = "The quick brown fox jumps over the lazy dog; pack my box with five dozen jugs. ";
  std::string text;
  for (int i = 0; i < 80; ++i) text += words.substr(i % 37) + words.substr(0, i % 37) + "\n";
  auto frame = [&](const char* typed) {
    jianfu::test::HeadlessImGui::upload_textures();
    io.AddInputCharactersUTF8(typed);
    imgui.frame(0.016f, [&] { editor.draw("##body", text, {}, ImVec2(-1, -1)); });
  };
  auto views = [] {
    const ImDrawData& data = *ImGui::GetDrawData();
    return jianfu::ui::scroll_views(data, kW, kH, jianfu::ui::find_occluders(data, kW, kH, *ImGui::GetIO().Fonts));
  };
  frame("");
  editor.select(text.size(), text.size(), -1);  // caret at the end, scrolled to the bottom
  for (int i = 0; i < 4; ++i) frame("");
  REQUIRE(views().size() == 1);
  const jianfu::ui::ScrollView before = views()[0];
  CHECK(before.scroll > 0);
  ScreenDamage d, plain;
  d.allow_moves(true);
  d.compare(*ImGui::GetDrawData(), kW, kH, views());
  d.drawn();
  show_current(plain);

  frame("x\n");
  frame("");  // settled: the caret's new line scrolled into view
  const jianfu::ui::ScrollView after = views()[0];
  const int line = static_cast<int>(after.scroll - before.scroll);
  CHECK(line == static_cast<int>(ImGui::GetTextLineHeightWithSpacing()));
  const std::vector<PixelRect> rects = d.compare(*ImGui::GetDrawData(), kW, kH, views());
  REQUIRE(d.moves().size() == 1);
  const jianfu::ui::PixelMove& m = d.moves()[0];
  CHECK(m.dy == line);
  // Inside the editor's page, all of it but a tile's width or height at its edges and the line
  // the scroll brings in.
  const PixelRect& page = after.rect;
  CHECK(m.to.x0 >= page.x0);
  CHECK(m.to.x1 <= page.x1);
  CHECK(m.to.y0 >= page.y0);
  CHECK(m.to.y1 + m.dy <= page.y1);
  CHECK(m.to.area() >= static_cast<long long>(page.width() - 2 * ScreenDamage::kTile) *
                           (page.height() - line - 2 * ScreenDamage::kTile));
  // Without moves, all of the page's text is drawn again; with, a fraction of that.
  const long long unmoved = area(plain.compare(*ImGui::GetDrawData(), kW, kH));
  CHECK(plain.moves().empty());
  CHECK(area(rects) * 4 < unmoved);
  MESSAGE("drawn with the move: ", area(rects), " px; without: ", unmoved, " px");
  // Of what the move brings, only the tiles that changed are drawn again: where the caret was, and
  // tiles of the top row that glyphs of the line above reached before the scroll took that line
  // away. Not the column along the page's left edge: the anti-aliased edge of the child's border
  // reaches a pixel into its inside, and stays where it is while the content scrolls; that band is
  // not the view's (ui/scroll_views.cpp).
  long long redrawn = 0;
  for (const PixelRect& r : rects) {
    const PixelRect in = jianfu::ui::intersect(r, m.to);
    if (!in.empty()) redrawn += in.area();
  }
  MESSAGE("drawn again inside the move: ", redrawn, " px");
  CHECK(redrawn > 0);
  CHECK(redrawn < static_cast<long long>(ScreenDamage::kViewTile) * m.to.height());  // less than a column of tiles

  // The same frame with what lies under the page changed, or a scroll of part of a pixel: no
  // move, and the page drawn whole.
  std::vector<jianfu::ui::ScrollView> other = views();
  other[0].under ^= 0x00010000;
  CHECK(covered(d.compare(*ImGui::GetDrawData(), kW, kH, other), page.x0, page.y0, page.x1, page.y1));
  CHECK(d.moves().empty());
  other = views();
  other[0].scroll += 0.5;
  CHECK(covered(d.compare(*ImGui::GetDrawData(), kW, kH, other), page.x0, page.y0, page.x1, page.y1));
  CHECK(d.moves().empty());
  d.compare(*ImGui::GetDrawData(), kW, kH, views());
  d.drawn();

  // A character typed without a scroll: the view's changed tiles, half a screen tile wide, around
  // the new glyph and the caret.
  frame("y");
  frame("");
  REQUIRE(views()[0].scroll == after.scroll);
  const std::vector<PixelRect> typed = d.compare(*ImGui::GetDrawData(), kW, kH, views());
  CHECK(d.moves().empty());
  CHECK_FALSE(d.whole());
  CHECK(area(typed) > 0);
  CHECK(area(typed) <= 4LL * ScreenDamage::kViewTile * ScreenDamage::kViewTile * 3);
  // Rectangles never overlap (each is one pass of the renderer).
  for (std::size_t i = 0; i < rects.size(); ++i)
    for (std::size_t j = i + 1; j < rects.size(); ++j) CHECK(jianfu::ui::intersect(rects[i], rects[j]).empty());
}
