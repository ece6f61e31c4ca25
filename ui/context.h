// What every screen shares: the platform services, the store (null when it could not be opened),
// the device's settings, and navigation. Screens receive a reference and never own these.
#pragma once
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "rules/pack_set.h"
#include "review/list_pack.h"
#include "storage/record_store.h"
#include "ui/platform.h"

namespace jianfu::ui {

enum class Screen { Home, Assess, Review, History, Training, Settings };

struct Settings {
  float font_size = 18.0f;
  std::vector<std::string> local_packs;  // local rule packs applied on top of the national pack
  std::vector<std::string> local_lists;  // provincial list packs on top of the national lists
  std::string as_of;                     // YYYY-MM-DD; empty = today
  std::string learner;                   // the trainee's name on this device

  bool operator==(const Settings& o) const {
    return font_size == o.font_size && local_packs == o.local_packs && local_lists == o.local_lists &&
           as_of == o.as_of && learner == o.learner;
  }
  bool operator!=(const Settings& o) const { return !(*this == o); }
};

struct Context {
  PlatformServices& services;
  storage::RecordStore* store = nullptr;
  Settings settings;
  // Browser: another tab holds the database, or it could not be read. Nothing is saved here.
  bool read_only = false;
  std::unique_ptr<rules::PackSet> packs;     // national + the chosen local packs
  std::unique_ptr<review::ListSet> lists;
  std::string pack_error;
  int packs_generation = 0;                  // bumped when the pack choice changes
  std::function<void(Screen)> go = [](Screen) {};
  std::function<void(const storage::Record&)> open_record = [](const storage::Record&) {};
  std::function<void(const std::string& kind)> start_assessment = [](const std::string&) {};

  explicit Context(PlatformServices& s) : services(s) {}
  // Loads the packs for the current settings; keeps the previous ones if the choice fails.
  void reload_packs();
  void save_settings();
  void load_settings();
  // Settings edited but not yet written (a name still being typed in its field).
  bool settings_unsaved() const { return settings != saved_settings; }
  Settings saved_settings;  // as last read from or written to the store
  // After a write: tell the platform (the browser mirrors the file to IndexedDB).
  void committed() { services.on_committed(); }
  // A file next to the database (same file system, writable in both builds) for exports and
  // reports before they are handed to the user.
  std::string scratch_path(const std::string& name) const;
};

// Shared look of verdicts and decisions.
struct Rgba { float r, g, b, a; };
Rgba verdict_rgba(const std::string& verdict);  // pass | revise | justify | reject | admit …
// Two table cells shared by the record lists: the kind of proposal and the coloured verdict.
void draw_kind_and_verdict_cells(const storage::Record& r);

}  // namespace jianfu::ui
