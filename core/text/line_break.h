// Line breaking for Chinese text, for views that draw wrapped text themselves (the annotated draft).
// ImGui's own wrapper breaks only at spaces and a few punctuation marks, so a paragraph of 汉字
// without spaces would run off the panel. Rules: a line may break between any two characters,
// except that no line starts with closing punctuation (，。、；：？！）》」』】… and the like), no
// line ends with opening punctuation (（《「『【“ and the like), and runs of Latin letters or digits
// stay together unless one alone is wider than the line.
#pragma once
#include <cstddef>
#include <functional>
#include <string_view>
#include <vector>

namespace jianfu::text {

struct LineSpan {
  std::size_t start = 0, end = 0;  // code points [start, end) of the text; the '\n' is excluded
};

bool no_line_start(char32_t c);  // closing punctuation that may not begin a line
bool no_line_end(char32_t c);    // opening punctuation that may not end a line

// Breaks `text` into lines no wider than max_width (as measured by `width`), and at every '\n'.
// A line narrower than max_width is never broken. An empty text gives one empty line.
std::vector<LineSpan> break_lines(std::u32string_view text, float max_width,
                                  const std::function<float(char32_t)>& width);

}  // namespace jianfu::text
