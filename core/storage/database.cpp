#include "storage/database.h"

#include <sqlite3.h>

#include "error.h"

namespace jianfu::storage {

static Error db_error(sqlite3* db, const std::string& what) {
  return internal_error("DB_ERROR", "数据库操作失败（" + what + "）：" + (db ? sqlite3_errmsg(db) : "无法打开"));
}

Statement::Statement(sqlite3* db, std::string_view sql) : db_(db) {
  if (sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &stmt_, nullptr) != SQLITE_OK) {
    throw db_error(db, "prepare " + std::string(sql.substr(0, 60)));
  }
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

Statement& Statement::bind(int index, std::string_view text) {
  if (sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT) != SQLITE_OK)
    throw db_error(db_, "bind");
  return *this;
}

Statement& Statement::bind(int index, std::int64_t value) {
  if (sqlite3_bind_int64(stmt_, index, value) != SQLITE_OK) throw db_error(db_, "bind");
  return *this;
}

Statement& Statement::bind_real(int index, double value) {
  if (sqlite3_bind_double(stmt_, index, value) != SQLITE_OK) throw db_error(db_, "bind");
  return *this;
}

Statement& Statement::bind_null(int index) {
  if (sqlite3_bind_null(stmt_, index) != SQLITE_OK) throw db_error(db_, "bind");
  return *this;
}

bool Statement::step() {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  throw db_error(db_, "step");
}

void Statement::reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

std::string Statement::text(int col) const {
  const auto* p = sqlite3_column_text(stmt_, col);
  return p ? std::string(reinterpret_cast<const char*>(p), sqlite3_column_bytes(stmt_, col)) : std::string();
}

std::int64_t Statement::integer(int col) const { return sqlite3_column_int64(stmt_, col); }
double Statement::real(int col) const { return sqlite3_column_double(stmt_, col); }
bool Statement::is_null(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }

Database::Database(const std::string& path) : path_(path) {
  const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
  if (sqlite3_open_v2(path.c_str(), &db_, flags, nullptr) != SQLITE_OK) {
    Error e = db_error(db_, "open " + path);
    sqlite3_close(db_);
    db_ = nullptr;
    throw e;
  }
  sqlite3_busy_timeout(db_, 2000);
  exec("PRAGMA foreign_keys=ON");
}

Database::~Database() { sqlite3_close(db_); }

void Database::exec(std::string_view sql) {
  char* msg = nullptr;
  const std::string s(sql);
  if (sqlite3_exec(db_, s.c_str(), nullptr, nullptr, &msg) != SQLITE_OK) {
    std::string m = msg ? msg : "";
    sqlite3_free(msg);
    throw internal_error("DB_ERROR", "数据库操作失败（" + s.substr(0, 60) + "）：" + m);
  }
}

std::int64_t Database::scalar_int(std::string_view sql) {
  Statement st(db_, sql);
  return st.step() ? st.integer(0) : 0;
}

std::optional<std::string> Database::scalar_text(std::string_view sql) {
  Statement st(db_, sql);
  if (!st.step() || st.is_null(0)) return std::nullopt;
  return st.text(0);
}

std::int64_t Database::changes() const { return sqlite3_changes64(db_); }

std::string sqlite_version() { return sqlite3_libversion(); }

}  // namespace jianfu::storage
