// Parsing a JSON input that a person or another system handed us: invalid UTF-8 and malformed JSON
// become bad input with a Chinese message and a stable code (INVALID_UTF8, INVALID_JSON).
#pragma once
#include <string_view>

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace jianfu::util {
nlohmann::json parse_json_input(std::string_view bytes);
// The keys of `object` that are not in `known`, in the input's order. An input contract that
// ignores such keys says so (a misspelt "body" for "text" would otherwise check an empty draft).
std::vector<std::string> unknown_keys(const nlohmann::json& object, const std::vector<std::string_view>& known);
}
