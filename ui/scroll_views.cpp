#include "ui/scroll_views.h"

#include <algorithm>
#include <cmath>

#include "imgui_internal.h"

namespace jianfu::ui {
namespace {

// How far into a view the edge of something drawn around it may reach and still be taken out of
// the view: half a view tile.
constexpr int kEdgeBand = ScreenDamage::kViewTile / 2;

// `rect` less the bands along its left and right edges that triangles drawn over it from `from` on
// reach, where those triangles are not clipped to it: what is drawn around a view (a child
// window's border, whose anti-aliased edge reaches a pixel into its inside) stays where it is
// while the content scrolls. Left in the view, such a band would differ after every scroll, in the
// view's content terms, and be drawn again: a column down the whole of the draft editor. Out of
// it, the band is compared as the rest of the screen is, and the window's padding keeps the
// content out of it. The top and bottom bands stay: the content scrolls through them, and the
// rows there that no move fills are drawn in any case (ScreenDamage). Anything reaching deeper (a
// popup over the view) stays in it and shows as changed.
PixelRect without_edge_bands(const ImDrawData& data, int fb_h, const PixelRect& rect, std::size_t from) {
  PixelRect out = rect;
  std::size_t list_start = 0;  // draw position of the list's first index
  for (const ImDrawList* list : data.CmdLists) {
    for (const ImDrawCmd& cmd : list->CmdBuffer) {
      const std::size_t cmd_start = list_start + cmd.IdxOffset;
      if (cmd.UserCallback || cmd_start + cmd.ElemCount <= from) continue;
      const PixelRect clip = scissor_rect(cmd.ClipRect, data, fb_h);
      if (intersect(clip, rect).empty() || intersect(clip, rect) == clip) continue;  // apart, or clipped to it
      const ImDrawIdx* idx = list->IdxBuffer.Data + cmd.IdxOffset;
      const ImDrawVert* vtx = list->VtxBuffer.Data + cmd.VtxOffset;
      for (unsigned int t = cmd_start < from ? static_cast<unsigned int>(from - cmd_start) : 0; t + 2 < cmd.ElemCount; t += 3) {
        const ImVec2 &a = vtx[idx[t]].pos, &b = vtx[idx[t + 1]].pos, &c = vtx[idx[t + 2]].pos;
        const PixelRect box = intersect(
            {static_cast<int>(std::floor(std::min(std::min(a.x, b.x), c.x) - data.DisplayPos.x)),
             static_cast<int>(std::floor(std::min(std::min(a.y, b.y), c.y) - data.DisplayPos.y)),
             static_cast<int>(std::ceil(std::max(std::max(a.x, b.x), c.x) - data.DisplayPos.x)),
             static_cast<int>(std::ceil(std::max(std::max(a.y, b.y), c.y) - data.DisplayPos.y))},
            intersect(clip, rect));
        if (box.empty()) continue;
        if (box.x1 <= rect.x0 + kEdgeBand) out.x0 = std::max(out.x0, box.x1);
        else if (box.x0 >= rect.x1 - kEdgeBand) out.x1 = std::min(out.x1, box.x0);
      }
    }
    list_start += static_cast<std::size_t>(list->IdxBuffer.Size);
  }
  return out;
}

}  // namespace

std::vector<ScrollView> scroll_views(const ImDrawData& data, int fb_w, int fb_h, const std::vector<Occluder>& occluders) {
  std::vector<ScrollView> views;
  if (data.FramebufferScale.x != 1.0f || data.FramebufferScale.y != 1.0f) return views;
  const ImGuiContext& g = *ImGui::GetCurrentContext();
  const PixelRect screen{0, 0, fb_w, fb_h};
  for (const ImGuiWindow* w : g.Windows) {
    if (!w->Active || w->Hidden || w->ScrollMax.y <= 0.0f) continue;
    const ImRect& in = w->InnerClipRect;
    const PixelRect rect = intersect(scissor_rect(ImVec4(in.Min.x, in.Min.y, in.Max.x, in.Max.y), data, fb_h), screen);
    if (rect.empty()) continue;
    const Occluder* under = nullptr;  // the latest that covers the view
    for (const Occluder& o : occluders) {
      if (intersect(o.covers, rect) == rect) under = &o;
    }
    if (!under) continue;
    const PixelRect inside = without_edge_bands(data, fb_h, rect, under->after);
    if (!inside.empty()) views.push_back({inside, static_cast<double>(w->Scroll.y), under->after, under->color});
  }
  return views;
}

}  // namespace jianfu::ui
