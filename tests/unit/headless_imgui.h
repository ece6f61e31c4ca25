// An ImGui context of its own for unit tests of the screens: the default font, glyphs made as
// needed but never drawn, and frames built in one window the size of the display, then read back
// from the draw lists.
#pragma once
#include "imgui.h"

namespace jianfu::test {

class HeadlessImGui {
 public:
  HeadlessImGui() {
    ctx_ = ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(800, 600);
    io.BackendFlags |= ImGuiBackendFlags_RendererHasTextures;  // glyphs are made as needed, never drawn
    io.IniFilename = nullptr;
    io.Fonts->AddFontDefault();
  }
  ~HeadlessImGui() { ImGui::DestroyContext(ctx_); }
  HeadlessImGui(const HeadlessImGui&) = delete;
  HeadlessImGui& operator=(const HeadlessImGui&) = delete;

  // Builds one frame `dt` seconds after the previous one, with `draw` filling a window that covers
  // the display.
  template <typename Draw>
  void frame(float dt, Draw&& draw, ImGuiWindowFlags flags = 0) {
    ImGuiIO& io = ImGui::GetIO();
    io.DeltaTime = dt;
    ImGui::NewFrame();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    ImGui::Begin("screen", nullptr, flags);
    draw();
    ImGui::End();
    ImGui::Render();
  }

  // Does what a renderer does with the textures of the frame just built (nothing is drawn): new
  // glyphs count as uploaded, so that the next frame has no texture pending.
  static void upload_textures() {
    ImDrawData* data = ImGui::GetDrawData();
    if (!data || !data->Textures) return;
    for (ImTextureData* tex : *data->Textures) {
      if (tex->Status == ImTextureStatus_WantCreate) tex->SetTexID(static_cast<ImTextureID>(tex->UniqueID));
      if (tex->Status == ImTextureStatus_WantCreate || tex->Status == ImTextureStatus_WantUpdates)
        tex->SetStatus(ImTextureStatus_OK);
      else if (tex->Status == ImTextureStatus_WantDestroy)
        tex->SetStatus(ImTextureStatus_Destroyed);
    }
  }

 private:
  ImGuiContext* ctx_;
};

}  // namespace jianfu::test
