#include "storage/settings.h"

namespace jianfu::storage {

std::string get_setting(Database& db, const std::string& key, const std::string& fallback) {
  auto st = db.prepare("SELECT value FROM settings WHERE key = ?1");
  st.bind(1, key);
  return st.step() ? st.text(0) : fallback;
}

void set_setting(Database& db, const std::string& key, const std::string& value) {
  auto st = db.prepare("INSERT INTO settings(key, value) VALUES (?1, ?2) ON CONFLICT(key) DO UPDATE SET value = excluded.value");
  st.bind(1, key).bind(2, value);
  st.step();
}

}  // namespace jianfu::storage
