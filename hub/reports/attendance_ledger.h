#pragma once
// Every meeting's outcome over a period, for reports and discipline. Meetings
// are evaluated in bulk (one pass over the taps of a stretch of time, with
// persons, rosters and amendments loaded once) through the same
// AttendanceTracker the hub and MeetingEvaluator use. Finalized meetings'
// statuses are kept in the results cache (ResultsCache, schema 4), whose rows the
// schema's triggers delete whenever an input they came from changes.
//
// Error policy: DatabaseError from SQLite; InputError for unknown meetings.

#include "hub/core/attendance_result.h"
#include "hub/core/badge_holdings.h"
#include "hub/core/meeting_evaluator.h"
#include "hub/reports/meeting_lines.h"
#include "hub/reports/reader_coverage.h"
#include "hub/reports/results_cache.h"
#include "hub/reports/unit_tree.h"

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace rollcall::reports {

class Progress;

/// Evaluates the meetings of a period in bulk, reading and filling the results cache.
class AttendanceLedger {
public:
    struct Options {
        common::Millis debounce = core::TapAssigner::kDefaultDebounce;
        bool useCache = true;  // read cached results of finalized meetings
        bool fillCache = true; // write results of finalized meetings evaluated here
    };

    explicit AttendanceLedger(core::Record& record) : AttendanceLedger(record, Options{}) {}
    AttendanceLedger(core::Record& record, Options options);

    /// Meetings starting in [from, to), not cancelled, that are over at `now` (their tap window
    /// closed), by start. Meetings still open are left out: their statuses are
    /// not final.
    [[nodiscard]] std::vector<core::Meeting> meetingsOver(common::TimePoint from, common::TimePoint to,
                                                          common::TimePoint now);
    /// Meetings starting in [from, to) not yet over at `now`.
    [[nodiscard]] int meetingsNotOver(common::TimePoint from, common::TimePoint to, common::TimePoint now);

    /// Outcome lines of every meeting over in [from, to), by start.
    [[nodiscard]] std::vector<MeetingLines> lines(common::TimePoint from, common::TimePoint to, common::TimePoint now,
                                                  Progress* progress = nullptr);

    /// Full results (evidence, amendments) of the given meetings, evaluated in
    /// bulk; the same as MeetingEvaluator::evaluate for each of them.
    [[nodiscard]] std::vector<core::MeetingResult> evaluate(const std::vector<core::Meeting>& meetings,
                                                            common::TimePoint now, Progress* progress = nullptr);

    /// Evaluates and caches every finalized meeting in [from, to) not cached yet; returns how many.
    int fillCache(common::TimePoint from, common::TimePoint to, common::TimePoint now, Progress* progress = nullptr);

    [[nodiscard]] ReaderCoverage& coverage() { return coverage_; }
    /// Every person by id (loaded once), with their current (or last) unit.
    [[nodiscard]] const std::unordered_map<std::string, core::Person>& persons();
    /// The unit a person belonged to at `at`, if in service then.
    [[nodiscard]] std::optional<std::int64_t> unitAt(const std::string& personId, common::TimePoint at);
    /// Every unit by id (loaded once).
    [[nodiscard]] const std::map<std::int64_t, UnitInfo>& units();
    [[nodiscard]] core::Record& record() { return record_; }

private:
    struct Loaded;
    void loadStatic();
    void evaluateChunk(const std::vector<core::Meeting>& chunk, const std::vector<std::string>& wanted,
                       common::TimePoint now, const std::function<void(core::MeetingResult&&)>& sink);
    MeetingLines toLines(const core::MeetingResult& result);

    core::Record& record_;
    Options options_;
    ReaderCoverage coverage_;
    ResultsCache cache_;
    bool staticLoaded_ = false;
    std::unordered_map<std::string, core::Person> persons_;
    std::map<std::int64_t, UnitInfo> units_;
    std::unordered_map<std::int64_t, std::vector<std::int64_t>> childUnits_;
    struct Member {
        std::string personId;
        std::int64_t unitId = 0;
        std::int64_t fromMs = 0;
        std::optional<std::int64_t> toMs;
        [[nodiscard]] bool coversMs(std::int64_t at) const { return fromMs <= at && (!toMs || at < *toMs); }
    };
    std::unordered_map<std::int64_t, std::vector<Member>> membersByUnit_;
    std::unordered_map<std::string, std::vector<Member>> membershipsOf_;
    /// The person as at `at` (their unit then), if in service then.
    [[nodiscard]] std::optional<core::Person> personAt(const std::string& id, std::int64_t atMs) const;
    core::BadgeHoldings badges_;
    std::unordered_map<std::string, core::ReaderDirection> readerDirections_;
};

} // namespace rollcall::reports
