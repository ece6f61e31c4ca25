#include "review/similarity.h"

#include <algorithm>

#include "text/chars.h"
#include "text/utf8.h"

namespace jianfu::review {

void Normalizer::set_stop_words(const std::vector<std::string>& words) {
  stop_.clear();
  for (const auto& w : words) {
    std::u32string s = text::decode_utf8_or_throw(w, "停用词");
    for (char32_t& c : s) c = text::fold(c);
    if (!s.empty()) stop_.push_back(s);
  }
  std::sort(stop_.begin(), stop_.end(), [](const auto& a, const auto& b) { return a.size() > b.size(); });
}

std::u32string Normalizer::normalize(const std::string& utf8) const {
  std::u32string in;
  text::decode_utf8(utf8, in);
  std::u32string folded;
  folded.reserve(in.size());
  for (char32_t c : in) {
    const text::CharClass k = text::classify(c);
    if (k == text::CharClass::Han || k == text::CharClass::Letter || k == text::CharClass::Digit) folded.push_back(text::fold(c));
    else folded.push_back(U' ');  // punctuation separates: no bigram spans it
  }
  std::u32string out;
  out.reserve(folded.size());
  for (std::size_t i = 0; i < folded.size();) {
    bool skipped = false;
    for (const auto& w : stop_) {
      if (folded.compare(i, w.size(), w) == 0) {
        out.push_back(U' ');
        i += w.size();
        skipped = true;
        break;
      }
    }
    if (!skipped) out.push_back(folded[i++]);
  }
  return out;
}

Bigrams Normalizer::bigrams(const std::string& utf8) const {
  const std::u32string n = normalize(utf8);
  Bigrams b;
  b.text = utf8;
  for (std::size_t i = 0; i + 1 < n.size(); ++i) {
    if (n[i] == U' ' || n[i + 1] == U' ') continue;
    b.grams.push_back((static_cast<std::uint64_t>(n[i]) << 32) | n[i + 1]);
  }
  std::sort(b.grams.begin(), b.grams.end());
  b.grams.erase(std::unique(b.grams.begin(), b.grams.end()), b.grams.end());
  return b;
}

ItemGrams item_grams(const Bigrams& b) {
  ItemGrams g;
  g.set.insert(b.grams.begin(), b.grams.end());
  return g;
}

double similarity(const ItemGrams& item, const Bigrams& key) {
  if (key.grams.size() < 2 || item.size() == 0) return 0.0;
  std::size_t common = 0;
  for (std::uint64_t g : key.grams) common += item.set.count(g);
  const double containment = static_cast<double>(common) / static_cast<double>(key.grams.size());
  const double dice = 2.0 * static_cast<double>(common) / static_cast<double>(key.grams.size() + item.size());
  return 0.75 * containment + 0.25 * dice;
}

}  // namespace jianfu::review
