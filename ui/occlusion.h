// Where an opaque rectangle of one colour hides everything drawn before it, so that the renderer
// can clear that part to the rectangle's colour and start drawing after it.
//
// Why: under software GL (SwiftShader, what Chromium uses on a PC without a usable GPU), a frame
// costs by the pixels it fills, whatever fills them. The draft editor's pixels were filled three
// times over: the clear (the screen's background), the editor's white page, then the text. Cleared
// to white instead, they are filled twice, and a clear costs a fraction of a textured, blended
// rectangle: a scroll of the editor costs a fifth less (docs/BENCHMARKS.md). Skipping what is
// hidden changes no pixel: an opaque rectangle drawn with ImGui's white texel writes its colour
// whatever was under it.
//
// A draw position counts indices over the frame's draw lists in order (list after list, each
// list's commands in order): the renderer draws from a position by skipping what comes before it.
#pragma once

#include <cstddef>
#include <vector>

#include "imgui.h"
#include "ui/screen_damage.h"

namespace jianfu::ui {

// The framebuffer pixels the renderer's scissor box lets through for a clip rectangle (the same
// rounding as the box it sets), top-left origin; empty if none.
PixelRect scissor_rect(const ImVec4& clip, const ImDrawData& data, int fb_h);

// The part of both rectangles (empty, width or height ≤ 0, if they do not meet).
PixelRect intersect(const PixelRect& a, const PixelRect& b);

// An opaque rectangle of one colour in a frame: once drawn, every pixel of `covers` is `color`.
struct Occluder {
  PixelRect covers;
  ImU32 color = 0;
  std::size_t at = 0;     // draw position of its first index
  std::size_t after = 0;  // just after its last
};

// The occluders of a frame drawn into fb_w × fb_h pixels, in drawing order: ImGui's filled
// rectangles (two triangles over four vertices, as ImDrawList::PrimRect emits them) drawn with the
// atlas's white texel in one colour of full alpha, covering at least kMinOccluderArea pixels inside
// their clip rectangle. None if the frame has a draw callback (code the renderer cannot see into).
constexpr long long kMinOccluderArea = 64 * 64;
std::vector<Occluder> find_occluders(const ImDrawData& data, int fb_w, int fb_h, const ImFontAtlas& atlas);

// A part of the framebuffer and how to draw it: cleared to `clear`, then every triangle from draw
// position `from` on, cut to `rect`.
struct DrawPass {
  PixelRect rect;
  ImU32 clear = 0;
  std::size_t from = 0;
};

// The passes that draw `rects` (disjoint) as a drawing of everything over `clear` would. A
// rectangle that the latest occluder covers wholly is cleared to its colour and drawn from after
// it. One that an occluder covers at least half of (the tile-aligned rectangles of a scroll of the
// draft editor) is split into that part, drawn so, and up to four strips around it, each drawn
// from the latest occluder that covers it wholly. A smaller share is not split off: every pass
// hands GL all the triangles of every command that meets it, and four more passes over a whole
// screen cost as much as the page they spare (docs/BENCHMARKS.md). The passes' rectangles are
// disjoint and cover exactly `rects`.
std::vector<DrawPass> plan_passes(const std::vector<Occluder>& occluders, const std::vector<PixelRect>& rects,
                                  ImU32 clear);

}  // namespace jianfu::ui
