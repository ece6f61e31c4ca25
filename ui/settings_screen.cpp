#include "ui/settings_screen.h"

#include <algorithm>

#include "error.h"
#include "imgui.h"
#include "imgui_stdlib.h"
#include "storage/schema.h"
#include "ui/wrapped_text.h"
#include "util/typed_date.h"

namespace jianfu::ui {

SettingsScreen::SettingsScreen(Context& ctx) : ctx_(ctx), as_of_(ctx.settings.as_of) {
  // The built-in local packs: parsed (not compiled) for their titles and sizes.
  for (const auto& id : rules::builtin_pack_ids()) {
    if (id == "national") continue;
    try {
      const auto p = rules::parse_pack(*rules::builtin_pack_text(id), "builtin:" + id);
      packs_.push_back({id, p.title, p.region, p.rules.size()});
    } catch (const Error&) {
    }
  }
  for (const auto& id : review::builtin_list_ids()) {
    if (id == "village-national") continue;
    try {
      const auto p = review::parse_list_pack(*review::builtin_list_text(id), "builtin:" + id);
      lists_.push_back({id, p.title, p.region, p.entries.size()});
    } catch (const Error&) {
    }
  }
}

bool SettingsScreen::pack_checkbox(const PackChoice& p, std::vector<std::string>& chosen) {
  bool on = std::find(chosen.begin(), chosen.end(), p.id) != chosen.end();
  const std::string label = p.title + "（" + p.region + "，" + std::to_string(p.size) + " 条）##" + p.id;
  if (!ImGui::Checkbox(label.c_str(), &on)) return false;
  if (on) chosen.push_back(p.id);
  else chosen.erase(std::remove(chosen.begin(), chosen.end(), p.id), chosen.end());
  return true;
}

void SettingsScreen::draw() {
  Settings& s = ctx_.settings;
  bool changed = false;
  ImGui::SeparatorText("字号");
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 14);
  float size = s.font_size;
  if (ImGui::SliderFloat("##font", &size, 12.0f, 40.0f, "%.0f 像素")) {
    s.font_size = static_cast<float>(static_cast<int>(size));
  }
  if (ImGui::IsItemDeactivatedAfterEdit()) changed = true;

  ImGui::SeparatorText("适用的规则包");
  text_wrapped("全国性规则始终适用。本地规则包只能加严或补充，不能放宽全国性规定。");
  for (const auto& p : packs_) changed |= pack_checkbox(p, s.local_packs);
  ImGui::SeparatorText("适用的村（社区）事项清单");
  for (const auto& p : lists_) changed |= pack_checkbox(p, s.local_lists);
  if (!ctx_.pack_error.empty()) ImGui::TextColored(ImVec4(0.8f, 0.1f, 0.1f, 1), "%s", ctx_.pack_error.c_str());

  ImGui::SeparatorText("依据日期");
  text_wrapped("按哪一天有效的规定检查（例如复核去年的文件时填写当时的日期）。留空表示今天。");
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
  if (ImGui::InputTextWithHint("##asof", "YYYY-MM-DD", &as_of_)) {
    // Written as people write dates (2026/3/5, 2026年3月5日, full-width digits), kept as YYYY-MM-DD.
    const std::string date = util::normalize_typed_date(as_of_);
    if (as_of_.empty() || !date.empty()) {
      as_of_error_.clear();
      s.as_of = date;
      changed = true;
    } else {
      as_of_error_ = "不是有效日期，例如 2026-03-05、2026/3/5 或 2026年3月5日；未修改。";
    }
  }
  if (!as_of_error_.empty()) ImGui::TextColored(ImVec4(0.8f, 0.1f, 0.1f, 1), "%s", as_of_error_.c_str());

  ImGui::SeparatorText("记录保存在哪里");
  text_wrapped(ctx_.services.storage_note);
  if (ctx_.store) {
    ImGui::Text("记录 %zu 条 · 数据结构版本 %d", ctx_.store->count(), storage::schema_version(ctx_.store->db()));
    if (ImGui::Button("检查数据完整性")) {
      const std::string integrity = ctx_.store->db().scalar_text("PRAGMA integrity_check").value_or("");
      const auto audit = ctx_.store->verify_audit();
      check_result_ = integrity == "ok" && audit.ok
                          ? "数据库完好；审计日志 " + std::to_string(audit.entries) + " 条，哈希链完整。"
                          : integrity != "ok" ? "数据库文件已损坏：" + integrity
                                              : "审计日志第 " + std::to_string(audit.first_bad) + " 条起被改动过。";
    }
    if (!check_result_.empty()) {
      ImGui::SameLine();
      ImGui::TextUnformatted(check_result_.c_str());
    }
  }
  if (changed) {
    ctx_.save_settings();
    ctx_.reload_packs();
  }
}

}  // namespace jianfu::ui
