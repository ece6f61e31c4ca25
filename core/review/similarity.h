// Fuzzy matching of free-text work items against list entries, robust to wording:
// 协助开展低保入户调查 ≈ 社会救助申请受理和入户调查配合 (through its alias 低保入户调查).
// Texts are normalised (folded, punctuation and blanks removed, low-information words such as 工作
// or 协助 dropped), cut into character bigrams, and scored by how much of the entry the item
// contains, blended with the Dice coefficient so that closer-sized texts win ties.
#pragma once
#include <cstdint>
#include <string>
#include <unordered_set>
#include <vector>

namespace jianfu::review {

struct Bigrams {
  std::vector<std::uint64_t> grams;  // unique
  std::string text;                  // the original key, for display
};

class Normalizer {
 public:
  void set_stop_words(const std::vector<std::string>& words);
  std::u32string normalize(const std::string& utf8) const;
  Bigrams bigrams(const std::string& utf8) const;

 private:
  std::vector<std::u32string> stop_;  // longest first
};

struct ItemGrams {
  std::unordered_set<std::uint64_t> set;
  std::size_t size() const { return set.size(); }
};

ItemGrams item_grams(const Bigrams& b);
// 0.75 × (share of the key's bigrams found in the item) + 0.25 × Dice. 0 for keys of < 2 bigrams.
double similarity(const ItemGrams& item, const Bigrams& key);

}  // namespace jianfu::review
