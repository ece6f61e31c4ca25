#include "text/copy_ratio.h"

#include <cstdint>
#include <unordered_set>
#include <vector>

#include "text/chars.h"

namespace jianfu::text {

namespace {

constexpr std::uint64_t kBase = 1000003;

// Folded characters with blanks removed, and for the draft the original position of each.
std::vector<char32_t> compact(std::u32string_view t, std::vector<std::uint32_t>* positions) {
  std::vector<char32_t> out;
  out.reserve(t.size());
  for (std::uint32_t i = 0; i < t.size(); ++i) {
    if (is_space(t[i])) continue;
    out.push_back(fold(t[i]));
    if (positions) positions->push_back(i);
  }
  return out;
}

template <class Fn>
void for_each_shingle_hash(const std::vector<char32_t>& s, Fn&& fn) {
  if (s.size() < kShingle) return;
  std::uint64_t pow = 1;
  for (std::size_t i = 1; i < kShingle; ++i) pow *= kBase;
  std::uint64_t h = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (i >= kShingle) h -= pow * static_cast<std::uint64_t>(s[i - kShingle]);
    h = h * kBase + static_cast<std::uint64_t>(s[i]);
    if (i + 1 >= kShingle) fn(i + 1 - kShingle, h);
  }
}

}  // namespace

double copy_ratio(std::u32string_view text, std::u32string_view parent) {
  const std::vector<char32_t> t = compact(text, nullptr);
  if (t.empty()) return 0.0;
  const std::vector<char32_t> p = compact(parent, nullptr);
  std::unordered_set<std::uint64_t> seen;
  seen.reserve(p.size() * 2);
  for_each_shingle_hash(p, [&](std::size_t, std::uint64_t h) { seen.insert(h); });
  // Mark coverage with a difference array: a matching shingle at s covers [s, s + kShingle).
  std::size_t covered = 0, run_end = 0;
  for_each_shingle_hash(t, [&](std::size_t s, std::uint64_t h) {
    if (!seen.count(h)) return;
    const std::size_t from = s > run_end ? s : run_end;
    covered += s + kShingle - from;
    run_end = s + kShingle;
  });
  return static_cast<double>(covered) / static_cast<double>(t.size());
}

}  // namespace jianfu::text
