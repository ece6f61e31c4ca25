#include "ui/frame_pacing.h"

#include "imgui.h"
#include "imgui_internal.h"

namespace jianfu::ui {

FramePacer& frame_pacer() {
  static FramePacer pacer;
  return pacer;
}

bool input_waiting() {
  const ImGuiContext* g = ImGui::GetCurrentContext();
  return g && g->InputEventsQueue.Size > 0;
}

}  // namespace jianfu::ui
