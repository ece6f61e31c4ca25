// Numbers written in Arabic digits (also full-width) or in Chinese numerals (三, 十五, 一百二十, 两).
#pragma once
#include <cstddef>
#include <optional>
#include <string_view>

namespace jianfu::text {

struct Number {
  double value;
  std::size_t start, end;  // code-point span in the text
};

// The number that ends exactly at `end` (skipping one 个 between number and unit, as in 3个工作日).
std::optional<Number> number_ending_at(std::u32string_view text, std::size_t end);
// The number that starts at `start`, allowing up to `max_skip` blanks before it.
std::optional<Number> number_starting_at(std::u32string_view text, std::size_t start, std::size_t max_skip = 1);

}  // namespace jianfu::text
