#include "ui/app.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "error.h"
#include "imgui.h"
#include "storage/database.h"
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
  } catch (const Error& e) {
    store_error_ = e.message_zh() + "（" + e.code() + "）。本次检查结果不会保存。";
  }
  assess_ = std::make_unique<AssessScreen>(services_, store_.get());
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
  assess_->set_text(field == "title" ? "title" : "text", utf8);
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
  j["body_chars"] = text::count_code_points(assess_->draft());
  j["assess"] = assess_->state();
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
  ImGui::TextUnformatted("为基层减负一致性评估 · 自查工具");
  ImGui::SameLine();
  ImGui::TextDisabled("选择事项类型，回答清单中的问题，粘贴草稿；问题和结论随输入实时更新，每次修改都会自动保存。");
  // Characters the font cannot draw yet: ask for the extra font once, and say so plainly.
  if (assess_->draft() != covered_text_ || coverage_generation_ != fonts_.generation()) {
    covered_text_ = assess_->draft();
    coverage_generation_ = fonts_.generation();
    missing_glyphs_ = fonts_.check_coverage(covered_text_, services_);
  }
  if (missing_glyphs_ > 0) {
    ImGui::TextColored(ImVec4(0.7f, 0.35f, 0.0f, 1.0f),
                       fonts_.extra_pending() ? "有 %d 个生僻字正在加载字体，稍候即可显示。"
                                              : "有 %d 个字符当前字体无法显示（显示为“?”），文字本身已完整保留。",
                       missing_glyphs_);
  }
  if (!status_.empty()) ImGui::TextColored(ImVec4(0.8f, 0.1f, 0.1f, 1.0f), "%s", status_.c_str());
  if (!store_error_.empty()) ImGui::TextColored(ImVec4(0.8f, 0.1f, 0.1f, 1.0f), "%s", store_error_.c_str());
  const float footer = ImGui::GetFrameHeightWithSpacing() * 2 + ImGui::GetStyle().ItemSpacing.y;
  ImGui::BeginChild("main", ImVec2(0, -footer));
  assess_->draw(ImGui::GetTime());
  ImGui::EndChild();
  draw_footer();
  ImGui::End();
}

}  // namespace jianfu::ui
