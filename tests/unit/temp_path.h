// A fresh path in the test build's tmp directory: any database of that name (and its WAL, shared
// memory and journal files) from an earlier run is removed first.
#pragma once
#include <cstdio>
#include <string>

inline std::string temp_path(const char* name) {
  std::string p = std::string(JIANFU_TEST_TMP_DIR) + "/" + name;
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) std::remove((p + suffix).c_str());
  return p;
}
