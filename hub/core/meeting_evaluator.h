#pragma once
// Works out every roster member's status for one meeting from the record:
// loads the meeting, its roster, amendments and the taps at its venues, runs
// the TapAssigner over all meetings whose windows overlap it, then the
// per-member rules. Deterministic: the same record and "now" give the same result.

#include "record.h"
#include "tap_assigner.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace rollcall {

/// One piece of evidence: a reader tap (ref > 0) or a manual check-in/out (ref = −amendment id).
struct TapEvidence {
    std::int64_t ref = 0;
    TimePoint at;
    rules::Direction direction = rules::Direction::In;
    std::string readerId; // empty for manual
    std::string badgeUid;
    [[nodiscard]] bool manual() const { return ref < 0; }
};

struct AttendeeResult {
    Person person;
    rules::MemberOutcome outcome;
    std::optional<Person> substitute;
    std::optional<TimePoint> substituteFirstIn;
    std::optional<std::string> leaveReason;
    std::optional<std::string> overriddenFrom; // status before a status_override amendment
    std::vector<TapEvidence> taps;             // this person's applied taps (and the substitute's)
    std::vector<Amendment> amendments;         // corrections that concern this person
};

struct WalkIn {
    Person person;
    TimePoint firstIn;
};

struct UnknownBadge {
    std::string uid;
    TimePoint firstAt;
    int taps = 0;
};

struct Summary {
    int expected = 0, present = 0, late = 0, absent = 0, excused = 0, substituted = 0, notArrived = 0, overdue = 0;
    int leftEarly = 0, leftMidMeeting = 0, noCheckout = 0, walkIns = 0, unknownBadges = 0;
    /// (present + late + substituted) / (expected − excused); nullopt when the denominator is 0.
    [[nodiscard]] std::optional<double> attendanceRate() const;
};

struct MeetingResult {
    Meeting meeting;
    TimePoint evaluatedAt;
    std::vector<AttendeeResult> attendees; // by unit path, then person id
    std::vector<WalkIn> walkIns;
    std::vector<UnknownBadge> unknownBadges;
    Summary summary;
    int tapsApplied = 0;
    int tapsDuplicate = 0;
    int tapsIgnoredAfterFinalize = 0;
};

class MeetingEvaluator {
public:
    explicit MeetingEvaluator(Record& record, std::chrono::milliseconds debounce = rules::TapAssigner::kDefaultDebounce)
        : record_(record), debounce_(debounce)
    {
    }

    /// Throws InputError if the meeting does not exist.
    [[nodiscard]] MeetingResult evaluate(const std::string& meetingId, TimePoint now);

private:
    Record& record_;
    std::chrono::milliseconds debounce_;
};

/// Adds one attendee's outcome to summary counts.
void countInto(Summary& summary, const rules::MemberOutcome& outcome);

} // namespace rollcall
