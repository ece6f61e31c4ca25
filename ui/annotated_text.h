// A read-only view of the draft that wraps Chinese lines properly (core/text/line_break) and
// marks each finding's evidence under the text. Clicking a mark reports which finding it belongs
// to; scroll_to() brings an offset into view (jump from the findings list).
#pragma once
#include <cstddef>
#include <string>
#include <vector>

#include "imgui.h"
#include "text/line_break.h"

namespace jianfu::ui {

struct Highlight {
  std::size_t start = 0, end = 0;  // code points of the text
  int id = -1;                     // the finding's index
  ImU32 color = 0;
};

class AnnotatedText {
 public:
  // Draws `utf8` in a child window of `size`. Returns the id of a clicked highlight, or -1.
  int draw(const char* str_id, const std::string& utf8, const std::vector<Highlight>& highlights, ImVec2 size);
  void scroll_to(std::size_t offset, int flash_id) {
    pending_scroll_ = offset;
    flash_id_ = flash_id;
    flash_until_ = -1;
  }
  std::size_t line_count() const { return lines_.size(); }

 private:
  void layout(const std::string& utf8, float width);
  float x_of(std::size_t line, std::size_t cp) const;  // x offset of code point cp inside its line

  // Layout cache: redone only when the text, the width or the font size changes.
  std::string text_;
  float width_ = -1, font_size_ = -1;
  std::u32string cps_;
  std::vector<std::size_t> byte_at_;  // byte offset of each code point (+ one past the end)
  std::vector<float> advance_;        // width of each code point
  std::vector<text::LineSpan> lines_;
  std::size_t pending_scroll_ = static_cast<std::size_t>(-1);
  int flash_id_ = -1;
  double flash_until_ = 0;
};

}  // namespace jianfu::ui
