#include "storage/record_store.h"

#include <chrono>
#include <ctime>
#include <random>

#include "storage/schema.h"
#include "text/utf8.h"

namespace jianfu::storage {

namespace {

constexpr const char* kColumns = "id, type, kind, title, body, data, status, created_at, updated_at";

Record read_row(const Statement& st) {
  return Record{st.text(0), st.text(1), st.text(2), st.text(3), st.text(4),
                st.text(5), st.text(6), st.text(7), st.text(8)};
}

std::vector<Record> read_all(Statement& st) {
  std::vector<Record> out;
  while (st.step()) out.push_back(read_row(st));
  return out;
}

}  // namespace

std::string new_record_id() {
  static std::random_device rd;
  static const char* hex = "0123456789abcdef";
  std::string id(32, '0');
  for (int i = 0; i < 32; i += 8) {
    std::uint32_t v = rd();
    for (int k = 0; k < 8; ++k, v >>= 4) id[i + k] = hex[v & 0xF];
  }
  return id;
}

std::string now_utc_iso8601() {
  const auto now = std::chrono::system_clock::now();
  const std::time_t t = std::chrono::system_clock::to_time_t(now);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

RecordStore::RecordStore(const std::string& path, bool wal) : db_(path) {
  migrate(db_);
  if (path != ":memory:") {
    // synchronous=FULL: a commit that returned is on disk, even after a power cut.
    // (In the browser the file lives in MEMFS and is mirrored to IndexedDB after each commit.)
    db_.exec(wal ? "PRAGMA journal_mode=WAL" : "PRAGMA journal_mode=TRUNCATE");
    db_.exec("PRAGMA synchronous=FULL");
  }
}

Record RecordStore::save(Record r) {
  if (r.id.empty()) r.id = new_record_id();
  r.updated_at = now_utc_iso8601();
  if (r.created_at.empty()) r.created_at = r.updated_at;
  db_.transaction([&] {
    auto st = db_.prepare(
        "INSERT INTO records(id, type, kind, title, body, data, status, created_at, updated_at) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) "
        "ON CONFLICT(id) DO UPDATE SET type=excluded.type, kind=excluded.kind, title=excluded.title, "
        "body=excluded.body, data=excluded.data, status=excluded.status, updated_at=excluded.updated_at");
    st.bind(1, r.id).bind(2, r.type).bind(3, r.kind).bind(4, r.title).bind(5, r.body)
        .bind(6, r.data).bind(7, r.status).bind(8, r.created_at).bind(9, r.updated_at);
    st.step();
  });
  return *get(r.id);
}

std::optional<Record> RecordStore::get(const std::string& id) {
  auto st = db_.prepare(std::string("SELECT ") + kColumns + " FROM records WHERE id = ?1");
  st.bind(1, id);
  if (!st.step()) return std::nullopt;
  return read_row(st);
}

std::vector<Record> RecordStore::recent(std::size_t limit) {
  auto st = db_.prepare(std::string("SELECT ") + kColumns +
                        " FROM records ORDER BY updated_at DESC, rowid DESC LIMIT ?1");
  st.bind(1, static_cast<std::int64_t>(limit));
  return read_all(st);
}

std::vector<Record> RecordStore::search(const std::string& query, std::size_t limit) {
  if (text::count_code_points(query) >= 3) {
    // Quote the query as one FTS5 phrase so that user punctuation is not read as syntax.
    std::string phrase = "\"";
    for (char c : query) phrase += (c == '"') ? std::string("\"\"") : std::string(1, c);
    phrase += "\"";
    auto st = db_.prepare(std::string("SELECT ") + kColumns +
                          " FROM records WHERE rowid IN (SELECT rowid FROM records_fts WHERE records_fts MATCH ?1)"
                          " ORDER BY updated_at DESC LIMIT ?2");
    st.bind(1, phrase).bind(2, static_cast<std::int64_t>(limit));
    return read_all(st);
  }
  auto st = db_.prepare(std::string("SELECT ") + kColumns +
                        " FROM records WHERE instr(title, ?1) > 0 OR instr(body, ?1) > 0"
                        " ORDER BY updated_at DESC LIMIT ?2");
  st.bind(1, query).bind(2, static_cast<std::int64_t>(limit));
  return read_all(st);
}

std::size_t RecordStore::count() { return static_cast<std::size_t>(db_.scalar_int("SELECT count(*) FROM records")); }

}  // namespace jianfu::storage
