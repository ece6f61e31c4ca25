// The device's own settings (font size, which local packs apply, the as-of date, the learner's
// name), kept in the same database so that they survive restarts and reloads like the records.
// Settings are not carried by import: they describe this device, not the work.
#pragma once
#include <string>

#include "storage/database.h"

namespace jianfu::storage {

std::string get_setting(Database& db, const std::string& key, const std::string& fallback = "");
void set_setting(Database& db, const std::string& key, const std::string& value);

}  // namespace jianfu::storage
