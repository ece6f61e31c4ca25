// Findings of severity "justify" (一般/原则上 rules) allow exceptions: the official may go ahead with
// a recorded reason or an approval obtained. The engine's verdict stays what the rules say (the
// contract); this is how a record states whether every exception has been accounted for.
#pragma once
#include <map>
#include <string>

#include "assess/engine.h"

namespace jianfu::assess {

// "pack:rule" of a finding: the key reasons are recorded under.
std::string finding_key(const Finding& f);

struct Standing {
  std::size_t needs_reason = 0;  // distinct justify findings
  std::size_t justified = 0;     // of those, with a non-blank reason recorded
  std::string verdict_text;      // the verdict as shown and stored, e.g. 需说明理由或报批（理由已记录）
  bool complete() const { return needs_reason == justified; }
};

Standing standing(const Report& r, const std::map<std::string, std::string>& reasons);

}  // namespace jianfu::assess
