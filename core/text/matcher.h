// Aho–Corasick automaton over code points: finds every occurrence of every pattern in one pass
// over the text, whatever the number of patterns. Patterns and text are compared after fold()
// (full/half width, case, dash variants), so offsets in the folded text are offsets in the original.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace jianfu::text {

struct Match {
  std::uint32_t pattern;  // id returned by add()
  std::uint32_t start;    // code-point offsets, [start, end)
  std::uint32_t end;
};

class Matcher {
 public:
  // Adds a pattern (folded here) and returns its id; the same text added twice gets the same id.
  std::uint32_t add(std::u32string_view pattern);
  void build();  // must be called after the last add() and before find()
  // All matches, ordered by end, then by start (longest first for the same end).
  std::vector<Match> find(std::u32string_view text) const;
  std::size_t pattern_count() const { return lengths_.size(); }

 private:
  struct Node {
    std::vector<std::pair<char32_t, std::uint32_t>> next;  // sorted by character (after build)
    std::uint32_t fail = 0;
    std::uint32_t out_link = 0;           // nearest suffix node that ends a pattern (0 = none)
    std::vector<std::uint32_t> outputs;   // patterns ending exactly here
  };
  std::uint32_t child(std::uint32_t node, char32_t c) const;  // 0 when there is no edge
  std::uint32_t child_while_adding(std::uint32_t node, char32_t c) const;
  std::vector<Node> nodes_{1};
  // Most characters of a text restart at the root, so its edges for the Basic Multilingual Plane
  // sit in a direct table instead of a search.
  std::vector<std::uint32_t> root_bmp_;
  std::vector<std::uint32_t> lengths_;
  std::unordered_map<std::u32string, std::uint32_t> ids_;
  bool built_ = false;
};

}  // namespace jianfu::text
