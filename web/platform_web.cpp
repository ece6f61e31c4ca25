// Browser platform services. JavaScript counterparts live in web/js/ (storage.js mounts /data as
// IDBFS before main() runs and mirrors it to IndexedDB when asked).
#include "web/platform_web.h"

#include <emscripten.h>

#include <functional>
#include <utility>

namespace jianfu::web {

namespace {

constexpr const char* kExtFontUrl = "assets/fonts/jianfu-sc-ext.ttf";
constexpr const char* kExtFontPath = "/fonts-ext/jianfu-sc-ext.ttf";

std::function<void(const ui::FontFile&)>& pending_font_callback() {
  static std::function<void(const ui::FontFile&)> cb;
  return cb;
}

void on_ext_font_loaded(const char* file) {
  if (auto cb = std::exchange(pending_font_callback(), nullptr)) cb(ui::FontFile{file, 0});
}

void on_ext_font_failed(const char*) { pending_font_callback() = nullptr; }

}  // namespace

ui::PlatformServices make_services(float device_pixel_ratio) {
  ui::PlatformServices s;
  s.database_path = "/data/jianfu.sqlite3";
  s.database_wal = false;
  s.storage_note = "记录保存在本浏览器中（IndexedDB）。清除浏览器的网站数据会删除这些记录，请定期导出备份。";
  s.content_scale = device_pixel_ratio;
  s.fonts = {{"/assets/fonts/jianfu-sc.ttf", 0}};
  s.on_committed = [] { EM_ASM({ if (Module['jianfuPersist']) Module['jianfuPersist'](); }); };
  s.request_extra_font = [](std::function<void(const ui::FontFile&)> cb) {
    pending_font_callback() = std::move(cb);
    EM_ASM({ FS.mkdirTree('/fonts-ext'); });
    emscripten_async_wget(kExtFontUrl, kExtFontPath, on_ext_font_loaded, on_ext_font_failed);
  };
  return s;
}

}  // namespace jianfu::web
