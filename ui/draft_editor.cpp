#include "ui/draft_editor.h"

#include <algorithm>
#include <cmath>

#include "imgui_internal.h"
#include "text/utf8.h"
#include "ui/wrapped_text.h"

namespace jianfu::ui {

namespace {

constexpr std::size_t kUndoDepth = 200;
constexpr double kTypingGroup = 1.0;  // seconds: typing within this interval is one undo step

bool is_break_char(char32_t c) {
  return c == U'\n' || c == U' ' || c == U'\t' || c == U'\u3000' ||
         std::u32string_view(U"，。、；：？！…—,.;:?!（）《》“”‘’()").find(c) != std::u32string_view::npos;
}

// Pasted or typed text as the draft keeps it: CRLF and lone CR become LF, other control characters
// are dropped, and private-use characters (Word/WPS list bullets from Symbol fonts) become "•".
std::u32string clean_input(std::u32string_view in) {
  std::u32string out;
  out.reserve(in.size());
  for (std::size_t i = 0; i < in.size(); ++i) {
    const char32_t c = in[i];
    if (c == U'\r') {
      if (i + 1 >= in.size() || in[i + 1] != U'\n') out += U'\n';
    } else if (c == U'\n' || c == U'\t') {
      out += c;
    } else if (c < 0x20 || c == 0x7F) {
      continue;
    } else if (c >= 0xE000 && c <= 0xF8FF) {
      out += U'•';
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace

void DraftEditor::sync_from(const std::string& utf8) {
  if (utf8 == utf8_ && !byte_at_.empty()) return;
  // Replaced from outside (another record opened, the sample draft): undo must not bring back the
  // previous text into this one.
  undo_.clear();
  redo_.clear();
  last_kind_ = EditKind::Other;
  cps_.clear();
  if (!text::decode_utf8(utf8, cps_)) {  // not expected: every way in is checked UTF-8
    cps_.clear();
    for (unsigned char c : utf8) cps_ += c < 0x80 ? static_cast<char32_t>(c) : U'\uFFFD';
  }
  text_changed();
}

// After cps_ changed (an edit, an undo, a text from outside): the UTF-8 the caller receives, the
// byte offset of each code point for drawing, and the layout.
void DraftEditor::text_changed() {
  utf8_ = text::encode_utf8(cps_);
  byte_at_.clear();
  std::size_t at = 0;
  for (const char32_t c : cps_) {
    byte_at_.push_back(at);
    at += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  byte_at_.push_back(at);
  caret_ = std::min(caret_, cps_.size());
  anchor_ = std::min(anchor_, cps_.size());
  layout_dirty_ = true;
}

void DraftEditor::layout(float width) {
  const float size = ImGui::GetFontSize();
  if (!layout_dirty_ && width == width_ && size == font_size_) return;
  width_ = width;
  font_size_ = size;
  layout_dirty_ = false;
  ImFontBaked* baked = ImGui::GetFontBaked();
  const auto width_of = [baked](char32_t c) { return char_advance(baked, c); };
  advance_.resize(cps_.size());
  for (std::size_t i = 0; i < cps_.size(); ++i) advance_[i] = cps_[i] == U'\n' ? 0.0f : width_of(cps_[i]);
  lines_ = text::break_lines(cps_, width, width_of);
}

// The visual line showing the caret at `cp`. At a soft wrap the caret belongs to the next line's
// start, as in word processors.
std::size_t DraftEditor::line_of(std::size_t cp) const {
  const auto it = std::upper_bound(lines_.begin(), lines_.end(), cp,
                                   [](std::size_t v, const text::LineSpan& l) { return v < l.start; });
  return it == lines_.begin() ? 0 : static_cast<std::size_t>(it - lines_.begin()) - 1;
}

float DraftEditor::x_in_line(std::size_t line, std::size_t cp) const {
  float x = 0;
  for (std::size_t i = lines_[line].start; i < cp && i < lines_[line].end; ++i) x += advance_[i];
  return x;
}

std::size_t DraftEditor::hit(std::size_t line, float x) const {
  const auto& l = lines_[line];
  float at = 0;
  for (std::size_t i = l.start; i < l.end; ++i) {
    if (x < at + advance_[i] * 0.5f) return i;
    at += advance_[i];
  }
  // Past the end of a soft-wrapped line: stay on it (just before the next line's first character).
  if (line + 1 < lines_.size() && lines_[line + 1].start == l.end && l.end > l.start) return l.end - 1;
  return l.end;
}

std::u32string_view DraftEditor::selected() const {
  return std::u32string_view(cps_).substr(selection_start(), selection_end() - selection_start());
}

// Typing is undone a run at a time: consecutive insertions (or deletions) at the caret within a
// second are one step; moving the caret, selecting, pasting or switching between typing and
// deleting starts a new one.
void DraftEditor::push_undo(EditKind kind) {
  const double now = ImGui::GetTime();
  const bool merge = kind != EditKind::Other && kind == last_kind_ && caret_ == anchor_ && caret_ == last_pos_ &&
                     !undo_.empty() && now - last_edit_ < kTypingGroup;
  last_kind_ = kind;
  last_edit_ = now;
  if (merge) return;
  undo_.push_back({cps_, caret_, anchor_});
  if (undo_.size() > kUndoDepth) undo_.erase(undo_.begin());
  redo_.clear();
}

void DraftEditor::replace_selection(std::u32string_view with, EditKind kind) {
  push_undo(kind);
  const std::size_t a = selection_start(), b = selection_end();
  cps_.replace(a, b - a, with);
  caret_ = anchor_ = last_pos_ = a + with.size();
  text_changed();
  preferred_x_ = -1;
  scroll_to_caret_ = true;
}

void DraftEditor::move_to(std::size_t cp, bool extend) {
  caret_ = std::min(cp, cps_.size());
  if (!extend) anchor_ = caret_;
  scroll_to_caret_ = true;
}

void DraftEditor::select(std::size_t start, std::size_t end, int flash_id) {
  anchor_ = std::min(start, cps_.size());
  caret_ = std::min(end, cps_.size());
  scroll_to_caret_ = want_focus_ = true;
  flash_id_ = flash_id;
  flash_until_ = -1;  // set when drawn, so the flash lasts from the moment it is visible
}

void DraftEditor::handle_keys(bool& changed, float page_lines) {
  ImGuiIO& io = ImGui::GetIO();
  const ImGuiID id = id_;
  const bool shift = io.KeyShift, ctrl = io.KeyCtrl;
  const auto pressed = [id](ImGuiKey k) { return ImGui::IsKeyPressed(k, ImGuiInputFlags_Repeat, id); };
  const std::size_t n = cps_.size();

  const auto vertical = [&](float lines) {
    const std::size_t line = line_of(caret_);
    if (preferred_x_ < 0) preferred_x_ = x_in_line(line, caret_);
    const float keep = preferred_x_;
    const long target = static_cast<long>(line) + static_cast<long>(lines);
    if (target < 0) move_to(0, shift);
    else if (target >= static_cast<long>(lines_.size())) move_to(n, shift);
    else move_to(hit(static_cast<std::size_t>(target), keep), shift);
    preferred_x_ = keep;
  };

  if (pressed(ImGuiKey_LeftArrow)) {
    std::size_t to = caret_;
    if (!shift && caret_ != anchor_) to = selection_start();
    else if (ctrl) {
      while (to > 0 && is_break_char(cps_[to - 1])) --to;
      while (to > 0 && !is_break_char(cps_[to - 1])) --to;
    } else if (to > 0) --to;
    move_to(to, shift);
    preferred_x_ = -1;
  } else if (pressed(ImGuiKey_RightArrow)) {
    std::size_t to = caret_;
    if (!shift && caret_ != anchor_) to = selection_end();
    else if (ctrl) {
      while (to < n && !is_break_char(cps_[to])) ++to;
      while (to < n && is_break_char(cps_[to])) ++to;
    } else if (to < n) ++to;
    move_to(to, shift);
    preferred_x_ = -1;
  } else if (pressed(ImGuiKey_UpArrow)) {
    vertical(-1);
  } else if (pressed(ImGuiKey_DownArrow)) {
    vertical(1);
  } else if (pressed(ImGuiKey_PageUp)) {
    vertical(-page_lines);
  } else if (pressed(ImGuiKey_PageDown)) {
    vertical(page_lines);
  } else if (pressed(ImGuiKey_Home)) {
    move_to(ctrl ? 0 : lines_[line_of(caret_)].start, shift);
    preferred_x_ = -1;
  } else if (pressed(ImGuiKey_End)) {
    move_to(ctrl ? n : hit(line_of(caret_), 1e9f), shift);
    preferred_x_ = -1;
  } else if (pressed(ImGuiKey_Backspace)) {
    const EditKind kind = caret_ == anchor_ ? EditKind::Delete : EditKind::Other;
    if (caret_ == anchor_ && caret_ > 0) anchor_ = caret_ - 1;
    if (caret_ != anchor_) {
      replace_selection(U"", kind);
      changed = true;
    }
  } else if (pressed(ImGuiKey_Delete)) {
    const EditKind kind = caret_ == anchor_ ? EditKind::Delete : EditKind::Other;
    if (caret_ == anchor_ && caret_ < n) anchor_ = caret_ + 1;
    if (caret_ != anchor_) {
      replace_selection(U"", kind);
      changed = true;
    }
  } else if (pressed(ImGuiKey_Enter) || pressed(ImGuiKey_KeypadEnter)) {
    replace_selection(U"\n", EditKind::Insert);
    changed = true;
  } else if (ctrl && pressed(ImGuiKey_A)) {
    anchor_ = 0;
    caret_ = n;
  } else if (ctrl && (pressed(ImGuiKey_C) || pressed(ImGuiKey_X)) && caret_ != anchor_) {
    ImGui::SetClipboardText(text::encode_utf8(selected()).c_str());
    if (ImGui::IsKeyPressed(ImGuiKey_X, ImGuiInputFlags_None, id)) {
      replace_selection(U"", EditKind::Other);
      changed = true;
    }
  } else if (ctrl && pressed(ImGuiKey_V)) {
    const char* clip = ImGui::GetClipboardText();
    std::u32string in;
    if (clip && text::decode_utf8(clip, in) && !in.empty()) {
      replace_selection(clean_input(in), EditKind::Other);
      changed = true;
    }
  } else if (ctrl && (pressed(ImGuiKey_Z) || pressed(ImGuiKey_Y))) {
    const bool redo = ImGui::IsKeyPressed(ImGuiKey_Y, ImGuiInputFlags_None, id) || shift;
    auto& from = redo ? redo_ : undo_;
    auto& to = redo ? undo_ : redo_;
    if (!from.empty()) {
      to.push_back({cps_, caret_, anchor_});
      const Snapshot s = from.back();
      from.pop_back();
      cps_ = s.text;
      caret_ = s.caret;
      anchor_ = s.anchor;
      text_changed();
      last_kind_ = EditKind::Other;
      scroll_to_caret_ = true;
      changed = true;
    }
  }
}

void DraftEditor::handle_chars(bool& changed) {
  ImGuiIO& io = ImGui::GetIO();
  if (io.InputQueueCharacters.empty()) return;
  // As ImGui's own fields do: characters typed with Ctrl (shortcuts) are not text, AltGr is.
  const bool shortcut = io.KeyCtrl && !io.KeyAlt;
  std::u32string typed;
  for (const ImWchar c : io.InputQueueCharacters)
    if (!shortcut && c != '\t') typed += static_cast<char32_t>(c);
  io.InputQueueCharacters.resize(0);
  typed = clean_input(typed);
  if (typed.empty()) return;
  replace_selection(typed, caret_ == anchor_ ? EditKind::Insert : EditKind::Other);
  changed = true;
}

bool DraftEditor::draw(const char* label, std::string& utf8, const std::vector<Highlight>& marks, ImVec2 size) {
  ImGuiContext& g = *ImGui::GetCurrentContext();
  ImGuiIO& io = ImGui::GetIO();
  sync_from(utf8);
  clicked_mark_ = -1;
  bool changed = false;

  ImGui::PushStyleColor(ImGuiCol_ChildBg, ImGui::GetStyleColorVec4(ImGuiCol_FrameBg));
  // NavFlattened: Tab reaches the editor as if it were an item of the screen itself.
  ImGui::BeginChild(label, size, ImGuiChildFlags_Borders | ImGuiChildFlags_NavFlattened);
  ImGui::PopStyleColor();
  ImGuiWindow* window = ImGui::GetCurrentWindow();
  const float pad = ImGui::GetStyle().ItemSpacing.x;
  layout(std::max(50.0f, ImGui::GetContentRegionAvail().x - pad));
  const float lh = ImGui::GetTextLineHeightWithSpacing();
  const ImVec2 origin = ImGui::GetCursorScreenPos();

  // The whole visible area is one item: hovering it shows the text cursor, clicking enters it.
  const ImGuiID id = id_ = window->GetID(label);
  const ImRect bb = window->InnerRect;
  ImGui::ItemAdd(bb, id, nullptr, ImGuiItemFlags_Inputable);
  IMGUI_TEST_ENGINE_ITEM_INFO(id, label, g.LastItemData.StatusFlags);
  const bool hovered = ImGui::ItemHoverable(bb, id, ImGuiItemFlags_None);
  if (hovered) ImGui::SetMouseCursor(ImGuiMouseCursor_TextInput);
  const bool nav_enter = g.NavActivateId == id;
  const auto hit_mouse = [&]() {
    const float rel = io.MousePos.y - origin.y;
    const std::size_t line = rel < 0 ? 0 : std::min(lines_.size() - 1, static_cast<std::size_t>(rel / lh));
    return hit(line, io.MousePos.x - origin.x);
  };

  if ((hovered && io.MouseClicked[0]) || nav_enter || want_focus_) {
    if (g.ActiveId != id) {
      ImGui::SetActiveID(id, window);
      ImGui::SetFocusID(id, window);
      ImGui::FocusWindow(window);
    }
    if (hovered && io.MouseClicked[0]) {
      move_to(hit_mouse(), io.KeyShift);
      preferred_x_ = -1;
      dragging_ = true;
      if (io.MouseClickedCount[0] == 2) {  // a run of characters between punctuation marks
        std::size_t a = caret_, b = caret_;
        while (a > 0 && !is_break_char(cps_[a - 1])) --a;
        while (b < cps_.size() && !is_break_char(cps_[b])) ++b;
        anchor_ = a;
        caret_ = b;
      }
    }
    want_focus_ = false;
  } else if (g.ActiveId == id && io.MouseClicked[0] && !hovered) {
    ImGui::ClearActiveID();  // a click elsewhere leaves the editor
  }
  const bool active = g.ActiveId == id;
  if (active) {
    for (ImGuiKey k : {ImGuiKey_LeftArrow, ImGuiKey_RightArrow, ImGuiKey_UpArrow, ImGuiKey_DownArrow, ImGuiKey_Enter,
                       ImGuiKey_KeypadEnter, ImGuiKey_Delete, ImGuiKey_Backspace, ImGuiKey_Home, ImGuiKey_End,
                       ImGuiKey_PageUp, ImGuiKey_PageDown})
      ImGui::SetKeyOwner(k, id);
    g.ActiveIdUsingNavDirMask = (1 << ImGuiDir_COUNT) - 1;
    // While the editor holds the keyboard, the rest of the screen stays clickable (a click on a
    // checklist answer must not be swallowed); the clicked widget then takes over.
    g.ActiveIdAllowOverlap = !dragging_;
    if (ImGui::IsKeyPressed(ImGuiKey_Escape, ImGuiInputFlags_None, id)) ImGui::ClearActiveID();
    if (dragging_ && io.MouseDown[0]) {
      move_to(hit_mouse(), true);
    } else {
      dragging_ = false;
    }
    handle_keys(changed, std::max(1.0f, std::floor(window->InnerRect.GetHeight() / lh) - 1));
    handle_chars(changed);
    if (changed) layout(width_);
  } else {
    dragging_ = false;
    blink_caret_ = static_cast<std::size_t>(-1);  // entering the editor again lights the caret
  }

  // Reserve the full height so that the scrollbar is right, then draw only what is visible.
  ImGui::Dummy(ImVec2(width_, lh * static_cast<float>(lines_.size())));
  const std::size_t caret_line = line_of(caret_);
  if (scroll_to_caret_) {
    const float y = lh * static_cast<float>(caret_line), top = ImGui::GetScrollY(), h = ImGui::GetWindowHeight();
    if (flash_until_ < 0) ImGui::SetScrollY(std::max(0.0f, y - h * 0.3f));  // a jump: bring it to the upper third
    else if (y < top) ImGui::SetScrollY(y);
    else if (y + lh > top + h - lh) ImGui::SetScrollY(y + 2 * lh - h);
    scroll_to_caret_ = false;
  }
  if (flash_until_ < 0) flash_until_ = ImGui::GetTime() + 1.5;
  const bool flashing = ImGui::GetTime() < flash_until_;

  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float top = ImGui::GetScrollY(), bottom = top + ImGui::GetWindowHeight();
  const std::size_t first = static_cast<std::size_t>(std::max(0.0f, top / lh));
  const std::size_t last = std::min(lines_.size(), static_cast<std::size_t>(bottom / lh) + 1);
  const ImU32 sel_col = ImGui::GetColorU32(ImGuiCol_TextSelectedBg);
  const std::size_t s0 = selection_start(), s1 = selection_end();
  const bool click = hovered && io.MouseClicked[0];
  for (std::size_t l = first; l < last; ++l) {
    const auto& line = lines_[l];
    const float y = origin.y + lh * static_cast<float>(l);
    for (const Highlight& h : marks) {
      const std::size_t s = std::max(h.start, line.start), e = std::min(h.end, line.end);
      if (s >= e) continue;
      const ImVec2 a(origin.x + x_in_line(l, s), y), b(origin.x + x_in_line(l, e), y + lh);
      const ImU32 col = flashing && h.id == flash_id_ ? IM_COL32(255, 200, 0, 200) : h.color;
      dl->AddRectFilled(a, b, col, 2.0f);
      dl->AddLine(ImVec2(a.x, b.y - 1), ImVec2(b.x, b.y - 1), (h.color | IM_COL32_A_MASK), 2.0f);
      if (click && io.MousePos.x >= a.x && io.MousePos.x < b.x && io.MousePos.y >= a.y && io.MousePos.y < b.y)
        clicked_mark_ = h.id;
    }
    if (s0 < s1) {
      const std::size_t s = std::max(s0, line.start), e = std::min(s1, line.end);
      const bool newline_selected = s1 > line.end && s0 <= line.end;  // show the selected line end
      if (s < e || newline_selected) {
        const float xa = x_in_line(l, s), xb = x_in_line(l, e) + (newline_selected ? font_size_ * 0.4f : 0.0f);
        dl->AddRectFilled(ImVec2(origin.x + xa, y), ImVec2(origin.x + xb, y + lh), sel_col);
      }
    }
    dl->AddText(ImVec2(origin.x, y), ImGui::GetColorU32(ImGuiCol_Text), utf8_.data() + byte_at_[line.start],
                utf8_.data() + byte_at_[line.end]);
  }
  if (active) {
    const ImVec2 c(origin.x + x_in_line(caret_line, caret_), origin.y + lh * static_cast<float>(caret_line));
    // As in ImGui's own fields: lit for 1.1 s after the caret moved or the text changed, then
    // 0.4 s off and 0.8 s on. A blink phase of its own clock would hide the caret mid-word.
    const double now = ImGui::GetTime();
    if (caret_ != blink_caret_ || changed) {
      blink_caret_ = caret_;
      blink_from_ = now;
    }
    const bool blink_on =
        !io.ConfigInputTextCursorBlink || std::fmod(std::max(0.0, now - blink_from_ - 0.3), 1.2) < 0.8;
    if (blink_on) dl->AddLine(c, ImVec2(c.x, c.y + font_size_), ImGui::GetColorU32(ImGuiCol_InputTextCursor), 1.0f);
    // Where the IME shows its candidates, and the browser's text agent sits (web/web_input.cpp).
    ImGuiPlatformImeData& ime = g.PlatformImeData;
    ime.WantVisible = ime.WantTextInput = true;
    ime.InputPos = ImVec2(c.x - 1.0f, c.y);
    ime.InputLineHeight = font_size_;
    ime.ViewportId = window->Viewport->ID;
  }
  ImGui::EndChild();
  if (changed) utf8 = utf8_;
  return changed;
}

}  // namespace jianfu::ui
