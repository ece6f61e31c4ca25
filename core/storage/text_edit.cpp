#include "storage/text_edit.h"

#include <algorithm>

namespace jianfu::storage {

namespace {
bool continuation(unsigned char c) { return (c & 0xC0) == 0x80; }
bool inside_char(const std::string& s, std::size_t i) { return i < s.size() && continuation(s[i]); }
}  // namespace

TextEdit edit_between(const std::string& before, const std::string& after) {
  const std::size_t shortest = std::min(before.size(), after.size());
  std::size_t head = 0;
  while (head < shortest && before[head] == after[head]) ++head;
  // Back to the start of the character the first difference is in (both versions share its lead).
  while (head > 0 && (inside_char(before, head) || inside_char(after, head))) --head;
  std::size_t tail = 0;
  while (tail < shortest - head && before[before.size() - 1 - tail] == after[after.size() - 1 - tail]) ++tail;
  // The shared end must start on a character: a shared continuation byte belongs to the change.
  while (tail > 0 && continuation(before[before.size() - tail])) --tail;
  TextEdit e;
  e.at = head;
  e.removed = before.substr(head, before.size() - head - tail);
  e.inserted = after.substr(head, after.size() - head - tail);
  return e;
}

std::string apply_edit(const std::string& before, const TextEdit& e) {
  std::string out = before.substr(0, e.at);
  out += e.inserted;
  out += before.substr(std::min(before.size(), e.at + e.removed.size()));
  return out;
}

}  // namespace jianfu::storage
