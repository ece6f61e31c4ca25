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

}  // namespace jianfu::util
