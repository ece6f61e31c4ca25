// Trigger words for attached demands (填报, 挂牌, 一票否决 …) found in a work item's text and not
// negated, by reason code. Negation uses the cue words of the national rule pack, so that the
// assessment and the review read 不得 the same way. Built once per list set.
#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "analysis/text_index.h"
#include "text/matcher.h"

namespace jianfu::review {

class FlagScanner {
 public:
  explicit FlagScanner(const std::map<std::string, std::vector<std::string>>& flags);
  // reason code → the trigger words found, each once, in order of the codes and words.
  std::map<std::string, std::vector<std::string>> scan(const std::string& utf8) const;

 private:
  text::Matcher matcher_;
  analysis::CueIds cues_;
  std::map<std::string, std::vector<std::uint32_t>> ids_;
};

}  // namespace jianfu::review
