// Wrapped text that breaks Chinese lines properly. ImGui::TextWrapped breaks only after spaces and a
// few punctuation marks, so a run of 汉字 without punctuation counts as one "word": the line ends
// early at the last 、 and the run moves down whole, leaving ragged half-empty lines. These helpers
// break with core/text/line_break (any two characters, with 禁则) at the available width.
#pragma once
#include <string>
#include <string_view>

#include "imgui.h"

namespace jianfu::ui {

// Draws `utf8` as one text item wrapped to `width`, or (0) to the content region's remaining width.
void text_wrapped(std::string_view utf8, float width = 0.0f);
// printf-style, like ImGui::TextWrapped.
void text_wrappedf(const char* fmt, ...) IM_FMTARGS(1);
// In another colour, like ImGui::TextColored.
void text_colored_wrapped(const ImVec4& colour, std::string_view utf8, float width = 0.0f);
// In the quieter colour of hints, like ImGui::TextDisabled.
void text_disabled_wrapped(std::string_view utf8, float width = 0.0f);

// `utf8` as it fits on one line of `width` in the current font: whole, or cut after the last
// character that leaves room for "…", which ends it. For lists whose items cannot wrap.
std::string fit_line(std::string_view utf8, float width);
// One line of text cut to the remaining width that way; when cut, the whole text shows in a
// tooltip while the pointer rests on it (table cells).
void text_fitted(std::string_view utf8);

// The width of one character as these helpers and the draft editor measure it for line breaking
// (a tab counts as four spaces).
float char_advance(ImFontBaked* font, char32_t c);

}  // namespace jianfu::ui
