// `jianfu-cli test-pack`: every positive example of a rule must fire it, every negative example
// must not. Also reports rules that fire on no example, missing citations, expired rules, and
// practice rules whose wording claims the force of a 规定.
#pragma once
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "rules/pack_set.h"

namespace jianfu::rules {

struct PackCheck {
  std::string pack;
  int rules = 0, examples = 0;
  std::vector<std::string> errors, warnings;
  bool ok() const { return errors.empty(); }
  nlohmann::ordered_json to_json() const;
};

// today: YYYY-MM-DD, for the expiry check.
PackCheck check_pack(const PackSet& set, const std::string& pack_id, const std::string& today);

}  // namespace jianfu::rules
