// Share of a draft copied from its parent document: every character of the draft (blanks not
// counted) that lies inside some run of kShingle consecutive characters also present in the parent.
// Robust to small edits: replacing 全省 with 全市 uncovers only the replaced characters. Linear time
// (rolling hashes of the parent's shingles in a hash set, one pass over the draft).
#pragma once
#include <string_view>

namespace jianfu::text {

constexpr std::size_t kShingle = 8;

double copy_ratio(std::u32string_view text, std::u32string_view parent);

}  // namespace jianfu::text
