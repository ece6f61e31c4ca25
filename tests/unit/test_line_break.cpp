#include <doctest/doctest.h>

#include <string>

#include "text/line_break.h"
#include "text/utf8.h"

using namespace jianfu::text;

namespace {
// Every character one unit wide: max_width is then the number of characters per line.
float unit(char32_t) { return 1.0f; }

std::string lines_of(const std::u32string& t, float w) {
  std::string out;
  for (const auto& l : break_lines(t, w, unit)) {
    if (!out.empty()) out += "|";
    out += encode_utf8(t.substr(l.start, l.end - l.start));
  }
  return out;
}
}  // namespace

TEST_CASE("line break: Chinese text breaks between any two characters") {
  CHECK(lines_of(U"为基层减负一致性评估", 4) == "为基层减|负一致性|评估");
  CHECK(lines_of(U"短句", 10) == "短句");
  CHECK(lines_of(U"", 10) == "");
  CHECK(break_lines(U"", 10, unit).size() == 1);
}

TEST_CASE("line break: closing punctuation never starts a line, opening never ends one") {
  // Without the rule the second line would start with "，": "镇" moves down with it.
  CHECK(lines_of(U"各乡镇，请于", 3) == "各乡|镇，请|于");
  CHECK(lines_of(U"关于《通知》", 3) == "关于|《通|知》");
  // "《" may not end a line, so it moves down with "通".
  CHECK(lines_of(U"印发《通知", 3) == "印发|《通知");
}

TEST_CASE("line break: Latin words and numbers stay together") {
  CHECK(lines_of(U"截至2026年", 4) == "截至|2026|年");
  CHECK(lines_of(U"使用APP打卡", 4) == "使用|APP打|卡");
  // A word longer than the line is cut where it must be.
  CHECK(lines_of(U"abcdefgh", 3) == "abc|def|gh");
}

TEST_CASE("line break: hard line breaks and offsets refer to the original text") {
  const std::u32string t = U"第一段\n第二段较长的内容";
  const auto lines = break_lines(t, 4, unit);
  REQUIRE(lines.size() == 3);
  CHECK(lines[0].start == 0);
  CHECK(lines[0].end == 3);
  CHECK(lines[1].start == 4);
  CHECK(lines[1].end == 8);
  CHECK(lines[2].start == 8);
  CHECK(lines[2].end == t.size());
  CHECK(lines_of(U"甲\n\n乙", 4) == "甲||乙");
}

TEST_CASE("line break: widths are respected for mixed-width characters") {
  auto w = [](char32_t c) { return c < 0x80 ? 0.5f : 1.0f; };
  const std::u32string t = U"ab中文cd汉字";
  for (const auto& l : break_lines(t, 2.0f, w)) {
    float sum = 0;
    for (std::size_t i = l.start; i < l.end; ++i) sum += w(t[i]);
    CHECK(sum <= 2.0f);
  }
}
