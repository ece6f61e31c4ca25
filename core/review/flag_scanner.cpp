#include "review/flag_scanner.h"

#include <algorithm>

#include "rules/pack_set.h"
#include "text/utf8.h"

namespace jianfu::review {

FlagScanner::FlagScanner(const std::map<std::string, std::vector<std::string>>& flags) {
  static const rules::Pack national = rules::parse_pack(*rules::builtin_pack_text("national"), "builtin:national");
  cues_ = analysis::CueIds::add_to(matcher_, national.cues);
  for (const auto& [code, terms] : flags) {
    for (const auto& t : terms) ids_[code].push_back(matcher_.add(text::decode_utf8_or_throw(t, "触发词")));
  }
  matcher_.build();
}

std::map<std::string, std::vector<std::string>> FlagScanner::scan(const std::string& utf8) const {
  const std::u32string t = text::decode_utf8_or_throw(utf8, "事项描述");
  const analysis::TextIndex index(t, matcher_, cues_, "");
  std::map<std::string, std::vector<std::string>> found;
  for (const auto& [code, ids] : ids_) {
    for (std::uint32_t id : ids) {
      for (const auto& s : index.spans(id)) {
        if (index.negated(s)) continue;
        const std::string word = text::encode_utf8(std::u32string_view(t).substr(s.start, s.end - s.start));
        auto& list = found[code];
        if (std::find(list.begin(), list.end(), word) == list.end()) list.push_back(word);
      }
    }
  }
  return found;
}

}  // namespace jianfu::review
