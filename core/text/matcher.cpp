#include "text/matcher.h"

#include <algorithm>
#include <deque>
#include <stdexcept>

#include "text/chars.h"

namespace jianfu::text {

std::uint32_t Matcher::add(std::u32string_view pattern) {
  std::u32string folded;
  folded.reserve(pattern.size());
  for (char32_t c : pattern) folded.push_back(fold(c));
  if (folded.empty()) throw std::invalid_argument("empty pattern");
  if (auto it = ids_.find(folded); it != ids_.end()) return it->second;
  std::uint32_t node = 0;
  for (char32_t c : folded) {
    auto it = nodes_[node].next.find(c);
    if (it == nodes_[node].next.end()) {
      nodes_.emplace_back();
      const auto id = static_cast<std::uint32_t>(nodes_.size() - 1);
      nodes_[node].next.emplace(c, id);
      node = id;
    } else {
      node = it->second;
    }
  }
  const auto id = static_cast<std::uint32_t>(lengths_.size());
  lengths_.push_back(static_cast<std::uint32_t>(folded.size()));
  nodes_[node].outputs.push_back(id);
  ids_.emplace(std::move(folded), id);
  built_ = false;
  return id;
}

void Matcher::build() {
  // Breadth-first: a node's failure link is the longest proper suffix that is also a trie path.
  std::deque<std::uint32_t> queue;
  for (auto& [c, child] : nodes_[0].next) {
    nodes_[child].fail = 0;
    queue.push_back(child);
  }
  while (!queue.empty()) {
    const std::uint32_t n = queue.front();
    queue.pop_front();
    for (auto& [c, child] : nodes_[n].next) {
      std::uint32_t f = nodes_[n].fail;
      while (f != 0 && !nodes_[f].next.count(c)) f = nodes_[f].fail;
      auto it = nodes_[f].next.find(c);
      const std::uint32_t target = (it != nodes_[f].next.end() && it->second != child) ? it->second : 0;
      nodes_[child].fail = target;
      nodes_[child].out_link = nodes_[target].outputs.empty() ? nodes_[target].out_link : target;
      queue.push_back(child);
    }
  }
  built_ = true;
}

std::vector<Match> Matcher::find(std::u32string_view text) const {
  if (!built_) throw std::logic_error("Matcher::find before build");
  std::vector<Match> out;
  std::uint32_t node = 0;
  for (std::uint32_t i = 0; i < text.size(); ++i) {
    const char32_t c = fold(text[i]);
    while (node != 0 && !nodes_[node].next.count(c)) node = nodes_[node].fail;
    auto it = nodes_[node].next.find(c);
    node = it != nodes_[node].next.end() ? it->second : 0;
    for (std::uint32_t n = nodes_[node].outputs.empty() ? nodes_[node].out_link : node; n != 0; n = nodes_[n].out_link) {
      for (std::uint32_t p : nodes_[n].outputs) out.push_back(Match{p, i + 1 - lengths_[p], i + 1});
    }
  }
  return out;
}

}  // namespace jianfu::text
