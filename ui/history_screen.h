// History: every saved assessment and review, searchable (full text over titles and drafts) and
// filtered by type, kind, verdict and date; open, archive, delete with undo. Moving the whole store
// to another machine as one file (export, import merging by id), a printable report per record, and
// a CSV summary.
#pragma once
#include <string>
#include <vector>

#include "ui/context.h"

namespace jianfu::ui {

class HistoryScreen {
 public:
  explicit HistoryScreen(Context& ctx) : ctx_(ctx) {}
  void draw();
  void import_path(const std::string& path);  // also used for a file dropped on the window
  void export_all();
  void set_query(const std::string& q) { filter_.query = q; dirty_ = true; }  // tests
  void mark_dirty() { dirty_ = true; }
  nlohmann::ordered_json state() const;

 private:
  void refresh();
  void draw_filters();
  void draw_table();
  void draw_transfer();
  void deliver(const std::string& path, const std::string& name);

  Context& ctx_;
  storage::HistoryFilter filter_;
  // The date fields as typed; the filter holds them as YYYY-MM-DD when they are dates.
  std::string from_text_, to_text_;
  std::vector<storage::Record> rows_;
  bool dirty_ = true;
  std::string message_, error_;
  std::string undo_id_, undo_title_;  // the last deleted record, for 撤销
  std::string import_path_;           // desktop: a path typed or dropped
  long long last_count_ = -1;
};

}  // namespace jianfu::ui
