#pragma once
// Reader coverage of meetings: the fairness rule of docs/reports.md. A reader
// at a meeting's venues that has heartbeat history and was not heard from for
// part of [check-in opening, E] makes every absence there "reader offline —
// verify" until an absence_confirmation amendment confirms it.
//
// Error policy: DatabaseError from SQLite.

#include "common/database.h"
#include "hub/core/attendance_result.h"

#include <cstdint>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace rollcall::reports {

/// A reader at the meeting's venues with heartbeat history that was not heard
/// from for some time between check-in opening and the end.
struct OfflineReader {
    std::string readerId;
    std::string venueId;
    common::TimePoint gapFrom; // first unheard moment within [opening, E]
    common::TimePoint gapTo;
};

/// Which readers were offline during a meeting, from the reader_uptime spans.
class ReaderCoverage {
public:
    explicit ReaderCoverage(common::Database& db);
    /// Readers at the meeting's venues that have heartbeat history and were not
    /// heard from during part of [opening, E]. A reader with no history (taps
    /// arrive by import only) is never offline, and neither is one before it
    /// was first heard from (it was not installed yet: nothing stopped).
    [[nodiscard]] std::vector<OfflineReader> offlineDuring(const core::Meeting& meeting);

private:
    common::Database& db_;
    std::unordered_map<std::string, std::vector<std::pair<std::string, std::string>>>
        readersByVenue_;                                       // venue -> (reader, venue)
    std::unordered_map<std::string, std::int64_t> firstHeard_; // reader -> start of its first uptime span
    bool loaded_ = false;
};

/// Whether `amendments` hold an absence_confirmation for `personId`.
[[nodiscard]] bool absenceConfirmed(const std::vector<core::Amendment>& amendments, const std::string& personId);

} // namespace rollcall::reports
