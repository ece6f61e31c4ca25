// UTF-8 <-> code points. Offsets in the public contract are code points, so the core works on
// std::u32string internally and converts only at the edges.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace jianfu::text {

// Strict decoding: rejects overlong forms, surrogates, values above U+10FFFF and truncated
// sequences. On failure returns false and sets *bad_byte to the offset of the first bad byte.
bool decode_utf8(std::string_view in, std::u32string& out, std::size_t* bad_byte = nullptr);

// Throws jianfu::Error (BadInput, INVALID_UTF8) naming `what` and the byte offset.
std::u32string decode_utf8_or_throw(std::string_view in, std::string_view what);

void append_utf8(std::string& out, char32_t cp);
std::string encode_utf8(std::u32string_view in);

// Number of code points in valid UTF-8 (counts lead bytes; no validation).
std::size_t count_code_points(std::string_view valid_utf8);

}  // namespace jianfu::text
