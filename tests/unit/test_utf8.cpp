#include <doctest/doctest.h>

#include "error.h"
#include "text/utf8.h"

using namespace jianfu::text;

TEST_CASE("utf8: round trip of Chinese, ASCII and characters above U+FFFF") {
  const std::string s = "减负 ok 𠀀𪚥";  // U+20000 and U+2A6A5 are four-byte characters
  std::u32string cps;
  REQUIRE(decode_utf8(s, cps));
  CHECK(cps.size() == 8);
  CHECK(cps[0] == U'减');
  CHECK(cps[6] == 0x20000);
  CHECK(encode_utf8(cps) == s);
  CHECK(count_code_points(s) == 8);
}

TEST_CASE("utf8: invalid input is rejected with the offset of the first bad byte") {
  std::u32string cps;
  std::size_t bad = 99;
  CHECK_FALSE(decode_utf8(std::string("ab\xFF" "c"), cps, &bad));
  CHECK(bad == 2);
  CHECK_FALSE(decode_utf8(std::string("\xC0\xAF"), cps, &bad));        // overlong '/'
  CHECK_FALSE(decode_utf8(std::string("\xED\xA0\x80"), cps, &bad));    // surrogate U+D800
  CHECK_FALSE(decode_utf8(std::string("\xF4\x90\x80\x80"), cps, &bad)); // above U+10FFFF
  CHECK_FALSE(decode_utf8(std::string("\xE5\x87"), cps, &bad));        // truncated 减
  CHECK(bad == 0);
}

TEST_CASE("utf8: decode_utf8_or_throw reports INVALID_UTF8 as bad input") {
  try {
    decode_utf8_or_throw(std::string("x\x80"), "正文");
    FAIL("expected an exception");
  } catch (const jianfu::Error& e) {
    CHECK(e.code() == "INVALID_UTF8");
    CHECK(e.kind() == jianfu::ErrorKind::BadInput);
    CHECK(e.message_zh().find("正文") != std::string::npos);
  }
}
