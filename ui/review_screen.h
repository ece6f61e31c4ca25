// 村（社区）工作事项准入: describe the task a department wants to give a village or community
// committee; the decision (准入 / 附条件准入 / 需履行准入程序 / 不予准入), the list entries it
// matched, the reasons with their basis, the conditions and the next steps update as you type.
#pragma once
#include <string>

#include <nlohmann/json.hpp>

#include "review/review.h"
#include "ui/context.h"

namespace jianfu::ui {

class ReviewScreen {
 public:
  explicit ReviewScreen(Context& ctx) : ctx_(ctx) {}
  void draw(double now);
  void start();
  void open(const storage::Record& r);
  void set_field(const std::string& key, const std::string& value);  // tests
  void flush() { if (dirty_) recheck(); autosave(1e300); }  // save now (leaving the screen)
  bool autosave(double now);  // as AssessScreen::autosave
  bool save_due(double now) const;
  nlohmann::ordered_json state() const;

 private:
  void recheck();
  bool text_field(const char* label, const char* key, const char* hint, bool multiline = false);
  bool tri_state(const char* label, const char* key);
  bool flag(const char* label, const char* key);

  Context& ctx_;
  nlohmann::json item_ = nlohmann::json::object();
  std::string existing_;  // tasks the committee already carries, one per line
  review::Decision decision_;
  bool have_decision_ = false;
  std::string error_;
  bool dirty_ = true, unsaved_ = false;
  double changed_at_ = 0;
  int packs_generation_ = -1;
  std::string record_id_, save_status_;
};

}  // namespace jianfu::ui
