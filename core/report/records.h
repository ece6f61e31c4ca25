// Turning results into stored records and stored records into reports: the record of an
// assessment or of a 准入 review (inputs and result, so that re-opening shows exactly what was
// decided), a printable
// HTML report with every user-supplied text escaped, a CSV summary, counts-only statistics, and
// what changed when a stored assessment is re-checked with the current rules.
#pragma once
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "review/review.h"
#include "storage/record_store.h"

namespace jianfu::report {

// proposal: the input as given; report: report_to_json() of the engine's result; extra: more
// members of the record's data (the screen's recorded reasons and verdict in words).
storage::Record assessment_record(const nlohmann::json& proposal, const nlohmann::ordered_json& report,
                                  nlohmann::json extra = nlohmann::json::object());
// item: the work item as given; existing: the names of tasks the committee already carries.
storage::Record review_record(const nlohmann::json& item, const std::vector<std::string>& existing,
                              const review::Decision& decision);

// A stored record's verdict (assessment) or decision (review) in words; empty if it has none.
std::string verdict_label(const storage::Record& r);

std::string html_escape(const std::string& s);
std::string record_html(const storage::Record& r);
nlohmann::ordered_json record_json(const storage::Record& r);

// One line per record (RFC 4180 quoting, UTF-8 with a byte-order mark so that WPS and Excel read
// the Chinese correctly). No draft text.
std::string csv_summary(const std::vector<storage::Record>& records);
// Counts only — by type, kind, verdict and finding category — and no text of any document.
nlohmann::ordered_json statistics(const std::vector<storage::Record>& records);

// Findings added and removed (by rule) and the verdict before and after.
nlohmann::ordered_json recheck_diff(const nlohmann::json& stored_report, const nlohmann::ordered_json& current_report);

}  // namespace jianfu::report
