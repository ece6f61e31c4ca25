// The draft editor: a multi-line text editor that wraps Chinese lines properly (core/text/line_break,
// with 禁则) and marks each finding's evidence in the text itself, so the official edits where the
// problems are shown. ImGui's InputTextMultiline cannot wrap; this widget replaces it for the draft.
//
// It takes its input the way ImGui's own text fields do (typed characters from io's queue, the
// platform clipboard, the platform IME position), so the browser's text agent and the desktop's
// GLFW callbacks serve it unchanged. Keys: arrows, Home/End (of the visual line), Ctrl+Home/End,
// PageUp/PageDown, Shift to select, Ctrl+A/C/X/V, Ctrl+Z / Ctrl+Y (or Ctrl+Shift+Z), Backspace,
// Delete, Enter. Mouse: click, drag, Shift+click, double-click (a run of characters between
// punctuation). Tab leaves the editor (keyboard navigation), Enter or a click enters it.
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

class DraftEditor {
 public:
  // Draws and edits `utf8` in a bordered child of `size`; `label` names the item ("##body") for
  // keyboard navigation and tests. Returns true when the user changed the text this frame.
  bool draw(const char* label, std::string& utf8, const std::vector<Highlight>& marks, ImVec2 size);
  // The id of the highlight the user clicked this frame, or -1.
  int clicked_mark() const { return clicked_mark_; }
  // Selects code points [start, end), scrolls them into view, flashes highlight `flash_id` and
  // gives the editor the keyboard focus (from "在正文中定位").
  void select(std::size_t start, std::size_t end, int flash_id);
  std::size_t line_count() const { return lines_.size(); }
  std::size_t caret() const { return caret_; }
  std::size_t selection_start() const { return std::min(caret_, anchor_); }
  std::size_t selection_end() const { return std::max(caret_, anchor_); }

 private:
  enum class EditKind { Insert, Delete, Other };
  struct Snapshot {
    std::u32string text;
    std::size_t caret, anchor;
  };
  void sync_from(const std::string& utf8);
  void text_changed();
  void layout(float width);
  std::size_t line_of(std::size_t cp) const;
  float x_in_line(std::size_t line, std::size_t cp) const;
  std::size_t hit(std::size_t line, float x) const;
  void replace_selection(std::u32string_view with, EditKind kind);
  void push_undo(EditKind kind);
  void move_to(std::size_t cp, bool extend);
  void handle_keys(bool& changed, float page_lines);
  void handle_chars(bool& changed);
  std::u32string_view selected() const;

  std::u32string cps_;
  std::string utf8_;                  // what the caller's string held after our last sync
  std::vector<std::size_t> byte_at_;  // byte offset of each code point (+ one past the end)
  std::vector<float> advance_;
  std::vector<text::LineSpan> lines_;
  ImGuiID id_ = 0;
  float width_ = -1, font_size_ = -1;
  bool layout_dirty_ = true;
  std::size_t caret_ = 0, anchor_ = 0;
  float preferred_x_ = -1;  // kept across Up/Down so the caret keeps its column
  bool dragging_ = false, scroll_to_caret_ = false, want_focus_ = false;
  int clicked_mark_ = -1, flash_id_ = -1;
  double flash_until_ = 0, last_edit_ = -10;
  // The caret stays lit while the user types or moves it, and blinks from this moment on.
  double blink_from_ = 0;
  std::size_t blink_caret_ = static_cast<std::size_t>(-1);
  EditKind last_kind_ = EditKind::Other;
  std::size_t last_pos_ = 0;  // caret after the last edit, to tell a run of typing from a jump
  std::vector<Snapshot> undo_, redo_;
};

}  // namespace jianfu::ui
