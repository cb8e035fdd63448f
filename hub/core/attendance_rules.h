#pragma once
// The attendance rules of docs/semantics.md §4–§6, for one roster
// member of one meeting, as a pure function of the meeting's times, the
// member's applied taps, leave/substitute facts and "now". No I/O.

#include "hub/core/time_util.h"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace rollcall::core {

enum class Direction { In, Out };
enum class ReaderDirection { In, Out, Both };

/// Final statuses (present … absent) plus the two provisional ones a live
/// board needs before the meeting ends: not_arrived (before S + Gl) and
/// overdue (after S + Gl, not yet arrived; late if they come before E).
enum class Status { NotArrived, Overdue, Present, Late, Substituted, Excused, Absent };

enum Flag : unsigned {
    LeftEarly = 1u << 0,
    LeftMidMeeting = 1u << 1,
    NoCheckout = 1u << 2,
};

[[nodiscard]] std::string_view toString(Status s);
/// The Chinese word printed on boards and sheets ("迟到").
[[nodiscard]] std::string_view labelZh(Status s);
[[nodiscard]] std::optional<Status> statusFromString(std::string_view s);
[[nodiscard]] std::string_view toString(Direction d);
[[nodiscard]] std::optional<Direction> directionFromString(std::string_view s);
[[nodiscard]] std::string_view toString(ReaderDirection d);
[[nodiscard]] std::optional<ReaderDirection> readerDirectionFromString(std::string_view s);
[[nodiscard]] std::vector<std::string> flagNames(unsigned flags);

/// A meeting's times and graces (defaults: docs/semantics.md §1).
struct MeetingTimes {
    common::TimePoint opening; // check-in opens (default S − 60 min)
    common::TimePoint start;   // S
    common::TimePoint end;     // E
    common::Millis lateGrace = std::chrono::minutes(5);
    common::Millis earlyGrace = std::chrono::minutes(5);
    common::Millis midThreshold = std::chrono::minutes(15);
    bool checkoutRequired = false;

    /// Taps are assigned to the meeting within [opening, windowEnd()], inclusive.
    static constexpr common::Millis kWindowAfterEnd = std::chrono::minutes(30);
    [[nodiscard]] common::TimePoint windowEnd() const { return end + kWindowAfterEnd; }
};

/// One tap applied to a member in this meeting, already debounced and with
/// its direction decided. `ref` identifies the evidence (tap id, or negative
/// amendment id for manual taps).
struct AppliedTap {
    common::TimePoint at;
    Direction direction;
    std::int64_t ref = 0;
};

struct MemberFacts {
    std::span<const AppliedTap> taps; // sorted by time
    bool onLeave = false;
    /// First check-in of an approved substitute, if any (only one before E counts).
    std::optional<common::TimePoint> substituteFirstIn;
};

struct MemberOutcome {
    Status status = Status::NotArrived;
    unsigned flags = 0;
    std::optional<common::TimePoint> firstIn; // first check-in before E
    std::optional<common::TimePoint> lastOut; // last check-out after a check-in
    std::int64_t lateMinutes = 0;
    std::int64_t earlyMinutes = 0;
    common::Millis midMeetingOut{0}; // time out between check-out and later check-in, within [S, E]
    bool inside = false;             // latest applied tap is a check-in

    [[nodiscard]] bool attended() const { return status == Status::Present || status == Status::Late; }
    [[nodiscard]] bool has(Flag f) const { return (flags & f) != 0; }
};

/// Evaluates one roster member at `now`. Tap times are taken to the whole
/// second (rules apply to the second, minutes are rounded down from seconds).
[[nodiscard]] MemberOutcome evaluateMember(const MeetingTimes& meeting, const MemberFacts& facts,
                                           common::TimePoint now);

/// First check-in before E among taps (for substitutes), or nullopt.
[[nodiscard]] std::optional<common::TimePoint> firstCheckInBeforeEnd(const MeetingTimes& meeting,
                                                                     std::span<const AppliedTap> taps);

} // namespace rollcall::core
