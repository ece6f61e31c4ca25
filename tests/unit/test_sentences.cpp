#include <doctest/doctest.h>

#include <string>

#include "text/sentences.h"
#include "text/utf8.h"

using namespace jianfu::text;

namespace {
std::string sentences_of(const std::u32string& t) {
  std::string out;
  for (const auto& s : split_sentences(t)) {
    if (!out.empty()) out += "|";
    out += encode_utf8(t.substr(s.start, s.end - s.start));
  }
  return out;
}
}  // namespace

TEST_CASE("sentences: end after 。！？； and at line breaks") {
  CHECK(sentences_of(U"请各乡镇报送材料。今天下班前完成！可以吗？") == "请各乡镇报送材料。|今天下班前完成！|可以吗？");
  CHECK(sentences_of(U"一、工作要求\n二、报送时间；三、联系人") == "一、工作要求|二、报送时间；|三、联系人");
  CHECK(sentences_of(U"没有句号的一句") == "没有句号的一句");
  CHECK(sentences_of(U"").empty());
}

TEST_CASE("sentences: closing quotes stay with their sentence, blanks are trimmed, runs of marks are one end") {
  CHECK(sentences_of(U"他说：“马上报送。”随后挂断。") == "他说：“马上报送。”|随后挂断。");
  CHECK(sentences_of(U"　　首行缩进的段落。  \n\n   \r\n第二段？！结束") == "首行缩进的段落。|第二段？！|结束");
  CHECK(sentences_of(U"（一）项目名称。（二）") == "（一）项目名称。|（二）");
}

TEST_CASE("sentences: offsets are code points of the original text") {
  const std::u32string t = U"　甲。乙丙。";
  const auto s = split_sentences(t);
  REQUIRE(s.size() == 2);
  CHECK(s[0].start == 1);
  CHECK(s[0].end == 3);
  CHECK(s[1].start == 3);
  CHECK(s[1].end == 6);
  CHECK(sentences_overlapping(s, 2, 4) == std::vector<std::size_t>{0, 1});
  CHECK(sentences_overlapping(s, 4, 5) == std::vector<std::size_t>{1});
  CHECK(sentences_overlapping(s, 0, 1).empty());  // the leading blank belongs to no sentence
}
