// A date as people type it into a filter: 2026-12-03, 2026-12-3, 2026/12/3, 2026.12.3,
// 2026年12月3日, in ASCII or full-width digits (a Chinese IME gives ２０２６ as readily as 2026).
#pragma once
#include <string>
#include <string_view>

namespace jianfu::util {

// The date as YYYY-MM-DD, or empty if `typed` is not a real date in one of those forms.
std::string normalize_typed_date(std::string_view typed);
// Whether month `m` of year `y` has a day `d` (leap years counted).
bool real_date(int y, int m, int d);
// Whether `s` is exactly YYYY-MM-DD (ASCII digits) and names a day its month has: the form stored
// and exchanged (a proposal's date, --as-of, a rule pack's dates, the history's date filters).
bool real_iso_date(std::string_view s);

}  // namespace jianfu::util
