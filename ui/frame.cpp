#include "ui/frame.h"

#include <GLFW/glfw3.h>

#include "imgui.h"
#include "imgui_impl_glfw.h"
#include "imgui_impl_opengl3.h"
#include "ui/app.h"
#include "ui/draw_digest.h"
#include "ui/item_locator.h"

namespace jianfu::ui {

bool render_frame(App& app, GLFWwindow* window, void (*overlay)(), UnchangedFrames* unchanged) {
  item_locator::new_frame();
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplGlfw_NewFrame();
  ImGui::NewFrame();
  app.frame();
  if (overlay) overlay();
  ImGui::Render();
  int w = 0, h = 0;
  glfwGetFramebufferSize(window, &w, &h);
  if (unchanged && unchanged->unchanged(*ImGui::GetDrawData(), w, h)) return false;
  glViewport(0, 0, w, h);
  glClearColor(0.94f, 0.94f, 0.94f, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  return true;
}

}  // namespace jianfu::ui
