#include <cstdlib>
#include <ctime>

#include "tests/unit/time_zone.h"

TimeZone::TimeZone(const char* posix, const char*) {
  if (const char* tz = std::getenv("TZ")) {
    had_ = true;
    before_ = tz;
  }
  setenv("TZ", posix, 1);
  tzset();
}

TimeZone::~TimeZone() {
  if (had_) setenv("TZ", before_.c_str(), 1);
  else unsetenv("TZ");
  tzset();
}
