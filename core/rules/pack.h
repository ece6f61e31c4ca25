// Rule packs: the data model and the loader. A pack is JSON (format: docs/RULE-PACKS.md, schema:
// assets/packs/pack.schema.json). Loading validates everything the engine relies on and reports
// the first problem with its JSON path, as bad input (PACK_INVALID), never as a crash.
#pragma once
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace jianfu::rules {

enum class Severity { Revise = 1, Justify = 2, Block = 3 };
enum class Authority { Law, PartyRegulation, CentralDocument, NationalStandard, LocalRegulation, Practice };

const char* severity_code(Severity s);              // "revise" | "justify" | "block"
const char* authority_code(Authority a);            // "law" | ... | "practice"
const char* authority_label(Authority a);           // 法律法规 | 党内法规 | 中央文件 | 国家标准 | 地方规定 | 实务做法
bool is_binding(Authority a);                       // everything but a practice
bool is_national(Authority a);                      // law, party regulation, central document, national standard
const std::vector<std::string>& category_codes();   // the contract's stable codes
const std::vector<std::string>& proposal_kinds();   // document, meeting, ...

struct Source {
  std::string key, document, issuer, date, link;
  Authority authority = Authority::Practice;
};

struct FactDef {
  std::string id, type;  // type: bool | int | number | string | enum | list
  std::string question, help;
  std::vector<std::string> options;                // enum / list values
  std::map<std::string, std::string> option_labels;
  std::vector<std::string> kinds;                  // proposal kinds it applies to (empty = all)
  nlohmann::json ask_if;                           // condition; null = always relevant
};

struct Rule {
  std::string pack, id, title, category;
  Severity severity = Severity::Revise;
  std::vector<std::string> scope;
  std::string source, article;  // source key into Pack::sources, and the part/article cited
  std::string effective_from, effective_to;  // YYYY-MM-DD; empty = open
  bool verified = true;
  nlohmann::json params = nlohmann::json::object();
  nlohmann::json when;          // condition (see condition.h)
  std::string message, fix;
  std::vector<nlohmann::json> positive, negative;  // example proposals (a string = its text)
  std::string replaces;         // "pack:rule" of a local or practice rule this one replaces
};

struct CueTable {
  std::vector<std::string> negation_before, negation_after, negation_exceptions;
  std::u32string clause_breaks, sentence_breaks;
  std::vector<std::pair<std::string, double>> deadline_fixed;     // term → hours
  std::vector<std::pair<std::string, double>> deadline_per_unit;  // term after a number → hours per unit
  std::vector<std::pair<std::string, int>> deadline_weekday;      // 周六 → 6 (Monday 1 … Sunday 7)
  std::vector<std::pair<std::string, std::string>> frequency;     // term → daily | weekly | ...
  std::vector<std::string> quota;                                 // cue before a number
};

struct Pack {
  std::string id, version, title, region, extends, description;
  std::string sha256;  // of the file's bytes
  std::map<std::string, Source> sources;
  std::vector<FactDef> facts;
  std::vector<Rule> rules;
  std::vector<std::string> disables;  // "pack:rule" of local or practice rules switched off
  bool has_cues = false;
  CueTable cues;
};

// Parses and validates a pack. `origin` names it in error messages (a path or builtin:ID).
Pack parse_pack(std::string_view json_bytes, const std::string& origin);

}  // namespace jianfu::rules
