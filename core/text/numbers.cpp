#include "text/numbers.h"

#include <string>

#include "text/chars.h"

namespace jianfu::text {

namespace {

int digit_value(char32_t c) {
  const char32_t f = fold(c);
  if (f >= '0' && f <= '9') return static_cast<int>(f - '0');
  switch (c) {
    case U'零': case U'〇': return 0;
    case U'一': return 1;
    case U'二': case U'两': return 2;
    case U'三': return 3;
    case U'四': return 4;
    case U'五': return 5;
    case U'六': return 6;
    case U'七': return 7;
    case U'八': return 8;
    case U'九': return 9;
    default: return -1;
  }
}

int unit_value(char32_t c) {
  switch (c) {
    case U'十': return 10;
    case U'百': return 100;
    case U'千': return 1000;
    case U'万': return 10000;
    default: return 0;
  }
}

bool is_ascii_digit(char32_t c) {
  const char32_t f = fold(c);
  return f >= '0' && f <= '9';
}

bool is_chinese_numeral(char32_t c) { return (digit_value(c) >= 0 && !is_ascii_digit(c)) || unit_value(c) > 0; }

// Value of a run of Chinese numerals such as 一百二十 or 十五.
double chinese_value(std::u32string_view run) {
  double total = 0, section = 0, digit = 0;
  for (char32_t c : run) {
    if (const int d = digit_value(c); d >= 0) {
      digit = d;
    } else if (const int u = unit_value(c); u == 10000) {
      total += (section + digit) * u;
      section = digit = 0;
    } else {
      section += (digit == 0 ? 1 : digit) * u;  // 十五 = 15: a bare 十 means one ten
      digit = 0;
    }
  }
  return total + section + digit;
}

double arabic_value(std::u32string_view run) {
  std::string s;
  for (char32_t c : run) {
    const char32_t f = fold(c);
    if (f != ',') s.push_back(static_cast<char>(f));
  }
  return std::stod(s);
}

std::optional<Number> parse_run(std::u32string_view text, std::size_t a, std::size_t b) {
  if (a >= b) return std::nullopt;
  const std::u32string_view run = text.substr(a, b - a);
  if (is_ascii_digit(run[0])) return Number{arabic_value(run), a, b};
  return Number{chinese_value(run), a, b};
}

}  // namespace

std::optional<Number> number_ending_at(std::u32string_view t, std::size_t end) {
  if (end > t.size()) return std::nullopt;
  if (end > 0 && t[end - 1] == U'个') --end;
  std::size_t a = end;
  if (a > 0 && is_ascii_digit(t[a - 1])) {
    while (a > 0 && (is_ascii_digit(t[a - 1]) ||
                     ((fold(t[a - 1]) == '.' || fold(t[a - 1]) == ',') && a >= 2 && is_ascii_digit(t[a - 2])))) {
      --a;
    }
  } else {
    while (a > 0 && is_chinese_numeral(t[a - 1])) --a;
  }
  return parse_run(t, a, end);
}

std::optional<Number> number_starting_at(std::u32string_view t, std::size_t start, std::size_t max_skip) {
  std::size_t a = start;
  for (std::size_t k = 0; k < max_skip && a < t.size() && is_space(t[a]); ++k) ++a;
  if (a >= t.size()) return std::nullopt;
  std::size_t b = a;
  if (is_ascii_digit(t[b])) {
    while (b < t.size() && (is_ascii_digit(t[b]) ||
                            ((fold(t[b]) == '.' || fold(t[b]) == ',') && b + 1 < t.size() && is_ascii_digit(t[b + 1])))) {
      ++b;
    }
  } else {
    while (b < t.size() && is_chinese_numeral(t[b])) ++b;
  }
  return parse_run(t, a, b);
}

}  // namespace jianfu::text
