// Times are stored in UTC ("2026-12-02T13:14:05Z": they sort as text and mean the same on a PC in
// any time zone), but people read and type them in their own. An official in China who saves at
// 21:14 must see 21:14, and a record saved at 07:00 on the 3rd belongs to the 3rd when the
// history is filtered by date, not to the 2nd, as it does in UTC. The time zone is the one the
// program runs in: the PC's on the desktop, the browser's in the page.
#pragma once
#include <ctime>
#include <string>

namespace jianfu::util {

// `t` as times are stored: "2026-12-02T13:14:05Z".
std::string utc_iso8601(std::time_t t);
// Today's date where the program runs, "YYYY-MM-DD".
std::string local_today();
// A stored UTC time shown to the minute where the program runs: "2026-12-02T13:14:05Z" gives
// "2026-12-02 21:14" at UTC+8. Anything that is not such a time is returned as it is.
std::string local_minutes(const std::string& utc_iso);
// The stored UTC time at which the local day `date` ("YYYY-MM-DD") begins, plus `days_after`
// days: at UTC+8, ("2026-12-03", 0) gives "2026-12-02T16:00:00Z" and ("2026-12-03", 1)
// "2026-12-03T16:00:00Z". Empty if `date` is not a real date in that form.
std::string utc_start_of_local_day(const std::string& date, int days_after = 0);

}  // namespace jianfu::util
