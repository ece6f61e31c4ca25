#include "text/sentences.h"

namespace jianfu::text {

namespace {

bool in(char32_t c, std::u32string_view set) { return set.find(c) != std::u32string_view::npos; }
bool is_terminator(char32_t c) { return in(c, U"。！？；!?;"); }
bool is_closer(char32_t c) { return in(c, U"”’）》」』】〕)]"); }
bool is_blank(char32_t c) { return c == U' ' || c == U'\t' || c == U'\r' || c == U'\u3000' || c == U'\u00a0'; }

void push_trimmed(std::u32string_view t, std::size_t a, std::size_t b, std::vector<SentenceSpan>& out) {
  while (a < b && is_blank(t[a])) ++a;
  while (b > a && is_blank(t[b - 1])) --b;
  if (a < b) out.push_back({a, b});
}

}  // namespace

std::vector<SentenceSpan> split_sentences(std::u32string_view t) {
  std::vector<SentenceSpan> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (t[i] == U'\n') {
      push_trimmed(t, start, i, out);
      start = i + 1;
    } else if (is_terminator(t[i])) {
      std::size_t end = i + 1;
      // Runs of terminators (？！) and the closing marks after them stay with the sentence.
      while (end < t.size() && (is_terminator(t[end]) || is_closer(t[end]))) ++end;
      push_trimmed(t, start, end, out);
      start = end;
      i = end - 1;
    }
  }
  push_trimmed(t, start, t.size(), out);
  return out;
}

std::vector<std::size_t> sentences_overlapping(const std::vector<SentenceSpan>& s, std::size_t start,
                                               std::size_t end) {
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < s.size(); ++i)
    if (s[i].start < end && start < s[i].end) out.push_back(i);
  return out;
}

}  // namespace jianfu::text
