// One frame of the app through ImGui's GLFW + OpenGL 3 backends, which both builds use (desktop
// OpenGL 3, browser WebGL2). The shells own the window and the loop; this owns what a frame does.
#pragma once

struct GLFWwindow;

namespace jianfu::ui {
class App;
class UnchangedFrames;
// overlay: drawn after the app's UI, on top of it (the browser's IME composition string).
// unchanged: when given, a frame identical to the one last drawn is built but not drawn
// (ui/draw_digest.h), and a frame that changes the one on screen is built a second time and drawn
// settled (ImGui shows some consequences of a change one frame late). Returns whether the frame
// was drawn.
bool render_frame(App& app, GLFWwindow* window, void (*overlay)() = nullptr,
                  UnchangedFrames* unchanged = nullptr);
}  // namespace jianfu::ui
