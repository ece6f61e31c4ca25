#include "util/local_time.h"

#include <chrono>
#include <cstdio>
#include <ctime>

#include "util/typed_date.h"

namespace jianfu::util {
namespace {

std::string format(const std::tm& tm, const char* fmt) {
  char buf[32];
  return std::strftime(buf, sizeof buf, fmt, &tm) ? std::string(buf) : std::string();
}

// Whether `s` has the length of `shape`, digits where `shape` has '9' and its other characters as they are.
bool shaped(const std::string& s, const char* shape) {
  std::size_t i = 0;
  for (; shape[i]; ++i) {
    if (i >= s.size()) return false;
    if (shape[i] == '9' ? (s[i] < '0' || s[i] > '9') : s[i] != shape[i]) return false;
  }
  return i == s.size();
}

}  // namespace

std::string utc_iso8601(std::time_t t) {
  std::tm tm{};
  if (!gmtime_r(&t, &tm)) return {};
  return format(tm, "%Y-%m-%dT%H:%M:%SZ");
}

std::string local_today() {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  localtime_r(&now, &tm);
  return format(tm, "%Y-%m-%d");
}

std::string local_minutes(const std::string& utc_iso) {
  if (!shaped(utc_iso, "9999-99-99T99:99:99Z")) return utc_iso;
  std::tm tm{};
  std::sscanf(utc_iso.c_str(), "%d-%d-%dT%d:%d:%d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday, &tm.tm_hour, &tm.tm_min,
              &tm.tm_sec);
  tm.tm_year -= 1900;
  tm.tm_mon -= 1;
  const std::time_t t = timegm(&tm);
  std::tm local{};
  if (t == static_cast<std::time_t>(-1) || !localtime_r(&t, &local)) return utc_iso;
  return format(local, "%Y-%m-%d %H:%M");
}

std::string utc_start_of_local_day(const std::string& date, int days_after) {
  if (!real_iso_date(date)) return {};  // mktime would move 30 February to 2 March
  int y = 0, m = 0, d = 0;
  std::sscanf(date.c_str(), "%d-%d-%d", &y, &m, &d);
  std::tm tm{};
  tm.tm_year = y - 1900;
  tm.tm_mon = m - 1;
  tm.tm_mday = d;
  tm.tm_isdst = -1;  // whatever daylight saving the zone has on that day
  tm.tm_mday += days_after;
  const std::time_t t = std::mktime(&tm);
  std::tm utc{};
  if (t == static_cast<std::time_t>(-1) || !gmtime_r(&t, &utc)) return {};
  // A time_t of 32 bits (the wasm build's) wraps after 2038: a UTC time a year or more away from
  // the local day is such a wrap, not an answer.
  if (utc.tm_year < tm.tm_year - 1 || utc.tm_year > tm.tm_year + 1) return {};
  return utc_iso8601(t);
}

}  // namespace jianfu::util
