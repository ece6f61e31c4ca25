// 村（社区）工作事项准入: decides whether a task may be given to a village or community committee,
// explains why, and shows the way forward (conditions to meet, or the admission steps).
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "review/list_pack.h"

namespace jianfu::review {

struct WorkItem {
  std::string name, description, department, legal_basis, approved_by, requires_certificate;
  std::optional<bool> funding, staff_support;
  bool requires_forms = false, requires_new_mechanism = false, with_assessment = false, with_pledge_or_veto = false;
  std::vector<std::string> unknown_fields;  // top-level keys the contract does not know: ignored
};

// The work item's top-level keys, as the contract has them (and as a warning lists them).
const std::vector<std::string_view>& work_item_keys();
WorkItem parse_work_item(std::string_view json_bytes);
WorkItem work_item_from_json(const nlohmann::json& j);

struct Match {
  std::string list, item;
  double score;
};

struct Reason {
  std::string code, message, basis;
};

struct Decision {
  std::string decision, decision_text, list;
  std::vector<Match> matched;
  std::vector<Reason> reasons;
  std::vector<std::string> conditions, steps;
  std::vector<const ListPack*> packs;
};

// existing: names of tasks the committee already carries (for WI_DUPLICATE); may be empty.
Decision review(const WorkItem& item, const ListSet& lists, const std::vector<std::string>& existing = {});

nlohmann::ordered_json decision_to_json(const Decision& d);

// 准入 / 附条件准入 / 需履行准入程序 / 不予准入 for a decision code; empty for anything else.
const char* decision_text(const std::string& decision);
// 依法履职事项 / 协助政府工作事项 / 负面（减负）事项 / 证明事项 for a list code; 清单外 for anything else.
const char* list_text(const std::string& list);

}  // namespace jianfu::review
