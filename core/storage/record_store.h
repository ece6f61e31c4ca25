// Saved records (assessments, reviews, notes): insert or update, fetch, list, full-text search.
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
  std::string data = "{}"; // JSON: inputs, answers, results
  std::string status = "draft";
  std::string created_at;  // ISO 8601 UTC; set on first save
  std::string updated_at;  // set on every save
};

class RecordStore {
 public:
  // Opens (creating if needed) and migrates the database at path. wal=false selects a rollback
  // journal (for file systems without shared memory, such as the browser's MEMFS).
  explicit RecordStore(const std::string& path, bool wal = true);

  // Inserts or replaces by id in one transaction; returns the stored record.
  Record save(Record r);
  std::optional<Record> get(const std::string& id);
  std::vector<Record> recent(std::size_t limit);
  // Full-text search over titles and drafts. Queries shorter than three characters (the trigram
  // minimum) fall back to a substring scan so that two-character words like 留痕 still match.
  std::vector<Record> search(const std::string& query, std::size_t limit);
  std::size_t count();

  Database& db() { return db_; }

 private:
  Database db_;
};

std::string new_record_id();
std::string now_utc_iso8601();

}  // namespace jianfu::storage
