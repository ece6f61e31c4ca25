#include "ui/draw_digest.h"

#include <cstring>

#include "imgui.h"

namespace jianfu::ui {
namespace {

// A multiply-and-xor-shift mix over 8-byte words: enough to tell two frames apart (a collision
// would leave one stale frame until the next change), and one pass over memory the renderer would
// read anyway, cheap next to the drawing it saves.
class Digest {
 public:
  void add(const void* p, std::size_t n) {
    const auto* b = static_cast<const unsigned char*>(p);
    for (; n >= 8; n -= 8, b += 8) {
      std::uint64_t w;
      std::memcpy(&w, b, 8);
      mix(w);
    }
    std::uint64_t tail = 0;
    std::memcpy(&tail, b, n);
    mix(tail ^ (static_cast<std::uint64_t>(n) << 56));
  }
  template <typename T>
  void add_value(const T& v) { add(&v, sizeof v); }
  std::uint64_t value() const { return h_; }

 private:
  void mix(std::uint64_t w) {
    h_ = (h_ ^ w) * 0x9E3779B97F4A7C15ull;
    h_ ^= h_ >> 29;
  }
  std::uint64_t h_ = 0xCBF29CE484222325ull;
};

}  // namespace

std::uint64_t draw_digest(const ImDrawData& data) {
  Digest d;
  d.add_value(data.DisplayPos);
  d.add_value(data.DisplaySize);
  d.add_value(data.FramebufferScale);
  d.add_value(data.CmdListsCount);
  for (const ImDrawList* list : data.CmdLists) {
    d.add_value(list->VtxBuffer.Size);
    d.add(list->VtxBuffer.Data, static_cast<std::size_t>(list->VtxBuffer.size_in_bytes()));
    d.add_value(list->IdxBuffer.Size);
    d.add(list->IdxBuffer.Data, static_cast<std::size_t>(list->IdxBuffer.size_in_bytes()));
    d.add_value(list->CmdBuffer.Size);
    for (const ImDrawCmd& cmd : list->CmdBuffer) {
      // Field by field: the struct has padding, and GetTexID() may not be called before a new
      // texture exists (textures_pending covers that frame).
      d.add_value(cmd.ClipRect);
      d.add_value(cmd.TexRef._TexData);
      d.add_value(cmd.TexRef._TexID);
      d.add_value(cmd.VtxOffset);
      d.add_value(cmd.IdxOffset);
      d.add_value(cmd.ElemCount);
      d.add_value(cmd.UserCallback);
      d.add_value(cmd.UserCallbackData);
    }
  }
  return d.value();
}

bool textures_pending(const ImDrawData& data) {
  if (!data.Textures) return false;
  for (const ImTextureData* tex : *data.Textures) {
    if (tex->Status != ImTextureStatus_OK) return true;
  }
  return false;
}

bool UnchangedFrames::unchanged(const ImDrawData& data, int fb_w, int fb_h) {
  // The framebuffer's size is part of the picture: a resized canvas is drawn again.
  std::uint64_t now = draw_digest(data);
  now = (now ^ static_cast<std::uint64_t>(fb_w)) * 0x9E3779B97F4A7C15ull;
  now = (now ^ static_cast<std::uint64_t>(fb_h)) * 0x9E3779B97F4A7C15ull;
  // A frame that brings new glyphs is drawn (the renderer uploads them as it draws it).
  const bool same = known_ && now == last_ && !textures_pending(data);
  known_ = true;
  last_ = now;
  return same;
}

}  // namespace jianfu::ui
