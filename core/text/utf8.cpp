#include "text/utf8.h"

#include "error.h"

namespace jianfu::text {

bool decode_utf8(std::string_view in, std::u32string& out, std::size_t* bad_byte) {
  out.clear();
  out.reserve(in.size());
  const auto* s = reinterpret_cast<const unsigned char*>(in.data());
  const std::size_t n = in.size();
  std::size_t i = 0;
  while (i < n) {
    const unsigned char c = s[i];
    if (c < 0x80) {
      out.push_back(c);
      ++i;
      continue;
    }
    int len;
    char32_t cp;
    char32_t min;
    if ((c & 0xE0) == 0xC0) { len = 2; cp = c & 0x1F; min = 0x80; }
    else if ((c & 0xF0) == 0xE0) { len = 3; cp = c & 0x0F; min = 0x800; }
    else if ((c & 0xF8) == 0xF0) { len = 4; cp = c & 0x07; min = 0x10000; }
    else { if (bad_byte) *bad_byte = i; return false; }
    if (i + len > n) { if (bad_byte) *bad_byte = i; return false; }
    for (int k = 1; k < len; ++k) {
      const unsigned char cc = s[i + k];
      if ((cc & 0xC0) != 0x80) { if (bad_byte) *bad_byte = i; return false; }
      cp = (cp << 6) | (cc & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
      if (bad_byte) *bad_byte = i;
      return false;
    }
    out.push_back(cp);
    i += len;
  }
  return true;
}

std::u32string decode_utf8_or_throw(std::string_view in, std::string_view what) {
  std::u32string out;
  std::size_t bad = 0;
  if (!decode_utf8(in, out, &bad)) {
    throw bad_input("INVALID_UTF8", std::string(what) + " 不是有效的 UTF-8 文本（第 " +
                                        std::to_string(bad) + " 字节处出错）。请以 UTF-8 编码保存后重试。");
  }
  return out;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

std::string encode_utf8(std::u32string_view in) {
  std::string out;
  out.reserve(in.size() * 3);
  for (char32_t cp : in) append_utf8(out, cp);
  return out;
}

std::size_t count_code_points(std::string_view valid_utf8) {
  std::size_t n = 0;
  for (unsigned char c : valid_utf8) n += (c & 0xC0) != 0x80;
  return n;
}

}  // namespace jianfu::text
