// Sentences of a Chinese draft, for exercises that ask the learner to pick the problem passages.
// A sentence ends after 。！？；!?; (with any closing quotes or brackets that follow it) or at a
// line break; leading and trailing blanks (including the full-width space) are not part of it, and
// blank stretches give no sentence. Offsets are code points, like the evidence in a report.
#pragma once
#include <cstddef>
#include <string_view>
#include <vector>

namespace jianfu::text {

struct SentenceSpan {
  std::size_t start = 0, end = 0;  // code points [start, end)
};

std::vector<SentenceSpan> split_sentences(std::u32string_view text);

// Indices of the sentences that share at least one code point with [start, end).
std::vector<std::size_t> sentences_overlapping(const std::vector<SentenceSpan>& sentences, std::size_t start,
                                               std::size_t end);

}  // namespace jianfu::text
