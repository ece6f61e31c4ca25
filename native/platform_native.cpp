// Desktop (GLFW) platform services: where the database lives and which fonts to use.
#include "native/platform_native.h"

#include <cstdlib>
#include <filesystem>

namespace jianfu::native {

namespace fs = std::filesystem;

std::string data_dir() {
  // JIANFU_DATA_DIR lets a township keep records on a chosen disk (and tests use a scratch folder).
  if (const char* d = std::getenv("JIANFU_DATA_DIR"); d && *d) return d;
  if (const char* x = std::getenv("XDG_DATA_HOME"); x && *x) return std::string(x) + "/jianfu";
  if (const char* h = std::getenv("HOME"); h && *h) return std::string(h) + "/.local/share/jianfu";
  return ".";
}

ui::PlatformServices make_services(const std::string& exe_dir, float content_scale) {
  ui::PlatformServices s;
  const std::string dir = data_dir();
  std::error_code ec;
  fs::create_directories(dir, ec);
  s.database_path = dir + "/jianfu.sqlite3";
  s.storage_note = "记录保存在本机：" + s.database_path;
  s.content_scale = content_scale;
  // System CJK fonts first (full coverage, including rare characters), then the subset shipped
  // with the program. Face 2 of Noto Sans CJK's collection is Simplified Chinese.
  s.fonts = {
      {"/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 2},
      {"/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", 0},
      {"/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0},
      {"/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf", 0},
      {exe_dir + "/assets/fonts/jianfu-sc.ttf", 0},
  };
  // Exports and reports go to the user's documents folder (editable in the history screen).
  const char* home = std::getenv("HOME");
  const std::string docs = home ? std::string(home) + "/Documents" : "";
  s.export_dir = !docs.empty() && fs::is_directory(docs, ec) ? docs : dir;
  s.deliver_file = [](const std::string& path, const std::string& name, const std::string& dirs) {
    std::error_code err;
    fs::create_directories(dirs, err);
    const fs::path target = fs::path(dirs) / name;
    fs::copy_file(path, target, fs::copy_options::overwrite_existing, err);
    if (err) return "保存失败（" + err.message() + "）：" + target.string();
    return "已保存到：" + target.string();
  };
  return s;
}

}  // namespace jianfu::native
