// The assessment screen: pick the kind of proposal, answer the questions the rules still need
// (only those: the checklist branches on earlier answers), write or paste the draft, and see the
// verdict and every finding update as you type, each with its evidence, clause and fix. Every
// change is saved.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "assess/engine.h"
#include "rules/pack_set.h"
#include "storage/record_store.h"
#include "ui/platform.h"

namespace jianfu::ui {

class AssessScreen {
 public:
  AssessScreen(const PlatformServices& services, storage::RecordStore* store);
  void draw(double now_seconds);
  void set_text(const std::string& field, const std::string& utf8);  // title | text (paste, tests)
  void load_example();  // a county notice with typical problems, to try the tool on
  nlohmann::ordered_json state() const;
  const std::string& draft() const { return text_; }

 private:
  void draw_questions();
  void draw_findings();
  bool draw_fact(const rules::FactDef& f);
  void reassess();
  void autosave(double now);

  const PlatformServices& services_;
  storage::RecordStore* store_;
  std::unique_ptr<rules::PackSet> packs_;
  std::string pack_error_;
  int kind_ = 0;
  std::string title_, text_;
  nlohmann::json facts_ = nlohmann::json::object();
  std::vector<std::string> asked_;  // facts shown so far, in order: answered ones stay visible
  assess::Report report_;
  bool have_report_ = false;
  bool dirty_ = true;               // inputs changed since the last assessment
  double changed_at_ = 0;           // for the debounce
  bool unsaved_ = false;
  std::string record_id_, save_status_;
};

}  // namespace jianfu::ui
