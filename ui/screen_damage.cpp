#include "ui/screen_damage.h"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "imgui.h"

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
std::uint64_t ScreenDamage::frame_digest(const ImDrawData& data) const {
  std::uint64_t h = mix(mix(kSeed, (static_cast<std::uint64_t>(fb_w_) << 32) | static_cast<std::uint32_t>(fb_h_)),
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

// Returns false when the frame cannot be split into tiles (a draw callback runs code of its own).
bool ScreenDamage::hash_tiles(const ImDrawData& data) {
  next_.assign(static_cast<std::size_t>(cols_) * rows_, kSeed);
  const ImVec2 off = data.DisplayPos, scale = data.FramebufferScale;
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
      std::uint64_t cmd_key = mix(mix(mix(kSeed, bits(off)), reinterpret_cast<std::uintptr_t>(cmd.TexRef._TexData)),
                                  static_cast<std::uint64_t>(cmd.TexRef._TexID));
      cmd_key = mix(mix(cmd_key, bits(ImVec2(cmd.ClipRect.x, cmd.ClipRect.y))),
                    bits(ImVec2(cmd.ClipRect.z, cmd.ClipRect.w)));
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
        const std::uint64_t key = mix(mix(mix(cmd_key, vertex_key(a)), vertex_key(b)), vertex_key(c));
        const int tx0 = static_cast<int>(x0) / kTile, tx1 = (static_cast<int>(x1) - 1) / kTile;
        const int ty0 = static_cast<int>(y0) / kTile, ty1 = (static_cast<int>(y1) - 1) / kTile;
        for (int ty = ty0; ty <= ty1; ++ty) {
          std::uint64_t* row = next_.data() + static_cast<std::size_t>(ty) * cols_;
          for (int tx = tx0; tx <= tx1; ++tx) row[tx] = mix(row[tx], key);
        }
      }
    }
  }
  return true;
}

// Rectangles covering every tile whose digest changed: runs of changed tiles in a row, stacked
// while the next row has the same run, then merged pairwise where that wastes little, and down to
// kMaxRects in any case (the pair whose union adds the least area first).
void ScreenDamage::collect_rects() {
  struct TileRect { int x0, y0, x1, y1; long long area() const { return 1LL * (x1 - x0) * (y1 - y0); } };
  std::vector<TileRect> rects;
  for (int ty = 0; ty < rows_; ++ty) {
    for (int tx = 0; tx < cols_;) {
      const std::size_t i = static_cast<std::size_t>(ty) * cols_ + tx;
      if (next_[i] == screen_[i]) { ++tx; continue; }
      int end = tx + 1;
      while (end < cols_ && next_[i + (end - tx)] != screen_[i + (end - tx)]) ++end;
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
    if (rects.size() <= static_cast<std::size_t>(kMaxRects) && best > kSlack) break;
    rects[bi] = unite(rects[bi], rects[bj]);
    rects.erase(rects.begin() + static_cast<std::ptrdiff_t>(bj));
  }
  rects_.clear();
  long long area = 0;
  for (const TileRect& r : rects) {
    rects_.push_back({r.x0 * kTile, r.y0 * kTile, std::min(r.x1 * kTile, fb_w_), std::min(r.y1 * kTile, fb_h_)});
    area += rects_.back().area();
  }
  // Most of the window changed (a scroll, another screen): one pass over everything is cheaper.
  if (area * 2 > static_cast<long long>(fb_w_) * fb_h_) {
    rects_.assign(1, PixelRect{0, 0, fb_w_, fb_h_});
    whole_ = true;
  }
}

const std::vector<PixelRect>& ScreenDamage::compare(const ImDrawData& data, int fb_w, int fb_h) {
  fb_w_ = std::max(fb_w, 0);
  fb_h_ = std::max(fb_h, 0);
  cols_ = (fb_w_ + kTile - 1) / kTile;
  rows_ = (fb_h_ + kTile - 1) / kTile;
  const std::uint64_t digest = frame_digest(data);
  // The frame on screen again: nothing to draw (next_ becomes the screen's, should it be drawn).
  if (digest != 0 && known_ && digest == screen_digest_) {
    next_ = screen_;
    next_digest_ = digest;
    next_known_ = true;
    whole_ = false;
    rects_.clear();
    return rects_;
  }
  // The frame just compared again (a settled frame like the one before it): the same answer.
  if (digest != 0 && next_known_ && digest == next_digest_) return rects_;
  next_digest_ = digest;
  next_known_ = true;
  const bool tiled = hash_tiles(data);
  const bool exact = data.FramebufferScale.x == 1.0f && data.FramebufferScale.y == 1.0f &&
                     data.DisplayPos.x == std::floor(data.DisplayPos.x) &&
                     data.DisplayPos.y == std::floor(data.DisplayPos.y);
  whole_ = !known_ || !tiled || !exact || textures_replaced(data) || fb_w_ != screen_w_ || fb_h_ != screen_h_;
  if (!tiled) next_.assign(next_.size(), 0);  // never equal to a screen that was digested
  rects_.clear();
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
  drawn_rects_ = rects_;
  screen_.swap(next_);
  screen_digest_ = next_digest_;
  next_known_ = false;  // next_ now holds the frame that was on screen
  screen_w_ = fb_w_;
  screen_h_ = fb_h_;
  known_ = true;
}

}  // namespace jianfu::ui
