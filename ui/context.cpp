#include "ui/context.h"

#include <cstdlib>
#include <sstream>

#include "error.h"
#include "imgui.h"
#include "report/records.h"
#include "ui/kinds.h"
#include "storage/settings.h"

namespace jianfu::ui {

namespace {
std::string join(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : ",") + s;
  return out;
}
std::vector<std::string> split(const std::string& s) {
  std::vector<std::string> out;
  std::stringstream ss(s);
  for (std::string part; std::getline(ss, part, ',');)
    if (!part.empty()) out.push_back(part);
  return out;
}
}  // namespace

void Context::reload_packs() {
  std::vector<std::string> specs = {"national"};
  specs.insert(specs.end(), settings.local_packs.begin(), settings.local_packs.end());
  std::vector<std::string> list_specs = {"village-national"};
  list_specs.insert(list_specs.end(), settings.local_lists.begin(), settings.local_lists.end());
  try {
    auto p = rules::load_pack_set(specs);
    auto l = review::load_list_set(list_specs);
    packs = std::move(p);
    lists = std::move(l);
    pack_error.clear();
    ++packs_generation;
  } catch (const Error& e) {
    pack_error = e.message_zh() + "（" + e.code() + "）";
  }
}

std::string Context::scratch_path(const std::string& name) const {
  const std::string& db = services.database_path;
  const auto slash = db.find_last_of('/');
  return (slash == std::string::npos ? std::string(".") : db.substr(0, slash)) + "/" + name;
}

void Context::load_settings() {
  if (!store) return;
  auto& db = store->db();
  const std::string fs = storage::get_setting(db, "font_size");
  if (!fs.empty()) settings.font_size = static_cast<float>(std::atof(fs.c_str()));
  if (settings.font_size < 12 || settings.font_size > 40) settings.font_size = 18;
  settings.local_packs = split(storage::get_setting(db, "local_packs"));
  settings.local_lists = split(storage::get_setting(db, "local_lists"));
  settings.as_of = storage::get_setting(db, "as_of");
  settings.learner = storage::get_setting(db, "learner");
  saved_settings = settings;
}

void Context::save_settings() {
  if (!store || read_only) return;
  auto& db = store->db();
  db.transaction([&] {
    storage::set_setting(db, "font_size", std::to_string(static_cast<int>(settings.font_size)));
    storage::set_setting(db, "local_packs", join(settings.local_packs));
    storage::set_setting(db, "local_lists", join(settings.local_lists));
    storage::set_setting(db, "as_of", settings.as_of);
    storage::set_setting(db, "learner", settings.learner);
  });
  saved_settings = settings;
  committed();
}

Rgba verdict_rgba(const std::string& v) {
  if (v == "reject") return {0.75f, 0.1f, 0.1f, 1};
  if (v == "justify" || v == "procedure" || v == "admit_with_conditions") return {0.8f, 0.45f, 0.0f, 1};
  if (v == "revise") return {0.15f, 0.4f, 0.75f, 1};
  return {0.1f, 0.55f, 0.2f, 1};
}

void draw_kind_and_verdict_cells(const storage::Record& r) {
  ImGui::TableNextColumn();
  ImGui::TextUnformatted(r.type == "review" ? "准入审查" : kind_label(r.kind));
  ImGui::TableNextColumn();
  const Rgba c = verdict_rgba(r.verdict);
  ImGui::TextColored(ImVec4(c.r, c.g, c.b, c.a), "%s", report::verdict_label(r).c_str());
}

}  // namespace jianfu::ui
