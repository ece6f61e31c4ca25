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
// (the app builds one per display refresh for a few seconds after each input): a digest of the
// frame's bytes, several times cheaper than the tiles', recognises them (differs()), and the
// settled frame of a change, mostly the frame compared just before it, before any tile is digested.
//
// Scrolled views: a view that scrolls (the draft editor, a long checklist) changes every tile it
// covers, though most of its picture only moved. Where the screen can move pixels it already shows
// (a 2D canvas the frames are copied into, web/canvas_present.h), what is drawn inside each view
// is digested in small tiles of the view's own content (their place in it, the scroll added), and
// the screen's tiles digest only what lies outside the views. A scroll then moves the rows the
// screen shows in both frames, draws the content tiles among them whose digest changed (where the
// caret was) and the rest of the view (the line brought in); a frame that does not scroll draws
// the content tiles that changed. Under software WebGL at 1920×1080, the draft editor scrolling by
// a line drew 578,000 pixels; moved, it draws some 43,000 (docs/BENCHMARKS.md).
#pragma once

#include <cstddef>
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

// A part of the framebuffer whose content scrolls (a scrolled window's inside), with what lies
// under it: an opaque rectangle of colour `under` covers all of it, and only what is drawn from
// draw position `from` on (ui/occlusion.h) shows there. `scroll`: how far its content is
// scrolled, in framebuffer pixels; a whole number (ImGui rounds it), or the view is not used.
struct ScrollView {
  PixelRect rect;
  double scroll = 0;
  std::size_t from = 0;
  std::uint32_t under = 0;
};

// Pixels a frame shows that the screen already shows elsewhere: those of `to` are the ones on
// screen `dy` pixels lower (higher if dy < 0), to be moved before the frame's rectangles are drawn.
struct PixelMove {
  PixelRect to;
  int dy = 0;
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
  long long moved = 0;         // pixels moved on screen instead of drawn (scrolls)
};

class ScreenDamage {
 public:
  static constexpr int kTile = 32;      // pixels; a line of text at 18 px is one tile high
  static constexpr int kViewTile = 8;   // pixels, a tile of a view's content
  static constexpr int kMaxRects = 4;   // each rectangle costs one pass over the draw lists
  // Fewer moved pixels than this are drawn instead (a move is a copy through a second canvas).
  static constexpr long long kMinMoveArea = 8LL * kTile * kTile;

  // Compares `data`, drawn into a framebuffer of fb_w × fb_h pixels, with the frame on screen and
  // returns the rectangles to draw again: none when it draws exactly what is on screen, the whole
  // framebuffer when nothing is known of the screen, a texture is replaced, the size changed, the
  // frame needs a draw callback, or it is scaled (the renderer's scissor would round differently
  // from the rectangles). Nothing is recorded until drawn().
  // views: the frame's scrolled views (ui/scroll_views.h), used with moves allowed: a view
  // scrolled since the frame on screen may give a move (moves()), and the rectangles then leave
  // out what it brings. Views that overlap one before them in the list are left out.
  const std::vector<PixelRect>& compare(const ImDrawData& data, int fb_w, int fb_h,
                                        const std::vector<ScrollView>& views = {});
  // Whether `data` may draw anything but the frame on screen: false only for that very frame (its
  // digest, as compare() takes it, without digesting tiles); true while no frame is known.
  bool differs(const ImDrawData& data, int fb_w, int fb_h) const;
  // Whether the screen can move its pixels (off by default: a WebGL canvas drawn directly cannot
  // without drawing them). Without, views are not digested and no move is given.
  void allow_moves(bool on) { moves_allowed_ = on; }
  bool moves_allowed() const { return moves_allowed_; }
  // The move of the last compare(), applied before its rectangles are drawn: none or one.
  const std::vector<PixelMove>& moves() const { return moves_; }
  // The moves of the frame on screen, made before its rectangles were drawn.
  const std::vector<PixelMove>& drawn_moves() const { return drawn_moves_; }
  // The frame last compared has been drawn: it is what the screen shows now.
  void drawn();
  // The screen no longer shows the last frame drawn (a resized canvas is cleared).
  void forget() { known_ = false; next_known_ = false; }
  // Whether a frame drawn earlier is on screen (false before the first one and after forget()).
  bool known() const { return known_; }
  // The rectangles of the last compare().
  const std::vector<PixelRect>& rects() const { return rects_; }
  // Whether the rectangles of the last compare() cover the whole framebuffer.
  bool whole() const { return whole_; }
  // The rectangles drawn of the frame on screen.
  const std::vector<PixelRect>& drawn_rects() const { return drawn_rects_; }
  DamageStats& stats() { return stats_; }

 private:
  // A view's content digests: tile (r, c) covers content rows [r, r + 1) × kViewTile from the top
  // of the content, and columns [c, c + 1) × kViewTile from the view's left edge (cut by its right
  // edge). tiles holds `rows` rows from first_row on, as far as the view shows, of `cols` each.
  struct ViewTiles {
    ScrollView view;
    long long first_row = 0;
    int rows = 0, cols = 0;
    std::vector<std::uint64_t> tiles;
    std::uint64_t cmd_key = 0;  // the current command's key in content terms (hash_tiles)
    bool reached = false;       // whether the current command may draw in the view (hash_tiles)
    long long top() const { return static_cast<long long>(view.scroll) - view.rect.y0; }  // content row of pixel row 0
    const std::uint64_t* row(long long r) const { return tiles.data() + static_cast<std::size_t>(r - first_row) * cols; }
  };
  void take_views(const std::vector<ScrollView>& views);
  void view_damage(const ViewTiles& n, const ViewTiles* o, std::vector<PixelRect>& out);
  bool find_move(const ViewTiles& n, const ViewTiles& o, PixelMove& move) const;
  bool hash_tiles(const ImDrawData& data);
  void collect_rects();
  std::uint64_t frame_digest(const ImDrawData& data, int fb_w, int fb_h) const;

  int cols_ = 0, rows_ = 0, fb_w_ = 0, fb_h_ = 0;
  std::vector<std::uint64_t> screen_;  // tile digests of the frame on screen
  std::vector<std::uint64_t> next_;    // of the frame last compared
  std::uint64_t screen_digest_ = 0;       // frame_digest() of the frame on screen, with its views
  std::uint64_t screen_data_digest_ = 0;  // without
  std::uint64_t next_digest_ = 0;         // of the frame last compared, if next_known_
  std::uint64_t next_data_digest_ = 0;
  bool next_known_ = false;            // next_, rects_ and whole_ hold the last comparison
  int screen_w_ = 0, screen_h_ = 0;
  bool known_ = false;
  bool whole_ = false;
  std::vector<PixelRect> rects_;
  std::vector<PixelRect> drawn_rects_;
  bool moves_allowed_ = false;
  std::vector<ViewTiles> screen_views_;  // of the frame on screen
  std::vector<ViewTiles> next_views_;    // of the frame last compared
  std::vector<PixelMove> moves_;
  std::vector<PixelMove> drawn_moves_;
  DamageStats stats_;
};

}  // namespace jianfu::ui
