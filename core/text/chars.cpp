#include "text/chars.h"

namespace jianfu::text {

bool is_han(char32_t c) {
  return (c >= 0x4E00 && c <= 0x9FFF) ||    // CJK Unified Ideographs
         (c >= 0x3400 && c <= 0x4DBF) ||    // Extension A
         (c >= 0x20000 && c <= 0x323AF) ||  // Extensions B-H (planes 2 and 3)
         (c >= 0xF900 && c <= 0xFAFF) ||    // Compatibility Ideographs
         (c >= 0x2F800 && c <= 0x2FA1F) ||  // Compatibility Supplement
         c == 0x3007;                       // 〇
}

bool is_space(char32_t c) {
  switch (c) {
    case 0x09: case 0x0A: case 0x0B: case 0x0C: case 0x0D: case 0x20:
    case 0x85: case 0xA0: case 0x1680: case 0x2028: case 0x2029:
    case 0x202F: case 0x205F: case 0x3000: case 0xFEFF:
      return true;
    default:
      return c >= 0x2000 && c <= 0x200B;
  }
}

static bool is_letter(char32_t c) {
  c = fold(c);
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7) ||  // Latin-1 and Latin Extended letters
         (c >= 0x370 && c <= 0x3FF) ||                            // Greek
         (c >= 0x400 && c <= 0x4FF);                              // Cyrillic
}

CharClass classify(char32_t c) {
  if (is_han(c)) return CharClass::Han;
  if (is_space(c)) return CharClass::Space;
  const char32_t f = fold(c);
  if (f >= '0' && f <= '9') return CharClass::Digit;
  if (is_letter(c)) return CharClass::Letter;
  return CharClass::Other;
}

char32_t fold(char32_t c) {
  if (c >= 0xFF01 && c <= 0xFF5E) c -= 0xFEE0;  // full-width ASCII
  if (c == 0x3000) return ' ';
  if (c >= 'A' && c <= 'Z') return c + 32;
  switch (c) {
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2212: return '-';
    case 0x2014: case 0x2015: return 0x2014;   // — and ― are both used as the Chinese dash
    case 0x00B7: case 0x30FB: return 0xB7;     // middle dots
    case 0x201C: case 0x201D: case 0x300C: case 0x300D: case 0x300E: case 0x300F:
      return '"';                              // “” 「」 『』 and the folded full-width " are one quote
    default: return c;
  }
}

}  // namespace jianfu::text
