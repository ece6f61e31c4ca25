// Dates typed into the history's filters (util/typed_date.h): the usual ways of writing a date in
// a Chinese office become YYYY-MM-DD; anything else, or a day that does not exist, becomes nothing.
#include <doctest/doctest.h>

#include "util/typed_date.h"

using jianfu::util::normalize_typed_date;

TEST_CASE("typed date: the usual forms of a date become YYYY-MM-DD") {
  CHECK(normalize_typed_date("2026-12-03") == "2026-12-03");
  CHECK(normalize_typed_date("2026-12-3") == "2026-12-03");
  CHECK(normalize_typed_date("2026/1/5") == "2026-01-05");
  CHECK(normalize_typed_date("2026.1.5") == "2026-01-05");
  CHECK(normalize_typed_date("2026年1月5日") == "2026-01-05");
  CHECK(normalize_typed_date("2026年12月31") == "2026-12-31");
  CHECK(normalize_typed_date("２０２６年１月５日") == "2026-01-05");  // full-width, from an IME
  CHECK(normalize_typed_date("２０２６－０１－０５") == "2026-01-05");
  CHECK(normalize_typed_date(" 2026-01-05　") == "2026-01-05");
  CHECK(normalize_typed_date("2028-2-29") == "2028-02-29");  // a leap day
}

TEST_CASE("typed date: half a date, a day that does not exist, or another text is no date") {
  for (const char* s : {"", "2026", "2026-1", "2026-12-", "26-1-5", "2026-13-01", "2026-02-29", "2026-04-31",
                        "2026-00-10", "2026-01-00", "2026-1-5-7", "2026-001-05", "昨天", "2026-1-5 10:00", "0999-01-01"})
    CHECK_MESSAGE(normalize_typed_date(s).empty(), s);
}
