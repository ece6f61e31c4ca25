#include "text/char_count.h"

#include "text/chars.h"

namespace jianfu::text {

std::size_t count_chars(std::u32string_view t) {
  std::size_t count = 0;
  const std::size_t n = t.size();
  std::size_t i = 0;
  while (i < n) {
    const CharClass k = classify(t[i]);
    if (k == CharClass::Space) { ++i; continue; }
    ++count;
    if (k == CharClass::Letter) {
      while (i < n && classify(t[i]) == CharClass::Letter) ++i;
    } else if (k == CharClass::Digit) {
      while (i < n) {
        const CharClass c = classify(t[i]);
        if (c == CharClass::Digit) { ++i; continue; }
        const char32_t f = fold(t[i]);
        if ((f == '.' || f == ',') && i + 1 < n && classify(t[i + 1]) == CharClass::Digit) { i += 2; continue; }
        break;
      }
    } else {
      ++i;
    }
  }
  return count;
}

}  // namespace jianfu::text
