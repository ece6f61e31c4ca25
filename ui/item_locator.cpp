#include "ui/item_locator.h"

#include <cstdio>
#include <cstring>
#include <unordered_map>

#include "imgui.h"
#include "imgui_internal.h"

namespace jianfu::ui::item_locator {

namespace {

struct Item {
  ImRect bb;
  int frame = 0;
};

bool g_enabled = false;
int g_frame = 0;
std::unordered_map<ImGuiID, ImRect> g_rects;      // id → rectangle, this frame
std::unordered_map<std::string, Item> g_by_label;  // visible label → last rectangle

std::string visible_part(const char* label) {
  const char* end = std::strstr(label, "##");
  return end ? std::string(label, end) : std::string(label);
}

}  // namespace

void enable() {
  g_enabled = true;
  if (ImGuiContext* ctx = ImGui::GetCurrentContext()) ctx->TestEngineHookItems = true;
}

bool enabled() { return g_enabled; }

void new_frame() {
  if (!g_enabled) return;
  ImGui::GetCurrentContext()->TestEngineHookItems = true;
  ++g_frame;
  g_rects.clear();
}

std::string find_json(const std::string& label) {
  const auto it = g_by_label.find(label);
  if (it == g_by_label.end() || it->second.frame < g_frame - 1) return "{\"found\":false}";
  const ImRect& r = it->second.bb;
  char buf[160];
  std::snprintf(buf, sizeof buf, "{\"found\":true,\"x\":%.1f,\"y\":%.1f,\"w\":%.1f,\"h\":%.1f}", r.Min.x, r.Min.y,
                r.GetWidth(), r.GetHeight());
  return buf;
}

}  // namespace jianfu::ui::item_locator

using namespace jianfu::ui::item_locator;

// ImGui calls these (declared in imgui_internal.h) when TestEngineHookItems is set.
void ImGuiTestEngineHook_ItemAdd(ImGuiContext*, ImGuiID id, const ImRect& bb, const ImGuiLastItemData*) {
  g_rects[id] = bb;
}

void ImGuiTestEngineHook_ItemInfo(ImGuiContext*, ImGuiID id, const char* label, ImGuiItemStatusFlags) {
  if (!label) return;
  const auto it = g_rects.find(id);
  if (it == g_rects.end()) return;
  // The full label, its visible part ("保存") and its hidden part ("##title") all find the item.
  g_by_label[label] = Item{it->second, g_frame};
  const std::string visible = visible_part(label);
  if (!visible.empty()) g_by_label[visible] = Item{it->second, g_frame};
  if (const char* hidden = std::strstr(label, "##"); hidden && hidden != label) g_by_label[hidden] = Item{it->second, g_frame};
}

void ImGuiTestEngineHook_Log(ImGuiContext*, const char*, ...) {}

const char* ImGuiTestEngine_FindItemDebugLabel(ImGuiContext*, ImGuiID) { return nullptr; }
