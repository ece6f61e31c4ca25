#include "ui/frame.h"

#include <GLFW/glfw3.h>

#include "imgui.h"
#include "imgui_impl_glfw.h"
#include "imgui_impl_opengl3.h"
#include "ui/app.h"
#include "ui/draw_digest.h"
#include "ui/item_locator.h"

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

}  // namespace

bool render_frame(App& app, GLFWwindow* window, void (*overlay)(), UnchangedFrames* unchanged) {
  build_frame(app, overlay, false);
  int w = 0, h = 0;
  glfwGetFramebufferSize(window, &w, &h);
  if (unchanged) {
    const bool updating = unchanged->known();  // a frame is on screen: this one changes it
    if (unchanged->unchanged(*ImGui::GetDrawData(), w, h)) return false;
    // ImGui shows some consequences of a change one frame late: a child's scrollbar follows the
    // content height of the frame before, an edited line that wraps is scrolled into view by the
    // next frame. Drawn as they come, a typed character that starts a new line would cost two
    // drawings in two display refreshes. The settled frame is built now and drawn instead.
    if (updating) {
      build_frame(app, overlay, true);
      unchanged->unchanged(*ImGui::GetDrawData(), w, h);  // records it as the frame on screen
    }
  }
  glViewport(0, 0, w, h);
  glClearColor(0.94f, 0.94f, 0.94f, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  return true;
}

}  // namespace jianfu::ui
