// ui/gl_renderer.h in a real OpenGL 3 context (a hidden GLFW window, run under Xvfb by CTest):
// - a whole drawing gives, pixel for pixel, what ImGui's own OpenGL 3 renderer draws from the same
//   frame (the reference it replaces), across frames that add glyphs to the atlas, while skipping
//   what opaque rectangles hide (ui/occlusion.h);
// - a drawing limited to rectangles changes nothing outside them and, inside, gives exactly the
//   whole drawing's pixels, for rectangles cutting through text and clip edges at odd pixels and
//   for the rectangles ui/screen_damage.h picks.
#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include <GLFW/glfw3.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <set>
#include <vector>

#include "imgui.h"
#include "imgui_impl_opengl3.h"
#include "ui/gl_renderer.h"
#include "ui/screen_damage.h"
#include "ui/scroll_views.h"

namespace {

constexpr int kW = 1000, kH = 700;
constexpr float kClear[4] = {0.94f, 0.94f, 0.94f, 1.0f};
GLFWwindow* g_window = nullptr;

using Pixels = std::vector<unsigned char>;

Pixels read_pixels() {
  Pixels p(static_cast<std::size_t>(kW) * kH * 4);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadPixels(0, 0, kW, kH, GL_RGBA, GL_UNSIGNED_BYTE, p.data());
  return p;
}

// RGBA at (x, y) counted from the top, as ImGui counts.
const unsigned char* at(const Pixels& p, int x, int y) { return &p[(static_cast<std::size_t>(kH - 1 - y) * kW + x) * 4]; }
bool same_pixel(const Pixels& a, const Pixels& b, int x, int y) {
  const unsigned char *pa = at(a, x, y), *pb = at(b, x, y);
  return pa[0] == pb[0] && pa[1] == pb[1] && pa[2] == pb[2] && pa[3] == pb[3];
}
int differing(const Pixels& a, const Pixels& b) {
  int n = 0;
  for (int y = 0; y < kH; ++y)
    for (int x = 0; x < kW; ++x) n += same_pixel(a, b, x, y) ? 0 : 1;
  return n;
}
std::size_t colours(const Pixels& p) {
  std::set<unsigned> seen;
  for (std::size_t i = 0; i < p.size(); i += 4) seen.insert(p[i] | p[i + 1] << 8 | p[i + 2] << 16);
  return seen.size();
}

// An offscreen RGBA8 target, so that nothing depends on the window's buffers.
struct Target {
  GLuint fbo = 0, colour = 0;
  Target() {
    glGenRenderbuffers(1, &colour);
    glBindRenderbuffer(GL_RENDERBUFFER, colour);
    glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, kW, kH);
    glGenFramebuffers(1, &fbo);
    glBindFramebuffer(GL_FRAMEBUFFER, fbo);
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, colour);
  }
  ~Target() {
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    glDeleteFramebuffers(1, &fbo);
    glDeleteRenderbuffers(1, &colour);
  }
};

// One ImGui context, its frames built from the same inputs as any other's.
struct Ui {
  ImGuiContext* ctx = ImGui::CreateContext();
  Ui() {
    ImGui::SetCurrentContext(ctx);
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(kW, kH);
    io.Fonts->AddFontDefault();
  }
  ~Ui() {
    ImGui::SetCurrentContext(ctx);
    ImGui::DestroyContext(ctx);
  }
  // local: only a few texts change from step to step (a typed character's kind of change);
  // otherwise also the scroll, the squares' colours and the second window's place. scroll: pixels
  // the two scrolled children are scrolled further.
  ImDrawData& frame(int step, bool local = false, int scroll = 0) {
    ImGui::SetCurrentContext(ctx);
    ImGui::GetIO().DeltaTime = 1.0f / 60.0f;
    ImGui::NewFrame();
    scene(step, local ? 0 : step, scroll);
    ImGui::Render();
    return *ImGui::GetDrawData();
  }

  // Where the last frame put the page.
  static ImVec4& page_rect() {
    static ImVec4 r;
    return r;
  }

  // Text, widgets, a scrolled child (clipping), a table, 20,000 small squares (more than 65,536
  // vertices in one list), and a second window over the first with thick anti-aliased lines
  // (drawn from the atlas), rounded shapes and, from step 2, glyphs of a new size.
  static void scene(int step, int moves, int scroll) {
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(kW, kH));
    // Opaque backgrounds, as the app's light style has: occluders (ui/occlusion.h).
    ImGui::PushStyleColor(ImGuiCol_WindowBg, IM_COL32(30, 32, 36, 255));
    ImGui::Begin("main", nullptr, ImGuiWindowFlags_NoSavedSettings);
    ImGui::Text("Step %d: the quick brown fox jumps over the lazy dog", step);
    ImGui::TextColored(ImVec4(0.8f, 0.2f, 0.1f, 1.0f), "coloured text, 0123456789 !@#$%%^&*()");
    static float value = 0.37f;
    ImGui::SliderFloat("slider", &value, 0.0f, 1.0f);
    ImGui::Button("A button");
    ImGui::BeginChild("scrolled", ImVec2(380, 150), ImGuiChildFlags_Borders);
    ImGui::SetScrollY(37.0f + 11.0f * static_cast<float>(moves) + static_cast<float>(scroll));
    for (int i = 0; i < 40; ++i)
      ImGui::Text("child line %02d, clipped at the child's edges%s", i, i == 9 && step % 2 ? " (odd step)" : "");
    ImGui::EndChild();
    // A page of its own colour with text and a translucent mark over it, as the draft editor is.
    ImGui::SameLine();
    ImGui::PushStyleColor(ImGuiCol_ChildBg, IM_COL32(250, 250, 245, 255));
    ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(20, 20, 20, 255));
    ImGui::BeginChild("page", ImVec2(430, 150), ImGuiChildFlags_Borders);
    page_rect() = ImVec4(ImGui::GetWindowPos().x, ImGui::GetWindowPos().y, ImGui::GetWindowPos().x + 430,
                         ImGui::GetWindowPos().y + 150);
    ImGui::SetScrollY(5.0f * static_cast<float>(moves) + static_cast<float>(scroll));
    for (int i = 0; i < 20; ++i) ImGui::Text("page line %02d: text on an opaque page", i);
    const ImVec2 m = ImGui::GetWindowPos();
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(m.x + 20, m.y + 30), ImVec2(m.x + 200.5f, m.y + 47.5f),
                                              IM_COL32(255, 200, 0, 120), 2.0f);
    ImGui::EndChild();
    ImGui::PopStyleColor(2);
    if (ImGui::BeginTable("table", 3, ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg)) {
      for (int r = 0; r < 4; ++r) {
        ImGui::TableNextRow();
        for (int c = 0; c < 3; ++c) {
          ImGui::TableNextColumn();
          ImGui::Text("cell %d,%d", r, c + step);
        }
      }
      ImGui::EndTable();
    }
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 o = ImGui::GetCursorScreenPos();
    for (int y = 0; y < 100; ++y) {
      for (int x = 0; x < 200; ++x) {
        const ImVec2 p(o.x + 4.0f * static_cast<float>(x) + 0.5f, o.y + 3.0f * static_cast<float>(y) + 0.25f);
        dl->AddRectFilled(p, ImVec2(p.x + 2.5f, p.y + 2.0f), IM_COL32(x, y * 2, (x + y + moves * 40) & 255, 255));
      }
    }
    ImGui::End();
    ImGui::PopStyleColor();

    ImGui::SetNextWindowPos(ImVec2(520.0f + 13.0f * static_cast<float>(moves), 60.0f + 7.0f * static_cast<float>(moves)));
    ImGui::SetNextWindowSize(ImVec2(330, 260));
    ImGui::PushStyleColor(ImGuiCol_WindowBg, IM_COL32(60, 40, 70, 255));  // over part of the page
    ImGui::Begin("over", nullptr, ImGuiWindowFlags_NoSavedSettings);
    ImGui::PopStyleColor();
    ImDrawList* over = ImGui::GetWindowDrawList();
    const ImVec2 q = ImGui::GetCursorScreenPos();
    over->AddLine(q, ImVec2(q.x + 250, q.y + 90), IM_COL32(20, 90, 200, 255), 3.5f);
    over->AddCircleFilled(ImVec2(q.x + 80, q.y + 140), 45.3f, IM_COL32(230, 120, 30, 200));
    over->AddRect(ImVec2(q.x + 150, q.y + 110), ImVec2(q.x + 290, q.y + 190), IM_COL32(40, 160, 60, 255), 9.0f, 0, 2.0f);
    if (step >= 2) {
      ImGui::PushFont(nullptr, 31.0f);
      ImGui::Text("New size: Zebra %d", step);
      ImGui::PopFont();
    }
    ImGui::End();
  }
};

struct GlFixture {
  GlFixture() { REQUIRE(g_window != nullptr); }
};

}  // namespace

TEST_CASE_FIXTURE(GlFixture, "a whole drawing equals ImGui's own OpenGL 3 renderer's, frame after frame") {
  Target target;
  Ui reference, ours;
  ImGui::SetCurrentContext(reference.ctx);
  REQUIRE(ImGui_ImplOpenGL3_Init("#version 130"));
  ImGui::SetCurrentContext(ours.ctx);
  jianfu::ui::GlRenderer renderer;
  REQUIRE(renderer.init("#version 130"));

  for (int step = 0; step < 4; ++step) {
    CAPTURE(step);
    ImGui::SetCurrentContext(reference.ctx);
    ImGui_ImplOpenGL3_NewFrame();  // makes its shaders and buffers on the first call
    ImDrawData& ref_data = reference.frame(step);
    glViewport(0, 0, kW, kH);
    glDisable(GL_SCISSOR_TEST);
    glClearColor(kClear[0], kClear[1], kClear[2], kClear[3]);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(&ref_data);
    const Pixels expected = read_pixels();

    ImDrawData& data = ours.frame(step);
    glClearColor(1.0f, 0.0f, 1.0f, 1.0f);  // overwritten by the renderer's own clear colour
    glDisable(GL_SCISSOR_TEST);
    glClear(GL_COLOR_BUFFER_BIT);
    renderer.draw(data, kW, kH, kClear);
    REQUIRE(glGetError() == GL_NO_ERROR);
    const Pixels got = read_pixels();

    CHECK(data.TotalVtxCount > 65536);  // indices past 16 bits, rebased across lists
    CHECK(colours(got) > 1000);         // a picture, not a cleared screen
    CHECK(differing(expected, got) == 0);
    // Drawn from the window's opaque background (and title bar) on (ui/occlusion.h).
    REQUIRE_FALSE(renderer.passes().empty());
    for (const jianfu::ui::DrawPass& p : renderer.passes()) CHECK(p.from > 0);
  }
  ImGui::SetCurrentContext(reference.ctx);
  ImGui_ImplOpenGL3_Shutdown();
  ImGui::SetCurrentContext(ours.ctx);
  renderer.shutdown();
  for (ImTextureData* tex : ImGui::GetPlatformIO().Textures) CHECK(tex->Status == ImTextureStatus_Destroyed);
}

TEST_CASE_FIXTURE(GlFixture, "a drawing in rectangles changes only them, and them as a whole drawing would") {
  Target target;
  Ui ui;
  jianfu::ui::GlRenderer renderer;
  REQUIRE(renderer.init("#version 130"));
  ui.frame(0);
  ui.frame(0);  // settled layout
  renderer.draw(*ImGui::GetDrawData(), kW, kH, kClear);
  const Pixels before = read_pixels();

  ImDrawData& next = ui.frame(1);  // text, scroll, colours and the second window changed
  // Odd edges, through glyphs, the child's clip edge, the squares and the moved window; and one
  // on the tile grid around the page with text, drawn in parts (ui/occlusion.h).
  const ImVec4 page = Ui::page_rect();
  const int t = jianfu::ui::ScreenDamage::kTile;
  const std::vector<jianfu::ui::PixelRect> rects = {
      {3, 5, 211, 77}, {500, 330, 733, 611}, {519, 9, 861, 61},
      {static_cast<int>(page.x) / t * t, static_cast<int>(page.y) / t * t, (static_cast<int>(page.z) / t + 1) * t,
       (static_cast<int>(page.w) / t + 1) * t}};
  renderer.draw(next, kW, kH, kClear, &rects);
  REQUIRE(glGetError() == GL_NO_ERROR);
  CHECK(renderer.passes().size() > rects.size());
  const Pixels partial = read_pixels();
  renderer.draw(next, kW, kH, kClear);
  const Pixels whole = read_pixels();
  REQUIRE(differing(before, whole) > 10000);  // the frames differ inside and outside the rectangles

  int wrong_inside = 0, wrong_outside = 0, changed_inside = 0;
  for (int y = 0; y < kH; ++y) {
    for (int x = 0; x < kW; ++x) {
      bool inside = false;
      for (const auto& r : rects) inside = inside || (x >= r.x0 && x < r.x1 && y >= r.y0 && y < r.y1);
      if (inside) {
        wrong_inside += same_pixel(partial, whole, x, y) ? 0 : 1;
        changed_inside += same_pixel(before, whole, x, y) ? 0 : 1;
      } else {
        wrong_outside += same_pixel(partial, before, x, y) ? 0 : 1;
      }
    }
  }
  CHECK(changed_inside > 1000);
  CHECK(wrong_inside == 0);
  CHECK(wrong_outside == 0);
}

// A renderer and a ScreenDamage over an offscreen target, the first frame (settled) drawn whole.
struct DamageRig {
  Target target;
  Ui ui;
  jianfu::ui::GlRenderer renderer;
  jianfu::ui::ScreenDamage damage;
  explicit DamageRig(bool moves) {
    REQUIRE(renderer.init("#version 130"));
    damage.allow_moves(moves);
    ui.frame(0, moves);
    ImDrawData& first = ui.frame(0, moves);
    compare(first);
    REQUIRE(damage.whole());
    renderer.draw(first, kW, kH, kClear);
    damage.drawn();
  }
  // With moves allowed, the frame's scrolled views are compared too, as the browser's shell does.
  const std::vector<jianfu::ui::PixelRect>& compare(ImDrawData& data) {
    return damage.compare(data, kW, kH, damage.moves_allowed() ? views(data) : std::vector<jianfu::ui::ScrollView>{});
  }
  static std::vector<jianfu::ui::ScrollView> views(const ImDrawData& data) {
    return jianfu::ui::scroll_views(data, kW, kH, jianfu::ui::find_occluders(data, kW, kH, *ImGui::GetIO().Fonts));
  }
};

TEST_CASE_FIXTURE(GlFixture, "the rectangles ScreenDamage picks bring the picture up to the new frame") {
  DamageRig rig(false);
  Ui& ui = rig.ui;
  jianfu::ui::GlRenderer& renderer = rig.renderer;
  jianfu::ui::ScreenDamage& damage = rig.damage;
  int partial_frames = 0;
  for (int step = 1; step < 5; ++step) {
    CAPTURE(step);
    ImDrawData& data = ui.frame(step, step != 4);  // the last one moves things: drawn whole
    const std::vector<jianfu::ui::PixelRect>& rects = damage.compare(data, kW, kH);
    REQUIRE_FALSE(rects.empty());
    partial_frames += damage.whole() ? 0 : 1;
    renderer.draw(data, kW, kH, kClear, damage.whole() ? nullptr : &rects);
    damage.drawn();
    const Pixels partial = read_pixels();
    renderer.draw(data, kW, kH, kClear);
    CHECK(differing(partial, read_pixels()) == 0);
  }
  CHECK(partial_frames == 3);
}

// Where the screen can move pixels (the browser's copied presentation, web/canvas_present.h), a
// scroll moves what the screen shows and draws only the rest. The screen is kept here as the page
// keeps it: moves made in it, then the drawn rectangles copied into it from the framebuffer.
TEST_CASE_FIXTURE(GlFixture, "moves and rectangles together bring the picture up to a scrolled frame") {
  DamageRig rig(true);
  Ui& ui = rig.ui;
  jianfu::ui::GlRenderer& renderer = rig.renderer;
  jianfu::ui::ScreenDamage& damage = rig.damage;
  Pixels screen = read_pixels();
  int moved_frames = 0;
  long long moved = 0, drawn = 0;
  int scroll = 0;
  // Down and up by amounts on and off the tile grid (not by a line: its lines differ only in their
  // numbers), frames whose text changes as well, and one whose text changes without a scroll.
  int step = 0;
  for (const int by : {23, 40, 1, -18, -32, 64, 9, 0, 5}) {
    scroll += by;
    // The child's line 9 tells odd steps from even ones: it changes with 23, 1, 9, 0 and 5.
    step += by % 2 ? 1 : 0;
    if (by == 0) step = 2;
    CAPTURE(by);
    ui.frame(step, true, scroll);  // ImGui scrolls at the next frame
    ImDrawData& data = ui.frame(step, true, scroll);
    const std::vector<jianfu::ui::PixelRect> rects = rig.compare(data);
    REQUIRE_FALSE(damage.whole());
    // The scrolled child (the left view; the page is the other) is moved but for what the
    // scroll brings in and a tile's width or height at its edges.
    const std::vector<jianfu::ui::ScrollView> views = DamageRig::views(data);
    REQUIRE(views.size() == 2);
    const jianfu::ui::PixelRect child = views[0].rect.x0 < views[1].rect.x0 ? views[0].rect : views[1].rect;
    const int t = jianfu::ui::ScreenDamage::kTile;
    REQUIRE(damage.moves().size() == (by != 0 ? 1u : 0u));
    if (by != 0)
      CHECK(damage.moves()[0].to.area() >=
            static_cast<long long>(child.width() - 2 * t) * (child.height() - std::abs(by) - 2 * t));
    const std::vector<jianfu::ui::PixelMove> moves = damage.moves();
    renderer.draw(data, kW, kH, kClear, &rects);
    damage.drawn();
    const Pixels drawing = read_pixels();
    const Pixels before = screen;
    for (const jianfu::ui::PixelMove& m : moves) {
      CHECK(m.dy == by);
      for (int y = m.to.y0; y < m.to.y1; ++y)
        for (int x = m.to.x0; x < m.to.x1; ++x)
          std::copy_n(at(before, x, y + m.dy), 4, const_cast<unsigned char*>(at(screen, x, y)));
      moved += m.to.area();
    }
    moved_frames += moves.empty() ? 0 : 1;
    for (const jianfu::ui::PixelRect& r : rects) {
      for (int y = r.y0; y < r.y1; ++y)
        for (int x = r.x0; x < r.x1; ++x) std::copy_n(at(drawing, x, y), 4, const_cast<unsigned char*>(at(screen, x, y)));
      drawn += r.area();
    }
    renderer.draw(data, kW, kH, kClear);
    const Pixels whole = read_pixels();
    CHECK(differing(before, whole) > 100);  // the frame did change the picture
    CHECK(differing(screen, whole) == 0);
  }
  // Every scrolled frame moved the scrolled child; the page, under the second window, is drawn.
  CHECK(moved_frames == 8);
  MESSAGE("moved ", moved, " px, drawn ", drawn, " px");
}

// (The shells then stop with a message: without a renderer ImGui cannot build its font atlas.)
TEST_CASE_FIXTURE(GlFixture, "shaders that do not build leave the renderer off and ImGui without a renderer") {
  Ui ui;
  jianfu::ui::GlRenderer renderer;
  CHECK_FALSE(renderer.init("#version 9999"));
  CHECK((ImGui::GetIO().BackendFlags & ImGuiBackendFlags_RendererHasTextures) == 0);
  CHECK(ImGui::GetIO().BackendRendererName == nullptr);
}

int main(int argc, char** argv) {
  if (!glfwInit()) {
    std::fprintf(stderr, "error [NO_DISPLAY]: no X display for the GL test (run it under xvfb-run)\n");
    return 1;
  }
  glfwWindowHint(GLFW_VISIBLE, GLFW_FALSE);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
  g_window = glfwCreateWindow(kW, kH, "gl test", nullptr, nullptr);
  if (g_window) glfwMakeContextCurrent(g_window);
  doctest::Context context(argc, argv);
  const int result = context.run();
  if (g_window) glfwDestroyWindow(g_window);
  glfwTerminate();
  return result;
}
