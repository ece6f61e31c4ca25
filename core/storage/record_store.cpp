#include "storage/record_store.h"

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <random>

#include "error.h"
#include "storage/schema.h"
#include "storage/text_edit.h"
#include "text/utf8.h"
#include "util/local_time.h"
#include "util/sha256.h"

namespace jianfu::storage {

namespace {

constexpr const char* kColumns =
    "id, type, kind, title, body, data, status, verdict, as_of, packs, archived, created_at, updated_at";

Record read_row(const Statement& st) {
  Record r;
  r.id = st.text(0); r.type = st.text(1); r.kind = st.text(2); r.title = st.text(3); r.body = st.text(4);
  r.data = st.text(5); r.status = st.text(6); r.verdict = st.text(7); r.as_of = st.text(8); r.packs = st.text(9);
  r.archived = st.integer(10) != 0; r.created_at = st.text(11); r.updated_at = st.text(12);
  return r;
}

std::vector<Record> read_all(Statement& st) {
  std::vector<Record> out;
  while (st.step()) out.push_back(read_row(st));
  return out;
}

std::string fts_phrase(const std::string& query) {
  // Quote the query as one FTS5 phrase so that user punctuation is not read as syntax.
  std::string phrase = "\"";
  for (char c : query) phrase += (c == '"') ? std::string("\"\"") : std::string(1, c);
  return phrase + "\"";
}

// The hash of an audit entry covers the previous hash and every field, separated by a byte that
// cannot occur in UTF-8 text, so that no two different entries hash the same input.
std::string entry_hash(const AuditEntry& e) {
  const char sep = '\x1f';
  std::string s = e.prev_hash;
  for (const std::string* f : {&e.at, &e.actor, &e.record_id, &e.action, &e.field, &e.old_value, &e.new_value, &e.reason}) {
    s += sep;
    s += *f;
  }
  return util::sha256_hex(s);
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
  return util::utc_iso8601(std::chrono::system_clock::to_time_t(std::chrono::system_clock::now()));
}

RecordStore::RecordStore(const std::string& path, bool wal) : db_(path) {
  migrate(db_);
  if (path != ":memory:") {
    // synchronous=FULL: a commit that returned is on disk, even after a power cut.
    // (In the browser the file lives in MEMFS and is mirrored to IndexedDB after each commit.)
    db_.exec(wal ? "PRAGMA journal_mode=WAL" : "PRAGMA journal_mode=TRUNCATE");
    db_.exec("PRAGMA synchronous=FULL");
  }
  index_pending();
}

std::size_t RecordStore::index_pending() {
  const auto pending = static_cast<std::size_t>(db_.scalar_int("SELECT count(*) FROM fts_pending"));
  if (pending == 0) return 0;
  // The index holds each record's text as it was when last indexed: that is what is taken out.
  db_.transaction([&] {
    db_.exec("INSERT INTO records_fts(records_fts, rowid, title, body) SELECT 'delete', rowid, title, body FROM fts_pending");
    db_.exec("INSERT INTO records_fts(rowid, title, body) "
             "SELECT r.rowid, r.title, r.body FROM records r JOIN fts_pending p ON p.rowid = r.rowid");
    db_.exec("DELETE FROM fts_pending");
  });
  return pending;
}

void RecordStore::append_audit(const std::string& actor, const std::string& record_id, const std::string& action,
                               const std::string& field, const std::string& old_value, const std::string& new_value,
                               const std::string& reason) {
  AuditEntry e;
  e.at = now_utc_iso8601();
  e.actor = actor;
  e.record_id = record_id;
  e.action = action;
  e.field = field;
  e.old_value = old_value;
  e.new_value = new_value;
  e.reason = reason;
  e.prev_hash = db_.scalar_text("SELECT hash FROM audit ORDER BY seq DESC LIMIT 1").value_or(std::string(64, '0'));
  e.hash = entry_hash(e);
  auto st = db_.prepare(
      "INSERT INTO audit(at, actor, record_id, action, field, old, new, reason, prev_hash, hash) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
  st.bind(1, e.at).bind(2, e.actor).bind(3, e.record_id).bind(4, e.action).bind(5, e.field).bind(6, e.old_value)
      .bind(7, e.new_value).bind(8, e.reason).bind(9, e.prev_hash).bind(10, e.hash);
  st.step();
}

Record RecordStore::save(Record r, const std::string& actor, const std::string& reason) {
  if (r.id.empty()) r.id = new_record_id();
  r.updated_at = now_utc_iso8601();
  db_.transaction([&] {
    const std::optional<Record> old = get(r.id);
    if (old) r.created_at = old->created_at;
    if (r.created_at.empty()) r.created_at = r.updated_at;
    auto st = db_.prepare(
        "INSERT INTO records(id, type, kind, title, body, data, status, verdict, as_of, packs, archived, created_at, updated_at) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13) "
        "ON CONFLICT(id) DO UPDATE SET type=excluded.type, kind=excluded.kind, title=excluded.title, body=excluded.body, "
        "data=excluded.data, status=excluded.status, verdict=excluded.verdict, as_of=excluded.as_of, packs=excluded.packs, "
        "archived=excluded.archived, updated_at=excluded.updated_at");
    st.bind(1, r.id).bind(2, r.type).bind(3, r.kind).bind(4, r.title).bind(5, r.body).bind(6, r.data).bind(7, r.status)
        .bind(8, r.verdict).bind(9, r.as_of).bind(10, r.packs).bind(11, std::int64_t{r.archived ? 1 : 0})
        .bind(12, r.created_at).bind(13, r.updated_at);
    st.step();
    if (!old) {
      append_audit(actor, r.id, "create", "", "", r.title, reason);
      return;
    }
    const std::pair<const char*, std::pair<const std::string*, const std::string*>> fields[] = {
        {"title", {&old->title, &r.title}}, {"body", {&old->body, &r.body}}, {"data", {&old->data, &r.data}},
        {"status", {&old->status, &r.status}}, {"verdict", {&old->verdict, &r.verdict}}};
    for (const auto& [name, values] : fields) {
      const std::string& was = *values.first;
      const std::string& now = *values.second;
      if (was == now) continue;
      if (was.size() + now.size() <= kWholeValueBytes) {
        append_audit(actor, r.id, "update", name, was, now, reason);
      } else {  // a long text (the draft, the record's data): the part that changed, and where
        const TextEdit e = edit_between(was, now);
        append_audit(actor, r.id, "edit", std::string(name) + "@" + std::to_string(e.at), e.removed, e.inserted, reason);
      }
    }
  });
  return *get(r.id);
}

std::optional<Record> RecordStore::get(const std::string& id) {
  auto st = db_.prepare(std::string("SELECT ") + kColumns + " FROM records WHERE id = ?1 AND deleted_at IS NULL");
  st.bind(1, id);
  if (!st.step()) return std::nullopt;
  return read_row(st);
}

std::vector<Record> RecordStore::recent(std::size_t limit) {
  return history(HistoryFilter{}, limit);
}

std::vector<Record> RecordStore::search(const std::string& query, std::size_t limit) {
  HistoryFilter f;
  f.query = query;
  f.include_archived = true;
  return history(f, limit);
}

std::vector<Record> RecordStore::history(const HistoryFilter& f, std::size_t limit, std::size_t offset) {
  // A text search walks the records newest first and stops after one page, testing membership in
  // the full-text matches: bounded even when the words occur in every record. Without text, the
  // planner picks the kind/verdict indexes.
  std::string sql = std::string("SELECT ") + kColumns + " FROM records" +
                    (f.query.empty() ? "" : " INDEXED BY records_by_update") + " WHERE deleted_at IS NULL";
  std::vector<std::string> args;
  auto add = [&](const char* clause, const std::string& v) {
    args.push_back(v);
    sql += std::string(" AND ") + clause + "?" + std::to_string(args.size());
  };
  if (!f.type.empty()) add("type = ", f.type);
  if (!f.kind.empty()) add("kind = ", f.kind);
  if (!f.verdict.empty()) add("verdict = ", f.verdict);
  // The dates are the user's calendar days, and the stored times UTC (util/local_time.h). A date
  // not in YYYY-MM-DD form is compared as it was typed.
  if (!f.from.empty()) {
    const std::string start = util::utc_start_of_local_day(f.from);
    add("updated_at >= ", start.empty() ? f.from : start);
  }
  if (!f.to.empty()) {
    const std::string end = util::utc_start_of_local_day(f.to, 1);  // the whole of that day
    add("updated_at < ", end.empty() ? f.to + "T99" : end);
  }
  if (!f.include_archived) sql += " AND archived = 0";
  if (!f.query.empty()) {
    if (text::count_code_points(f.query) >= 3) {
      args.push_back(fts_phrase(f.query));
      const std::string matches =
          "rowid IN (SELECT rowid FROM records_fts WHERE records_fts MATCH ?" + std::to_string(args.size()) + ")";
      if (db_.scalar_int("SELECT EXISTS (SELECT 1 FROM fts_pending)") == 0) {
        sql += " AND " + matches;
      } else {
        // Records changed since the index was last brought up to date (schema.cpp, 4) are matched
        // on their own text. Each test is a set of rowids, so rows that fail are never read.
        // lower() folds ASCII as the trigram index does; Chinese has no case.
        args.push_back(f.query);
        const std::string n = std::to_string(args.size());
        sql += " AND (" + matches + " AND rowid NOT IN (SELECT rowid FROM fts_pending) OR rowid IN ("
               "SELECT r.rowid FROM fts_pending p CROSS JOIN records r ON r.rowid = p.rowid "
               "WHERE instr(lower(r.title), lower(?" + n + ")) > 0 OR instr(lower(r.body), lower(?" + n + ")) > 0))";
      }
    } else {
      args.push_back(f.query);
      const std::string n = std::to_string(args.size());
      sql += " AND (instr(title, ?" + n + ") > 0 OR instr(body, ?" + n + ") > 0)";
    }
  }
  // Ties (same second) fall in index order, which is stable for a given file.
  // SQLite reads "no limit" as -1; a size_t that does not fit in 64-bit signed would be a real.
  const std::string lim = limit > static_cast<std::size_t>(INT64_MAX) ? "-1" : std::to_string(limit);
  sql += " ORDER BY updated_at DESC LIMIT " + lim + " OFFSET " + std::to_string(offset);
  auto st = db_.prepare(sql);
  for (std::size_t i = 0; i < args.size(); ++i) st.bind(static_cast<int>(i + 1), args[i]);
  return read_all(st);
}

std::size_t RecordStore::count() {
  return static_cast<std::size_t>(db_.scalar_int("SELECT count(*) FROM records WHERE deleted_at IS NULL"));
}

void RecordStore::set_archived(const std::string& id, bool archived, const std::string& actor) {
  db_.transaction([&] {
    auto st = db_.prepare("UPDATE records SET archived = ?2 WHERE id = ?1 AND deleted_at IS NULL AND archived != ?2");
    st.bind(1, id).bind(2, std::int64_t{archived ? 1 : 0});
    st.step();
    if (db_.changes() > 0) append_audit(actor, id, archived ? "archive" : "unarchive", "", "", "", "");
  });
}

void RecordStore::remove(const std::string& id, const std::string& actor) {
  db_.transaction([&] {
    auto st = db_.prepare("UPDATE records SET deleted_at = ?2 WHERE id = ?1 AND deleted_at IS NULL");
    st.bind(1, id).bind(2, now_utc_iso8601());
    st.step();
    if (db_.changes() > 0) append_audit(actor, id, "delete", "", "", "", "");
  });
}

void RecordStore::restore(const std::string& id, const std::string& actor) {
  db_.transaction([&] {
    auto st = db_.prepare("UPDATE records SET deleted_at = NULL WHERE id = ?1 AND deleted_at IS NOT NULL");
    st.bind(1, id);
    st.step();
    if (db_.changes() > 0) append_audit(actor, id, "restore", "", "", "", "");
  });
}

std::vector<AuditEntry> RecordStore::audit(const std::string& record_id) {
  auto st = db_.prepare("SELECT seq, at, actor, record_id, action, field, old, new, reason, prev_hash, hash FROM audit "
                        "WHERE ?1 = '' OR record_id = ?1 ORDER BY seq");
  st.bind(1, record_id);
  std::vector<AuditEntry> out;
  while (st.step()) {
    out.push_back(AuditEntry{st.integer(0), st.text(1), st.text(2), st.text(3), st.text(4), st.text(5),
                             st.text(6), st.text(7), st.text(8), st.text(9), st.text(10)});
  }
  return out;
}

AuditCheck RecordStore::verify_audit() {
  AuditCheck c;
  std::string prev(64, '0');
  for (const AuditEntry& e : audit()) {
    ++c.entries;
    if (c.ok && (e.prev_hash != prev || entry_hash(e) != e.hash)) {
      c.ok = false;
      c.first_bad = e.seq;
    }
    prev = e.hash;
  }
  return c;
}

void RecordStore::export_to(const std::string& path) {
  std::remove(path.c_str());
  auto st = db_.prepare("VACUUM INTO ?1");
  st.bind(1, path);
  st.step();
}

ImportResult RecordStore::import_from(const std::string& path, const std::string& actor) {
  // Check the file on its own connection first: nothing here is touched until it passes.
  {
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) throw bad_input("IMPORT_NOT_FOUND", "找不到要导入的文件：" + path);
    char header[16] = {};
    const std::size_t n = std::fread(header, 1, sizeof header, f);
    std::fclose(f);
    if (n < 16 || std::string(header, 15) != "SQLite format 3")
      throw bad_input("IMPORT_NOT_SQLITE", "该文件不是减负工具导出的数据文件（不是 SQLite 数据库），未导入任何内容。");
    try {
      Database other(path);
      if (other.scalar_text("PRAGMA quick_check").value_or("") != "ok")
        throw bad_input("IMPORT_CORRUPT", "该数据文件已损坏（可能未完整复制），未导入任何内容。");
      if (other.scalar_int("PRAGMA application_id") != kApplicationId)
        throw bad_input("IMPORT_FOREIGN", "该文件不是减负工具的数据文件，未导入任何内容。");
      const int v = schema_version(other);
      if (v > kSchemaVersion)
        throw bad_input("IMPORT_TOO_NEW", "该数据文件来自更新版本的减负工具（结构版本 " + std::to_string(v) + "），请先升级本程序，未导入任何内容。");
      if (v < kOldestImportable)
        throw bad_input("IMPORT_TOO_OLD", "该数据文件来自较早版本（结构版本 " + std::to_string(v) + "），请先用当前版本打开该文件完成升级后再导出，未导入任何内容。");
    } catch (const Error& e) {
      if (e.kind() == ErrorKind::BadInput) throw;
      // SQLite failing on the incoming file (malformed pages, a cut-off copy) is the file's fault.
      throw bad_input("IMPORT_CORRUPT", "该数据文件已损坏，无法读取（" + e.message_zh() + "），未导入任何内容。");
    }
  }
  ImportResult res;
  const bool has_attempts = [&] {
    Database other(path);
    return schema_version(other) >= 3;
  }();
  auto attach = db_.prepare("ATTACH DATABASE ?1 AS incoming");
  attach.bind(1, path);
  attach.step();
  try {
    db_.transaction([&] {
      auto st = db_.prepare(std::string("SELECT ") + kColumns + " FROM incoming.records WHERE deleted_at IS NULL");
      for (const Record& in : read_all(st)) {
        auto cur = db_.prepare("SELECT updated_at FROM main.records WHERE id = ?1");
        cur.bind(1, in.id);
        const bool exists = cur.step();
        const std::string mine = exists ? cur.text(0) : "";
        if (exists && mine >= in.updated_at) {
          ++res.unchanged;
          continue;
        }
        auto put = db_.prepare(
            "INSERT INTO main.records(id, type, kind, title, body, data, status, verdict, as_of, packs, archived, created_at, updated_at) "
            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13) "
            "ON CONFLICT(id) DO UPDATE SET type=excluded.type, kind=excluded.kind, title=excluded.title, body=excluded.body, "
            "data=excluded.data, status=excluded.status, verdict=excluded.verdict, as_of=excluded.as_of, packs=excluded.packs, "
            "archived=excluded.archived, updated_at=excluded.updated_at, deleted_at=NULL");
        put.bind(1, in.id).bind(2, in.type).bind(3, in.kind).bind(4, in.title).bind(5, in.body).bind(6, in.data)
            .bind(7, in.status).bind(8, in.verdict).bind(9, in.as_of).bind(10, in.packs)
            .bind(11, std::int64_t{in.archived ? 1 : 0}).bind(12, in.created_at).bind(13, in.updated_at);
        put.step();
        append_audit(actor, in.id, exists ? "import_update" : "import", "", mine, in.updated_at, "导入 " + path);
        ++(exists ? res.updated : res.added);
      }
      // Training attempts never change once written: the same id is the same attempt.
      if (has_attempts) {
        const long long before = db_.scalar_int("SELECT count(*) FROM main.attempts");
        db_.exec("INSERT OR IGNORE INTO main.attempts SELECT id, learner, course, exercise, mode, answer, score, max_score, at "
                 "FROM incoming.attempts");
        res.attempts_added = db_.scalar_int("SELECT count(*) FROM main.attempts") - before;
      }
    });
  } catch (const Error& e) {
    db_.exec("DETACH DATABASE incoming");
    if (e.kind() == ErrorKind::BadInput) throw;
    throw bad_input("IMPORT_CORRUPT", "读取导入文件时出错（" + e.message_zh() + "），已撤销本次导入，原有记录未受影响。");
  }
  db_.exec("DETACH DATABASE incoming");
  return res;
}

}  // namespace jianfu::storage
