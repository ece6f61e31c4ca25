#include "text/matcher.h"

#include <algorithm>
#include <deque>
#include <stdexcept>

#include "text/chars.h"

namespace jianfu::text {

std::uint32_t Matcher::child_while_adding(std::uint32_t node, char32_t c) const {
  for (const auto& [k, v] : nodes_[node].next) if (k == c) return v;
  return 0;
}

std::uint32_t Matcher::child(std::uint32_t node, char32_t c) const {
  if (node == 0 && c < 0x10000) return root_bmp_[c];
  const auto& next = nodes_[node].next;
  const auto it = std::lower_bound(next.begin(), next.end(), c, [](const auto& e, char32_t v) { return e.first < v; });
  return it != next.end() && it->first == c ? it->second : 0;
}

std::uint32_t Matcher::add(std::u32string_view pattern) {
  std::u32string folded;
  folded.reserve(pattern.size());
  for (char32_t c : pattern) folded.push_back(fold(c));
  if (folded.empty()) throw std::invalid_argument("empty pattern");
  if (auto it = ids_.find(folded); it != ids_.end()) return it->second;
  std::uint32_t node = 0;
  for (char32_t c : folded) {
    std::uint32_t next = child_while_adding(node, c);
    if (next == 0) {
      nodes_.emplace_back();
      next = static_cast<std::uint32_t>(nodes_.size() - 1);
      nodes_[node].next.emplace_back(c, next);
    }
    node = next;
  }
  const auto id = static_cast<std::uint32_t>(lengths_.size());
  lengths_.push_back(static_cast<std::uint32_t>(folded.size()));
  nodes_[node].outputs.push_back(id);
  ids_.emplace(std::move(folded), id);
  built_ = false;
  return id;
}

void Matcher::build() {
  for (auto& n : nodes_) std::sort(n.next.begin(), n.next.end());
  root_bmp_.assign(0x10000, 0);
  for (const auto& [c, id] : nodes_[0].next) if (c < 0x10000) root_bmp_[c] = id;
  // Breadth-first: a node's failure link is the longest proper suffix that is also a trie path.
  std::deque<std::uint32_t> queue;
  for (const auto& [c, child] : nodes_[0].next) {
    nodes_[child].fail = 0;
    queue.push_back(child);
  }
  while (!queue.empty()) {
    const std::uint32_t n = queue.front();
    queue.pop_front();
    for (const auto& [c, child] : nodes_[n].next) {
      std::uint32_t f = nodes_[n].fail;
      while (f != 0 && this->child(f, c) == 0) f = nodes_[f].fail;
      const std::uint32_t via = this->child(f, c);
      const std::uint32_t target = via != child ? via : 0;
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
    std::uint32_t next = child(node, c);
    while (next == 0 && node != 0) {
      node = nodes_[node].fail;
      next = child(node, c);
    }
    node = next;
    for (std::uint32_t n = nodes_[node].outputs.empty() ? nodes_[node].out_link : node; n != 0; n = nodes_[n].out_link) {
      for (std::uint32_t p : nodes_[n].outputs) out.push_back(Match{p, i + 1 - lengths_[p], i + 1});
    }
  }
  return out;
}

}  // namespace jianfu::text
