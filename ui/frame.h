// One frame of the app: built through ImGui's GLFW backend and drawn by ui/gl_renderer.h, in both
// builds (desktop OpenGL 3, browser WebGL2). The shells own the window, the GL context and the
// loop; this owns what a frame does.
#pragma once

struct GLFWwindow;

namespace jianfu::ui {
class App;
class GlRenderer;
class ScreenDamage;
// overlay: drawn after the app's UI, on top of it (the browser's IME composition string).
// damage: when given, only the parts of the picture that changed since the frame last drawn are
// drawn again (ui/screen_damage.h), a frame that changes nothing is built but not drawn, and a
// frame that changes the picture is built a second time and drawn settled (ImGui shows some
// consequences of a change one frame late). That needs a framebuffer kept from one frame to the
// next (WebGL's preserveDrawingBuffer). Without it, every frame is drawn whole. Where damage allows
// moves, the frame's scrolled views (ui/scroll_views.h) are handed to it, and the shell makes its
// moves before it shows the rectangles drawn. Returns whether the frame was drawn.
bool render_frame(App& app, GLFWwindow* window, GlRenderer& renderer, void (*overlay)() = nullptr,
                  ScreenDamage* damage = nullptr);

// Where the last frame's time went, in milliseconds, read by the benches through the browser's test
// API: building it (ImGui and the screens, with ImGui::Render), building it again settled,
// comparing it with the screen (views, tiles) and handing it to GL (which draws later, by the time
// its pixels are read or shown). Phases the frame skipped are 0.
struct FrameTimes {
  double build = 0, settle = 0, compare = 0, draw = 0;
};
const FrameTimes& last_frame_times();
}  // namespace jianfu::ui
