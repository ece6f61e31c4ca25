#include "util/typed_date.h"

#include <cstdio>
#include <vector>

#include "text/utf8.h"

namespace jianfu::util {

bool real_date(int y, int m, int d) {
  static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12 || d < 1) return false;
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return d <= (m == 2 && leap ? 29 : days[m - 1]);
}

bool real_iso_date(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  int v[3] = {0, 0, 0};
  for (std::size_t i = 0, part = 0; i < s.size(); ++i) {
    if (i == 4 || i == 7) { ++part; continue; }
    if (s[i] < '0' || s[i] > '9') return false;
    v[part] = v[part] * 10 + (s[i] - '0');
  }
  return real_date(v[0], v[1], v[2]);
}

std::string normalize_typed_date(std::string_view typed) {
  std::u32string cps;
  if (!text::decode_utf8(typed, cps)) return {};
  // Runs of digits, split by one separator each; 日 may end the date, spaces may surround it.
  std::vector<std::string> parts(1);
  std::size_t i = 0, n = cps.size();
  while (i < n && (cps[i] == U' ' || cps[i] == U'\u3000')) ++i;
  while (n > i && (cps[n - 1] == U' ' || cps[n - 1] == U'\u3000')) --n;
  if (n > i && cps[n - 1] == U'日') --n;
  for (; i < n; ++i) {
    const char32_t c = cps[i];
    if (c >= U'0' && c <= U'9') parts.back() += static_cast<char>('0' + (c - U'0'));
    else if (c >= U'０' && c <= U'９') parts.back() += static_cast<char>('0' + (c - U'０'));
    else if (c == U'-' || c == U'/' || c == U'.' || c == U'年' || c == U'月' || c == U'－' || c == U'／' || c == U'．')
      parts.emplace_back();
    else
      return {};
  }
  if (parts.size() != 3 || parts[0].size() != 4 || parts[1].empty() || parts[1].size() > 2 || parts[2].empty() ||
      parts[2].size() > 2)
    return {};
  const int y = std::stoi(parts[0]), m = std::stoi(parts[1]), d = std::stoi(parts[2]);
  if (y < 1900 || !real_date(y, m, d)) return {};
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

}  // namespace jianfu::util
