// Whether a frame draws exactly what the previous one drew. While the user works, the browser
// build builds a frame on every animation frame (ui/frame_pacing.h), but between two keystrokes
// most of those frames are identical to the one on screen. Without a GPU, WebGL runs in software
// (SwiftShader) and drawing the 1280×800 window costs about as long as a display refresh, so every
// identical frame drawn delays the next one that matters. A frame whose digest matches is built
// (timers, the caret, input all run) but not drawn: the canvas keeps showing the previous one.
#pragma once

#include <cstdint>

struct ImDrawData;

namespace jianfu::ui {

// A 64-bit digest of what ImGui asks the renderer to draw: display position, size and scale, and
// every list's vertices, indices and commands (clip rectangles, textures, offsets, counts).
std::uint64_t draw_digest(const ImDrawData& data);

// Whether a texture of this frame (the font atlas with new glyphs) still has to be created or
// updated by the renderer: such a frame is drawn whatever its digest.
bool textures_pending(const ImDrawData& data);

class UnchangedFrames {
 public:
  // True when `data`, drawn into a framebuffer of fb_w × fb_h pixels, is the frame last drawn.
  // Every call with a different frame records it as the one now on screen.
  bool unchanged(const ImDrawData& data, int fb_w, int fb_h);
  // The screen no longer shows the last frame (a resized canvas is cleared): draw the next one.
  void forget() { known_ = false; }
  // Whether a frame drawn earlier is on screen (false before the first one and after forget()).
  bool known() const { return known_; }

 private:
  bool known_ = false;
  std::uint64_t last_ = 0;
};

}  // namespace jianfu::ui
