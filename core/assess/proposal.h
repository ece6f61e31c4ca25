// A proposal as the contract defines it (PRODUCT.md "Proposal"), parsed and checked. Every problem
// is bad input with a stable code and a Chinese message that names the field.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace jianfu::assess {

constexpr std::size_t kMaxTextChars = 2'000'000;  // per text field; a long notice is ~10,000

struct Proposal {
  std::string kind, title, issuer, issuer_level, date;
  std::string text, parent_text;  // UTF-8
  bool has_parent = false;
  nlohmann::json facts = nlohmann::json::object();
  std::vector<std::string> unknown_fields;  // top-level keys the contract does not know: ignored
};

// The proposal's top-level keys, as the contract has them (and as a warning lists them).
const std::vector<std::string_view>& proposal_keys();
Proposal parse_proposal(std::string_view json_bytes);
Proposal proposal_from_json(const nlohmann::json& j);  // j already parsed (rule examples)
bool valid_date(const std::string& s);                 // YYYY-MM-DD with a real month and day

}  // namespace jianfu::assess
