#include "text/line_break.h"

namespace jianfu::text {

namespace {

bool in(char32_t c, std::u32string_view set) { return set.find(c) != std::u32string_view::npos; }

bool is_word_char(char32_t c) {
  return (c >= U'0' && c <= U'9') || (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z') ||
         (c >= U'０' && c <= U'９') || (c >= U'ａ' && c <= U'ｚ') || (c >= U'Ａ' && c <= U'Ｚ') || c == U'.' ||
         c == U'%' || c == U'_' || c == U'-';
}

// May the line break between text[i-1] and text[i]?
bool break_allowed(std::u32string_view t, std::size_t i) {
  const char32_t prev = t[i - 1], cur = t[i];
  if (no_line_start(cur) || no_line_end(prev)) return false;
  if (is_word_char(prev) && is_word_char(cur)) return false;
  return true;
}

}  // namespace

bool no_line_start(char32_t c) {
  return in(c, U"，。、；：？！）》」』】〕〗〉”’…—·,.;:?!)]}%％");
}

bool no_line_end(char32_t c) { return in(c, U"（《「『【〔〖〈“‘([{"); }

std::vector<LineSpan> break_lines(std::u32string_view text, float max_width,
                                  const std::function<float(char32_t)>& width) {
  std::vector<LineSpan> lines;
  std::size_t start = 0;
  while (true) {
    // One paragraph: [start, stop).
    std::size_t stop = text.find(U'\n', start);
    if (stop == std::u32string_view::npos) stop = text.size();
    std::size_t line = start;
    float w = 0;
    std::size_t last_break = 0;  // latest allowed break position inside the current line; 0 = none
    for (std::size_t i = start; i < stop; ++i) {
      if (i > line && break_allowed(text, i)) last_break = i;
      const float cw = width(text[i]);
      if (i > line && w + cw > max_width) {
        // Break at the latest allowed place; with none (one long word), break right here.
        const std::size_t at = last_break > line ? last_break : i;
        lines.push_back({line, at});
        line = at;
        last_break = 0;
        w = 0;
        for (std::size_t k = line; k < i; ++k) w += width(text[k]);
        if (i > line && break_allowed(text, i)) last_break = i;
      }
      w += cw;
    }
    lines.push_back({line, stop});
    if (stop == text.size()) break;
    start = stop + 1;
  }
  return lines;
}

}  // namespace jianfu::text
