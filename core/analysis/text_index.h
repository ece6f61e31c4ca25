// Everything the rules need to know about a draft, computed in one pass of the pattern automaton:
// where each pattern occurs, which occurrences are negated (不得要求…拍照留痕 is not a demand),
// and the values extracted from the text (deadlines, frequencies, quotas).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "rules/pack.h"
#include "text/matcher.h"

namespace jianfu::analysis {

struct Span {
  std::uint32_t start = 0, end = 0;
  bool operator<(const Span& o) const { return start != o.start ? start < o.start : end < o.end; }
  bool operator==(const Span& o) const { return start == o.start && end == o.end; }
};

struct Deadline { Span span; double hours; };
struct Frequency { Span span; std::string value; };
struct Quota { Span span; double value; bool percent; };

// What a cue word does, looked up by pattern id (one word may have several roles: 每天 is both a
// frequency and a quota cue).
struct CueRole {
  enum : std::uint8_t { NegBefore = 1, NegAfter = 2, NegException = 4, Quota = 8, Fixed = 16, PerUnit = 32,
                        Weekday = 64, Frequency = 128 };
  std::uint8_t flags = 0;
  double hours = 0;       // Fixed: hours; PerUnit: hours per unit
  int weekday = 0;
  std::string frequency;
};

// Pattern ids of the cue words (negation, deadlines, frequencies, quotas) inside a Matcher.
struct CueIds {
  std::vector<std::uint32_t> negation_before, negation_after, negation_exceptions, quota;
  std::vector<std::pair<std::uint32_t, double>> deadline_fixed, deadline_per_unit;
  std::vector<std::pair<std::uint32_t, int>> deadline_weekday;
  std::vector<std::pair<std::uint32_t, std::string>> frequency;
  std::u32string clause_breaks, sentence_breaks;
  std::uint32_t date_day = UINT32_MAX;  // "日" as in 3月6日前
  std::vector<CueRole> roles;            // by pattern id; cue words get the lowest ids
  static CueIds add_to(text::Matcher& m, const rules::CueTable& cues);
  const CueRole* role(std::uint32_t pattern) const { return pattern < roles.size() && roles[pattern].flags ? &roles[pattern] : nullptr; }
};

class TextIndex {
 public:
  // date: the proposal's date (YYYY-MM-DD) or empty; used to turn "3月6日前" and "周六前" into hours.
  TextIndex(const std::u32string& text, const text::Matcher& matcher, const CueIds& cues, const std::string& date);

  const std::vector<Span>& spans(std::uint32_t pattern) const;
  bool negated(const Span& s) const;
  bool same_sentence(const Span& a, const Span& b) const { return sentence_[a.start] == sentence_[b.start]; }
  const std::vector<Deadline>& deadlines() const { return deadlines_; }
  const std::vector<Frequency>& frequencies() const { return frequencies_; }
  const std::vector<Quota>& quotas() const { return quotas_; }
  std::size_t size() const { return size_; }

 private:
  std::size_t size_;
  std::vector<std::vector<Span>> by_pattern_;
  std::vector<std::uint32_t> clause_, sentence_;
  std::vector<std::uint8_t> neg_before_;  // per position: a negation cue starts before it in its clause
  std::vector<std::uint8_t> neg_after_;   // per position: a trailing negation cue starts at or after it
  std::vector<Deadline> deadlines_;
  std::vector<Frequency> frequencies_;
  std::vector<Quota> quotas_;
};

}  // namespace jianfu::analysis
