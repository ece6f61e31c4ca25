#include "util/json_input.h"

#include <string>

#include "error.h"
#include "text/utf8.h"

namespace jianfu::util {

nlohmann::json parse_json_input(std::string_view bytes) {
  std::size_t bad = 0;
  std::u32string ignored;
  if (!text::decode_utf8(bytes, ignored, &bad))
    throw bad_input("INVALID_UTF8", "输入不是有效的 UTF-8 文本（第 " + std::to_string(bad) + " 字节处出错）。请以 UTF-8 编码保存后重试。");
  try {
    return nlohmann::json::parse(bytes);
  } catch (const nlohmann::json::parse_error& e) {
    throw bad_input("INVALID_JSON", "输入不是有效的 JSON（第 " + std::to_string(e.byte) + " 字节附近）。请检查括号、引号和逗号。");
  }
}

std::vector<std::string> unknown_keys(const nlohmann::json& object, const std::vector<std::string_view>& known) {
  std::vector<std::string> out;
  if (!object.is_object()) return out;
  for (const auto& [key, value] : object.items()) {
    bool found = false;
    for (std::string_view k : known) found = found || k == key;
    if (!found) out.push_back(key);
  }
  return out;
}

}  // namespace jianfu::util
