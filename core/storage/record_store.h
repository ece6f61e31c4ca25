// Saved records (assessments, reviews, notes) with an append-only, hash-chained audit log:
// insert or update, fetch, filtered history, full-text search, archive, delete with undo, and
// moving the whole store to another machine as one file (export, then import merging by id).
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "storage/database.h"

namespace jianfu::storage {

struct Record {
  std::string id;          // empty on save → a new random id is assigned
  std::string type;        // "assessment" | "review" | "note"
  std::string kind;        // proposal kind, e.g. "document"
  std::string title;
  std::string body;        // the draft text
  std::string data = "{}"; // JSON: inputs, answers, recorded reasons, findings
  std::string status = "draft";  // draft | final
  std::string verdict;     // the engine's verdict or decision, for filters
  std::string as_of;       // the date the rules were applied as of
  std::string packs = "[]";  // JSON: [{id, version, sha256}] of the packs used
  bool archived = false;
  std::string created_at;  // ISO 8601 UTC; set on first save
  std::string updated_at;  // set on every save
};

struct HistoryFilter {
  std::string type, kind, verdict;  // empty = any
  std::string from, to;             // updated_at range: local dates, YYYY-MM-DD, inclusive; empty = open
  std::string query;                // full text over titles and drafts; empty = none
  bool include_archived = false;
};

// action "create", "update" (field, old → new), "edit" (a long field changed in part: field is
// "name@offset", old_value the bytes removed at that byte offset, new_value those put in their
// place; storage/text_edit.h), "archive", "unarchive", "delete", "restore", "import",
// "import_update".
struct AuditEntry {
  long long seq = 0;
  std::string at, actor, record_id, action, field, old_value, new_value, reason, prev_hash, hash;
};

// A field whose old and new values together are longer than this is logged as an edit.
constexpr std::size_t kWholeValueBytes = 512;

struct AuditCheck {
  bool ok = true;
  long long entries = 0;
  long long first_bad = 0;  // seq of the first entry whose hash does not match; 0 if none
};

struct ImportResult {
  long long added = 0, updated = 0, unchanged = 0;
  long long attempts_added = 0;  // training attempts new to this store
};

// Files from schema 2 on can be imported (3 added settings and training attempts, which a
// schema-2 file simply does not have).
constexpr int kOldestImportable = 2;

class RecordStore {
 public:
  // Opens (creating if needed) and migrates the database at path. wal=false selects a rollback
  // journal (for file systems without shared memory, such as the browser's MEMFS).
  explicit RecordStore(const std::string& path, bool wal = true);

  // Inserts or updates by id in one transaction, with audit entries for what changed.
  Record save(Record r, const std::string& actor = "本机用户", const std::string& reason = "");
  std::optional<Record> get(const std::string& id);
  std::vector<Record> recent(std::size_t limit);
  // Full-text search over titles and drafts. Queries shorter than three characters (the trigram
  // minimum) fall back to a substring scan so that two-character words like 留痕 still match.
  std::vector<Record> search(const std::string& query, std::size_t limit);
  std::vector<Record> history(const HistoryFilter& f, std::size_t limit, std::size_t offset = 0);
  // Brings the full-text index up to date with records changed since it last was (a save notes
  // them instead of re-indexing: schema.cpp, 4). Runs when the store is opened; searches are exact
  // either way. Returns how many records were indexed.
  std::size_t index_pending();
  std::size_t count();

  void set_archived(const std::string& id, bool archived, const std::string& actor = "本机用户");
  // Deleting hides a record (undo restores it); nothing is ever dropped by a click.
  void remove(const std::string& id, const std::string& actor = "本机用户");
  void restore(const std::string& id, const std::string& actor = "本机用户");

  std::vector<AuditEntry> audit(const std::string& record_id = "");
  AuditCheck verify_audit();

  // One portable file: a consistent copy of the whole store (VACUUM INTO).
  void export_to(const std::string& path);
  // Merges another store's records by id (newer updated_at wins), in one transaction. A file that
  // is not SQLite, not ours, from a newer version or damaged is refused (IMPORT_*) before anything
  // here is touched.
  ImportResult import_from(const std::string& path, const std::string& actor = "本机用户");

  Database& db() { return db_; }

 private:
  void append_audit(const std::string& actor, const std::string& record_id, const std::string& action,
                    const std::string& field, const std::string& old_value, const std::string& new_value,
                    const std::string& reason);
  Database db_;
};

std::string new_record_id();
std::string now_utc_iso8601();

}  // namespace jianfu::storage
