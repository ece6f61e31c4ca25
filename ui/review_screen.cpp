#include "ui/review_screen.h"

#include <sstream>

#include "error.h"
#include "imgui.h"
#include "imgui_stdlib.h"
#include "report/records.h"
#include "ui/wrapped_text.h"

namespace jianfu::ui {

using nlohmann::json;

namespace {
constexpr double kDebounce = 0.15, kSaveDelay = 1.0;

std::vector<std::string> lines_of(const std::string& s) {
  std::vector<std::string> out;
  std::stringstream ss(s);
  for (std::string line; std::getline(ss, line);)
    if (line.find_first_not_of(" \t\r") != std::string::npos) out.push_back(line);
  return out;
}

}  // namespace

void ReviewScreen::start() {
  item_ = json::object();
  existing_.clear();
  record_id_.clear();
  save_status_.clear();
  have_decision_ = false;
  dirty_ = true;
  unsaved_ = false;
}

void ReviewScreen::open(const storage::Record& r) {
  start();
  const json data = json::parse(r.data, nullptr, false);
  if (data.is_object()) {
    item_ = data.value("item", json::object());
    for (const auto& e : data.value("existing", json::array()))
      if (e.is_string()) existing_ += e.get<std::string>() + "\n";
  }
  record_id_ = r.id;
  changed_at_ = -1;
}

void ReviewScreen::set_field(const std::string& key, const std::string& value) {
  if (key == "existing") existing_ = value;
  else item_[key] = value;
  dirty_ = unsaved_ = true;
  changed_at_ = -1;
}

void ReviewScreen::recheck() {
  dirty_ = false;
  packs_generation_ = ctx_.packs_generation;
  error_.clear();
  have_decision_ = false;
  if (!ctx_.lists || item_.value("name", "").empty()) return;
  try {
    decision_ = review::review(review::work_item_from_json(item_), *ctx_.lists, lines_of(existing_));
    have_decision_ = true;
  } catch (const Error& e) {
    error_ = e.message_zh();
  }
}

bool ReviewScreen::save_due(double now) const {
  return ctx_.store && !ctx_.read_only && unsaved_ && have_decision_ && now - changed_at_ >= kSaveDelay;
}

bool ReviewScreen::autosave(double now) {
  if (!save_due(now)) return false;
  storage::Record r = report::review_record(item_, lines_of(existing_), decision_);
  r.id = record_id_;
  try {
    record_id_ = ctx_.store->save(r).id;
    ctx_.committed();
    save_status_ = "已自动保存";
    unsaved_ = false;
  } catch (const Error& e) {
    save_status_ = "保存失败：" + e.message_zh() + "（" + e.code() + "）。内容仍在本页，请勿关闭。";
  }
  return true;
}

bool ReviewScreen::text_field(const char* label, const char* key, const char* hint, bool multiline) {
  std::string v = item_.value(key, "");
  ImGui::TextUnformatted(label);
  ImGui::PushID(key);
  ImGui::SetNextItemWidth(-FLT_MIN);
  const bool changed = multiline ? ImGui::InputTextMultiline("##v", &v, ImVec2(-FLT_MIN, ImGui::GetTextLineHeight() * 4))
                                 : ImGui::InputTextWithHint("##v", hint, &v);
  ImGui::PopID();
  if (changed) {
    if (v.empty()) item_.erase(key);
    else item_[key] = v;
  }
  return changed;
}

bool ReviewScreen::tri_state(const char* label, const char* key) {
  ImGui::PushID(key);
  ImGui::TextUnformatted(label);
  const int v = !item_.contains(key) ? -1 : item_[key].get<bool>() ? 1 : 0;
  bool changed = false;
  if (ImGui::RadioButton("已落实", v == 1)) { item_[key] = true; changed = true; }
  ImGui::SameLine();
  if (ImGui::RadioButton("未落实", v == 0)) { item_[key] = false; changed = true; }
  ImGui::SameLine();
  if (ImGui::RadioButton("不清楚", v == -1) && v != -1) { item_.erase(key); changed = true; }
  ImGui::PopID();
  return changed;
}

bool ReviewScreen::flag(const char* label, const char* key) {
  bool on = item_.value(key, false);
  if (!ImGui::Checkbox(label, &on)) return false;
  if (on) item_[key] = true;
  else item_.erase(key);
  return true;
}

void ReviewScreen::draw(double now) {
  if (packs_generation_ != ctx_.packs_generation) dirty_ = true;
  if (dirty_ && (changed_at_ < 0 || now - changed_at_ >= kDebounce)) recheck();
  if (changed_at_ < 0) changed_at_ = now;  // the autosave's second counts from this frame

  bool changed = false;
  ImGui::BeginChild("item", ImVec2(ImGui::GetContentRegionAvail().x * 0.42f, 0), ImGuiChildFlags_Borders | ImGuiChildFlags_NavFlattened);
  ImGui::SeparatorText("拟交给村（社区）的事项");
  changed |= text_field("事项名称（必填）", "name", "例如：协助开展低保入户调查");
  changed |= text_field("具体要求", "description", "", true);
  changed |= text_field("提出部门", "department", "例如：县民政局");
  changed |= text_field("法律法规依据（如有）", "legal_basis", "例如：《社会救助暂行办法》第十一条");
  changed |= text_field("需要出具的证明（如有）", "requires_certificate", "例如：无犯罪记录证明");
  ImGui::TextUnformatted("审批情况");
  {
    static const char* codes[] = {"", "county_committee", "county_government", "none"};
    static const char* labels[] = {"（未填写）", "经县委批准", "经县政府批准", "未经审批"};
    const std::string cur = item_.value("approved_by", "");
    int idx = 0;
    for (int i = 0; i < 4; ++i)
      if (cur == codes[i]) idx = i;
    ImGui::SetNextItemWidth(-FLT_MIN);
    if (ImGui::Combo("##approved", &idx, labels, 4)) {
      if (idx == 0) item_.erase("approved_by");
      else item_["approved_by"] = codes[idx];
      changed = true;
    }
  }
  changed |= tri_state("工作经费", "funding");
  changed |= tri_state("人员和业务培训", "staff_support");
  changed |= flag("要求填表报数、拍照留痕", "requires_forms");
  changed |= flag("要求新设机构、挂牌或工作机制", "requires_new_mechanism");
  changed |= flag("附带考核、检查评比", "with_assessment");
  changed |= flag("要求签责任状、承诺书或一票否决", "with_pledge_or_veto");
  ImGui::TextUnformatted("村（社区）已承担的同类事项（每行一项，用于查重）");
  ImGui::SetNextItemWidth(-FLT_MIN);
  changed |= ImGui::InputTextMultiline("##existing", &existing_, ImVec2(-FLT_MIN, ImGui::GetTextLineHeight() * 3));
  ImGui::EndChild();
  if (changed) {
    dirty_ = unsaved_ = true;
    changed_at_ = now;
  }
  ImGui::SameLine();
  ImGui::BeginChild("decision", ImVec2(0, 0), ImGuiChildFlags_NavFlattened);
  ImGui::TextDisabled("%s", save_status_.c_str());
  if (!error_.empty()) ImGui::TextColored(ImVec4(0.8f, 0.1f, 0.1f, 1), "%s", error_.c_str());
  if (!have_decision_) {
    text_disabled_wrapped("填写事项名称后，这里会显示准入决定、理由和下一步。");
    ImGui::EndChild();
    return;
  }
  const Rgba c = verdict_rgba(decision_.decision);
  ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(c.r, c.g, c.b, c.a));
  ImGui::Text("决定：%s", decision_.decision_text.c_str());
  ImGui::PopStyleColor();
  ImGui::SeparatorText("对照清单");
  if (decision_.matched.empty()) ImGui::TextDisabled("未在清单中找到相近的事项。");
  for (const auto& m : decision_.matched)
    ImGui::BulletText("%s · %s（相似度 %.0f%%）", review::list_text(m.list), m.item.c_str(), m.score * 100);
  ImGui::SeparatorText("理由");
  for (const auto& r : decision_.reasons) {
    ImGui::Bullet();
    text_wrapped(r.message);
    if (!r.basis.empty()) {
      ImGui::Indent();
      ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
      text_wrappedf("依据：%s", r.basis.c_str());
      ImGui::PopStyleColor();
      ImGui::Unindent();
    }
  }
  if (!decision_.conditions.empty()) {
    ImGui::SeparatorText("准入条件");
    for (const auto& s : decision_.conditions) {
      ImGui::Bullet();
      text_wrapped(s);
    }
  }
  if (!decision_.steps.empty()) {
    ImGui::SeparatorText("下一步");
    int i = 0;
    for (const auto& s : decision_.steps) text_wrappedf("%d. %s", ++i, s.c_str());
  }
  ImGui::EndChild();
}

nlohmann::ordered_json ReviewScreen::state() const {
  nlohmann::ordered_json j;
  j["decision"] = have_decision_ ? decision_.decision : "";
  j["reasons"] = nlohmann::ordered_json::array();
  if (have_decision_)
    for (const auto& r : decision_.reasons) j["reasons"].push_back(r.code);
  j["record_id"] = record_id_;
  j["saved"] = !unsaved_;
  return j;
}

}  // namespace jianfu::ui
