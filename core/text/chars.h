// Character classes used for 字数 counting and for matching Chinese text.
#pragma once

namespace jianfu::text {

enum class CharClass { Han, Letter, Digit, Space, Other };

bool is_han(char32_t cp);         // CJK unified ideographs (all extensions), compatibility ideographs, 〇
bool is_space(char32_t cp);       // every kind of blank, including U+3000, NBSP, zero-width space, BOM
CharClass classify(char32_t cp);  // Other = punctuation, symbols, and any other single character

// Canonical form for matching: full-width ASCII → ASCII, ideographic space → space, Latin upper →
// lower, and common look-alikes: dashes, middle dots, and the quotation marks “” 「」 『』 ".
// One code point in, one out, so offsets in the normalised text are offsets in the original.
char32_t fold(char32_t cp);

}  // namespace jianfu::text
