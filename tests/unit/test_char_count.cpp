#include <doctest/doctest.h>

#include "text/char_count.h"
#include "text/chars.h"
#include "text/utf8.h"

using namespace jianfu::text;

static std::size_t chars(const char* s) { return count_chars(decode_utf8_or_throw(s, "t")); }

TEST_CASE("字数: Han characters and punctuation count one each, blanks count zero") {
  CHECK(chars("关于开展调研的通知。") == 10);
  CHECK(chars("关于 开展\n调研\t的通知") == 9);
  CHECK(chars("　全角空格不计") == 6);  // U+3000 is a blank
  CHECK(chars("") == 0);
}

TEST_CASE("字数: a run of letters counts one, a number counts one") {
  CHECK(chars("APP") == 1);
  CHECK(chars("政务APP") == 3);
  CHECK(chars("2026年3月5日") == 6);
  CHECK(chars("增长3.5%") == 4);       // 增 长 3.5 %
  CHECK(chars("共1,200人") == 3);      // 共 1,200 人
  CHECK(chars("ＡＰＰ２０２６") == 2);  // full-width letters and digits fold to one run each
  CHECK(chars("COVID-19") == 3);        // COVID - 19
}

TEST_CASE("字数: characters above U+FFFF are single Han characters") {
  CHECK(chars("𠀀𪚥") == 2);
  CHECK(is_han(0x20000));
  CHECK(is_han(U'〇'));
  CHECK_FALSE(is_han(U'。'));
}

TEST_CASE("fold: width and case folding keep one code point per code point") {
  CHECK(fold(U'Ａ') == U'a');
  CHECK(fold(U'１') == U'1');
  CHECK(fold(U'，') == U',');
  CHECK(fold(0x3000) == U' ');
  CHECK(fold(U'–') == U'-');
  CHECK(fold(U'减') == U'减');
}

TEST_CASE("fold: the quotation marks used in Chinese drafts fold to one") {
  CHECK(fold(U'“') == fold(U'」'));
  CHECK(fold(U'『') == U'"');
  CHECK(fold(U'＂') == U'"');
}
