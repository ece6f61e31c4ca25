// Work-item list packs (`jianfu-lists/1`, docs/WORK-ITEM-REVIEW.md): the lists a village or
// community committee's tasks are checked against — 依法履职/自治事项 (duty), 协助政府工作事项
// (assist), 负面/减负事项 (negative), 不应出具的证明 (certificate) and 可以出具的证明
// (certificate_allowed) — with the reasons, conditions and admission steps worded as data.
// A provincial pack layers over the national one: it may add entries and replace or remove its own
// and the duty/assist lists, but never remove or replace a negative-list or certificate entry that
// rests on a national source.
#pragma once
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "review/flag_scanner.h"
#include "review/similarity.h"
#include "rules/pack.h"

namespace jianfu::review {

const std::vector<std::string>& list_names();    // duty, assist, negative, certificate, certificate_allowed
const std::vector<std::string>& reason_codes();  // the contract's WI_* codes

struct Entry {
  std::string pack, id, list, name, legal_basis, source;
  std::vector<std::string> aliases;
  std::vector<Bigrams> keys;  // name and aliases, prepared for matching
};

struct ReasonText {
  std::string message, source, article;
};

struct ListPack {
  std::string id, version, title, region, extends, sha256;
  std::map<std::string, rules::Source> sources;
  std::vector<Entry> entries;
  std::vector<std::string> removes;                        // entry ids of earlier packs
  std::map<std::string, ReasonText> reasons;               // WI_* → wording and basis
  std::map<std::string, std::vector<std::string>> flags;   // WI_FORMS/WI_MECHANISM/WI_ASSESS → trigger terms
  std::vector<std::string> conditions, steps, stop_words;  // replaced as a whole when a later pack sets them
  double threshold = 0, duplicate_threshold = 0;           // 0 = not set here
};

class ListSet {
 public:
  static std::unique_ptr<ListSet> build(std::vector<ListPack> packs);
  const std::vector<ListPack>& packs() const { return packs_; }
  const std::vector<const Entry*>& entries() const { return entries_; }
  const ReasonText& reason(const std::string& code) const;
  const rules::Source* source(const std::string& pack, const std::string& key) const;
  const std::map<std::string, std::vector<std::string>>& flags() const { return flags_; }
  const FlagScanner& flag_scanner() const { return *scanner_; }
  const std::vector<std::string>& conditions() const { return conditions_; }
  const std::vector<std::string>& steps() const { return steps_; }
  const Normalizer& normalizer() const { return normalizer_; }
  double threshold() const { return threshold_; }
  double duplicate_threshold() const { return duplicate_threshold_; }

 private:
  std::vector<ListPack> packs_;
  std::vector<const Entry*> entries_;
  std::map<std::string, ReasonText> reasons_;
  std::map<std::string, std::string> reason_pack_;
  std::map<std::string, std::vector<std::string>> flags_;
  std::unique_ptr<FlagScanner> scanner_;  // compiled from flags_ once, when the set is built
  std::vector<std::string> conditions_, steps_;
  Normalizer normalizer_;
  double threshold_ = 0.5, duplicate_threshold_ = 0.8;
};

ListPack parse_list_pack(std::string_view json_bytes, const std::string& origin);

std::vector<std::string> builtin_list_ids();
const std::string* builtin_list_text(const std::string& id);
std::vector<std::string> default_list_ids();

// A path, or builtin:ID / an ID of a built-in list pack; bases come from the built-ins when not
// listed. No specs: the default (national) lists.
std::unique_ptr<ListSet> load_list_set(const std::vector<std::string>& specs);

}  // namespace jianfu::review
