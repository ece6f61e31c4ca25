// The browser shell: GLFW (emscripten's built-in port) + WebGL2, driven by requestAnimationFrame.
//
// HiDPI: the built-in GLFW has no content scale, so the canvas backing store is sized to CSS size
// × devicePixelRatio and ImGui runs in device pixels (mouse coordinates are scaled by GLFW to the
// backing store), with the style and fonts scaled by the same factor.
#include <GLFW/glfw3.h>
#include <emscripten.h>
#include <emscripten/html5.h>

#include <memory>

#include "imgui.h"
#include "imgui_impl_glfw.h"
#include "ui/app.h"
#include "ui/frame.h"
#include "ui/frame_pacing.h"
#include "ui/gl_renderer.h"
#include "ui/item_locator.h"
#include "ui/screen_damage.h"
#include "web/canvas_present.h"
#include "web/platform_web.h"
#include "web/test_api.h"
#include "web/web_input.h"

namespace {

GLFWwindow* g_window = nullptr;
std::unique_ptr<jianfu::ui::App> g_app;
jianfu::ui::GlRenderer g_renderer;
double g_dpr = 1.0;
// Only what changed on screen is drawn (ui/screen_damage.h); null if the canvas could not be made
// to keep its pixels between frames, and then every frame is drawn whole.
jianfu::ui::ScreenDamage g_screen;
jianfu::ui::ScreenDamage* g_damage = nullptr;

// Sizes the canvas backing store and tells GLFW, without glfwSetWindowSize: emscripten 3.1.6's
// version requests fullscreen whenever the size equals the screen's (a full-window canvas at DPR 1)
// and exits fullscreen otherwise.
EM_JS(void, set_backing_size, (int w, int h), {
  Browser.setCanvasSize(w, h);
  if (GLFW.active) { GLFW.active.width = w; GLFW.active.height = h; }
});

void fit_canvas() {
  double css_w = 0, css_h = 0;
  emscripten_get_element_css_size("#canvas", &css_w, &css_h);
  g_dpr = emscripten_get_device_pixel_ratio();
  set_backing_size(static_cast<int>(css_w * g_dpr), static_cast<int>(css_h * g_dpr));
  jianfu::web::follow_canvas_size();
  g_screen.forget();  // resizing the canvas cleared it
  if (g_app) g_app->set_content_scale(static_cast<float>(g_dpr));
  jianfu::ui::frame_pacer().wake();
}

EM_BOOL on_resize(int, const EmscriptenUiEvent*, void*) {
  fit_canvas();
  return EM_FALSE;
}

// Mouse wheel straight from the DOM: the built-in GLFW quantises small deltas to nothing, and the
// ImGui backend ignores its scroll events on this port. 100 px, 3 lines or 1/80 page make one step.
EM_BOOL on_wheel(int, const EmscriptenWheelEvent* ev, void*) {
  float step = 0.0f;
  if (ev->deltaMode == DOM_DELTA_PIXEL) step = 1.0f / 100.0f;
  else if (ev->deltaMode == DOM_DELTA_LINE) step = 1.0f / 3.0f;
  else if (ev->deltaMode == DOM_DELTA_PAGE) step = 80.0f;
  ImGui::GetIO().AddMouseWheelEvent(static_cast<float>(-ev->deltaX * step), static_cast<float>(-ev->deltaY * step));
  return EM_TRUE;
}

// Work that waits until a frame is shown (App::after_frame: the autosave) runs in a task of its own,
// after the animation frame's: the browser puts the frame on screen first.
bool g_after_frame_queued = false;

void after_frame(void*) {
  g_after_frame_queued = false;
  const double t0 = emscripten_get_now();
  if (!g_app->after_frame()) return;
  jianfu::ui::frame_pacer().wake();  // show the save's status
  // For bench/web_budget.mjs: how long the page's thread was held (ms).
  EM_ASM({ if (Module['jianfuAfterFrameDone']) Module['jianfuAfterFrameDone']($0); }, emscripten_get_now() - t0);
}

// Called on every animation frame; builds a frame only when the pacer says so (ui/frame_pacing.h),
// and draws only what differs from the picture on screen (ui/screen_damage.h). A frame not drawn
// leaves the canvas as it was: WebGL presents a canvas only after it was drawn into.
void frame() {
  // devicePixelRatio changes with browser zoom, without a resize event on every browser.
  if (emscripten_get_device_pixel_ratio() != g_dpr) fit_canvas();
  glfwPollEvents();
  jianfu::ui::FramePacer& pacer = jianfu::ui::frame_pacer();
  if (!pacer.due(glfwGetTime(), jianfu::ui::input_waiting())) return;
  const bool drawn = jianfu::ui::render_frame(*g_app, g_window, g_renderer, jianfu::web::draw_preedit, g_damage);
  if (drawn) {
    int w = 0, h = 0;
    glfwGetFramebufferSize(g_window, &w, &h);
    jianfu::web::show_drawn(g_damage ? &g_damage->drawn_rects() : nullptr, g_damage ? &g_damage->drawn_moves() : nullptr,
                            w, h);
  }
  pacer.drew(glfwGetTime());
  EM_ASM({ if (Module['jianfuFrameDone']) Module['jianfuFrameDone']($0); }, drawn ? 1 : 0);
  if (!g_after_frame_queued && g_app->work_due()) {
    g_after_frame_queued = true;
    emscripten_async_call(after_frame, nullptr, 0);
  }
}

}  // namespace

// Called by js/storage.js when the page is hidden or left: what waits for the autosave delay is
// written now, before the copy to IndexedDB that follows.
extern "C" EMSCRIPTEN_KEEPALIVE void jianfu_save_now() {
  if (g_app) g_app->save_now();
}

// Start-up milestones as performance marks, read by bench/web_budget.mjs (cheap; kept in releases).
#define JIANFU_MARK(name) EM_ASM({ performance.mark(name); })

int main() {
  JIANFU_MARK("jianfu-main");
  if (!glfwInit()) return 1;
  glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  // The context is made here rather than by GLFW (which takes it over: GL_PREINITIALIZED_CONTEXT)
  // for what GLFW cannot ask for: a canvas that keeps its pixels between frames, and one off the
  // page when frames are copied (web/canvas_present.h).
  if (jianfu::web::make_gl_context() != jianfu::web::Presentation::none) g_damage = &g_screen;
  g_screen.allow_moves(jianfu::web::can_move());
  g_window = glfwCreateWindow(1280, 800, "减负", nullptr, nullptr);
  if (!g_window) return 1;
  glfwMakeContextCurrent(g_window);
  JIANFU_MARK("jianfu-gl-context");

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGui_ImplGlfw_InitForOpenGL(g_window, true);
  if (!g_renderer.init("#version 300 es")) return 1;
  jianfu::web::install_text_input();

  // Not ImGui_ImplGlfw_InstallEmscriptenCallbacks(): it sizes the canvas in CSS pixels (no HiDPI)
  // through glfwSetWindowSize (fullscreen requests, see set_backing_size). Our own handlers instead:
  emscripten_set_resize_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, EM_FALSE, on_resize);
  emscripten_set_wheel_callback("#canvas", nullptr, EM_FALSE, on_wheel);
  fit_canvas();

  g_app = std::make_unique<jianfu::ui::App>(jianfu::web::make_services(static_cast<float>(g_dpr)));
  g_app->init();
  JIANFU_MARK("jianfu-app-init");
  jianfu::web::set_test_app(g_app.get(), g_damage, &g_renderer);
  if (EM_ASM_INT({ return new URLSearchParams(location.search).has('test') ? 1 : 0; })) {
    jianfu::ui::item_locator::enable();
  }
  // The first frame is built and drawn now rather than at the next animation frame: the page would
  // otherwise sit idle for up to one display refresh before the start screen is drawn.
  frame();
  emscripten_set_main_loop(frame, 0, false);
  return 0;
}
