#include "ui/wrapped_text.h"

#include <algorithm>
#include <cstdarg>
#include <cstdio>
#include <string>
#include <vector>

#include "text/line_break.h"
#include "text/utf8.h"

namespace jianfu::ui {

float char_advance(ImFontBaked* font, char32_t c) {
  return c == U'\t' ? font->GetCharAdvance(' ') * 4 : font->GetCharAdvance(static_cast<ImWchar>(c));
}

void text_wrapped(std::string_view utf8) {
  const float width = std::max(ImGui::GetFontSize() * 2, ImGui::GetContentRegionAvail().x);
  std::u32string cps;
  if (!text::decode_utf8(utf8, cps)) {  // not expected (all texts are checked UTF-8); show it unbroken
    ImGui::TextUnformatted(utf8.data(), utf8.data() + utf8.size());
    return;
  }
  ImFontBaked* baked = ImGui::GetFontBaked();
  const auto width_of = [baked](char32_t c) { return char_advance(baked, c); };
  // One item, the lines joined by '\n', so that line spacing matches ImGui's own wrapped text.
  std::string out;
  out.reserve(utf8.size() + 16);
  bool first = true;
  for (const auto& line : text::break_lines(cps, width, width_of)) {
    if (!first) out += '\n';
    first = false;
    out += text::encode_utf8(std::u32string_view(cps).substr(line.start, line.end - line.start));
  }
  ImGui::TextUnformatted(out.data(), out.data() + out.size());
}

void text_wrappedf(const char* fmt, ...) {
  va_list args, copy;
  va_start(args, fmt);
  va_copy(copy, args);
  const int n = std::vsnprintf(nullptr, 0, fmt, copy);
  va_end(copy);
  std::vector<char> buf(static_cast<std::size_t>(std::max(n, 0)) + 1);
  std::vsnprintf(buf.data(), buf.size(), fmt, args);
  va_end(args);
  text_wrapped(std::string_view(buf.data(), static_cast<std::size_t>(std::max(n, 0))));
}

}  // namespace jianfu::ui
