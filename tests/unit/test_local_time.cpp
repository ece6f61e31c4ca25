// Stored times are UTC; people see and filter them in their own time zone (util/local_time.h).
// The tests run as a user in China (UTC+8), where UTC is eight hours behind and, from midnight to
// eight in the morning, still on the day before.
#include <doctest/doctest.h>

#include <chrono>
#include <ctime>
#include <string>

#include "report/records.h"
#include "storage/record_store.h"
#include "tests/unit/time_zone.h"
#include "util/local_time.h"

using jianfu::util::local_minutes;
using jianfu::util::local_today;
using jianfu::util::utc_start_of_local_day;

TEST_CASE("local time: stored UTC times are shown in the user's zone, to the minute") {
  TimeZone china("CST-8", "Asia/Shanghai");
  CHECK(local_minutes("2026-12-02T13:14:05Z") == "2026-12-02 21:14");
  CHECK(local_minutes("2026-12-02T20:00:00Z") == "2026-12-03 04:00");  // the next day already
  CHECK(local_minutes("2026-12-31T23:59:59Z") == "2027-01-01 07:59");
  // Not a stored time: shown as it is.
  CHECK(local_minutes("") == "");
  CHECK(local_minutes("昨天") == "昨天");
  CHECK(local_minutes("2026-12-02 13:14") == "2026-12-02 13:14");
}

TEST_CASE("local time: a local day begins at its midnight, in UTC the evening before") {
  TimeZone china("CST-8", "Asia/Shanghai");
  CHECK(utc_start_of_local_day("2026-12-03") == "2026-12-02T16:00:00Z");
  CHECK(utc_start_of_local_day("2026-12-03", 1) == "2026-12-03T16:00:00Z");
  CHECK(utc_start_of_local_day("2026-12-31", 1) == "2026-12-31T16:00:00Z");
  CHECK(utc_start_of_local_day("2028-02-29") == "2028-02-28T16:00:00Z");  // a leap day
  // Not a date: nothing, so that callers keep what was typed.
  CHECK(utc_start_of_local_day("2026-02-30").empty());
  CHECK(utc_start_of_local_day("2026-13-01").empty());
  CHECK(utc_start_of_local_day("2026-1-5").empty());
  CHECK(utc_start_of_local_day("").empty());
  // Beyond what a 32-bit time_t holds (the wasm build's): nothing rather than a wrapped time.
  const std::string far = utc_start_of_local_day("2999-01-01");
  CHECK((far.empty() || far == "2998-12-31T16:00:00Z"));
}

TEST_CASE("local time: today is the user's date, eight hours ahead of UTC's") {
  TimeZone china("CST-8", "Asia/Shanghai");
  const std::time_t ahead = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now()) + 8 * 3600;
  std::tm tm{};
  gmtime_r(&ahead, &tm);
  char expected[16];
  std::strftime(expected, sizeof expected, "%Y-%m-%d", &tm);
  const std::string today = local_today();
  // (A second may pass between the two readings, at midnight: then they may differ by a day.)
  CHECK((today == expected || utc_start_of_local_day(today, 1) == utc_start_of_local_day(expected)));
}

TEST_CASE("local time: the history's date filter takes the user's days; the report shows the user's time") {
  TimeZone china("CST-8", "Asia/Shanghai");
  jianfu::storage::RecordStore store(":memory:");
  jianfu::storage::Record r;
  r.type = "assessment";
  r.kind = "document";
  r.title = "早上七点保存的通知";
  r = store.save(r);
  // Saved at 04:00 on 3 December in China: 20:00 on the 2nd in UTC.
  store.db().exec("UPDATE records SET updated_at = '2026-12-02T20:00:00Z'");
  auto found = [&](const char* from, const char* to) {
    jianfu::storage::HistoryFilter f;
    f.from = from;
    f.to = to;
    return store.history(f, 10).size();
  };
  CHECK(found("2026-12-03", "2026-12-03") == 1);
  CHECK(found("2026-12-02", "2026-12-02") == 0);  // UTC's day, not the user's
  CHECK(found("", "2026-12-02") == 0);
  CHECK(found("2026-12-03", "") == 1);
  CHECK(found("2026-12-04", "") == 0);
  CHECK(found("2026-12-01", "2026-12-31") == 1);
  const auto stored = store.get(r.id);
  REQUIRE(stored.has_value());
  const std::string html = jianfu::report::record_html(*stored);
  CHECK(html.find("更新时间：2026-12-03 04:00") != std::string::npos);
  CHECK(html.find("2026-12-02T20:00:00Z") == std::string::npos);
}
