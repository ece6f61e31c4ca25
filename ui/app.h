// The application's screens, shared by the desktop and the browser builds. The shell creates the
// window and the ImGui context, then calls init() once and frame() every frame.
#pragma once
#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "storage/record_store.h"
#include "ui/assess_screen.h"
#include "ui/context.h"
#include "ui/fonts.h"
#include "ui/history_screen.h"
#include "ui/platform.h"
#include "ui/review_screen.h"
#include "ui/settings_screen.h"
#include "ui/training_screen.h"

namespace jianfu::ui {

class App {
 public:
  explicit App(PlatformServices services);
  ~App();

  void init();   // fonts, style, database, settings (after the ImGui context exists)
  // Builds one frame of UI between ImGui::NewFrame() and ImGui::Render(). settling: a second
  // build at the same display refresh (ui/frame.h); its time is added to the frame's build time
  // in the frame statistics, and it is not a new interval between frames.
  void frame(bool settling = false);
  // Writes what is still waiting for the autosave delay. The shells call it when the window is
  // closed or the page is hidden, so that text typed in the last second is not lost.
  void save_now();
  // Work that waits until a frame is shown: the autosave of a draft left alone for a second. The
  // shells call it once a frame is presented, so that writing a record never holds a frame back
  // (it was most of the longest frames while typing: docs/BENCHMARKS.md). Returns whether it
  // wrote anything, or failed to: the status line changed, so draw again.
  bool after_frame();
  bool work_due() const;  // whether after_frame() has anything to do now

  float font_size() const { return ctx_.settings.font_size; }
  // Replaces a text field's content as a paste would (tests). field: "title" | "body" | "parent" |
  // "review.<field>" | "history.query" | "training.learner".
  void set_field(const std::string& field, const std::string& utf8);
  void load_example();
  void import_file(const std::string& path);  // a file dropped on the desktop window
  // Drives the app from automated tests: {"go": "history"}, {"start": "meeting"}, {"reason": …} …
  void test_command(const nlohmann::json& cmd);
  // A JSON snapshot of what the screens show, for automated tests.
  std::string test_state_json() const;
  // The display's DPI factor changed (browser zoom, window moved to another monitor).
  void set_content_scale(float scale);

 private:
  void apply_style();
  void draw_nav();
  void draw_footer();
  void go(Screen s);
  void load_rest();  // packs, course, settings' choices: after the first frame
  long frames_ = 0;

  PlatformServices services_;
  Context ctx_;
  Fonts fonts_;
  std::unique_ptr<storage::RecordStore> store_;
  std::unique_ptr<AssessScreen> assess_;
  std::unique_ptr<ReviewScreen> review_;
  std::unique_ptr<HistoryScreen> history_;
  std::unique_ptr<TrainingScreen> training_;
  std::unique_ptr<SettingsScreen> settings_;
  Screen screen_ = Screen::Home;
  std::string store_error_;

  float applied_font_size_ = 0.0f;
  // The footer's height as last drawn: its storage note wraps at large font sizes or in a narrow
  // window, and the screen above gives it the room.
  float footer_h_ = 0;
  std::string status_;
  int missing_glyphs_ = 0;
  int coverage_generation_ = -1;  // fonts_.generation() when missing_glyphs_ was computed
  std::string covered_text_;      // the draft whose coverage missing_glyphs_ describes
  // Time spent building each frame (ms), for the "no frame over 33 ms while typing" budget, and the
  // time from one frame's start to the next (ms): building, drawing and presenting it.
  std::vector<double> frame_ms_;
  double frame_max_ms_ = 0;
  std::vector<double> interval_ms_;
  std::chrono::steady_clock::time_point last_frame_start_;
};

}  // namespace jianfu::ui
