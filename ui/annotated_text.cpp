#include "ui/annotated_text.h"

#include <algorithm>

#include "text/utf8.h"

namespace jianfu::ui {

void AnnotatedText::layout(const std::string& utf8, float width) {
  const float size = ImGui::GetFontSize();
  if (utf8 == text_ && width == width_ && size == font_size_) return;
  text_ = utf8;
  width_ = width;
  font_size_ = size;
  cps_.clear();
  byte_at_.clear();
  // The draft is valid UTF-8 (it came through ImGui's editor or a checked paste).
  text::decode_utf8(utf8, cps_);
  std::size_t at = 0;
  for (const char32_t c : cps_) {
    byte_at_.push_back(at);
    at += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  byte_at_.push_back(utf8.size());
  ImFontBaked* baked = ImGui::GetFontBaked();
  const auto width_of = [baked](char32_t c) {
    return c == U'\t' ? baked->GetCharAdvance(' ') * 4 : baked->GetCharAdvance(static_cast<ImWchar>(c));
  };
  advance_.resize(cps_.size());
  for (std::size_t i = 0; i < cps_.size(); ++i) advance_[i] = cps_[i] == U'\n' ? 0.0f : width_of(cps_[i]);
  lines_ = text::break_lines(cps_, width, width_of);
}

float AnnotatedText::x_of(std::size_t line, std::size_t cp) const {
  float x = 0;
  for (std::size_t i = lines_[line].start; i < cp && i < lines_[line].end; ++i) x += advance_[i];
  return x;
}

int AnnotatedText::draw(const char* str_id, const std::string& utf8, const std::vector<Highlight>& hl, ImVec2 size) {
  int clicked = -1;
  ImGui::BeginChild(str_id, size, ImGuiChildFlags_Borders);
  const float pad = ImGui::GetStyle().ItemSpacing.x;
  layout(utf8, std::max(50.0f, ImGui::GetContentRegionAvail().x - pad));
  const float lh = ImGui::GetTextLineHeightWithSpacing();
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  // Reserve the full height so that the scrollbar is right, then draw only what is visible.
  ImGui::Dummy(ImVec2(width_, lh * static_cast<float>(lines_.size())));
  if (pending_scroll_ != static_cast<std::size_t>(-1)) {
    for (std::size_t l = 0; l < lines_.size(); ++l) {
      if (pending_scroll_ >= lines_[l].start && (pending_scroll_ < lines_[l].end || l + 1 == lines_.size() ||
                                                  pending_scroll_ < lines_[l + 1].start)) {
        ImGui::SetScrollY(std::max(0.0f, lh * static_cast<float>(l) - ImGui::GetWindowHeight() * 0.3f));
        break;
      }
    }
    pending_scroll_ = static_cast<std::size_t>(-1);
    flash_until_ = ImGui::GetTime() + 1.5;
  }
  const bool flashing = ImGui::GetTime() < flash_until_;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float top = ImGui::GetScrollY(), bottom = top + ImGui::GetWindowHeight();
  const std::size_t first = static_cast<std::size_t>(std::max(0.0f, top / lh));
  const std::size_t last = std::min(lines_.size(), static_cast<std::size_t>(bottom / lh) + 1);
  const ImVec2 mouse = ImGui::GetIO().MousePos;
  const bool click = ImGui::IsWindowHovered() && ImGui::IsMouseClicked(ImGuiMouseButton_Left);
  for (std::size_t l = first; l < last; ++l) {
    const auto& line = lines_[l];
    const float y = origin.y + lh * static_cast<float>(l);
    for (const Highlight& h : hl) {
      const std::size_t s = std::max(h.start, line.start), e = std::min(h.end, line.end);
      if (s >= e) continue;
      const ImVec2 a(origin.x + x_of(l, s), y), b(origin.x + x_of(l, e), y + lh);
      ImU32 col = h.color;
      if (flashing && h.id == flash_id_) col = IM_COL32(255, 200, 0, 200);
      dl->AddRectFilled(a, b, col, 2.0f);
      dl->AddLine(ImVec2(a.x, b.y - 1), ImVec2(b.x, b.y - 1), (h.color | IM_COL32_A_MASK), 2.0f);
      if (click && mouse.x >= a.x && mouse.x < b.x && mouse.y >= a.y && mouse.y < b.y) clicked = h.id;
    }
    dl->AddText(ImVec2(origin.x, y), ImGui::GetColorU32(ImGuiCol_Text), utf8.data() + byte_at_[line.start],
                utf8.data() + byte_at_[line.end]);
  }
  ImGui::EndChild();
  return clicked;
}

}  // namespace jianfu::ui
