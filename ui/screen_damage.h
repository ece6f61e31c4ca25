// Which parts of the picture a new frame changes, so that the browser redraws only those.
//
// Why: on a PC without a usable GPU, Chromium runs WebGL in software (SwiftShader) and reads every
// drawn canvas back for its software compositor, on the page's main thread. Drawing the whole
// 1280×800 window there took about 14 ms of such a read-back, of which 11 ms was SwiftShader
// drawing it (a trace of typing into a 4,000-character draft, docs/BENCHMARKS.md); at 1920×1080
// typing could no longer keep frames under 33 ms. A keystroke changes a line, the caret and a
// counter: redrawing only those costs a few milliseconds at any window size.
//
// How: the framebuffer is cut into square tiles, and each tile gets a digest of every triangle
// that may touch it (its vertices, texture and clip rectangle), in drawing order. Two frames whose
// digests agree in a tile draw the same pixels there, so only tiles whose digest changed are
// drawn again. Frames that change nothing are not drawn at all. Most frames built change nothing
// (the app builds one per display refresh for a few seconds after each input), and the settled
// frame of a change is mostly the frame built just before it: a digest of the frame's bytes,
// several times cheaper than the tiles', recognises both before any tile is digested.
#pragma once

#include <cstdint>
#include <vector>

struct ImDrawData;

namespace jianfu::ui {

// A rectangle of framebuffer pixels, origin at the top left, x1 and y1 excluded.
struct PixelRect {
  int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  int width() const { return x1 - x0; }
  int height() const { return y1 - y0; }
  long long area() const { return static_cast<long long>(width()) * height(); }
  bool empty() const { return x1 <= x0 || y1 <= y0; }
  bool operator==(const PixelRect& o) const { return x0 == o.x0 && y0 == o.y0 && x1 == o.x1 && y1 == o.y1; }
};

// Whether the renderer has to make or drop a texture for this frame: the font atlas was made anew
// (grown or repacked), and glyphs moved. Such a frame is drawn whole. New glyphs alone go into
// parts of the atlas no glyph used before (ImTextureStatus_WantUpdates), under new triangles only.
bool textures_replaced(const ImDrawData& data);

// What was drawn since the counters were last reset (read by the browser tests and the bench).
struct DamageStats {
  long long frames = 0;        // frames drawn
  long long whole_frames = 0;  // of which drawn whole
  long long pixels = 0;        // pixels drawn again, summed over the frames
  long long rects = 0;         // rectangles drawn, summed over the frames (one pass each)
};

class ScreenDamage {
 public:
  static constexpr int kTile = 32;     // pixels; a line of text at 18 px is one tile high
  static constexpr int kMaxRects = 4;  // each rectangle costs one pass over the draw lists

  // Compares `data`, drawn into a framebuffer of fb_w × fb_h pixels, with the frame on screen and
  // returns the rectangles to draw again: none when it draws exactly what is on screen, the whole
  // framebuffer when nothing is known of the screen, a texture is replaced, the size changed, the
  // frame needs a draw callback, or it is scaled (the renderer's scissor would round differently
  // from the rectangles). Nothing is recorded until drawn().
  const std::vector<PixelRect>& compare(const ImDrawData& data, int fb_w, int fb_h);
  // The frame last compared has been drawn: it is what the screen shows now.
  void drawn();
  // The screen no longer shows the last frame drawn (a resized canvas is cleared).
  void forget() { known_ = false; next_known_ = false; }
  // Whether a frame drawn earlier is on screen (false before the first one and after forget()).
  bool known() const { return known_; }
  // Whether the rectangles of the last compare() cover the whole framebuffer.
  bool whole() const { return whole_; }
  // The rectangles drawn of the frame on screen.
  const std::vector<PixelRect>& drawn_rects() const { return drawn_rects_; }
  DamageStats& stats() { return stats_; }

 private:
  bool hash_tiles(const ImDrawData& data);
  void collect_rects();
  std::uint64_t frame_digest(const ImDrawData& data) const;

  int cols_ = 0, rows_ = 0, fb_w_ = 0, fb_h_ = 0;
  std::vector<std::uint64_t> screen_;  // tile digests of the frame on screen
  std::vector<std::uint64_t> next_;    // of the frame last compared
  std::uint64_t screen_digest_ = 0;    // frame_digest() of the frame on screen
  std::uint64_t next_digest_ = 0;      // of the frame last compared, if next_known_
  bool next_known_ = false;            // next_, rects_ and whole_ hold the last comparison
  int screen_w_ = 0, screen_h_ = 0;
  bool known_ = false;
  bool whole_ = false;
  std::vector<PixelRect> rects_;
  std::vector<PixelRect> drawn_rects_;
  DamageStats stats_;
};

}  // namespace jianfu::ui
