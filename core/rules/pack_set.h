// A set of packs ready to run: a national base and any local packs layered over it, compiled into
// one pattern automaton. Layering rules: a local pack may add rules, and may replace or switch off
// rules whose source is a local regulation or a practice; it can never replace or switch off a rule
// resting on a national source (law, party regulation, central document, national standard).
#pragma once
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "analysis/text_index.h"
#include "rules/condition.h"
#include "rules/pack.h"
#include "text/matcher.h"

namespace jianfu::rules {

struct ActiveRule {
  const Rule* rule;
  const Source* source;
  std::unique_ptr<Condition> when;
};

class PackSet {
 public:
  // Packs in order, each after the pack it extends. Throws bad_input (PACK_INVALID,
  // PACK_BASE_MISSING, PACK_CANNOT_RELAX_NATIONAL) on a problem.
  static std::unique_ptr<PackSet> build(std::vector<Pack> packs);

  const std::vector<Pack>& packs() const { return packs_; }
  const std::vector<ActiveRule>& rules() const { return rules_; }
  const std::map<std::string, FactDef>& facts() const { return facts_; }
  const std::vector<std::string>& fact_order() const { return fact_order_; }
  const text::Matcher& matcher() const { return matcher_; }
  const analysis::CueIds& cues() const { return cues_; }
  // ask_if conditions of facts, compiled (null when a fact is always relevant).
  const Condition* ask_if(const std::string& fact) const;

  PackSet(const PackSet&) = delete;
  PackSet& operator=(const PackSet&) = delete;

 private:
  PackSet() = default;
  std::vector<Pack> packs_;
  std::vector<ActiveRule> rules_;
  std::map<std::string, FactDef> facts_;
  std::vector<std::string> fact_order_;
  std::map<std::string, std::unique_ptr<Condition>> ask_if_;
  text::Matcher matcher_;
  analysis::CueIds cues_;
};

// Built-in packs, compiled into the program from assets/packs.
std::vector<std::string> builtin_pack_ids();
const std::string* builtin_pack_text(const std::string& id);
std::vector<std::string> default_pack_ids();  // used when no --pack is given

// Loads packs named by spec: a file path, or builtin:ID / an ID of a built-in pack. A local pack
// whose base is not listed gets its base from the built-in packs. No specs: the default packs.
// A pack loaded from a file must pass its own examples (PACK_EXAMPLES_FAILED otherwise); built-in
// packs are checked by the test suite instead. `verify_files = false` is for test-pack itself.
std::unique_ptr<PackSet> load_pack_set(const std::vector<std::string>& specs, bool verify_files = true);

}  // namespace jianfu::rules
