// Chinese fonts through ImGui 1.92's dynamic atlas: glyphs are rasterised on first use, so a CJK
// font costs nothing until a character is drawn. One main font; an optional extra font is merged
// later when text contains characters the main font lacks (rare characters in names and places).
#pragma once
#include <cstdint>
#include <string_view>
#include <vector>

#include "ui/platform.h"

struct ImFont;

namespace jianfu::ui {

class Fonts {
 public:
  // Loads the first usable candidate. Returns false when none loads (the UI then shows a warning).
  bool load(const PlatformServices& services);

  // Call with text the user typed or pasted: if some characters are missing from the font, asks
  // the platform for the extra font once. Returns the number of characters that cannot be drawn yet.
  // Asked on every edit of a 4,000-character draft: what the font answered for each character of
  // the Basic Multilingual Plane is kept until a font is merged (a lookup in the font's character
  // map for each character of the draft cost 0.3 ms a keystroke in the browser).
  int check_coverage(std::string_view utf8, const PlatformServices& services);

  bool has_font() const { return main_ != nullptr; }
  bool extra_pending() const { return extra_state_ == Extra::Pending; }
  bool extra_merged() const { return extra_state_ == Extra::Merged; }
  // Changes whenever the set of drawable characters may have changed (a font was merged).
  int generation() const { return generation_; }

 private:
  enum class Extra { None, Pending, Merged, Unavailable };
  ImFont* main_ = nullptr;
  Extra extra_state_ = Extra::None;
  int generation_ = 0;
  bool covers(char32_t c);
  // For each character up to U+FFFF: 0 not asked yet, 1 drawable, 2 not; of generation known_for_.
  std::vector<std::uint8_t> known_;
  int known_for_ = -1;
};

}  // namespace jianfu::ui
