#include "ui/scroll_views.h"

#include "imgui_internal.h"
#include "ui/occlusion.h"

namespace jianfu::ui {

std::vector<ScrollView> scroll_views(const ImDrawData& data, int fb_w, int fb_h, const ImFontAtlas& atlas) {
  std::vector<ScrollView> views;
  if (data.FramebufferScale.x != 1.0f || data.FramebufferScale.y != 1.0f) return views;
  const ImGuiContext& g = *ImGui::GetCurrentContext();
  const PixelRect screen{0, 0, fb_w, fb_h};
  std::vector<Occluder> occluders;
  bool looked = false;  // occluders are looked for once, and only if some window scrolls
  for (const ImGuiWindow* w : g.Windows) {
    if (!w->Active || w->Hidden || w->ScrollMax.y <= 0.0f) continue;
    const ImRect& in = w->InnerClipRect;
    const PixelRect rect = intersect(scissor_rect(ImVec4(in.Min.x, in.Min.y, in.Max.x, in.Max.y), data, fb_h), screen);
    if (rect.empty()) continue;
    if (!looked) occluders = find_occluders(data, fb_w, fb_h, atlas);
    looked = true;
    const Occluder* under = nullptr;  // the latest that covers the view
    for (const Occluder& o : occluders) {
      if (intersect(o.covers, rect) == rect) under = &o;
    }
    if (under) views.push_back({rect, static_cast<double>(w->Scroll.y), under->after, under->color});
  }
  return views;
}

}  // namespace jianfu::ui
