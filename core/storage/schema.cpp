#include "storage/schema.h"

#include <string>

#include "error.h"
#include "storage/database.h"

namespace jianfu::storage {

namespace {

// Migration N takes the schema from version N-1 to N. Append only; never edit a shipped one.
const char* const kMigrations[] = {
    // 1: records (assessments, reviews, notes) with full-text search over title and draft text.
    // FTS5's trigram tokenizer matches any Chinese substring of three or more characters.
    R"sql(
    CREATE TABLE records(
      id         TEXT PRIMARY KEY,
      type       TEXT NOT NULL,
      kind       TEXT NOT NULL DEFAULT '',
      title      TEXT NOT NULL DEFAULT '',
      body       TEXT NOT NULL DEFAULT '',
      data       TEXT NOT NULL DEFAULT '{}',
      status     TEXT NOT NULL DEFAULT 'draft',
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );
    CREATE INDEX records_by_update ON records(updated_at DESC);
    CREATE VIRTUAL TABLE records_fts USING fts5(
      title, body, content='records', content_rowid='rowid', tokenize='trigram');
    CREATE TRIGGER records_ai AFTER INSERT ON records BEGIN
      INSERT INTO records_fts(rowid, title, body) VALUES (new.rowid, new.title, new.body);
    END;
    CREATE TRIGGER records_ad AFTER DELETE ON records BEGIN
      INSERT INTO records_fts(records_fts, rowid, title, body) VALUES ('delete', old.rowid, old.title, old.body);
    END;
    CREATE TRIGGER records_au AFTER UPDATE ON records BEGIN
      INSERT INTO records_fts(records_fts, rowid, title, body) VALUES ('delete', old.rowid, old.title, old.body);
      INSERT INTO records_fts(rowid, title, body) VALUES (new.rowid, new.title, new.body);
    END;
    )sql",
    // 2: archive and delete-with-undo, the assessment's verdict, as-of date and packs as columns
    // (for filters and for re-opening exactly what was decided), and an append-only, hash-chained
    // audit log. Triggers refuse any change to a written audit entry.
    R"sql(
    ALTER TABLE records ADD COLUMN verdict TEXT NOT NULL DEFAULT '';
    ALTER TABLE records ADD COLUMN as_of TEXT NOT NULL DEFAULT '';
    ALTER TABLE records ADD COLUMN packs TEXT NOT NULL DEFAULT '[]';
    ALTER TABLE records ADD COLUMN archived INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE records ADD COLUMN deleted_at TEXT;
    CREATE INDEX records_by_kind ON records(kind, verdict, updated_at);
    CREATE INDEX records_by_verdict ON records(verdict, updated_at);
    CREATE TABLE audit(
      seq       INTEGER PRIMARY KEY AUTOINCREMENT,
      at        TEXT NOT NULL,
      actor     TEXT NOT NULL,
      record_id TEXT NOT NULL,
      action    TEXT NOT NULL,
      field     TEXT NOT NULL DEFAULT '',
      old       TEXT NOT NULL DEFAULT '',
      new       TEXT NOT NULL DEFAULT '',
      reason    TEXT NOT NULL DEFAULT '',
      prev_hash TEXT NOT NULL,
      hash      TEXT NOT NULL
    );
    CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
    CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
    )sql",
    // 3: the device's settings (font size, local packs, as-of date, learner name) and training
    // attempts. Attempts are written once and never changed, so devices' files merge by id.
    R"sql(
    CREATE TABLE settings(key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE attempts(
      id        TEXT PRIMARY KEY,
      learner   TEXT NOT NULL,
      course    TEXT NOT NULL,
      exercise  TEXT NOT NULL,
      mode      TEXT NOT NULL,
      answer    TEXT NOT NULL DEFAULT '{}',
      score     REAL NOT NULL,
      max_score REAL NOT NULL,
      at        TEXT NOT NULL
    );
    CREATE INDEX attempts_by_learner ON attempts(course, learner, exercise, at);
    )sql",
    // 4: the full-text index of a changed record catches up later. Re-indexing the whole draft on
    // every autosave was about half of the save's time (docs/BENCHMARKS.md). The update
    // trigger now keeps the text as it was indexed, once, in fts_pending; RecordStore::
    // index_pending() (run when the store is opened) brings the index up to date, and searches
    // read a pending record's own text, so they match what it holds now.
    R"sql(
    CREATE TABLE fts_pending(rowid INTEGER PRIMARY KEY, title TEXT NOT NULL, body TEXT NOT NULL);
    DROP TRIGGER IF EXISTS records_au;
    CREATE TRIGGER records_au AFTER UPDATE OF title, body ON records
      WHEN old.title IS NOT new.title OR old.body IS NOT new.body BEGIN
      -- Not INSERT OR IGNORE: the conflict clause of the statement that fired the trigger (the
      -- save's upsert) would override it.
      INSERT INTO fts_pending(rowid, title, body) SELECT old.rowid, old.title, old.body
        WHERE NOT EXISTS (SELECT 1 FROM fts_pending WHERE rowid = old.rowid);
    END;
    DROP TRIGGER IF EXISTS records_ad;
    CREATE TRIGGER records_ad AFTER DELETE ON records BEGIN
      INSERT INTO records_fts(records_fts, rowid, title, body)
        SELECT 'delete', old.rowid, coalesce(p.title, old.title), coalesce(p.body, old.body)
        FROM (SELECT 1) LEFT JOIN fts_pending p ON p.rowid = old.rowid;
      DELETE FROM fts_pending WHERE rowid = old.rowid;
    END;
    )sql",
};
constexpr int kMigrationCount = sizeof(kMigrations) / sizeof(kMigrations[0]);
static_assert(kMigrationCount == kSchemaVersion, "one migration per schema version");

}  // namespace

int schema_version(Database& db) { return static_cast<int>(db.scalar_int("PRAGMA user_version")); }

void migrate(Database& db) {
  const int app_id = static_cast<int>(db.scalar_int("PRAGMA application_id"));
  const int version = schema_version(db);
  const bool empty = db.scalar_int("SELECT count(*) FROM sqlite_schema") == 0;
  if (app_id != kApplicationId && !(app_id == 0 && empty)) {
    throw bad_input("DB_FOREIGN", "该文件不是减负工具的数据库，未做任何修改。");
  }
  if (version > kSchemaVersion) {
    throw bad_input("DB_TOO_NEW", "该数据库由更新版本的减负工具创建（结构版本 " + std::to_string(version) +
                                      "，本程序支持到 " + std::to_string(kSchemaVersion) +
                                      "）。请升级本程序后再打开，数据未做任何修改。");
  }
  for (int v = version; v < kSchemaVersion; ++v) {
    db.transaction([&] {
      db.exec(kMigrations[v]);
      db.exec("PRAGMA application_id=" + std::to_string(kApplicationId));
      db.exec("PRAGMA user_version=" + std::to_string(v + 1));
    });
  }
}

}  // namespace jianfu::storage
