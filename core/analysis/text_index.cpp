#include "analysis/text_index.h"

#include <algorithm>
#include <cmath>
#include <optional>

#include "text/chars.h"
#include "text/numbers.h"
#include "text/utf8.h"

namespace jianfu::analysis {

namespace {

const std::vector<Span> kNoSpans;
constexpr std::size_t kQuotaGap = 4;  // characters allowed between a quota cue and its number

std::vector<std::uint32_t> add_all(text::Matcher& m, const std::vector<std::string>& terms) {
  std::vector<std::uint32_t> ids;
  for (const auto& t : terms) ids.push_back(m.add(text::decode_utf8_or_throw(t, "提示词")));
  return ids;
}

// Days between two dates given as (year, month, day), via days since the civil epoch.
long days_from_civil(long y, unsigned m, unsigned d) {
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long>(doe) - 719468;
}

}  // namespace

CueIds CueIds::add_to(text::Matcher& m, const rules::CueTable& c) {
  CueIds ids;
  ids.negation_before = add_all(m, c.negation_before);
  ids.negation_after = add_all(m, c.negation_after);
  ids.negation_exceptions = add_all(m, c.negation_exceptions);
  ids.quota = add_all(m, c.quota);
  for (const auto& [t, h] : c.deadline_fixed) ids.deadline_fixed.emplace_back(m.add(text::decode_utf8_or_throw(t, "提示词")), h);
  for (const auto& [t, h] : c.deadline_per_unit) ids.deadline_per_unit.emplace_back(m.add(text::decode_utf8_or_throw(t, "提示词")), h);
  for (const auto& [t, d] : c.deadline_weekday) ids.deadline_weekday.emplace_back(m.add(text::decode_utf8_or_throw(t, "提示词")), d);
  for (const auto& [t, v] : c.frequency) ids.frequency.emplace_back(m.add(text::decode_utf8_or_throw(t, "提示词")), v);
  ids.clause_breaks = c.clause_breaks;
  ids.sentence_breaks = c.sentence_breaks;
  ids.date_day = m.add(U"日前");
  ids.roles.resize(m.pattern_count());
  auto mark = [&](const std::vector<std::uint32_t>& v, std::uint8_t flag) { for (auto id : v) ids.roles[id].flags |= flag; };
  mark(ids.negation_before, CueRole::NegBefore);
  mark(ids.negation_after, CueRole::NegAfter);
  mark(ids.negation_exceptions, CueRole::NegException);
  mark(ids.quota, CueRole::Quota);
  for (const auto& [id, h] : ids.deadline_fixed) { ids.roles[id].flags |= CueRole::Fixed; ids.roles[id].hours = h; }
  for (const auto& [id, h] : ids.deadline_per_unit) { ids.roles[id].flags |= CueRole::PerUnit; ids.roles[id].hours = h; }
  for (const auto& [id, d] : ids.deadline_weekday) { ids.roles[id].flags |= CueRole::Weekday; ids.roles[id].weekday = d; }
  for (const auto& [id, v] : ids.frequency) { ids.roles[id].flags |= CueRole::Frequency; ids.roles[id].frequency = v; }
  return ids;
}

TextIndex::TextIndex(const std::u32string& t, const text::Matcher& matcher, const CueIds& cues, const std::string& date)
    : size_(t.size()), by_pattern_(matcher.pattern_count()), clause_(t.size() + 1), sentence_(t.size() + 1),
      neg_before_(t.size() + 1, 0), neg_after_(t.size() + 1, 0) {
  // Clause and sentence numbers per position (a break character belongs to the unit it ends).
  std::uint32_t clause = 0, sentence = 0;
  for (std::size_t i = 0; i < t.size(); ++i) {
    clause_[i] = clause;
    sentence_[i] = sentence;
    // Most characters are 汉字, never breaks: test the cheap range first.
    if (t[i] >= 0x4E00 && t[i] <= 0x9FFF) continue;
    const char32_t c = text::fold(t[i]);
    if (cues.clause_breaks.find(c) != std::u32string::npos || cues.clause_breaks.find(t[i]) != std::u32string::npos) ++clause;
    if (cues.sentence_breaks.find(c) != std::u32string::npos || cues.sentence_breaks.find(t[i]) != std::u32string::npos) ++sentence;
  }
  clause_[t.size()] = clause;
  sentence_[t.size()] = sentence;

  const std::vector<text::Match> matches = matcher.find(t);
  std::vector<Span> exceptions;
  for (const auto& m : matches) {
    by_pattern_[m.pattern].push_back(Span{m.start, m.end});
    if (const CueRole* r = cues.role(m.pattern); r && (r->flags & CueRole::NegException)) exceptions.push_back(Span{m.start, m.end});
  }
  // Matches come ordered by end, so the exceptions do too: a cursor finds the one around a match.
  auto inside_exception = [&](const text::Match& m) {
    for (const Span& e : exceptions) {
      if (e.start <= m.start && m.end <= e.end) return true;
      if (e.start > m.start) break;
    }
    return false;
  };

  // Negation marks: a cue that starts before a word negates it up to the end of the clause (the cue
  // may overlap the word: 不层层 in 不层层加码); a trailing cue (…的做法要坚决纠正) negates what
  // precedes it in the clause.
  std::vector<std::uint8_t> before_mark(t.size() + 1, 0), after_mark(t.size() + 1, 0);
  for (const auto& m : matches) {
    const CueRole* r = cues.role(m.pattern);
    if (!r) continue;
    if ((r->flags & CueRole::NegBefore) && !inside_exception(m)) before_mark[m.start + 1] = 1;
    if (r->flags & CueRole::NegAfter) after_mark[m.start] = 1;
  }
  for (std::size_t i = 0; i <= t.size(); ++i) {
    const bool carry = i > 0 && neg_before_[i - 1] && clause_[i - 1] == clause_[i];
    neg_before_[i] = before_mark[i] || carry;
  }
  for (std::size_t i = t.size() + 1; i-- > 0;) {
    const bool carry = i < t.size() && neg_after_[i + 1] && clause_[i + 1] == clause_[i];
    neg_after_[i] = after_mark[i] || carry;
  }

  // Extracted values.
  long today = 0;
  int today_weekday = 0;
  if (date.size() == 10) {
    today = days_from_civil(std::stol(date.substr(0, 4)), static_cast<unsigned>(std::stoul(date.substr(5, 2))),
                            static_cast<unsigned>(std::stoul(date.substr(8, 2))));
    today_weekday = static_cast<int>(((today % 7) + 7 + 3) % 7) + 1;  // 1970-01-01 was a Thursday
  }
  for (const auto& m : matches) {
    const CueRole* r = cues.role(m.pattern);
    if (!r && m.pattern != cues.date_day) continue;
    const Span span{m.start, m.end};
    if (r && (r->flags & CueRole::Fixed)) deadlines_.push_back(Deadline{span, r->hours});
    if (r && (r->flags & CueRole::PerUnit)) {
      if (auto n = text::number_ending_at(t, m.start)) {
        deadlines_.push_back(Deadline{Span{static_cast<std::uint32_t>(n->start), m.end}, n->value * r->hours});
      }
    }
    if (r && (r->flags & CueRole::Weekday) && today_weekday) {
      // "周六前": days from the proposal's weekday to the next such day; "下周五" adds a week.
      int days = (r->weekday - today_weekday + 7) % 7;
      std::uint32_t start = m.start;
      if (m.start > 0 && t[m.start - 1] == U'下') {
        days += 7;
        --start;
      }
      deadlines_.push_back(Deadline{Span{start, m.end}, days * 24.0});
    }
    if (r && (r->flags & CueRole::Frequency)) frequencies_.push_back(Frequency{span, r->frequency});
    if (r && (r->flags & CueRole::Quota)) {
      // The number may follow a few words later (不低于人口的10%), but not past a clause break.
      std::optional<text::Number> n;
      for (std::size_t k = m.end; k < t.size() && k <= m.end + kQuotaGap && !n; ++k) {
        if (clause_[k] != clause_[m.start]) break;
        n = text::number_starting_at(t, k, 0);
      }
      if (n) {
        const bool percent = n->end < t.size() && (t[n->end] == U'%' || t[n->end] == U'％');
        quotas_.push_back(Quota{Span{m.start, static_cast<std::uint32_t>(n->end + (percent ? 1 : 0))}, n->value, percent});
      }
    }
    if (m.pattern == cues.date_day && today_weekday) {
      // "M月D日前": hours from the proposal's date to the start of that day.
      auto day = text::number_ending_at(t, m.start);
      if (day && day->start > 0 && t[day->start - 1] == U'月') {
        if (auto month = text::number_ending_at(t, day->start - 1)) {
          const long y = std::stol(date.substr(0, 4));
          const auto mm = static_cast<unsigned>(month->value), dd = static_cast<unsigned>(day->value);
          if (mm >= 1 && mm <= 12 && dd >= 1 && dd <= 31) {
            long days = days_from_civil(y, mm, dd) - today;
            if (days < -180) days = days_from_civil(y + 1, mm, dd) - today;
            if (days >= 0) deadlines_.push_back(Deadline{Span{static_cast<std::uint32_t>(month->start), m.end}, days * 24.0});
          }
        }
      }
    }
  }
}

const std::vector<Span>& TextIndex::spans(std::uint32_t pattern) const {
  return pattern < by_pattern_.size() ? by_pattern_[pattern] : kNoSpans;
}

bool TextIndex::negated(const Span& s) const {
  if (s.start > size_) return false;
  return neg_before_[s.start] || (s.end <= size_ && neg_after_[s.end]);
}

}  // namespace jianfu::analysis
