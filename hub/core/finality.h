#pragma once
// Finality (docs/semantics.md §12): a meeting is finalized by command or by
// itself a configurable time after its check-out window closes. Finalizing
// freezes its roster, its tap assignment and its results as rows; from then
// on the meeting is evaluated from those rows and its amendments only, so
// later changes to persons, badges, groups or other meetings change nothing
// about it.

#include "hub/core/attendance_result.h"
#include "hub/core/tap_assigner.h"

#include <string>
#include <vector>

namespace rollcall::core {

/// How long after the check-out window closes a meeting finalizes by itself.
inline constexpr common::Millis kDefaultFinalizeAfter = std::chrono::hours(48);

/// Finalizes and freezes a meeting at `now` (inside the caller's
/// transaction). Throws InputError if it does not exist, is already
/// finalized, or its check-out window has not closed.
void finalizeMeeting(Record& record, const std::string& meetingId, common::TimePoint now,
                     common::Millis debounce = TapAssigner::kDefaultDebounce);

/// Stores the roster, tap assignment and results of a finalized meeting that
/// has none yet (finalized before they were kept); no-op if frozen already.
void freezeMeeting(Record& record, const std::string& meetingId, common::TimePoint now,
                   common::Millis debounce = TapAssigner::kDefaultDebounce);

/// What the hub's tick calls: finalizes every meeting whose check-out window
/// closed at least `after` ago, and freezes finalized meetings not frozen
/// yet, one transaction each, at most 16 per call (the oldest first; the
/// next call goes on). Returns the ids it finalized or froze.
std::vector<std::string> finalizeDue(Record& record, common::TimePoint now,
                                     common::Millis after = kDefaultFinalizeAfter,
                                     common::Millis debounce = TapAssigner::kDefaultDebounce);

/// A frozen meeting evaluated from its stored roster and taps plus its
/// amendments (manual taps, leave, overrides … added before or after).
[[nodiscard]] MeetingResult evaluateFrozen(Record& record, const Meeting& meeting, common::TimePoint now);

} // namespace rollcall::core
