#include "assess/justification.h"

#include <set>

namespace jianfu::assess {

std::string finding_key(const Finding& f) { return f.pack + ":" + f.rule; }

namespace {
bool blank(const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }
}  // namespace

Standing standing(const Report& r, const std::map<std::string, std::string>& reasons) {
  Standing s;
  std::set<std::string> keys;
  for (const Finding& f : r.findings)
    if (f.severity == rules::Severity::Justify) keys.insert(finding_key(f));
  s.needs_reason = keys.size();
  for (const std::string& k : keys) {
    const auto it = reasons.find(k);
    if (it != reasons.end() && !blank(it->second)) ++s.justified;
  }
  s.verdict_text = r.verdict_text;
  if (r.verdict == "justify") {
    if (s.complete()) s.verdict_text += "（理由已记录）";
    else if (s.justified > 0)
      s.verdict_text += "（已说明 " + std::to_string(s.justified) + "/" + std::to_string(s.needs_reason) + " 项）";
  }
  return s;
}

}  // namespace jianfu::assess
