// The store's schema and its forward migrations. The version lives in PRAGMA user_version and the
// file is marked as ours with PRAGMA application_id, so foreign or newer files are refused rather
// than modified.
#pragma once

namespace jianfu::storage {

class Database;

constexpr int kApplicationId = 0x4A464A46;  // "JFJF"
constexpr int kSchemaVersion = 4;

// Brings the database to kSchemaVersion, one migration per transaction. Throws BadInput with
// DB_FOREIGN for another program's database and DB_TOO_NEW for one written by a newer Jianfu;
// neither case writes anything.
void migrate(Database& db);

int schema_version(Database& db);

}  // namespace jianfu::storage
