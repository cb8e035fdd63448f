#pragma once
// Attendance of a set of meetings, kept up to date one tap at a time. The
// hub feeds it live taps; MeetingEvaluator feeds it a meeting's recorded taps
// in one go. Both get the same answers because both go through here:
// TapAssigner (debounce, window, direction) then the per-member rules.

#include "hub/core/attendance_result.h"
#include "hub/core/tap_assigner.h"

#include <functional>
#include <map>
#include <unordered_map>

namespace rollcall::core {

/// What the tracker needs to know about one meeting up front.
struct MeetingSetup {
    Meeting meeting;
    std::vector<Person> roster;
    std::vector<Amendment>
        amendments; // leave, substitutes, overrides (revoked ones left out); manual taps come as taps
    std::vector<Delegation> delegations; // units asked to send N of their people (§11)
    std::vector<Amendment> withdrawn;    // revoked amendments and their revocations, for paper only
    /// Person id → the venue they are expected at (VenueAssignments::expectedVenues);
    /// empty for a meeting with one venue.
    std::unordered_map<std::string, std::string> expectedVenues;
    /// Person id → the unit path a walk-in attends for (walk_in_units.h).
    std::unordered_map<std::string, std::string> walkInUnits;
};

/// What the attendee is told at the reader.
/// RevokedBadge: a badge whose holding was revoked before the tap (lost,
/// broken, holder left); it counts among the meeting's unknown badges.
enum class TapVerdict { Present, Late, CheckedOut, WalkIn, UnknownBadge, Duplicate, NotInWindow, RevokedBadge };
[[nodiscard]] std::string_view toString(TapVerdict v);

struct TapResult {
    TapVerdict verdict = TapVerdict::NotInWindow;
    TapOutcome assignment;
    std::optional<std::string> personId;
    std::vector<std::string> changedAttendees; // roster members of assignment.meetingId whose result changed
    bool walkInsChanged = false;
    bool unknownBadgesChanged = false;
    bool afterEnd = false;                    // a check-in at or after E: recorded, but no attendance
    std::int64_t lateMinutes = 0;             // for a late check-in (the member's, or the substitute's own)
    std::optional<std::string> substituteFor; // principal, when the tap is an approved substitute's
    /// A roster member's (or their substitute's) tap at a venue other than the
    /// member's expected one: the venue they are expected at.
    std::optional<std::string> expectedVenue;
};

class AttendanceTracker {
public:
    using PersonLookup = std::function<std::optional<Person>(const std::string&)>;

    AttendanceTracker(std::vector<MeetingSetup> meetings, PersonLookup lookup,
                      common::Millis debounce = TapAssigner::kDefaultDebounce);

    /// Applies one tap (taps of one person must come in time order). `now`
    /// is the evaluation time for statuses that depend on the clock.
    TapResult addTap(const TapInput& tap, const TapEvidence& evidence, common::TimePoint now);

    /// Re-evaluates every member at `now` (statuses change with no tap at
    /// S + Gl, E and when the check-out window closes); returns who changed.
    std::vector<std::string> advanceTo(const std::string& meetingId, common::TimePoint now);

    [[nodiscard]] bool hasMeeting(const std::string& meetingId) const { return meetings_.count(meetingId) != 0; }
    [[nodiscard]] std::vector<std::string> meetingIds() const;
    [[nodiscard]] const Meeting& meeting(const std::string& meetingId) const;
    /// The whole result as of the last evaluation (call advanceTo first for a fresh "now").
    [[nodiscard]] MeetingResult result(const std::string& meetingId) const;
    [[nodiscard]] const AttendeeResult* attendee(const std::string& meetingId, const std::string& personId) const;
    [[nodiscard]] const Summary& summary(const std::string& meetingId) const;
    /// Latest tap time seen per person (the hub replays when an older tap arrives).
    [[nodiscard]] std::optional<common::TimePoint> lastTapOf(const std::string& personId) const;

private:
    struct Member {
        AttendeeResult result;
        std::vector<AppliedTap> own;
        std::optional<std::string> substituteId;
        std::optional<std::string> overrideStatus;
        bool onLeave = false;
    };
    struct Tracked {
        Meeting meeting;
        std::vector<Member> members; // roster order
        std::unordered_map<std::string, std::size_t> index;
        std::unordered_map<std::string, std::string> principalOf;           // substitute -> principal
        std::unordered_map<std::string, std::vector<AppliedTap>> otherTaps; // non-members
        std::unordered_map<std::string, std::vector<TapEvidence>> otherEvidence;
        std::map<std::string, WalkIn> walkIns;
        std::unordered_map<std::string, std::string> walkInUnits;
        std::map<std::string, UnknownBadge> unknown;
        std::vector<Delegation> delegations;
        Summary summary;
        int tapsApplied = 0;
        int tapsDuplicate = 0;
        common::TimePoint evaluatedAt;
    };

    /// The delegations' outcomes from the first check-ins of their units' members.
    [[nodiscard]] std::vector<DelegationResult> delegations(const Tracked& t) const;
    /// Re-evaluates one member; true if anything visible changed.
    bool evaluate(Tracked& t, Member& m, common::TimePoint now);
    /// Adds (+1) or removes (−1) a member's status in the summary and their venue's tally.
    static void count(Tracked& t, const Member& m, int sign);

    std::map<std::string, Tracked> meetings_;
    TapAssigner assigner_;
    PersonLookup lookup_;
    std::unordered_map<std::string, common::TimePoint> lastTap_;
};

} // namespace rollcall::core
