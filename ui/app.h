// The application's screens, shared by the desktop and the browser builds. The shell creates the
// window and the ImGui context, then calls init() once and frame() every frame.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "storage/record_store.h"
#include "ui/assess_screen.h"
#include "ui/fonts.h"
#include "ui/platform.h"

namespace jianfu::ui {

class App {
 public:
  explicit App(PlatformServices services);
  ~App();

  void init();   // fonts, style, database (after the ImGui context exists)
  void frame();  // builds one frame of UI between ImGui::NewFrame() and ImGui::Render()

  float font_size() const { return font_size_; }
  // Replaces a text field's content as a paste would (tests; later the paste path). field: "title" | "body".
  void set_field(const std::string& field, const std::string& utf8);
  void load_example() { assess_->load_example(); }
  // A JSON snapshot of what the screen shows, for automated tests.
  std::string test_state_json() const;
  // The display's DPI factor changed (browser zoom, window moved to another monitor).
  void set_content_scale(float scale);

 private:
  void apply_style();
  void draw_footer();

  PlatformServices services_;
  Fonts fonts_;
  std::unique_ptr<storage::RecordStore> store_;
  std::unique_ptr<AssessScreen> assess_;
  std::string store_error_;

  float font_size_ = 18.0f;     // CSS pixels / logical pixels; scaled by the display's DPI
  float applied_font_size_ = 0.0f;
  std::string status_;
  int missing_glyphs_ = 0;
  int coverage_generation_ = -1;  // fonts_.generation() when missing_glyphs_ was computed
  std::string covered_text_;      // the draft whose coverage missing_glyphs_ describes
};

}  // namespace jianfu::ui
