// The assessment screen: pick the kind of proposal, answer the questions the rules still need
// (only those: the checklist branches on earlier answers), write or paste the draft, and see the
// verdict and every finding update as you type, each with its evidence marked in the text, the
// clause and a fix. Findings that allow exceptions take a recorded reason. Every change is saved.
// A stored assessment re-opens exactly as it was decided; "re-check" shows what current rules say.
#pragma once
#include <map>
#include <utility>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "assess/engine.h"
#include "ui/draft_editor.h"
#include "ui/context.h"

namespace jianfu::ui {

struct ShownEvidence {
  std::size_t start = 0, end = 0;
  std::string text;
};
struct ShownFinding {
  std::string key, category, severity, message, basis, fix;
  std::vector<ShownEvidence> evidence;
};

class AssessScreen {
 public:
  explicit AssessScreen(Context& ctx);
  void draw(double now_seconds);
  void start(const std::string& kind);  // a new, empty assessment of this kind
  void open(const storage::Record& r);  // a stored one, shown as it was decided
  void set_text(const std::string& field, const std::string& utf8);  // title | text (paste, tests)
  void set_reason(const std::string& finding_key, const std::string& reason);  // tests
  void load_example();  // a county notice with typical problems, to try the tool on
  void jump_to(int finding);  // select the finding's evidence in the editor and the marked view
  void flush() { if (dirty_) reassess(); autosave(1e300); }  // save now (leaving the screen)
  // The autosave, once the draft has been left alone for a second. App::after_frame calls it after a
  // frame was shown, never while one is built. Returns whether it wrote or failed to (either way
  // the status line changed).
  bool autosave(double now);
  bool save_due(double now) const;
  nlohmann::ordered_json state() const;
  const std::string& draft() const { return text_; }

 private:
  void draw_questions();
  void draw_verdict();
  void draw_parent(double now);
  bool parent_field() const;  // does a rule for this kind compare the draft with its parent?
  void draw_findings();
  bool draw_fact(const rules::FactDef& f);
  const std::string& clause_for(const std::string& fact);  // the clause a question serves
  void reassess();
  void changed(double now) { dirty_ = unsaved_ = true; changed_at_ = now; }
  nlohmann::json proposal() const;
  std::string verdict_text() const;

  Context& ctx_;
  int kind_ = 0;
  std::string title_, text_;
  std::string parent_;  // the parent document's text, for the copy check (配套文件)
  mutable std::pair<int, int> parent_field_for_{-1, -1};  // (kind, packs generation) of parent_field_
  mutable bool parent_field_ = false;
  nlohmann::json facts_ = nlohmann::json::object();
  std::map<std::string, std::string> reasons_;  // finding key → reason or approval
  std::vector<std::string> asked_;  // facts shown so far, in order: answered ones stay visible
  assess::Report report_;
  bool have_report_ = false;
  std::vector<ShownFinding> shown_;
  std::string shown_verdict_;
  std::size_t shown_unanswered_ = 0;
  bool dirty_ = true;      // inputs changed since the last assessment
  double changed_at_ = 0;  // for the debounce
  bool unsaved_ = false;
  int packs_generation_ = -1;
  // Re-opened record: the stored result is shown until the user edits or re-checks.
  bool stored_view_ = false;
  std::string stored_at_, recheck_summary_;
  std::string record_id_, status_ = "draft", save_status_;
  bool finalize_ = false;
  DraftEditor editor_;
  int scroll_finding_ = -1;    // finding to bring into view in the list (a mark was clicked)
  std::map<std::string, std::string> clauses_;  // fact → clause, for the current packs
  int clauses_generation_ = -1;
};

}  // namespace jianfu::ui
