// A thin RAII layer over SQLite: open, run SQL, prepared statements, transactions.
// Every failure becomes a jianfu::Error with the SQLite message kept for diagnosis.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace jianfu::storage {

class Statement {
 public:
  Statement(sqlite3* db, std::string_view sql);
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  Statement& bind(int index, std::string_view text);
  Statement& bind(int index, std::int64_t value);
  Statement& bind_real(int index, double value);
  Statement& bind_null(int index);
  bool step();  // true while a row is available
  void reset();

  std::string text(int col) const;
  std::int64_t integer(int col) const;
  double real(int col) const;
  bool is_null(int col) const;

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
};

class Database {
 public:
  // path ":memory:" gives an in-memory database. Native files use WAL with full sync.
  explicit Database(const std::string& path);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  void exec(std::string_view sql);
  Statement prepare(std::string_view sql) { return Statement(db_, sql); }
  std::int64_t scalar_int(std::string_view sql);
  std::optional<std::string> scalar_text(std::string_view sql);
  std::int64_t changes() const;
  sqlite3* handle() { return db_; }
  const std::string& path() const { return path_; }

  // Runs fn inside BEGIN IMMEDIATE ... COMMIT; rolls back and rethrows on any exception.
  template <class Fn>
  void transaction(Fn&& fn) {
    exec("BEGIN IMMEDIATE");
    try {
      fn();
    } catch (...) {
      exec("ROLLBACK");
      throw;
    }
    exec("COMMIT");
  }

 private:
  sqlite3* db_ = nullptr;
  std::string path_;
};

std::string sqlite_version();

}  // namespace jianfu::storage
