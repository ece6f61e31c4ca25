// Runs the rest of a test in another time zone, as a user elsewhere would, and puts the one before
// back when it ends. Natively through TZ (a POSIX rule, which needs no time zone files); under
// Node through process.env.TZ, which the wasm build's time functions follow. CMake picks the file.
#pragma once
#include <string>

class TimeZone {
 public:
  // posix: e.g. "CST-8"; iana: the same zone by name, e.g. "Asia/Shanghai".
  TimeZone(const char* posix, const char* iana);
  ~TimeZone();
  TimeZone(const TimeZone&) = delete;
  TimeZone& operator=(const TimeZone&) = delete;

 private:
  std::string before_;
  bool had_ = false;
};
