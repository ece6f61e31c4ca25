// 为基层减负一致性评估: runs every active rule of a pack set on one proposal and explains the result.
// Deterministic: the same proposal, packs and as-of date give the same report, byte for byte, in
// both builds.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "assess/proposal.h"
#include "rules/pack_set.h"

namespace jianfu::assess {

struct Evidence {
  std::uint32_t start, end;  // code points of the proposal's text
  std::string text;
};

struct Finding {
  std::string pack, rule, category;
  rules::Severity severity;
  std::string message, basis, fix;
  std::vector<Evidence> evidence;
};

struct Question {
  std::string fact, question, help, type;
  std::vector<std::string> options;
};

struct Report {
  std::string verdict, verdict_text;
  std::vector<Finding> findings;
  std::vector<Question> unanswered;
  std::vector<std::string> unused_facts;
  // Rules that could not be decided for lack of facts: "pack:rule" → the facts they need.
  std::map<std::string, std::vector<std::string>> undecided;
  std::size_t chars = 0;
  std::optional<double> copy_ratio;
  std::string as_of;
  std::vector<const rules::Pack*> packs;
};

// as_of: YYYY-MM-DD, or empty for the proposal's date (or today's when it has none).
// Throws bad_input (WRONG_FACT_TYPE, BAD_DATE) for facts or dates that do not fit.
Report assess(const Proposal& p, const rules::PackSet& packs, const std::string& as_of = "");

// The contract's JSON (PRODUCT.md "Report"), keys in contract order.
nlohmann::ordered_json report_to_json(const Report& r);

const char* verdict_text(const std::string& verdict);

// Whether any active rule for this kind of proposal measures the draft against its parent document
// (the copy_ratio metric), so that the form should ask for the parent's text. Asked of the packs,
// not of a list of kinds: a local pack that adds such a rule makes the field appear.
bool needs_parent_text(const rules::PackSet& packs, const std::string& kind);

// The clause a rule rests on, as findings cite it: document, article, authority, issuer, date.
std::string basis_of(const rules::Rule& rule, const rules::Source& src);

}  // namespace jianfu::assess
