#include "ui/screen_damage.h"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "imgui.h"
#include "ui/occlusion.h"

namespace jianfu::ui {
namespace {

constexpr std::uint64_t kSeed = 0xCBF29CE484222325ull;

// A multiply-and-xor-shift step: enough to tell two pictures apart (a collision would leave one
// stale tile until it next changes), cheap next to the drawing it saves.
inline std::uint64_t mix(std::uint64_t h, std::uint64_t w) {
  h = (h ^ w) * 0x9E3779B97F4A7C15ull;
  return h ^ (h >> 29);
}

template <typename T>
std::uint64_t bits(const T& v) {
  static_assert(sizeof(T) <= 8, "one word");
  std::uint64_t w = 0;
  std::memcpy(&w, &v, sizeof v);
  return w;
}

inline float min3(float a, float b, float c) { return std::min(std::min(a, b), c); }
inline float max3(float a, float b, float c) { return std::max(std::max(a, b), c); }

// One multiply per field and no chain between them: this runs for every vertex of the frame.
inline std::uint64_t vertex_key(const ImDrawVert& v) {
  return (bits(v.pos) * 0x9E3779B97F4A7C15ull) ^ (bits(v.uv) * 0xC2B2AE3D27D4EB4Full) ^
         (static_cast<std::uint64_t>(v.col) * 0x165667B19E3779F9ull);
}

// A vertex's key in a view's content: its height from the content's top (the scroll added; a
// double holds a float plus a whole number exactly), so that content a scroll moved keeps its key.
inline std::uint64_t content_vertex_key(const ImDrawVert& v, double scroll) {
  return (bits(v.pos.x) * 0x9E3779B97F4A7C15ull) ^ (bits(static_cast<double>(v.pos.y) + scroll) * 0xD6E8FEB86659FD93ull) ^
         (bits(v.uv) * 0xC2B2AE3D27D4EB4Full) ^ (static_cast<std::uint64_t>(v.col) * 0x165667B19E3779F9ull);
}

// A view's tile row holding content row y, and the first tile row wholly below y (y ≥ 0).
constexpr int kV = ScreenDamage::kViewTile;
inline long long row_of(long long y) { return y / kV; }
inline long long row_from(long long y) { return (y + kV - 1) / kV; }

struct TileRect {
  int x0, y0, x1, y1;
  long long area() const { return 1LL * (x1 - x0) * (y1 - y0); }
};

// Rectangles covering every tile of a cols × rows grid for which changed(col, row) holds: runs of
// changed tiles in a row, stacked while the next row has the same run, then merged pairwise where
// that wastes little, and down to kMaxRects in any case (the pair whose union adds the least area
// first).
template <typename Changed>
std::vector<TileRect> changed_runs(int cols, int rows, Changed changed) {
  std::vector<TileRect> rects;
  for (int ty = 0; ty < rows; ++ty) {
    for (int tx = 0; tx < cols;) {
      if (!changed(tx, ty)) { ++tx; continue; }
      int end = tx + 1;
      while (end < cols && changed(end, ty)) ++end;
      auto above = std::find_if(rects.begin(), rects.end(), [&](const TileRect& r) {
        return r.x0 == tx && r.x1 == end && r.y1 == ty;
      });
      if (above != rects.end()) above->y1 = ty + 1;
      else rects.push_back({tx, ty, end, ty + 1});
      tx = end;
    }
  }
  auto unite = [](const TileRect& a, const TileRect& b) {
    return TileRect{std::min(a.x0, b.x0), std::min(a.y0, b.y0), std::max(a.x1, b.x1), std::max(a.y1, b.y1)};
  };
  if (rects.size() > 64) {  // scattered changes: one rectangle around them all
    TileRect all = rects.front();
    for (const TileRect& r : rects) all = unite(all, r);
    rects.assign(1, all);
  }
  constexpr long long kSlack = 2;  // tiles of area a merge may add without need
  while (rects.size() > 1) {
    std::size_t bi = 0, bj = 1;
    long long best = -1;
    for (std::size_t i = 0; i < rects.size(); ++i) {
      for (std::size_t j = i + 1; j < rects.size(); ++j) {
        const long long waste = unite(rects[i], rects[j]).area() - rects[i].area() - rects[j].area();
        if (best < 0 || waste < best) { best = waste; bi = i; bj = j; }
      }
    }
    if (rects.size() <= static_cast<std::size_t>(ScreenDamage::kMaxRects) && best > kSlack) break;
    rects[bi] = unite(rects[bi], rects[bj]);
    rects.erase(rects.begin() + static_cast<std::ptrdiff_t>(bj));
  }
  return rects;
}

// The parts of r outside cut: up to four rectangles, above, below, left and right of it.
void subtract(const PixelRect& r, const PixelRect& cut, std::vector<PixelRect>& out) {
  const PixelRect m = intersect(r, cut);
  if (m.empty()) {
    out.push_back(r);
    return;
  }
  const PixelRect parts[4] = {{r.x0, r.y0, r.x1, m.y0}, {r.x0, m.y1, r.x1, r.y1},
                              {r.x0, m.y0, m.x0, m.y1}, {m.x1, m.y0, r.x1, m.y1}};
  for (const PixelRect& p : parts) {
    if (!p.empty()) out.push_back(p);
  }
}

// Adds the parts of r that no rectangle of `set` covers yet: the set stays disjoint.
void add_disjoint(std::vector<PixelRect>& set, const PixelRect& r) {
  std::vector<PixelRect> parts{r}, next;
  for (const PixelRect& have : set) {
    next.clear();
    for (const PixelRect& p : parts) subtract(p, have, next);
    parts.swap(next);
    if (parts.empty()) return;
  }
  set.insert(set.end(), parts.begin(), parts.end());
}

bool contains(const PixelRect& outer, int x0, int y0, int x1, int y1) {
  return x0 >= outer.x0 && y0 >= outer.y0 && x1 <= outer.x1 && y1 <= outer.y1;
}

// A digest of a run of bytes, 32 at a time in four lanes whose multiplies do not wait for each
// other; the tail is padded with zeros, and the length is part of the digest.
std::uint64_t digest_bytes(std::uint64_t h, const void* data, std::size_t size) {
  const unsigned char* p = static_cast<const unsigned char*>(data);
  std::uint64_t lane[4] = {h, h ^ 0x243F6A8885A308D3ull, h ^ 0x13198A2E03707344ull, h ^ 0xA4093822299F31D0ull};
  std::uint64_t w[4];
  std::size_t i = 0;
  for (; i + sizeof w <= size; i += sizeof w) {
    std::memcpy(w, p + i, sizeof w);
    for (int k = 0; k < 4; ++k) lane[k] = mix(lane[k], w[k]);
  }
  if (i < size) {
    std::memset(w, 0, sizeof w);
    std::memcpy(w, p + i, size - i);
    for (int k = 0; k < 4; ++k) lane[k] = mix(lane[k], w[k]);
  }
  return mix(mix(mix(mix(mix(h, lane[0]), lane[1]), lane[2]), lane[3]), size);
}

}  // namespace

bool textures_replaced(const ImDrawData& data) {
  if (!data.Textures) return false;
  for (const ImTextureData* tex : *data.Textures) {
    if (tex->Status == ImTextureStatus_WantCreate || tex->Status == ImTextureStatus_WantDestroy) return true;
  }
  return false;
}

// Everything in the frame that reaches the picture, and what decides how it is compared: the
// framebuffer's size, position and scale, whether textures are replaced, and every draw list's
// vertices, indices and commands (clip rectangle, texture, offsets, count). 0 for a frame with a
// draw callback, which runs code no digest can see: such a frame is never taken as one seen before.
std::uint64_t ScreenDamage::frame_digest(const ImDrawData& data, int fb_w, int fb_h) const {
  std::uint64_t h = mix(mix(kSeed, (static_cast<std::uint64_t>(fb_w) << 32) | static_cast<std::uint32_t>(fb_h)),
                        textures_replaced(data) ? 1 : 0);
  h = mix(mix(h, bits(data.DisplayPos)), bits(data.FramebufferScale));
  for (const ImDrawList* list : data.CmdLists) {
    h = digest_bytes(h, list->VtxBuffer.Data, static_cast<std::size_t>(list->VtxBuffer.Size) * sizeof(ImDrawVert));
    h = digest_bytes(h, list->IdxBuffer.Data, static_cast<std::size_t>(list->IdxBuffer.Size) * sizeof(ImDrawIdx));
    for (const ImDrawCmd& cmd : list->CmdBuffer) {
      h = mix(mix(h, bits(ImVec2(cmd.ClipRect.x, cmd.ClipRect.y))), bits(ImVec2(cmd.ClipRect.z, cmd.ClipRect.w)));
      h = mix(mix(h, reinterpret_cast<std::uintptr_t>(cmd.TexRef._TexData)), static_cast<std::uint64_t>(cmd.TexRef._TexID));
      h = mix(mix(h, (static_cast<std::uint64_t>(cmd.VtxOffset) << 32) | cmd.IdxOffset), cmd.ElemCount);
      if (cmd.UserCallback) return 0;
    }
    h = mix(h, static_cast<std::uint64_t>(list->CmdBuffer.Size));
  }
  h = mix(h, static_cast<std::uint64_t>(data.CmdLists.Size));
  return h == 0 ? 1 : h;
}

// The views whose content is digested: inside the framebuffer, scrolled by whole pixels, not
// overlapping a view taken before them.
void ScreenDamage::take_views(const std::vector<ScrollView>& views) {
  next_views_.clear();
  if (!moves_allowed_) return;
  for (const ScrollView& v : views) {
    const PixelRect& r = v.rect;
    if (r.empty() || r.x0 < 0 || r.y0 < 0 || r.x1 > fb_w_ || r.y1 > fb_h_) continue;
    if (!(v.scroll >= 0 && v.scroll < 1e9) || v.scroll != std::floor(v.scroll)) continue;
    bool overlaps = false;
    for (const ViewTiles& t : next_views_) overlaps = overlaps || !intersect(t.view.rect, r).empty();
    if (overlaps) continue;
    ViewTiles t;
    t.view = v;
    const long long s = static_cast<long long>(v.scroll);
    t.first_row = row_of(s);
    t.rows = static_cast<int>(row_of(s + r.height() - 1) - t.first_row + 1);
    t.cols = (r.width() + kV - 1) / kV;
    t.tiles.assign(static_cast<std::size_t>(t.rows) * t.cols, kSeed);
    next_views_.push_back(std::move(t));
  }
}

// Returns false when the frame cannot be split into tiles (a draw callback runs code of its own).
//
// Inside a view, a pixel shows the view's opaque rectangle and what is drawn from its `from` on:
// such a triangle is keyed in the view's content terms (its vertices and clip rectangle measured
// from the content's top) and goes into the view's tiles it reaches. The screen's tiles take every
// triangle where it reaches outside the views; a tile's part inside a view is the view's.
bool ScreenDamage::hash_tiles(const ImDrawData& data) {
  next_.assign(static_cast<std::size_t>(cols_) * rows_, kSeed);
  const ImVec2 off = data.DisplayPos, scale = data.FramebufferScale;
  std::size_t list_start = 0;  // draw position of the list's first index
  for (const ImDrawList* list : data.CmdLists) {
    for (const ImDrawCmd& cmd : list->CmdBuffer) {
      if (cmd.UserCallback) return false;
      // The pixels the renderer's scissor lets through, widened to whole pixels.
      const float cx0 = std::max(0.0f, std::floor((cmd.ClipRect.x - off.x) * scale.x));
      const float cy0 = std::max(0.0f, std::floor((cmd.ClipRect.y - off.y) * scale.y));
      const float cx1 = std::min(static_cast<float>(fb_w_), std::ceil((cmd.ClipRect.z - off.x) * scale.x));
      const float cy1 = std::min(static_cast<float>(fb_h_), std::ceil((cmd.ClipRect.w - off.y) * scale.y));
      if (cx1 <= cx0 || cy1 <= cy0) continue;
      // The texture (GetTexID() may not be called before a new texture exists: the fields, not
      // the accessor), the clip rectangle and where the display starts (vertices are drawn
      // relative to it) are part of every triangle's key.
      const std::uint64_t tex_key = mix(mix(mix(kSeed, bits(off)), reinterpret_cast<std::uintptr_t>(cmd.TexRef._TexData)),
                                        static_cast<std::uint64_t>(cmd.TexRef._TexID));
      const std::uint64_t cmd_key = mix(mix(tex_key, bits(ImVec2(cmd.ClipRect.x, cmd.ClipRect.y))),
                                        bits(ImVec2(cmd.ClipRect.z, cmd.ClipRect.w)));
      const std::size_t cmd_start = list_start + cmd.IdxOffset;
      bool near_views = false;  // whether the command may draw in a view at all
      for (ViewTiles& v : next_views_) {
        const PixelRect& r = v.view.rect;
        // The view's pixels the renderer's scissor lets through: in content terms, except for an
        // edge at the view's own, which cuts nothing inside it, wherever the content is.
        const PixelRect e = intersect(scissor_rect(cmd.ClipRect, data, fb_h_), r);
        near_views = near_views || !e.empty();
        v.reached = cmd_start + cmd.ElemCount > v.view.from && !e.empty();
        if (!v.reached) continue;
        const std::uint64_t open = ~0ull;
        v.cmd_key = mix(mix(mix(tex_key, (static_cast<std::uint64_t>(e.x0) << 32) | static_cast<std::uint32_t>(e.x1)),
                            e.y0 == r.y0 ? open : static_cast<std::uint64_t>(v.top() + e.y0)),
                        e.y1 == r.y1 ? open : static_cast<std::uint64_t>(v.top() + e.y1));
      }
      const ImDrawIdx* idx = list->IdxBuffer.Data + cmd.IdxOffset;
      const ImDrawVert* vtx = list->VtxBuffer.Data + cmd.VtxOffset;
      for (unsigned int t = 0; t + 2 < cmd.ElemCount; t += 3) {
        const ImDrawVert& a = vtx[idx[t]];
        const ImDrawVert& b = vtx[idx[t + 1]];
        const ImDrawVert& c = vtx[idx[t + 2]];
        // A triangle lights only pixels whose centre it covers: all inside its bounding box.
        // (std::min of an initializer list is not inlined by em++: it took half the time in wasm.)
        const float x0 = std::max(cx0, std::floor((min3(a.pos.x, b.pos.x, c.pos.x) - off.x) * scale.x));
        const float y0 = std::max(cy0, std::floor((min3(a.pos.y, b.pos.y, c.pos.y) - off.y) * scale.y));
        const float x1 = std::min(cx1, std::ceil((max3(a.pos.x, b.pos.x, c.pos.x) - off.x) * scale.x));
        const float y1 = std::min(cy1, std::ceil((max3(a.pos.y, b.pos.y, c.pos.y) - off.y) * scale.y));
        if (x1 <= x0 || y1 <= y0) continue;
        const int ix0 = static_cast<int>(x0), iy0 = static_cast<int>(y0);
        const int ix1 = static_cast<int>(x1), iy1 = static_cast<int>(y1);
        bool in_view = false;  // wholly inside a view: nothing of it reaches the screen's tiles
        if (near_views) {
          for (ViewTiles& v : next_views_) {
            const PixelRect& r = v.view.rect;
            const int vx0 = std::max(ix0, r.x0), vy0 = std::max(iy0, r.y0);
            const int vx1 = std::min(ix1, r.x1), vy1 = std::min(iy1, r.y1);
            if (vx1 <= vx0 || vy1 <= vy0) continue;
            in_view = in_view || contains(r, ix0, iy0, ix1, iy1);
            if (!v.reached || cmd_start + t < v.view.from) continue;  // hidden by the view's page
            const double s = v.view.scroll;
            const std::uint64_t k =
                mix(mix(mix(v.cmd_key, content_vertex_key(a, s)), content_vertex_key(b, s)), content_vertex_key(c, s));
            const int c0 = (vx0 - r.x0) / kV, c1 = (vx1 - 1 - r.x0) / kV;
            for (long long row = row_of(v.top() + vy0); row <= row_of(v.top() + vy1 - 1); ++row) {
              std::uint64_t* tiles = v.tiles.data() + static_cast<std::size_t>(row - v.first_row) * v.cols;
              for (int col = c0; col <= c1; ++col) tiles[col] = mix(tiles[col], k);
            }
          }
        }
        if (in_view) continue;
        const std::uint64_t key = mix(mix(mix(cmd_key, vertex_key(a)), vertex_key(b)), vertex_key(c));
        const int tx0 = ix0 / kTile, tx1 = (ix1 - 1) / kTile;
        const int ty0 = iy0 / kTile, ty1 = (iy1 - 1) / kTile;
        for (int ty = ty0; ty <= ty1; ++ty) {
          std::uint64_t* row = next_.data() + static_cast<std::size_t>(ty) * cols_;
          for (int tx = tx0; tx <= tx1; ++tx) {
            if (near_views) {  // the triangle's part in this tile may lie inside a view
              const int px0 = std::max(ix0, tx * kTile), py0 = std::max(iy0, ty * kTile);
              const int px1 = std::min(ix1, (tx + 1) * kTile), py1 = std::min(iy1, (ty + 1) * kTile);
              bool inside = false;
              for (const ViewTiles& v : next_views_) inside = inside || contains(v.view.rect, px0, py0, px1, py1);
              if (inside) continue;
            }
            row[tx] = mix(row[tx], key);
          }
        }
      }
    }
    list_start += static_cast<std::size_t>(list->IdxBuffer.Size);
  }
  return true;
}

// The view's content that the screen already shows, dy pixels off: the rows of its tiles wholly
// shown in both frames, all across the view. Tiles among them whose digest changed are drawn again
// after the move (view_damage): a caret that left a line costs a tile, not the line.
bool ScreenDamage::find_move(const ViewTiles& n, const ViewTiles& o, PixelMove& move) const {
  const long long s_new = static_cast<long long>(n.view.scroll), s_old = static_cast<long long>(o.view.scroll);
  const PixelRect& r = n.view.rect;
  const long long h = r.height();
  const long long lo = std::max(row_from(s_new), row_from(s_old));
  const long long hi = std::min(row_of(s_new + h), row_of(s_old + h));  // rows [lo, hi)
  if (hi <= lo) return false;
  move.to = {r.x0, static_cast<int>(r.y0 + lo * kV - s_new), r.x1, static_cast<int>(r.y0 + hi * kV - s_new)};
  move.dy = static_cast<int>(s_new - s_old);
  return move.to.area() >= kMinMoveArea;
}

// What to draw of a view: all of it if the screen's frame had no such view (o null); if it is not
// scrolled, the tiles whose digest changed; if it is, what the move does not bring, and the moved
// tiles whose digest changed.
void ScreenDamage::view_damage(const ViewTiles& n, const ViewTiles* o, std::vector<PixelRect>& out) {
  const PixelRect& r = n.view.rect;
  if (!o) {
    out.push_back(r);
    return;
  }
  // Tiles of rows [lo, hi) whose digest changed, as rectangles on screen.
  auto changed_in = [&](long long lo, long long hi) {
    const std::vector<TileRect> runs = changed_runs(n.cols, static_cast<int>(hi - lo), [&](int c, int row) {
      return n.row(lo + row)[c] != o->row(lo + row)[c];
    });
    for (const TileRect& t : runs) {
      out.push_back(intersect({r.x0 + t.x0 * kV, static_cast<int>((lo + t.y0) * kV - n.top()), r.x0 + t.x1 * kV,
                               static_cast<int>((lo + t.y1) * kV - n.top())},
                              r));
    }
  };
  if (o->view.scroll == n.view.scroll) {
    changed_in(n.first_row, n.first_row + n.rows);
    return;
  }
  const PixelMove* m = moves_.empty() || !(intersect(moves_.front().to, r) == moves_.front().to) ? nullptr : &moves_.front();
  if (!m) {
    out.push_back(r);
    return;
  }
  subtract(r, m->to, out);
  changed_in((n.top() + m->to.y0) / kV, (n.top() + m->to.y1) / kV);  // the moved rows (find_move)
}

// The rectangles to draw: the screen's changed tiles outside the views, and inside each view what
// view_damage() gives; a view the screen's frame did not have, or that the screen's frame had and
// this one does not, is drawn whole. The rectangles do not overlap.
void ScreenDamage::collect_rects() {
  // The views of both frames, paired: the same place and the same page under them.
  std::vector<const ViewTiles*> pair(next_views_.size(), nullptr);
  std::vector<bool> kept(screen_views_.size(), false);
  for (std::size_t i = 0; i < next_views_.size(); ++i) {
    for (std::size_t j = 0; j < screen_views_.size(); ++j) {
      const ScrollView &a = next_views_[i].view, &b = screen_views_[j].view;
      if (!kept[j] && a.rect == b.rect && a.under == b.under) {
        pair[i] = &screen_views_[j];
        kept[j] = true;
        break;
      }
    }
  }
  // One move at most (one copy on screen): the largest a scrolled view offers.
  PixelMove best;
  for (std::size_t i = 0; i < next_views_.size(); ++i) {
    PixelMove m;
    if (pair[i] && pair[i]->view.scroll != next_views_[i].view.scroll && find_move(next_views_[i], *pair[i], m) &&
        m.to.area() > best.to.area())
      best = m;
  }
  if (!best.to.empty()) moves_.push_back(best);

  std::vector<PixelRect> parts;
  for (std::size_t i = 0; i < next_views_.size(); ++i) view_damage(next_views_[i], pair[i], parts);
  for (std::size_t j = 0; j < screen_views_.size(); ++j) {
    if (!kept[j]) parts.push_back(screen_views_[j].view.rect);
  }
  std::vector<PixelRect> outside;  // the screen's changed tiles, less the views of both frames
  for (const TileRect& t : changed_runs(cols_, rows_, [&](int tx, int ty) {
         const std::size_t i = static_cast<std::size_t>(ty) * cols_ + tx;
         return next_[i] != screen_[i];
       })) {
    std::vector<PixelRect> cut{{t.x0 * kTile, t.y0 * kTile, std::min(t.x1 * kTile, fb_w_), std::min(t.y1 * kTile, fb_h_)}};
    std::vector<PixelRect> next;
    for (const std::vector<ViewTiles>* views : {&next_views_, &screen_views_}) {
      for (const ViewTiles& v : *views) {
        next.clear();
        for (const PixelRect& p : cut) subtract(p, v.view.rect, next);
        cut.swap(next);
      }
    }
    outside.insert(outside.end(), cut.begin(), cut.end());
  }
  parts.insert(parts.end(), outside.begin(), outside.end());
  rects_.clear();
  for (const PixelRect& p : parts) {
    if (!p.empty()) add_disjoint(rects_, p);
  }
  long long area = 0;
  for (const PixelRect& r : rects_) area += r.area();
  // Most of the window changed (a scroll, another screen): one pass over everything is cheaper.
  if (area * 2 > static_cast<long long>(fb_w_) * fb_h_) {
    rects_.assign(1, PixelRect{0, 0, fb_w_, fb_h_});
    whole_ = true;
    moves_.clear();
  }
}

bool ScreenDamage::differs(const ImDrawData& data, int fb_w, int fb_h) const {
  if (!known_ || fb_w != screen_w_ || fb_h != screen_h_) return true;
  const std::uint64_t digest = frame_digest(data, fb_w, fb_h);
  return digest == 0 || digest != screen_data_digest_;
}

const std::vector<PixelRect>& ScreenDamage::compare(const ImDrawData& data, int fb_w, int fb_h,
                                                    const std::vector<ScrollView>& views) {
  fb_w_ = std::max(fb_w, 0);
  fb_h_ = std::max(fb_h, 0);
  cols_ = (fb_w_ + kTile - 1) / kTile;
  rows_ = (fb_h_ + kTile - 1) / kTile;
  // The views are part of the answer too (they follow from the frame in the app; not in tests).
  const std::uint64_t data_digest = frame_digest(data, fb_w_, fb_h_);
  std::uint64_t digest = data_digest;
  if (moves_allowed_ && digest != 0) {
    for (const ScrollView& v : views) {
      digest = mix(mix(mix(digest, (static_cast<std::uint64_t>(v.rect.x0) << 32) | static_cast<std::uint32_t>(v.rect.y0)),
                       (static_cast<std::uint64_t>(v.rect.x1) << 32) | static_cast<std::uint32_t>(v.rect.y1)),
                   bits(v.scroll));
      digest = mix(mix(digest, v.from), v.under);
    }
    digest = mix(digest, views.size());
    if (digest == 0) digest = 1;
  }
  // The frame on screen again: nothing to draw (next_ becomes the screen's, should it be drawn).
  if (digest != 0 && known_ && digest == screen_digest_) {
    next_ = screen_;
    next_views_ = screen_views_;
    next_digest_ = digest;
    next_data_digest_ = data_digest;
    next_known_ = true;
    whole_ = false;
    rects_.clear();
    moves_.clear();
    return rects_;
  }
  // The frame just compared again (a settled frame like the one before it): the same answer.
  if (digest != 0 && next_known_ && digest == next_digest_) return rects_;
  next_digest_ = digest;
  next_data_digest_ = data_digest;
  next_known_ = true;
  take_views(views);
  const bool tiled = hash_tiles(data);
  const bool exact = data.FramebufferScale.x == 1.0f && data.FramebufferScale.y == 1.0f &&
                     data.DisplayPos.x == std::floor(data.DisplayPos.x) &&
                     data.DisplayPos.y == std::floor(data.DisplayPos.y);
  whole_ = !known_ || !tiled || !exact || textures_replaced(data) || fb_w_ != screen_w_ || fb_h_ != screen_h_;
  if (!tiled) next_.assign(next_.size(), 0);  // never equal to a screen that was digested
  if (!tiled || !exact) next_views_.clear();
  rects_.clear();
  moves_.clear();
  if (whole_) {
    if (fb_w_ > 0 && fb_h_ > 0) rects_.push_back({0, 0, fb_w_, fb_h_});
  } else {
    collect_rects();
  }
  return rects_;
}

void ScreenDamage::drawn() {
  ++stats_.frames;
  if (whole_) ++stats_.whole_frames;
  for (const PixelRect& r : rects_) stats_.pixels += r.area();
  stats_.rects += static_cast<long long>(rects_.size());
  for (const PixelMove& m : moves_) stats_.moved += m.to.area();
  drawn_rects_ = rects_;
  drawn_moves_ = moves_;
  screen_.swap(next_);
  screen_views_.swap(next_views_);
  screen_digest_ = next_digest_;
  screen_data_digest_ = next_data_digest_;
  next_known_ = false;  // next_ now holds the frame that was on screen
  screen_w_ = fb_w_;
  screen_h_ = fb_h_;
  known_ = true;
}

}  // namespace jianfu::ui
