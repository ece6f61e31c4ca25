// Functions the browser tests call (through Module.ccall) to find widgets and read the app's state,
// so that tests assert on meaning rather than on pixels. Widget lookup is on only with ?test in the URL.
#include <emscripten.h>

#include <string>

#include <nlohmann/json.hpp>

#include "ui/app.h"
#include "ui/frame_pacing.h"
#include "ui/item_locator.h"
#include "web/test_api.h"

namespace {
jianfu::ui::App* g_app = nullptr;
std::string g_result;
}  // namespace

namespace jianfu::web {
void set_test_app(ui::App* app) { g_app = app; }
}  // namespace jianfu::web

extern "C" {

EMSCRIPTEN_KEEPALIVE const char* jianfu_test_find(const char* label) {
  g_result = jianfu::ui::item_locator::find_json(label ? label : "");
  return g_result.c_str();
}

EMSCRIPTEN_KEEPALIVE void jianfu_test_set_field(const char* field, const char* utf8) {
  if (g_app && field && utf8) g_app->set_field(field, utf8);
  jianfu::ui::frame_pacer().wake();
}

// One command as JSON: {"go": "history"}, {"start": "meeting"}, {"training": {...}} — see App::test_command.
EMSCRIPTEN_KEEPALIVE void jianfu_test_command(const char* json) {
  if (!g_app || !json) return;
  const auto j = nlohmann::json::parse(json, nullptr, false);
  if (j.is_object()) g_app->test_command(j);
  jianfu::ui::frame_pacer().wake();
}

EMSCRIPTEN_KEEPALIVE const char* jianfu_test_state() {
  g_result = g_app ? g_app->test_state_json() : "{}";
  return g_result.c_str();
}

}  // extern "C"
