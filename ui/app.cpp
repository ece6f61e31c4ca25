#include "ui/app.h"

#include <algorithm>
#include <chrono>

#include "error.h"
#include "imgui.h"
#include "storage/database.h"
#include "text/utf8.h"
#include "ui/flow_layout.h"
#include "ui/home_screen.h"
#include "ui/wrapped_text.h"
#include "version.h"

namespace jianfu::ui {

namespace {
struct NavItem {
  Screen screen;
  const char* label;
};
const NavItem kNav[] = {{Screen::Home, "首页"},       {Screen::Assess, "一致性评估"}, {Screen::Review, "准入审查"},
                        {Screen::History, "历史记录"}, {Screen::Training, "培训练习"},  {Screen::Settings, "设置"}};
const char* screen_name(Screen s) {
  switch (s) {
    case Screen::Home: return "home";
    case Screen::Assess: return "assess";
    case Screen::Review: return "review";
    case Screen::History: return "history";
    case Screen::Training: return "training";
    case Screen::Settings: return "settings";
  }
  return "";
}
}  // namespace

App::App(PlatformServices services) : services_(std::move(services)), ctx_(services_) {}
App::~App() = default;

void App::init() {
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // layout is fixed; nothing to persist outside the database
  io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
  if (!fonts_.load(services_)) status_ = "未找到中文字体，文字可能无法显示。";
  try {
    store_ = std::make_unique<storage::RecordStore>(services_.database_path, services_.database_wal);
  } catch (const Error& e) {
    store_error_ = e.message_zh() + "（" + e.code() + "）。本次检查结果不会保存。";
  }
  ctx_.store = store_.get();
  ctx_.read_only = services_.read_only;
  ctx_.load_settings();
  apply_style();
  // The rule packs, the course and the settings' pack list are loaded after the first frame is on
  // screen (see frame()): the start screen needs none of them, and the page appears sooner.
  assess_ = std::make_unique<AssessScreen>(ctx_);
  review_ = std::make_unique<ReviewScreen>(ctx_);
  history_ = std::make_unique<HistoryScreen>(ctx_);
  ctx_.go = [this](Screen s) { go(s); };
  ctx_.start_assessment = [this](const std::string& kind) {
    load_rest();
    assess_->start(kind);
    go(Screen::Assess);
  };
  ctx_.open_record = [this](const storage::Record& r) {
    load_rest();
    if (r.type == "review") {
      review_->open(r);
      go(Screen::Review);
    } else {
      assess_->open(r);
      go(Screen::Assess);
    }
  };
}

void App::save_now() {
  if (ctx_.settings_unsaved()) ctx_.save_settings();
  if (!training_) return;  // nothing loaded yet (the first frame), so no draft can be waiting
  assess_->flush();
  review_->flush();
}

bool App::work_due() const {
  if (!training_) return false;  // nothing loaded yet
  const double now = ImGui::GetTime();
  return (screen_ == Screen::Assess && assess_->save_due(now)) || (screen_ == Screen::Review && review_->save_due(now));
}

bool App::after_frame() {
  if (!training_) return false;
  const double now = ImGui::GetTime();
  if (screen_ == Screen::Assess) return assess_->autosave(now);
  if (screen_ == Screen::Review) return review_->autosave(now);
  return false;
}

void App::go(Screen s) {
  // Whatever was typed is saved before another screen shows (no waiting for the autosave delay).
  if (s != screen_) save_now();
  if (s == Screen::History) history_->mark_dirty();  // records may have changed elsewhere
  screen_ = s;
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
  style.FontSizeBase = ctx_.settings.font_size;
  // Set during a frame (A+ / A-, the settings slider), FontSizeBase alone is overwritten by ImGui
  // 1.92 with the frame's current size before the next frame starts, and the text never grows;
  // this field is what ImGui reads when the next frame begins.
  style._NextFrameFontSizeBase = ctx_.settings.font_size;
  style.FontScaleDpi = services_.content_scale;
  applied_font_size_ = ctx_.settings.font_size;
}

void App::draw_nav() {
  FlowLayout row;
  static constexpr const char* kTitle = "减负 · 为基层减负一致性评估";
  row.next(FlowLayout::text_width(kTitle));
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(kTitle);
  for (const auto& n : kNav) {
    row.next(FlowLayout::button_width(n.label));
    const bool active = screen_ == n.screen;
    if (active) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
    if (ImGui::Button(n.label)) {
      if (n.screen == Screen::Review && screen_ != Screen::Review) review_->start();
      go(n.screen);
    }
    if (active) ImGui::PopStyleColor();
  }
  if (ctx_.read_only) {
    text_colored_wrapped(ImVec4(0.8f, 0.3f, 0.0f, 1),
                         services_.read_only_reason.empty() ? "此页只能查看，不会保存。" : services_.read_only_reason);
  }
  if (const std::string warning = services_.storage_warning(); !warning.empty()) {
    text_colored_wrapped(ImVec4(0.75f, 0.1f, 0.1f, 1), warning);
  }
}

void App::draw_footer() {
  const float top = ImGui::GetCursorPosY();
  ImGui::Separator();
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("字号");
  ImGui::SameLine();
  float& fs = ctx_.settings.font_size;
  if (ImGui::Button("A-")) { fs = std::max(12.0f, fs - 2.0f); ctx_.save_settings(); }
  ImGui::SameLine();
  if (ImGui::Button("A+")) { fs = std::min(40.0f, fs + 2.0f); ctx_.save_settings(); }
  ImGui::SameLine();
  ImGui::TextDisabled("%.0f 像素 · 版本 %s · SQLite %s", fs, version().c_str(), storage::sqlite_version().c_str());
  text_disabled_wrapped(services_.storage_note);
  footer_h_ = ImGui::GetCursorPosY() - top;
}

void App::set_field(const std::string& field, const std::string& utf8) {
  load_rest();
  if (field.rfind("review.", 0) == 0) review_->set_field(field.substr(7), utf8);
  else if (field == "history.query") history_->set_query(utf8);
  else if (field == "training.learner") ctx_.settings.learner = utf8;  // typed, not yet left: unsaved
  else assess_->set_text(field == "title" || field == "parent" ? field : "text", utf8);
}

void App::load_example() {
  load_rest();
  assess_->load_example();
  go(Screen::Assess);
}

void App::import_file(const std::string& path) {
  history_->import_path(path);
  go(Screen::History);
}

void App::test_command(const nlohmann::json& c) {
  load_rest();
  if (c.contains("go")) {
    const std::string s = c["go"];
    for (const auto& n : kNav)
      if (s == screen_name(n.screen)) go(n.screen);
  }
  if (c.contains("start")) ctx_.start_assessment(c["start"].get<std::string>());
  if (c.contains("set"))  // {"set": {"field": "review.name", "value": "…"}}
    set_field(c["set"].value("field", ""), c["set"].value("value", ""));
  if (c.contains("reason")) assess_->set_reason(c["reason"].value("key", ""), c["reason"].value("text", ""));
  if (c.contains("jump")) assess_->jump_to(c["jump"].get<int>());
  if (c.contains("export")) history_->export_all();
  if (c.contains("import")) import_file(c["import"].get<std::string>());
  if (c.contains("training")) {
    const auto& t = c["training"];
    if (t.contains("learner")) {  // as typing the name and leaving the field does
      ctx_.settings.learner = t["learner"].get<std::string>();
      ctx_.save_settings();
    }
    if (t.contains("select")) training_->select(t["select"]);
    if (t.contains("answer")) training_->answer(t["answer"]);
    if (t.value("submit", false)) training_->submit();
  }
  if (c.contains("reset_frame_stats")) {
    frame_ms_.clear();
    frame_max_ms_ = 0;
    interval_ms_.clear();
  }
}

std::string App::test_state_json() const {
  nlohmann::ordered_json j;
  j["screen"] = screen_name(screen_);
  j["font_loaded"] = fonts_.has_font();
  j["missing_glyphs"] = missing_glyphs_;
  j["extra_font"] = fonts_.extra_merged() ? "merged" : fonts_.extra_pending() ? "pending" : "none";
  j["store_ok"] = store_ != nullptr;
  j["store_error"] = store_error_;
  j["read_only"] = ctx_.read_only;
  j["read_only_reason"] = ctx_.read_only ? services_.read_only_reason : "";
  j["storage_warning"] = services_.storage_warning();
  j["records"] = store_ ? static_cast<long long>(store_->count()) : -1;
  j["status"] = status_;
  j["body_chars"] = text::count_code_points(assess_->draft());
  j["assess"] = assess_->state();
  j["review"] = review_->state();
  j["history"] = history_->state();
  j["training"] = training_ ? training_->state() : nlohmann::ordered_json::object();
  j["font_size"] = ctx_.settings.font_size;
  j["local_packs"] = ctx_.settings.local_packs;
  j["as_of"] = ctx_.settings.as_of;
  j["content_scale"] = services_.content_scale;
  std::vector<double> sorted = frame_ms_, intervals = interval_ms_;
  std::sort(sorted.begin(), sorted.end());
  std::sort(intervals.begin(), intervals.end());
  j["frames"] = {{"count", sorted.size()},
                 {"max_ms", frame_max_ms_},
                 {"p95_ms", sorted.empty() ? 0.0 : sorted[sorted.size() * 95 / 100]},
                 {"interval_p95_ms", intervals.empty() ? 0.0 : intervals[intervals.size() * 95 / 100]},
                 {"interval_max_ms", intervals.empty() ? 0.0 : intervals.back()}};
  return j.dump();
}

void App::load_rest() {
  if (training_) return;
  ctx_.reload_packs();
  training_ = std::make_unique<TrainingScreen>(ctx_);
  settings_ = std::make_unique<SettingsScreen>(ctx_);
}

void App::frame(bool settling) {
  const auto t0 = std::chrono::steady_clock::now();
  if (!settling) {
    if (last_frame_start_ != std::chrono::steady_clock::time_point() && interval_ms_.size() < 100000)
      interval_ms_.push_back(std::chrono::duration<double, std::milli>(t0 - last_frame_start_).count());
    last_frame_start_ = t0;
  }
  // The first frame shows the start screen at once; everything else is loaded before the second.
  if (frames_ > 0 || screen_ != Screen::Home) load_rest();
  ++frames_;
  if (ctx_.settings.font_size != applied_font_size_) apply_style();
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(vp->WorkPos);
  ImGui::SetNextWindowSize(vp->WorkSize);
  // NoBackground: the frame's clear colour (ui/frame.cpp) is the window background already; drawing
  // it again is a full-window blended quad, which software GL pays for on every frame.
  ImGui::Begin("减负", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_NoBackground);
  draw_nav();
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
  ImGui::Separator();
  const float footer =
      footer_h_ > 0 ? footer_h_ : ImGui::GetFrameHeightWithSpacing() * 2 + ImGui::GetStyle().ItemSpacing.y;
  // NavFlattened here and on the screens' panes: Tab walks from the navigation bar straight through
  // every control in reading order, instead of stopping at each pane and waiting for Enter.
  ImGui::BeginChild("main", ImVec2(0, -footer), ImGuiChildFlags_NavFlattened);
  const double now = ImGui::GetTime();
  switch (screen_) {
    case Screen::Home: draw_home(ctx_); break;
    case Screen::Assess: assess_->draw(now); break;
    case Screen::Review: review_->draw(now); break;
    case Screen::History: history_->draw(); break;
    case Screen::Training: training_->draw(); break;
    case Screen::Settings: settings_->draw(); break;
  }
  ImGui::EndChild();
  draw_footer();
  ImGui::End();
  double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  if (settling && !frame_ms_.empty()) {
    ms = frame_ms_.back() += ms;
  } else if (frame_ms_.size() < 100000) {
    frame_ms_.push_back(ms);
  }
  frame_max_ms_ = std::max(frame_max_ms_, ms);
}

}  // namespace jianfu::ui
