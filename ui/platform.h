// What the shared UI needs from the shell it runs in. Each shell (native/platform_native.cpp,
// web/platform_web.cpp) fills one of these; the UI never calls platform APIs itself.
#pragma once
#include <functional>
#include <string>
#include <vector>

namespace jianfu::ui {

struct FontFile {
  std::string path;
  int face = 0;  // index inside a .ttc collection
};

struct PlatformServices {
  std::string database_path;
  // WAL natively (durable commits, readers never block); the browser keeps the file in MEMFS,
  // where WAL's shared-memory index is not available, so it uses a rollback journal.
  bool database_wal = true;
  std::string storage_note;            // one line shown in the footer: where records are kept
  std::vector<FontFile> fonts;         // candidates in order; the first that loads is used
  float content_scale = 1.0f;          // HiDPI factor of the display
  // Called after every committed write (the web shell mirrors the database to IndexedDB).
  std::function<void()> on_committed = [] {};
  // Empty while committed records reach lasting storage; otherwise a sentence for the user, shown
  // under the bar (the browser: the last copy to IndexedDB failed, e.g. the quota is full).
  std::function<std::string()> storage_warning = [] { return std::string(); };
  // Hands a file the app wrote (an export, a report) to the user: the browser downloads it, the
  // desktop copies it into export_dir (passed in). Returns a sentence saying where it went.
  std::function<std::string(const std::string& path, const std::string& file_name, const std::string& export_dir)>
      deliver_file;
  std::string export_dir;  // desktop: where delivered files go (editable in the history screen)
  // Lets the user pick a file to import (the browser's file picker); calls back with a readable
  // path. Empty on the desktop, where the screen asks for a path (or a file is dropped on the window).
  std::function<void(const std::string& accept, std::function<void(const std::string&)>)> choose_file;
  // The records may be looked at but not written (the browser: another tab holds the database, or
  // the saved copy could not be read and must not be overwritten). The reason is shown under the bar.
  bool read_only = false;
  std::string read_only_reason;
  // Asks for a font covering characters the main font lacks; calls back with a file to merge.
  // Empty when the platform has no such font.
  std::function<void(std::function<void(const FontFile&)>)> request_extra_font;
};

}  // namespace jianfu::ui
