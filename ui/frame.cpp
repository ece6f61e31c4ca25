#include "ui/frame.h"

#include <GLFW/glfw3.h>

#include <chrono>

#include "imgui.h"
#include "imgui_impl_glfw.h"
#include "ui/app.h"
#include "ui/gl_renderer.h"
#include "ui/item_locator.h"
#include "ui/screen_damage.h"
#include "ui/scroll_views.h"

namespace jianfu::ui {
namespace {

void build_frame(App& app, void (*overlay)(), bool settling) {
  item_locator::new_frame();
  ImGui_ImplGlfw_NewFrame();
  ImGui::NewFrame();
  app.frame(settling);
  if (overlay) overlay();
  ImGui::Render();
}

// The colour a cleared area starts from, under the windows.
constexpr float kClear[4] = {0.94f, 0.94f, 0.94f, 1.0f};

FrameTimes g_times;

// Milliseconds since the last lap (or since the clock was made): the phases follow one another.
class PhaseClock {
 public:
  double lap() {
    const auto now = std::chrono::steady_clock::now();
    const double ms = std::chrono::duration<double, std::milli>(now - last_).count();
    last_ = now;
    return ms;
  }

 private:
  std::chrono::steady_clock::time_point last_ = std::chrono::steady_clock::now();
};

}  // namespace

const FrameTimes& last_frame_times() { return g_times; }

bool render_frame(App& app, GLFWwindow* window, GlRenderer& renderer, void (*overlay)(), ScreenDamage* damage) {
  g_times = {};
  PhaseClock clock;
  build_frame(app, overlay, false);
  g_times.build = clock.lap();
  int w = 0, h = 0;
  glfwGetFramebufferSize(window, &w, &h);
  if (!damage) {
    renderer.draw(*ImGui::GetDrawData(), w, h, kClear);
    g_times.draw = clock.lap();
    return true;
  }
  if (damage->known()) {  // a frame is on screen: is this one any different?
    const bool differs = damage->differs(*ImGui::GetDrawData(), w, h);
    g_times.compare = clock.lap();
    if (!differs) return false;
    // ImGui shows some consequences of a change one frame late: a child's scrollbar follows the
    // content height of the frame before, an edited line that wraps is scrolled into view by the
    // next frame. Drawn as they come, a typed character that starts a new line would cost two
    // drawings in two display refreshes. The settled frame is built now and drawn instead: only
    // it is compared tile by tile.
    build_frame(app, overlay, true);
    g_times.settle = clock.lap();
  }
  // Where the screen can move pixels, scrolled views are moved rather than drawn. The opaque
  // rectangles they lie on are the renderer's occluders too: found once for both.
  ImDrawData& data = *ImGui::GetDrawData();
  const std::vector<Occluder> occluders =
      damage->moves_allowed() ? find_occluders(data, w, h, *ImGui::GetIO().Fonts) : std::vector<Occluder>{};
  const std::vector<ScrollView> views =
      damage->moves_allowed() ? scroll_views(data, w, h, occluders) : std::vector<ScrollView>{};
  const bool unchanged = damage->compare(data, w, h, views).empty() && damage->moves().empty();
  g_times.compare += clock.lap();
  if (unchanged) return false;
  renderer.draw(data, w, h, kClear, damage->whole() ? nullptr : &damage->rects(),
                damage->moves_allowed() ? &occluders : nullptr);
  damage->drawn();
  g_times.draw = clock.lap();
  return true;
}

}  // namespace jianfu::ui
