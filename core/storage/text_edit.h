// What an edit changed in a long text, for the audit log: the bytes before and after that both
// versions share are left out, and what remains is where the change starts, the part removed and
// the part put in its place. An autosave of a 4,000-character draft used to log the draft and the
// record's data whole, old and new (some 70 KB per save, kept for ever in an append-only log); a
// typed word now logs a few bytes. Either version is rebuilt from the other with the edit.
#pragma once
#include <cstddef>
#include <string>

namespace jianfu::storage {

struct TextEdit {
  std::size_t at = 0;    // byte offset in both versions where they start to differ
  std::string removed;   // the old version's bytes from `at` on that the new one does not have
  std::string inserted;  // the new version's bytes in their place
};

// The edit that turns `before` into `after`. Its ends fall on UTF-8 character boundaries, so the
// parts are whole characters.
TextEdit edit_between(const std::string& before, const std::string& after);

// `before` with the edit made: `after` again.
std::string apply_edit(const std::string& before, const TextEdit& e);

}  // namespace jianfu::storage
