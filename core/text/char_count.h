// 字数 as Chinese offices count it (the contract's `metrics.chars`): every Han character, every
// run of letters, every number, and every punctuation mark or symbol counts one; blanks count zero.
#pragma once
#include <cstddef>
#include <string_view>

namespace jianfu::text {

// A number is a run of digits, including a decimal point or thousands comma between two digits
// ("3.5", "1,200" count one, as word processors count them).
std::size_t count_chars(std::u32string_view text);

}  // namespace jianfu::text
