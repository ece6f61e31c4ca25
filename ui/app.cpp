#include "ui/app.h"

#include <algorithm>

#include "error.h"
#include <nlohmann/json.hpp>

#include "imgui.h"
#include "imgui_stdlib.h"
#include "storage/database.h"
#include "text/char_count.h"
#include "text/utf8.h"
#include "version.h"

namespace jianfu::ui {

App::App(PlatformServices services) : services_(std::move(services)) {}
App::~App() = default;

void App::init() {
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // layout is fixed; nothing to persist outside the database
  io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
  if (!fonts_.load(services_)) status_ = "未找到中文字体，文字可能无法显示。";
  apply_style();
  try {
    store_ = std::make_unique<storage::RecordStore>(services_.database_path, services_.database_wal);
    recent_ = store_->recent(8);
  } catch (const Error& e) {
    store_error_ = e.message_zh() + "（" + e.code() + "）";
  }
}

void App::set_content_scale(float scale) {
  if (scale == services_.content_scale) return;
  services_.content_scale = scale;
  apply_style();
}

void App::apply_style() {
  ImGuiStyle& style = ImGui::GetStyle();
  style = ImGuiStyle();
  ImGui::StyleColorsLight(&style);
  style.WindowRounding = 0.0f;
  style.FrameRounding = 4.0f;
  style.FramePadding = ImVec2(8, 5);
  style.ItemSpacing = ImVec2(10, 8);
  style.ScaleAllSizes(services_.content_scale);
  style.FontSizeBase = font_size_;
  style.FontScaleDpi = services_.content_scale;
  applied_font_size_ = font_size_;
}

void App::save_draft() {
  if (!store_) return;
  std::u32string text;
  if (!text::decode_utf8(body_, text)) {
    status_ = "正文含有无法识别的字符，未保存。";
    return;
  }
  storage::Record r;
  r.type = "note";
  r.kind = "document";
  r.title = title_.empty() ? "（无标题）" : title_;
  r.body = body_;
  r.data = "{\"chars\":" + std::to_string(text::count_chars(text)) + "}";
  try {
    store_->save(r);
    services_.on_committed();
    recent_ = store_->recent(8);
    status_ = "已保存「" + r.title + "」，字数 " + std::to_string(text::count_chars(text)) + "。";
  } catch (const Error& e) {
    status_ = "保存失败：" + e.message_zh();
  }
}

void App::draw_first_screen() {
  ImGui::TextUnformatted("为基层减负一致性评估 · 自查工具");
  ImGui::TextDisabled("发文、会议、督检考等事项出台前，对照负面清单逐项自查。");
  ImGui::Separator();

  ImGui::TextUnformatted("文件标题");
  ImGui::SetNextItemWidth(-FLT_MIN);
  ImGui::InputTextWithHint("##title", "例如：关于开展农村人居环境整治的通知", &title_);
  ImGui::TextUnformatted("正文草稿");
  if (ImGui::InputTextMultiline("##body", &body_, ImVec2(-FLT_MIN, ImGui::GetTextLineHeight() * 8)) ||
      coverage_generation_ != fonts_.generation()) {
    coverage_generation_ = fonts_.generation();
    missing_glyphs_ = fonts_.check_coverage(title_ + body_, services_);
  }
  std::u32string cps;
  const bool valid = text::decode_utf8(body_, cps);
  ImGui::AlignTextToFramePadding();
  ImGui::Text("字数：%zu", valid ? text::count_chars(cps) : static_cast<size_t>(0));
  ImGui::SameLine();
  if (ImGui::Button("统计字数并保存")) save_draft();
  if (missing_glyphs_ > 0) {
    ImGui::TextColored(ImVec4(0.7f, 0.35f, 0.0f, 1.0f),
                       fonts_.extra_pending() ? "有 %d 个生僻字正在加载字体，稍候即可显示。"
                                              : "有 %d 个字符当前字体无法显示（显示为“?”），文字本身已完整保留。",
                       missing_glyphs_);
  }
  if (!status_.empty()) ImGui::TextWrapped("%s", status_.c_str());
  if (!store_error_.empty()) ImGui::TextColored(ImVec4(0.8f, 0.1f, 0.1f, 1.0f), "%s", store_error_.c_str());

  ImGui::Separator();
  ImGui::TextUnformatted("最近保存");
  if (recent_.empty()) ImGui::TextDisabled("暂无记录。");
  for (const auto& r : recent_) {
    ImGui::BulletText("%s", r.title.c_str());
    ImGui::SameLine();
    ImGui::TextDisabled("%s", r.updated_at.c_str());
  }
}

void App::draw_footer() {
  ImGui::Separator();
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("字号");
  ImGui::SameLine();
  if (ImGui::Button("A-")) font_size_ = std::max(12.0f, font_size_ - 2.0f);
  ImGui::SameLine();
  if (ImGui::Button("A+")) font_size_ = std::min(40.0f, font_size_ + 2.0f);
  ImGui::SameLine();
  ImGui::TextDisabled("%.0f 像素 · 版本 %s · SQLite %s", font_size_, version().c_str(),
                      storage::sqlite_version().c_str());
  ImGui::TextDisabled("%s", services_.storage_note.c_str());
}

void App::set_field(const std::string& field, const std::string& utf8) {
  (field == "title" ? title_ : body_) = utf8;
  coverage_generation_ = -1;  // re-check which characters the font can draw
}

std::string App::test_state_json() const {
  nlohmann::ordered_json j;
  j["screen"] = "first";
  j["font_loaded"] = fonts_.has_font();
  j["missing_glyphs"] = missing_glyphs_;
  j["extra_font"] = fonts_.extra_merged() ? "merged" : fonts_.extra_pending() ? "pending" : "none";
  j["store_ok"] = store_ != nullptr;
  j["store_error"] = store_error_;
  j["records"] = store_ ? static_cast<long long>(store_->count()) : -1;
  j["status"] = status_;
  j["title"] = title_;
  j["body_chars"] = text::count_code_points(body_);
  j["font_size"] = font_size_;
  j["content_scale"] = services_.content_scale;
  return j.dump();
}

void App::frame() {
  if (font_size_ != applied_font_size_) apply_style();
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(vp->WorkPos);
  ImGui::SetNextWindowSize(vp->WorkSize);
  ImGui::Begin("减负", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
  draw_first_screen();
  draw_footer();
  ImGui::End();
}

}  // namespace jianfu::ui
