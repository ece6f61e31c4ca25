// CSV as WPS and Excel read it: comma-separated, fields quoted when they hold a comma, quote or
// line break, CRLF line ends, and (when written for people) a UTF-8 byte-order mark.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace jianfu::util {

std::string csv_field(const std::string& s);
// Parses CSV text into rows of fields. A leading BOM is skipped; LF and CRLF both end a row; a
// quoted field may hold commas, doubled quotes and line breaks. Blank lines are dropped.
std::vector<std::vector<std::string>> parse_csv(std::string_view text);

}  // namespace jianfu::util
