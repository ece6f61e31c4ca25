// Parsing a JSON input that a person or another system handed us: invalid UTF-8 and malformed JSON
// become bad input with a Chinese message and a stable code (INVALID_UTF8, INVALID_JSON).
#pragma once
#include <string_view>

#include <nlohmann/json.hpp>

namespace jianfu::util {
nlohmann::json parse_json_input(std::string_view bytes);
}
