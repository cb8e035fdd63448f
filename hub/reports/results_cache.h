#pragma once
// The results cache (meeting_results, schema 4): finalized meetings' member
// lines, packed one row per meeting. Derived data, never evidence: the
// schema's triggers delete a meeting's row whenever an input it came from
// changes, and dropping every row loses nothing (docs/reports.md
// "Performance: the results cache").
//
// Error policy: DatabaseError from SQLite; a malformed row is skipped (read
// as missing, so it is recomputed).

#include "common/database.h"
#include "hub/reports/meeting_lines.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace rollcall::reports {

/// Reads and writes meeting_results rows.
class ResultsCache {
public:
    explicit ResultsCache(common::Database& db) : db_(db) {}

    /// Cached lines of the finalized meetings starting in [from, to), by
    /// meeting id. Malformed rows are left out.
    [[nodiscard]] std::unordered_map<std::string, std::vector<MemberLine>> read(common::TimePoint from,
                                                                                common::TimePoint to);
    /// Cached delegation lines of the same meetings, by meeting id (meetings without any left out).
    [[nodiscard]] std::unordered_map<std::string, std::vector<DelegationLine>> readDelegations(common::TimePoint from,
                                                                                               common::TimePoint to);
    /// Stores (or replaces) the lines of one meeting, computed at `now`.
    void store(const MeetingLines& lines, common::TimePoint now);
    /// How many meetings are cached.
    [[nodiscard]] std::int64_t size();

private:
    common::Database& db_;
};

/// The packed form of meeting_results.members: one line per member,
/// "person\tstatus\tflags\tlate\tearly\tverify\n".
[[nodiscard]] std::string packMemberLines(const std::vector<MemberLine>& members);
/// Unpacks meeting_results.members; nullopt if a line is malformed.
[[nodiscard]] std::optional<std::vector<MemberLine>> unpackMemberLines(std::string_view text);
/// The packed form of meeting_results.delegations: "unit_id\tstatus\n" per delegation.
[[nodiscard]] std::string packDelegationLines(const std::vector<DelegationLine>& delegations);
/// Unpacks meeting_results.delegations; nullopt if a line is malformed.
[[nodiscard]] std::optional<std::vector<DelegationLine>> unpackDelegationLines(std::string_view text);

} // namespace rollcall::reports
