#include "ui/frame.h"

#include <GLFW/glfw3.h>

#include <algorithm>
#include <vector>

#include "imgui.h"
#include "imgui_impl_glfw.h"
#include "imgui_impl_opengl3.h"
#include "ui/app.h"
#include "ui/item_locator.h"
#include "ui/screen_damage.h"

namespace jianfu::ui {
namespace {

void build_frame(App& app, void (*overlay)(), bool settling) {
  item_locator::new_frame();
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplGlfw_NewFrame();
  ImGui::NewFrame();
  app.frame(settling);
  if (overlay) overlay();
  ImGui::Render();
}

// Clip rectangles on whole pixels, exactly as the renderer's scissor takes them (imgui_impl_opengl3:
// left edge, width, bottom edge counted from the framebuffer's bottom, and height, each truncated).
// Nothing drawn changes, and a clip rectangle cut to a damaged rectangle then gives the same
// scissor there as in the whole frame; with fractions, the truncations could leave a cleared row or
// column undrawn. Only for an unscaled framebuffer, the one case drawn in parts.
void snap_clip_rects(ImDrawData& data, int fb_h) {
  if (data.FramebufferScale.x != 1.0f || data.FramebufferScale.y != 1.0f) return;
  const ImVec2 off = data.DisplayPos;
  const float fh = static_cast<float>(fb_h);
  for (ImDrawList* list : data.CmdLists) {
    for (ImDrawCmd& cmd : list->CmdBuffer) {
      ImVec4& c = cmd.ClipRect;
      const ImVec2 min(c.x - off.x, c.y - off.y), max(c.z - off.x, c.w - off.y);
      if (max.x <= min.x || max.y <= min.y) continue;  // skipped by the renderer
      const int x = static_cast<int>(min.x), w = static_cast<int>(max.x - min.x);
      const int gl_y = static_cast<int>(fh - max.y), h = static_cast<int>(max.y - min.y);
      const int top = fb_h - gl_y - h, bottom = fb_h - gl_y;
      c = ImVec4(off.x + static_cast<float>(x), off.y + static_cast<float>(top),
                 off.x + static_cast<float>(x + w), off.y + static_cast<float>(bottom));
    }
  }
}

// The whole framebuffer as the target, and the colour a cleared area starts from.
void begin_drawing(int w, int h) {
  glViewport(0, 0, w, h);
  glClearColor(0.94f, 0.94f, 0.94f, 1.0f);
}

void draw_whole(int w, int h) {
  begin_drawing(w, h);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

// Each rectangle is cleared and drawn again with every clip rectangle cut to it (unscaled
// framebuffer, ui/screen_damage.h): its pixels come out as a whole frame would draw them.
void draw_rects(const std::vector<PixelRect>& rects, int w, int h) {
  ImDrawData& data = *ImGui::GetDrawData();
  std::vector<ImVec4> clips;
  for (ImDrawList* list : data.CmdLists) {
    for (const ImDrawCmd& cmd : list->CmdBuffer) clips.push_back(cmd.ClipRect);
  }
  const ImVec2 off = data.DisplayPos;
  begin_drawing(w, h);
  for (const PixelRect& r : rects) {
    glEnable(GL_SCISSOR_TEST);
    glScissor(r.x0, h - r.y1, r.width(), r.height());
    glClear(GL_COLOR_BUFFER_BIT);
    std::size_t i = 0;
    for (ImDrawList* list : data.CmdLists) {
      for (ImDrawCmd& cmd : list->CmdBuffer) {
        const ImVec4& c = clips[i++];
        // An empty result (max below min) is skipped by the renderer.
        cmd.ClipRect = ImVec4(std::max(c.x, off.x + r.x0), std::max(c.y, off.y + r.y0),
                              std::min(c.z, off.x + r.x1), std::min(c.w, off.y + r.y1));
      }
    }
    ImGui_ImplOpenGL3_RenderDrawData(&data);
  }
  glDisable(GL_SCISSOR_TEST);
  std::size_t i = 0;
  for (ImDrawList* list : data.CmdLists) {
    for (ImDrawCmd& cmd : list->CmdBuffer) cmd.ClipRect = clips[i++];
  }
}

}  // namespace

bool render_frame(App& app, GLFWwindow* window, void (*overlay)(), ScreenDamage* damage) {
  build_frame(app, overlay, false);
  int w = 0, h = 0;
  glfwGetFramebufferSize(window, &w, &h);
  if (!damage) {
    draw_whole(w, h);
    return true;
  }
  snap_clip_rects(*ImGui::GetDrawData(), h);
  const bool updating = damage->known();  // a frame is on screen: this one changes it
  const std::vector<PixelRect>* rects = &damage->compare(*ImGui::GetDrawData(), w, h);
  if (rects->empty()) return false;
  // ImGui shows some consequences of a change one frame late: a child's scrollbar follows the
  // content height of the frame before, an edited line that wraps is scrolled into view by the
  // next frame. Drawn as they come, a typed character that starts a new line would cost two
  // drawings in two display refreshes. The settled frame is built now and drawn instead.
  if (updating) {
    build_frame(app, overlay, true);
    snap_clip_rects(*ImGui::GetDrawData(), h);
    rects = &damage->compare(*ImGui::GetDrawData(), w, h);
    if (rects->empty()) return false;
  }
  if (damage->whole()) draw_whole(w, h);
  else draw_rects(*rects, w, h);
  damage->drawn();
  return true;
}

}  // namespace jianfu::ui
