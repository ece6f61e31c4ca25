// The stable category codes of the public contract (PRODUCT.md) with their Chinese meanings, for
// screens, exercises and filters. Rule packs must use one of these codes.
#pragma once
#include <string>
#include <vector>

namespace jianfu::assess {

struct Category {
  const char* code;
  const char* label;  // the short Chinese meaning
};

const std::vector<Category>& categories();
// The Chinese meaning of a code; the code itself when it is not a known category.
std::string category_label(const std::string& code);
bool is_category(const std::string& code);

}  // namespace jianfu::assess
