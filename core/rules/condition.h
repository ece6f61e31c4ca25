// The condition language of rule packs, compiled against one pattern automaton and evaluated with
// three-valued logic: a condition that needs a fact the proposal does not give is Unknown, and the
// engine then asks for that fact instead of guessing. Operators (docs/RULE-PACKS.md):
//   {"all": [...]}, {"any": [...]}, {"not": {...}}
//   {"fact": "name", <op>: value}        op: eq ne in not_in gt gte lt lte is contains contains_any
//                                         count_gte; "empty": true/false never asks (missing = empty)
//   {"metric": "chars", <op>: value}      metrics: chars, copy_ratio, paragraphs, title_chars, date_day
//   {"text": {"terms": [...], "near": [...], "within": N, "context": "demand"|"any", "field": "text"|"title"}}
//   {"deadline": {"max_hours": H, "near": [...], "within": N}}
//   {"frequency": {"in": [...], "near": [...], "within": N}}
//   {"quota": {"near": [...], "within": N, "min_value": V, "percent": bool}}
// A value may be {"param": "name"}, read from the rule's params (so a local pack can retune it).
#pragma once
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "analysis/text_index.h"
#include "rules/pack.h"
#include "text/matcher.h"

namespace jianfu::rules {

enum class Tri { False, True, Unknown };

struct CompileEnv {
  text::Matcher& matcher;
  const nlohmann::json& params;
  const std::map<std::string, FactDef>& facts;  // known facts, for validation
  std::string where;                            // JSON path, for error messages
};

struct EvalEnv {
  const nlohmann::json& facts;                  // the proposal's facts plus its top-level fields
  const std::map<std::string, double>& metrics;
  const analysis::TextIndex& text;
  const analysis::TextIndex& title;
  std::vector<std::string>& missing;            // facts that would decide an Unknown, in order
};

class Condition {
 public:
  // Throws bad_input PACK_INVALID naming env.where and the offending key.
  static std::unique_ptr<Condition> compile(const nlohmann::json& j, CompileEnv& env);
  virtual ~Condition() = default;
  // evidence receives the text spans that made it true (only when the result is True).
  virtual Tri eval(EvalEnv& env, std::vector<analysis::Span>& evidence) const = 0;
};

}  // namespace jianfu::rules
