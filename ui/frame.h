// One frame of the app through ImGui's GLFW + OpenGL 3 backends, which both builds use (desktop
// OpenGL 3, browser WebGL2). The shells own the window and the loop; this owns what a frame does.
#pragma once

struct GLFWwindow;

namespace jianfu::ui {
class App;
// overlay: drawn after the app's UI, on top of it (the browser's IME composition string).
void render_frame(App& app, GLFWwindow* window, void (*overlay)() = nullptr);
}  // namespace jianfu::ui
