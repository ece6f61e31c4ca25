#include "ui/wrapped_text.h"

#include <algorithm>
#include <cstdarg>
#include <cstdio>
#include <iterator>
#include <string>
#include <unordered_map>
#include <vector>

#include "text/line_break.h"
#include "text/utf8.h"

namespace jianfu::ui {

float char_advance(ImFontBaked* font, char32_t c) {
  return c == U'\t' ? font->GetCharAdvance(' ') * 4 : font->GetCharAdvance(static_cast<ImWchar>(c));
}

namespace {

// `utf8` broken into lines of at most `width`, joined by '\n' (one item, so that line spacing matches
// ImGui's own wrapped text). Empty when the text is not valid UTF-8.
std::string break_text(std::string_view utf8, float width, ImFontBaked* baked) {
  std::u32string cps;
  if (!text::decode_utf8(utf8, cps)) return {};
  const auto width_of = [baked](char32_t c) { return char_advance(baked, c); };
  std::string out;
  out.reserve(utf8.size() + 16);
  bool first = true;
  for (const auto& line : text::break_lines(cps, width, width_of)) {
    if (!first) out += '\n';
    first = false;
    out += text::encode_utf8(std::u32string_view(cps).substr(line.start, line.end - line.start));
  }
  return out;
}

// The broken lines of the texts drawn in recent frames. The same findings, help texts and clauses
// are drawn on every frame, twice for a frame that changes the picture (ui/frame.cpp); breaking
// them again each time took a quarter of the browser's frame time while typing (a profile in
// docs/BENCHMARKS.md). The lines depend only on the text, the width and the font at its size.
class WrapCache {
 public:
  const std::string& lines(std::string_view utf8, float width, ImFontBaked* baked) {
    std::string key(utf8);
    const void* ids[] = {ImGui::GetCurrentContext(), ImGui::GetFont(), baked};
    const float size = ImGui::GetFontSize();
    key.append(reinterpret_cast<const char*>(ids), sizeof ids);
    key.append(reinterpret_cast<const char*>(&width), sizeof width);
    key.append(reinterpret_cast<const char*>(&size), sizeof size);
    const int frame = ImGui::GetFrameCount();
    if (frame - swept_ > kKeepFrames || frame < swept_) sweep(frame);
    auto it = entries_.find(key);
    if (it == entries_.end()) it = entries_.emplace(std::move(key), Entry{break_text(utf8, width, baked), frame}).first;
    it->second.used = frame;
    return it->second.lines;
  }

 private:
  static constexpr int kKeepFrames = 120;  // a text not drawn for two seconds is broken again
  struct Entry {
    std::string lines;
    int used;
  };
  void sweep(int frame) {
    for (auto it = entries_.begin(); it != entries_.end();)
      it = (frame - it->second.used > kKeepFrames || frame < it->second.used) ? entries_.erase(it) : std::next(it);
    swept_ = frame;
  }
  std::unordered_map<std::string, Entry> entries_;
  int swept_ = 0;
};

}  // namespace

void text_wrapped(std::string_view utf8, float width) {
  static WrapCache cache;
  width = std::max(ImGui::GetFontSize() * 2, width > 0.0f ? width : ImGui::GetContentRegionAvail().x);
  const std::string& out = cache.lines(utf8, width, ImGui::GetFontBaked());
  if (out.empty() && !utf8.empty()) {  // not valid UTF-8 (not expected: texts are checked): unbroken
    ImGui::TextUnformatted(utf8.data(), utf8.data() + utf8.size());
    return;
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

std::string fit_line(std::string_view utf8, float width) {
  std::u32string cps;
  if (!text::decode_utf8(utf8, cps)) return std::string(utf8);
  ImFontBaked* baked = ImGui::GetFontBaked();
  float total = 0.0f;
  for (const char32_t c : cps) total += char_advance(baked, c);
  if (total <= width) return std::string(utf8);
  const float room = width - char_advance(baked, U'…');
  std::size_t n = 0;
  for (float used = 0.0f; n < cps.size(); ++n) {
    used += char_advance(baked, cps[n]);
    if (used > room) break;
  }
  return text::encode_utf8(std::u32string_view(cps).substr(0, n)) + "…";
}

void text_fitted(std::string_view utf8) {
  const std::string shown = fit_line(utf8, ImGui::GetContentRegionAvail().x);
  ImGui::TextUnformatted(shown.data(), shown.data() + shown.size());
  if (shown != utf8 && ImGui::IsItemHovered()) ImGui::SetTooltip("%.*s", static_cast<int>(utf8.size()), utf8.data());
}

void text_colored_wrapped(const ImVec4& colour, std::string_view utf8, float width) {
  ImGui::PushStyleColor(ImGuiCol_Text, colour);
  text_wrapped(utf8, width);
  ImGui::PopStyleColor();
}

void text_disabled_wrapped(std::string_view utf8, float width) {
  text_colored_wrapped(ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled), utf8, width);
}

}  // namespace jianfu::ui
