// Functions the browser tests call (through Module.ccall) to find widgets and read the app's state,
// so that tests assert on meaning rather than on pixels. Widget lookup is on only with ?test in the URL.
#include <emscripten.h>

#include <string>

#include <nlohmann/json.hpp>

#include "ui/app.h"
#include "ui/frame.h"
#include "ui/frame_pacing.h"
#include "ui/gl_renderer.h"
#include "ui/item_locator.h"
#include "ui/screen_damage.h"
#include "web/canvas_present.h"
#include "web/test_api.h"

namespace {
jianfu::ui::App* g_app = nullptr;
jianfu::ui::ScreenDamage* g_damage = nullptr;
jianfu::ui::GlRenderer* g_renderer = nullptr;
std::string g_result;
}  // namespace

namespace jianfu::web {
void set_test_app(ui::App* app, ui::ScreenDamage* damage, ui::GlRenderer* renderer) {
  g_app = app;
  g_damage = damage;
  g_renderer = renderer;
}
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
// Three are the page's own: {"redraw_whole": true} draws the next frame whole, as after a resize,
// {"reset_damage_stats": true} zeroes the counters of jianfu_test_damage, and {"occlusion": false}
// draws what opaque rectangles hide too (ui/occlusion.h), to compare the two drawings.
EMSCRIPTEN_KEEPALIVE void jianfu_test_command(const char* json) {
  if (!g_app || !json) return;
  const auto j = nlohmann::json::parse(json, nullptr, false);
  if (!j.is_object()) return;
  if (g_damage && j.value("redraw_whole", false)) g_damage->forget();
  if (g_damage && j.value("reset_damage_stats", false)) g_damage->stats() = {};
  if (g_renderer && j.contains("occlusion")) g_renderer->set_occlusion(j.value("occlusion", true));
  g_app->test_command(j);
  jianfu::ui::frame_pacer().wake();
}

// What the page drew: {"partial": bool, "frames", "whole_frames", "pixels", "rects", "moved": pixels
// moved rather than drawn, "last": the rectangles [x0, y0, x1, y1] drawn of the frame on screen,
// "last_moves": its moves [x0, y0, x1, y1, dy] made before, and "passes": the parts the rectangles
// were drawn in, [x0, y0, x1, y1, from] (from > 0: drawn from an opaque rectangle on), "last_ms": where
// the last frame built went, {build, settle, compare, draw, show} (ui/frame.h, web/canvas_present.h)}.
EMSCRIPTEN_KEEPALIVE const char* jianfu_test_damage() {
  nlohmann::json j = {{"partial", g_damage != nullptr}};
  if (g_damage) {
    const jianfu::ui::DamageStats& s = g_damage->stats();
    j["frames"] = s.frames;
    j["whole_frames"] = s.whole_frames;
    j["pixels"] = s.pixels;
    j["rects"] = s.rects;
    j["last"] = nlohmann::json::array();
    for (const jianfu::ui::PixelRect& r : g_damage->drawn_rects()) j["last"].push_back({r.x0, r.y0, r.x1, r.y1});
    j["moved"] = s.moved;
    j["last_moves"] = nlohmann::json::array();
    for (const jianfu::ui::PixelMove& m : g_damage->drawn_moves())
      j["last_moves"].push_back({m.to.x0, m.to.y0, m.to.x1, m.to.y1, m.dy});
  }
  j["passes"] = nlohmann::json::array();
  if (g_renderer) {
    for (const jianfu::ui::DrawPass& p : g_renderer->passes())
      j["passes"].push_back({p.rect.x0, p.rect.y0, p.rect.x1, p.rect.y1, p.from});
  }
  const jianfu::ui::FrameTimes& t = jianfu::ui::last_frame_times();
  j["last_ms"] = {{"build", t.build}, {"settle", t.settle}, {"compare", t.compare}, {"draw", t.draw},
                  {"show", jianfu::web::last_show_ms()}};
  g_result = j.dump();
  return g_result.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* jianfu_test_state() {
  g_result = g_app ? g_app->test_state_json() : "{}";
  return g_result.c_str();
}

}  // extern "C"
