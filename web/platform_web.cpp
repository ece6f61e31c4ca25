// Browser platform services. JavaScript counterparts live in web/js/ (storage.js fills /data from
// IndexedDB before main() runs and copies what changed back to it when asked).
#include "web/platform_web.h"

#include <emscripten.h>

#include <functional>
#include <string>
#include <utility>

#include "ui/frame_pacing.h"

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

std::string& storage_warning() {
  static std::string warning;
  return warning;
}

std::function<void(const std::string&)>& pending_file_callback() {
  static std::function<void(const std::string&)> cb;
  return cb;
}

}  // namespace

ui::PlatformServices make_services(float device_pixel_ratio) {
  ui::PlatformServices s;
  s.database_path = "/data/jianfu.sqlite3";
  s.database_wal = false;
  s.storage_note = "记录保存在本浏览器中（IndexedDB）。清除浏览器的网站数据会删除这些记录，请定期导出备份。";
  s.content_scale = device_pixel_ratio;
  if (EM_ASM_INT({ return Module['jianfuSingleFile'] ? 1 : 0; }))
    s.storage_note = "单文件版：记录保存在本浏览器中，但换一个文件位置或浏览器就看不到了。请在“历史记录”中定期“导出全部记录”，换电脑时再导入。";
  // js/storage.js found another tab holding the database lock, or could not read the saved copy.
  s.read_only = EM_ASM_INT({ return Module['jianfuReadOnly'] ? 1 : 0; }) != 0;
  if (EM_ASM_INT({ return Module['jianfuReadOnlyWhy'] === 'load-failed' ? 1 : 0; }))
    s.read_only_reason = "无法读取本浏览器中已保存的记录（STORAGE_LOAD_FAILED）。为免覆盖这些记录，此页只能查看，不会保存。请刷新本页重试；如仍出现本提示，请在“历史记录”中“导出全部记录”，留存能读到的部分。";
  else if (s.read_only)
    s.read_only_reason = "本工具已在另一个标签页中打开（STORAGE_IN_USE）。为避免记录互相覆盖，此页只能查看，不会保存。请关闭其他标签页后刷新本页。";
  s.deliver_file = [](const std::string& path, const std::string& name, const std::string&) {
    EM_ASM({ Module['jianfuDownload'](UTF8ToString($0), UTF8ToString($1)); }, path.c_str(), name.c_str());
    return "已下载“" + name + "”，请在浏览器的下载文件夹中查看。";
  };
  s.choose_file = [](const std::string& accept, std::function<void(const std::string&)> cb) {
    pending_file_callback() = std::move(cb);
    EM_ASM({ Module['jianfuChooseFile'](UTF8ToString($0)); }, accept.c_str());
  };
  s.fonts = {{"/assets/fonts/jianfu-sc.ttf", 0}};
  s.on_committed = [] { EM_ASM({ if (Module['jianfuPersist']) Module['jianfuPersist'](); }); };
  s.storage_warning = [] { return storage_warning(); };
  s.request_extra_font = [](std::function<void(const ui::FontFile&)> cb) {
    pending_font_callback() = std::move(cb);
    EM_ASM({ FS.mkdirTree('/fonts-ext'); });
    emscripten_async_wget(kExtFontUrl, kExtFontPath, on_ext_font_loaded, on_ext_font_failed);
  };
  return s;
}

}  // namespace jianfu::web

// js/storage.js reports each copy to IndexedDB that fails (error text) and the next that succeeds
// (empty). The records stay in the page's memory meanwhile; the next commit tries again.
extern "C" EMSCRIPTEN_KEEPALIVE void jianfu_storage_status(const char* error) {
  jianfu::ui::frame_pacer().wake();
  if (!error || !*error) {
    jianfu::web::storage_warning().clear();
    return;
  }
  jianfu::web::storage_warning() =
      std::string("最近的修改未能存入浏览器的存储（STORAGE_SYNC_FAILED：") + error +
      "）。可能是存储空间已满，或浏览器禁止了本网站存储数据。关闭本页会丢失这些修改：请立即在“历史记录”中“导出全部记录”。";
}

extern "C" EMSCRIPTEN_KEEPALIVE void jianfu_file_chosen(const char* path) {
  jianfu::ui::frame_pacer().wake();
  if (auto cb = std::exchange(jianfu::web::pending_file_callback(), nullptr)) cb(path ? path : "");
}
