#pragma once
// The result of evaluating a meeting: every roster member's status, flags and
// evidence, walk-ins, unknown badges and summary counts.

#include "hub/core/delegation_rules.h"
#include "hub/core/record.h"
#include "hub/core/status_tally.h"

#include <optional>
#include <string>
#include <vector>

namespace rollcall::core {

/// One piece of evidence: a reader tap (ref > 0) or a manual check-in/out (ref = −amendment id).
struct TapEvidence {
    std::int64_t ref = 0;
    common::TimePoint at;
    Direction direction = Direction::In;
    std::string readerId; // empty for manual
    std::string badgeUid;
    std::optional<common::TimePoint> receivedAt; // reader taps: when the hub recorded it
    std::string venueId;                         // reader taps: the reader's venue (the tracker sets it)
    [[nodiscard]] bool manual() const { return ref < 0; }
};

struct AttendeeResult {
    Person person;
    MemberOutcome outcome;
    std::optional<Person> substitute;
    std::optional<common::TimePoint> substituteFirstIn;
    std::optional<std::string> leaveReason;
    std::optional<std::string> overriddenFrom; // status before a status_override amendment
    std::vector<TapEvidence> taps;             // this person's applied taps (and the substitute's)
    std::vector<Amendment> amendments;         // corrections that concern this person
    std::vector<Amendment> withdrawn;          // revoked corrections and their revocations: shown, no effect
    /// At a meeting with branch venues: where the member is expected
    /// (venue_assignments.h), and the venue of the reader check-in that
    /// counts (empty for a manual one). Empty at a meeting with one venue.
    std::string expectedVenue;
    std::string checkInVenue;
};

struct WalkIn {
    Person person;
    common::TimePoint firstIn;
    /// The unit path they were registered at the door as attending for
    /// (walk_in_units.h); empty when they just came.
    std::string forUnit;
};

struct UnknownBadge {
    std::string uid;
    common::TimePoint firstAt;
    int taps = 0;
};

/// A delegate: a member of a delegation's unit who checked in before E.
struct Delegate {
    Person person;
    common::TimePoint firstIn;
};

/// A unit delegation's outcome (docs/semantics.md §11). Delegates' flags are
/// on their own results when they are on the roster; they decide nothing here.
struct DelegationResult {
    Delegation delegation;
    DelegationStatus status = DelegationStatus::Gathering;
    std::vector<Delegate> delegates; // by first check-in
};

/// The members expected at one venue of a meeting with branch venues, by status.
struct VenueTally {
    std::string venueId;
    StatusTally tally;
    bool operator==(const VenueTally&) const = default;
};

/// The roster's status and flag counts (kept by difference), plus walk-ins and
/// unknown badges, and at a meeting with branch venues the same per expected
/// venue (meeting order, main venue first).
struct Summary : StatusTally {
    int walkIns = 0, unknownBadges = 0;
    std::vector<VenueTally> byVenue;
};

struct MeetingResult {
    Meeting meeting;
    common::TimePoint evaluatedAt;
    std::vector<AttendeeResult> attendees; // by unit path, then person id
    std::vector<WalkIn> walkIns;
    std::vector<UnknownBadge> unknownBadges;
    std::vector<DelegationResult> delegations; // by unit path
    Summary summary;
    int tapsApplied = 0;
    int tapsDuplicate = 0;
    int tapsIgnoredAfterFinalize = 0;
};

} // namespace rollcall::core
