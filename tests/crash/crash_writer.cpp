// Helper for the crash test (run_crash_test.py).
//   crash_writer write DB RUN N   saves N records; prints each id after its commit returned
//   crash_writer check DB IDS     integrity_check, audit chain, and every id in IDS present
#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>

#include "storage/record_store.h"

int main(int argc, char** argv) {
  if (argc < 4) return 2;
  const std::string mode = argv[1], path = argv[2];
  jianfu::storage::RecordStore store(path);
  if (mode == "write" && argc == 5) {
    const int n = std::stoi(argv[4]);
    for (int i = 0; i < n; ++i) {
      jianfu::storage::Record r;
      r.id = std::string("run") + argv[3] + "-" + std::to_string(i);
      r.type = "note";
      r.title = "崩溃测试记录 " + std::to_string(i);
      r.body = std::string(500, 'x');
      store.save(r);
      std::printf("%s\n", r.id.c_str());
      std::fflush(stdout);  // the driver trusts only ids it has read
    }
    return 0;
  }
  if (mode == "check") {
    const auto integrity = store.db().scalar_text("PRAGMA integrity_check").value_or("");
    if (integrity != "ok") {
      std::cerr << "integrity_check: " << integrity << "\n";
      return 1;
    }
    if (!store.verify_audit().ok) {
      std::cerr << "audit chain broken\n";
      return 1;
    }
    std::ifstream ids(argv[3]);
    int missing = 0, present = 0;
    for (std::string id; std::getline(ids, id);) {
      if (id.empty()) continue;
      if (store.get(id)) ++present;
      else { ++missing; std::cerr << "missing committed record " << id << "\n"; }
    }
    std::printf("%d committed records present, %d missing\n", present, missing);
    return missing ? 1 : 0;
  }
  return 2;
}
