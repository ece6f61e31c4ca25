// The desktop shell: a GLFW window with OpenGL 3, running the shared UI.
//   jianfu [--frames N] [--demo] [--screen NAME] [--command JSON] [--state-out FILE]
//     --frames N: quit after N frames (smoke tests under Xvfb)
//     --demo: start with the sample draft filled in; --screen: start on home | assess | review |
//     history | training | settings; --command: one test command (screenshots of each screen);
//     --state-out: write the app's state as JSON to FILE every 10 frames, and apply a JSON
//                  command found in FILE.cmd (tests and benchmarks that drive the real window)
// A file dropped on the window is imported (a data file exported from another machine).
#include <GLFW/glfw3.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "imgui.h"
#include "imgui_impl_glfw.h"
#include "native/allocator.h"
#include "native/platform_native.h"
#include "ui/app.h"
#include "ui/frame.h"
#include "ui/frame_pacing.h"
#include "ui/gl_renderer.h"

static void on_glfw_error(int code, const char* what) { std::fprintf(stderr, "GLFW %d: %s\n", code, what); }

int main(int argc, char** argv) {
  long max_frames = -1;
  bool demo = false;
  std::vector<std::string> commands;
  std::string state_out;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--state-out") == 0 && i + 1 < argc) state_out = argv[++i];
    if (std::strcmp(argv[i], "--frames") == 0 && i + 1 < argc) max_frames = std::atol(argv[++i]);
    if (std::strcmp(argv[i], "--demo") == 0) demo = true;
    if (std::strcmp(argv[i], "--screen") == 0 && i + 1 < argc) commands.push_back(std::string("{\"go\":\"") + argv[++i] + "\"}");
    if (std::strcmp(argv[i], "--command") == 0 && i + 1 < argc) commands.push_back(argv[++i]);
  }
  jianfu::native::tune_allocator();
  glfwSetErrorCallback(on_glfw_error);
  if (!glfwInit()) {
    std::fprintf(stderr, "错误 [NO_DISPLAY]: 无法初始化图形界面（没有可用的显示器）。可改用 jianfu-cli。\n");
    return 1;
  }
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
  GLFWwindow* window = glfwCreateWindow(1280, 800, "减负 — 为基层减负一致性评估", nullptr, nullptr);
  if (!window) {
    std::fprintf(stderr, "错误 [NO_OPENGL]: 无法创建 OpenGL 3 窗口。\n");
    glfwTerminate();
    return 1;
  }
  glfwMakeContextCurrent(window);
  glfwSwapInterval(1);

  float xscale = 1.0f, yscale = 1.0f;
  glfwGetWindowContentScale(window, &xscale, &yscale);

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGui_ImplGlfw_InitForOpenGL(window, true);
  jianfu::ui::GlRenderer renderer;
  if (!renderer.init("#version 130")) {
    std::fprintf(stderr, "错误 [NO_OPENGL]: 无法在 OpenGL 3 窗口中绘图。\n");
    ImGui::DestroyContext();
    glfwDestroyWindow(window);
    glfwTerminate();
    return 1;
  }

  const std::string exe_dir = std::filesystem::path(argv[0]).parent_path().string();
  jianfu::ui::App app(jianfu::native::make_services(exe_dir.empty() ? "." : exe_dir, xscale));
  app.init();
  if (demo) app.load_example();
  for (const auto& c : commands) {
    const auto j = nlohmann::json::parse(c, nullptr, false);
    if (j.is_object()) app.test_command(j);
    else std::fprintf(stderr, "错误 [BAD_COMMAND]: --command 不是 JSON 对象：%s\n", c.c_str());
  }
  glfwSetWindowUserPointer(window, &app);
  glfwSetDropCallback(window, [](GLFWwindow* w, int count, const char** paths) {
    if (count > 0) static_cast<jianfu::ui::App*>(glfwGetWindowUserPointer(w))->import_file(paths[0]);
    jianfu::ui::frame_pacer().wake();
  });

  // Drawn on every event and for a few seconds after; otherwise a few times a second, asleep in
  // between (ui/frame_pacing.h). A resized or uncovered window is drawn at once.
  jianfu::ui::FramePacer& pacer = jianfu::ui::frame_pacer();
  glfwSetFramebufferSizeCallback(window, [](GLFWwindow*, int, int) { jianfu::ui::frame_pacer().wake(); });
  glfwSetWindowRefreshCallback(window, [](GLFWwindow*) { jianfu::ui::frame_pacer().wake(); });
  double state_written = -1.0;
  for (long frame = 0; !glfwWindowShouldClose(window) && frame != max_frames;) {
    const double wait = pacer.wait(glfwGetTime());
    if (wait > 0.0) glfwWaitEventsTimeout(wait);
    else glfwPollEvents();
    if (!state_out.empty() && glfwGetTime() - state_written >= 0.15) {  // for tests that drive the real window
      state_written = glfwGetTime();
      std::ofstream(state_out + ".tmp", std::ios::binary) << app.test_state_json();
      std::filesystem::rename(state_out + ".tmp", state_out);
      // ... and may send one command while it runs (e.g. reset the frame statistics): FILE.cmd.
      const std::string cmd_file = state_out + ".cmd";
      if (std::ifstream in{cmd_file, std::ios::binary}) {
        const auto j = nlohmann::json::parse(in, nullptr, false);
        in.close();
        std::filesystem::remove(cmd_file);
        if (j.is_object()) app.test_command(j);
        pacer.wake();
      }
    }
    if (!pacer.due(glfwGetTime(), jianfu::ui::input_waiting())) continue;
    jianfu::ui::render_frame(app, window, renderer);
    glfwSwapBuffers(window);
    pacer.drew(glfwGetTime());
    if (app.after_frame()) pacer.wake();  // the autosave, once the frame is on screen
    ++frame;
  }

  app.save_now();  // the window was closed: keep what was typed within the autosave delay
  renderer.shutdown();
  ImGui_ImplGlfw_Shutdown();
  ImGui::DestroyContext();
  glfwDestroyWindow(window);
  glfwTerminate();
  return 0;
}
