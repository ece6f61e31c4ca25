#include "ui/occlusion.h"

#include <algorithm>
#include <cmath>

namespace jianfu::ui {
namespace {

// Whether indices idx[0..5] over vertices v[0..3] (v = the vertices from idx[0] on) are one of
// ImGui's filled rectangles: top-left, top-right, bottom-right, bottom-left, split along one
// diagonal, all of one opaque colour and the white texel.
bool solid_rectangle(const ImDrawIdx* idx, const ImDrawVert* v, ImVec2 white) {
  const unsigned a = idx[0];
  if (idx[1] != a + 1 || idx[2] != a + 2 || idx[3] != a || idx[4] != a + 2 || idx[5] != a + 3) return false;
  const ImU32 col = v[0].col;
  if ((col & IM_COL32_A_MASK) != IM_COL32_A_MASK) return false;
  for (int i = 0; i < 4; ++i) {
    if (v[i].col != col || v[i].uv.x != white.x || v[i].uv.y != white.y) return false;
  }
  return v[0].pos.y == v[1].pos.y && v[1].pos.x == v[2].pos.x && v[2].pos.y == v[3].pos.y &&
         v[3].pos.x == v[0].pos.x;
}

// The passes for `r`, drawn from `from` over `clear`. The latest occluder from `from` on that
// covers all of r, or (with strips allowed) half of it, hides what is under it there.
void split(const std::vector<Occluder>& occluders, const PixelRect& r, ImU32 clear, std::size_t from,
           bool strips_allowed, std::vector<DrawPass>& out) {
  const Occluder* best = nullptr;
  PixelRect part;
  for (const Occluder& o : occluders) {
    if (o.at < from) continue;
    const PixelRect p = intersect(o.covers, r);
    if (p.empty()) continue;
    if (p == r || (strips_allowed && p.area() >= kMinOccluderArea && p.area() * 2 >= r.area())) {
      best = &o;
      part = p;
    }
  }
  if (!best) {
    out.push_back({r, clear, from});
    return;
  }
  split(occluders, part, best->color, best->after, false, out);
  const PixelRect around[4] = {{r.x0, r.y0, r.x1, part.y0},
                               {r.x0, part.y1, r.x1, r.y1},
                               {r.x0, part.y0, part.x0, part.y1},
                               {part.x1, part.y0, r.x1, part.y1}};
  for (const PixelRect& s : around) {
    if (!s.empty()) split(occluders, s, clear, from, false, out);
  }
}

}  // namespace

PixelRect scissor_rect(const ImVec4& clip, const ImDrawData& data, int fb_h) {
  const ImVec2 off = data.DisplayPos, scale = data.FramebufferScale;
  const float x0 = (clip.x - off.x) * scale.x, y0 = (clip.y - off.y) * scale.y;
  const float x1 = (clip.z - off.x) * scale.x, y1 = (clip.w - off.y) * scale.y;
  if (x1 <= x0 || y1 <= y0) return {};
  // GL's box: left and bottom truncated, then width and height truncated (bottom-up).
  const int left = static_cast<int>(x0), bottom = static_cast<int>(static_cast<float>(fb_h) - y1);
  const int w = static_cast<int>(x1 - x0), h = static_cast<int>(y1 - y0);
  return {left, fb_h - bottom - h, left + w, fb_h - bottom};
}

PixelRect intersect(const PixelRect& a, const PixelRect& b) {
  return {std::max(a.x0, b.x0), std::max(a.y0, b.y0), std::min(a.x1, b.x1), std::min(a.y1, b.y1)};
}

std::vector<Occluder> find_occluders(const ImDrawData& data, int fb_w, int fb_h, const ImFontAtlas& atlas) {
  std::vector<Occluder> found;
  const ImVec2 off = data.DisplayPos, scale = data.FramebufferScale;
  const PixelRect screen{0, 0, fb_w, fb_h};
  std::size_t list_start = 0;
  for (const ImDrawList* list : data.CmdLists) {
    for (const ImDrawCmd& cmd : list->CmdBuffer) {
      if (cmd.UserCallback) return {};
      if (cmd.TexRef._TexData != atlas.TexData || cmd.ElemCount < 6) continue;
      const PixelRect clip = intersect(scissor_rect(cmd.ClipRect, data, fb_h), screen);
      if (clip.empty() || clip.area() < kMinOccluderArea) continue;
      const ImDrawIdx* idx = list->IdxBuffer.Data + cmd.IdxOffset;
      const ImDrawVert* vtx = list->VtxBuffer.Data + cmd.VtxOffset;
      const unsigned vertices = static_cast<unsigned>(list->VtxBuffer.Size) - cmd.VtxOffset;
      for (unsigned t = 0; t + 6 <= cmd.ElemCount; t += 3) {
        if (idx[t] + 3u >= vertices || !solid_rectangle(idx + t, vtx + idx[t], atlas.TexUvWhitePixel)) continue;
        const ImDrawVert* v = vtx + idx[t];
        // The pixels wholly inside the rectangle: their centres are inside it, so GL fills them.
        const PixelRect inside{static_cast<int>(std::ceil((v[0].pos.x - off.x) * scale.x)),
                               static_cast<int>(std::ceil((v[0].pos.y - off.y) * scale.y)),
                               static_cast<int>(std::floor((v[2].pos.x - off.x) * scale.x)),
                               static_cast<int>(std::floor((v[2].pos.y - off.y) * scale.y))};
        const PixelRect covers = intersect(inside, clip);
        if (!covers.empty() && covers.area() >= kMinOccluderArea) {
          const std::size_t at = list_start + cmd.IdxOffset + t;
          found.push_back({covers, v[0].col, at, at + 6});
        }
        t += 3;  // the rectangle's second triangle
      }
    }
    list_start += static_cast<std::size_t>(list->IdxBuffer.Size);
  }
  return found;
}

std::vector<DrawPass> plan_passes(const std::vector<Occluder>& occluders, const std::vector<PixelRect>& rects,
                                  ImU32 clear) {
  std::vector<DrawPass> passes;
  for (const PixelRect& r : rects) {
    if (!r.empty()) split(occluders, r, clear, 0, true, passes);
  }
  return passes;
}

}  // namespace jianfu::ui
