#include "ui/history_screen.h"

#include <algorithm>
#include <fstream>
#include <iterator>

#include "error.h"
#include "imgui.h"
#include "imgui_stdlib.h"
#include "report/records.h"
#include "ui/flow_layout.h"
#include "ui/kinds.h"
#include "ui/wrapped_text.h"
#include "util/local_time.h"
#include "util/typed_date.h"

namespace jianfu::ui {

namespace {

constexpr std::size_t kPage = 200;  // rows shown; a filter narrows a larger history

std::string stamp() { return util::local_today(); }

bool write_file(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << bytes;
  return static_cast<bool>(out);
}

}  // namespace

void HistoryScreen::refresh() {
  if (!ctx_.store) return;
  try {
    rows_ = ctx_.store->history(filter_, kPage);
  } catch (const Error& e) {
    error_ = e.message_zh();
  }
  last_count_ = static_cast<long long>(ctx_.store->count());
  dirty_ = false;
}

void HistoryScreen::deliver(const std::string& path, const std::string& name) {
  if (ctx_.services.deliver_file) message_ = ctx_.services.deliver_file(path, name, ctx_.services.export_dir);
  else message_ = "文件已写到：" + path;
}

void HistoryScreen::export_all() {
  if (!ctx_.store) return;
  const std::string name = "减负记录-" + stamp() + ".sqlite3";
  const std::string path = ctx_.scratch_path(".export.sqlite3");
  std::remove(path.c_str());
  try {
    ctx_.store->export_to(path);
    deliver(path, name);
  } catch (const Error& e) {
    error_ = "导出失败：" + e.message_zh() + "（" + e.code() + "）";
  }
}

void HistoryScreen::import_path(const std::string& path) {
  if (!ctx_.store) return;
  if (ctx_.read_only) {
    error_ = "本页只能查看（原因见页首的提示），不能导入。";
    return;
  }
  try {
    const auto r = ctx_.store->import_from(path);
    ctx_.committed();
    message_ = "导入完成：新增 " + std::to_string(r.added) + " 条，更新 " + std::to_string(r.updated) + " 条，" +
               std::to_string(r.unchanged) + " 条已是最新" +
               (r.attempts_added ? "；培训记录 " + std::to_string(r.attempts_added) + " 条" : std::string()) + "。";
    error_.clear();
  } catch (const Error& e) {
    error_ = e.message_zh() + "（" + e.code() + "）";
    message_.clear();
  }
  dirty_ = true;
}

// The filters flow onto a second line in a narrow window or at a large font size.
void HistoryScreen::draw_filters() {
  const float em = ImGui::GetFontSize();
  FlowLayout row;
  row.next(em * 16);
  ImGui::SetNextItemWidth(em * 16);
  if (ImGui::InputTextWithHint("##q", "搜索标题和正文，例如：千分制", &filter_.query)) dirty_ = true;
  static const char* types[] = {"全部类型", "一致性评估", "准入审查"};
  static const char* type_codes[] = {"", "assessment", "review"};
  int t = filter_.type == "assessment" ? 1 : filter_.type == "review" ? 2 : 0;
  row.next(em * 7);
  ImGui::SetNextItemWidth(em * 7);
  if (ImGui::Combo("##type", &t, types, 3)) { filter_.type = type_codes[t]; dirty_ = true; }
  row.next(em * 9);
  ImGui::SetNextItemWidth(em * 9);
  if (ImGui::BeginCombo("##kind", filter_.kind.empty() ? "全部事项" : kind_label(filter_.kind))) {
    if (ImGui::Selectable("全部事项", filter_.kind.empty())) { filter_.kind.clear(); dirty_ = true; }
    for (const auto& k : kKinds)
      if (ImGui::Selectable(k.label, filter_.kind == k.code)) { filter_.kind = k.code; dirty_ = true; }
    ImGui::EndCombo();
  }
  static const char* verdicts[] = {"全部结论", "符合", "修改后符合", "需说明理由或报批", "不符合", "准入", "附条件准入", "需履行准入程序", "不予准入"};
  static const char* verdict_codes[] = {"", "pass", "revise", "justify", "reject", "admit", "admit_with_conditions", "procedure", "reject"};
  int v = 0;
  for (int i = 1; i < 9; ++i)
    if (filter_.verdict == verdict_codes[i]) { v = i; break; }
  row.next(em * 9);
  ImGui::SetNextItemWidth(em * 9);
  if (ImGui::Combo("##verdict", &v, verdicts, 9)) { filter_.verdict = verdict_codes[v]; dirty_ = true; }
  row.next(em * 6);
  ImGui::SetNextItemWidth(em * 6);
  if (ImGui::InputTextWithHint("##from", "起 2026-01-01", &from_text_)) {
    filter_.from = util::normalize_typed_date(from_text_);
    dirty_ = true;
  }
  row.next(em * 6);
  ImGui::SetNextItemWidth(em * 6);
  if (ImGui::InputTextWithHint("##to", "止 2026-12-31", &to_text_)) {
    filter_.to = util::normalize_typed_date(to_text_);
    dirty_ = true;
  }
  row.next(FlowLayout::check_width("含已归档"));
  if (ImGui::Checkbox("含已归档", &filter_.include_archived)) dirty_ = true;
  // A date that is not one yet (being typed, or mistyped) filters nothing, and says so.
  const bool bad_from = !from_text_.empty() && filter_.from.empty(), bad_to = !to_text_.empty() && filter_.to.empty();
  if (bad_from || bad_to)
    text_colored_wrapped(ImVec4(0.7f, 0.3f, 0.0f, 1), std::string(bad_from && bad_to ? "起止日期" : bad_from ? "起始日期" : "截止日期") +
                                                           "不是有效日期，暂不按它筛选。可写作 2026-12-03、2026/12/3 或 2026年12月3日。");
}

void HistoryScreen::draw_table() {
  if (!undo_id_.empty()) {
    ImGui::TextColored(ImVec4(0.6f, 0.3f, 0.0f, 1), "已删除《%s》。", undo_title_.c_str());
    ImGui::SameLine();
    if (ImGui::SmallButton("撤销删除")) {
      ctx_.store->restore(undo_id_);
      ctx_.committed();
      undo_id_.clear();
      dirty_ = true;
    }
  }
  ImGui::Text("共 %lld 条记录，显示 %zu 条", last_count_, rows_.size());
  const float footer = ImGui::GetFrameHeightWithSpacing() * 5;
  const float fs = ImGui::GetFontSize();
  // The columns after the title, in font sizes. The title keeps at least ten characters' width:
  // in a window too narrow for that next to them, the table scrolls sideways rather than squeezing
  // the title to nothing (each column also has its cell padding on both sides).
  static constexpr struct { const char* label; float ems; } kFixed[] = {
      {"事项", 8}, {"结论", 8}, {"状态", 4}, {"更新时间", 9}, {"操作", 12}};
  float needed = fs * 10 + ImGui::GetStyle().CellPadding.x * 2 * (1 + std::size(kFixed));
  for (const auto& c : kFixed) needed += fs * c.ems;
  if (!ImGui::BeginTable("history", 1 + static_cast<int>(std::size(kFixed)),
                         ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY | ImGuiTableFlags_ScrollX,
                         ImVec2(0, -footer), std::max(ImGui::GetContentRegionAvail().x, needed)))
    return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn("标题", ImGuiTableColumnFlags_WidthStretch);
  for (const auto& c : kFixed) ImGui::TableSetupColumn(c.label, ImGuiTableColumnFlags_WidthFixed, fs * c.ems);
  ImGui::TableHeadersRow();
  std::string to_open;
  for (const auto& r : rows_) {
    ImGui::PushID(r.id.c_str());
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    text_fitted(r.title);  // ends in "…" when the column is narrower than the title
    draw_kind_and_verdict_cells(r);
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(r.archived ? "已归档" : r.status == "final" ? "定稿" : "草稿");
    ImGui::TableNextColumn();
    ImGui::TextDisabled("%s", util::local_minutes(r.updated_at).c_str());
    ImGui::TableNextColumn();
    if (ImGui::SmallButton("打开")) to_open = r.id;
    ImGui::SameLine();
    if (ImGui::SmallButton("报告")) {
      const std::string path = ctx_.scratch_path(".report.html");
      if (write_file(path, report::record_html(r))) deliver(path, "报告-" + r.title.substr(0, 60) + ".html");
    }
    if (!ctx_.read_only) {
      ImGui::SameLine();
      if (ImGui::SmallButton(r.archived ? "取消归档" : "归档")) {
        ctx_.store->set_archived(r.id, !r.archived);
        ctx_.committed();
        dirty_ = true;
      }
      ImGui::SameLine();
      if (ImGui::SmallButton("删除")) {
        ctx_.store->remove(r.id);
        ctx_.committed();
        undo_id_ = r.id;
        undo_title_ = r.title;
        dirty_ = true;
      }
    }
    ImGui::PopID();
  }
  ImGui::EndTable();
  if (!to_open.empty())
    if (auto r = ctx_.store->get(to_open)) ctx_.open_record(*r);
}

void HistoryScreen::draw_transfer() {
  ImGui::SeparatorText("换电脑、备份");
  if (ImGui::Button("导出全部记录（一个文件）")) export_all();
  ImGui::SameLine();
  if (ImGui::Button("导出汇总表（CSV）")) {
    storage::HistoryFilter all;
    all.include_archived = true;
    const std::string path = ctx_.scratch_path(".summary.csv");
    if (write_file(path, report::csv_summary(ctx_.store->history(all, SIZE_MAX)))) deliver(path, "减负记录汇总-" + stamp() + ".csv");
  }
  ImGui::SameLine();
  if (ctx_.services.choose_file) {
    if (ImGui::Button("导入数据文件")) {
      ctx_.services.choose_file(".sqlite3,.db", [this](const std::string& p) { import_path(p); });
    }
  } else {
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 18);
    ImGui::InputTextWithHint("##import", "要导入的文件路径（也可把文件拖到窗口上）", &import_path_);
    ImGui::SameLine();
    if (ImGui::Button("导入") && !import_path_.empty()) import_path(import_path_);
  }
  if (!ctx_.services.export_dir.empty()) {
    ImGui::TextDisabled("导出的文件保存到：");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 24);
    ImGui::InputText("##exportdir", &ctx_.services.export_dir);
  }
  if (!message_.empty()) ImGui::TextColored(ImVec4(0.1f, 0.45f, 0.2f, 1), "%s", message_.c_str());
}

void HistoryScreen::draw() {
  if (!ctx_.store) {
    ImGui::TextColored(ImVec4(0.8f, 0.1f, 0.1f, 1), "数据库未能打开，无法显示历史记录。");
    return;
  }
  // Records change only through this screen or while another screen is shown (App::go marks this
  // one dirty on entry), so there is no need to count the table every frame.
  if (dirty_) refresh();
  draw_filters();
  if (!error_.empty()) ImGui::TextColored(ImVec4(0.8f, 0.1f, 0.1f, 1), "%s", error_.c_str());
  draw_table();
  draw_transfer();
}

nlohmann::ordered_json HistoryScreen::state() const {
  nlohmann::ordered_json j;
  j["rows"] = rows_.size();
  j["from"] = filter_.from;  // the dates the filter applies, as normalised
  j["to"] = filter_.to;
  j["message"] = message_;
  j["error"] = error_;
  j["titles"] = nlohmann::ordered_json::array();
  for (const auto& r : rows_) j["titles"].push_back(r.title);
  return j;
}

}  // namespace jianfu::ui
