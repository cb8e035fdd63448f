#include "hub/core/attendance_rules.h"

#include <algorithm>
#include <array>

namespace rollcall::core {
namespace {

using std::chrono::floor;
using std::chrono::minutes;
using std::chrono::seconds;

common::TimePoint toSecond(common::TimePoint t) { return common::TimePoint(floor<seconds>(t).time_since_epoch()); }

std::int64_t wholeMinutes(common::Millis d) { return d.count() <= 0 ? 0 : floor<minutes>(d).count(); }

constexpr std::array<std::string_view, 7> kStatusNames{"not_arrived", "overdue", "present", "late",
                                                       "substituted", "excused", "absent"};

} // namespace

std::string_view toString(Status s) { return kStatusNames.at(static_cast<std::size_t>(s)); }

std::string_view labelZh(Status s)
{
    switch (s) {
    case Status::NotArrived: return "未到";
    case Status::Overdue: return "未到(已过签到时间)";
    case Status::Present: return "出席";
    case Status::Late: return "迟到";
    case Status::Substituted: return "代会";
    case Status::Excused: return "请假";
    case Status::Absent: return "缺席";
    }
    return "?";
}

std::optional<Status> statusFromString(std::string_view s)
{
    for (std::size_t i = 0; i < kStatusNames.size(); ++i) {
        if (kStatusNames[i] == s) return static_cast<Status>(i);
    }
    return std::nullopt;
}

std::string_view toString(Direction d) { return d == Direction::In ? "in" : "out"; }

std::optional<Direction> directionFromString(std::string_view s)
{
    if (s == "in") return Direction::In;
    if (s == "out") return Direction::Out;
    return std::nullopt;
}

std::string_view toString(ReaderDirection d)
{
    switch (d) {
    case ReaderDirection::In: return "in";
    case ReaderDirection::Out: return "out";
    case ReaderDirection::Both: return "both";
    }
    return "?";
}

std::optional<ReaderDirection> readerDirectionFromString(std::string_view s)
{
    if (s == "in") return ReaderDirection::In;
    if (s == "out") return ReaderDirection::Out;
    if (s == "both") return ReaderDirection::Both;
    return std::nullopt;
}

std::vector<std::string> flagNames(unsigned flags)
{
    std::vector<std::string> names;
    if (flags & LeftEarly) names.emplace_back("left_early");
    if (flags & LeftMidMeeting) names.emplace_back("left_mid_meeting");
    if (flags & NoCheckout) names.emplace_back("no_checkout");
    return names;
}

std::optional<common::TimePoint> firstCheckInBeforeEnd(const MeetingTimes& meeting, std::span<const AppliedTap> taps)
{
    for (const auto& tap : taps) {
        const common::TimePoint at = toSecond(tap.at);
        if (tap.direction == Direction::In && at < toSecond(meeting.end)) return at;
    }
    return std::nullopt;
}

MemberOutcome evaluateMember(const MeetingTimes& meeting, const MemberFacts& facts, common::TimePoint now)
{
    // Rules apply to the whole second, on both sides of every comparison.
    MeetingTimes m = meeting;
    m.start = toSecond(m.start);
    m.end = toSecond(m.end);
    m.opening = toSecond(m.opening);
    MemberOutcome out;
    out.firstIn = firstCheckInBeforeEnd(m, facts.taps);

    // Walk the taps as a state machine: everyone starts out. A check-out with
    // no check-in before it is no attendance and changes nothing.
    bool everIn = false;
    bool timingOut = false;       // inside a time out (after a check-out while inside)
    common::TimePoint outSince{}; // its start
    common::Millis midOut{0};
    for (const auto& tap : facts.taps) {
        const common::TimePoint at = toSecond(tap.at);
        if (tap.direction == Direction::In) {
            if (timingOut) {
                // Time out clipped to [S, E].
                const common::TimePoint from = std::max(outSince, m.start);
                const common::TimePoint to = std::min(at, m.end);
                if (to > from) midOut += to - from;
                timingOut = false;
            }
            everIn = true;
            out.inside = true;
        } else {
            if (!everIn) continue;
            if (out.inside) {
                outSince = at;
                timingOut = true;
            }
            out.inside = false;
            out.lastOut = at;
        }
    }
    out.midMeetingOut = midOut;

    if (out.firstIn) {
        out.status = *out.firstIn <= m.start + m.lateGrace ? Status::Present : Status::Late;
    } else if (facts.substituteFirstIn && *facts.substituteFirstIn < m.end) {
        out.status = Status::Substituted;
    } else if (facts.onLeave) {
        out.status = Status::Excused;
    } else if (now >= m.end) {
        out.status = Status::Absent;
    } else if (now > m.start + m.lateGrace) {
        out.status = Status::Overdue;
    } else {
        out.status = Status::NotArrived;
    }

    if (!out.attended()) {
        out.lastOut.reset();
        out.inside = false;
        out.midMeetingOut = common::Millis{0};
        return out;
    }
    if (out.status == Status::Late) out.lateMinutes = wholeMinutes(*out.firstIn - m.start);

    // Left early: the last check-out (a check-out before S counts as at S) is
    // before E − Ge and no check-in follows it.
    if (out.lastOut && !out.inside) {
        const common::TimePoint effectiveOut = std::max(*out.lastOut, m.start);
        if (effectiveOut < m.end - m.earlyGrace) {
            out.flags |= LeftEarly;
            out.earlyMinutes = wholeMinutes(m.end - effectiveOut);
        }
    }
    if (midOut >= m.midThreshold) out.flags |= LeftMidMeeting;
    // No check-out is only knowable once the window for check-outs has closed.
    if (m.checkoutRequired && out.inside && now > m.windowEnd()) out.flags |= NoCheckout;
    return out;
}

} // namespace rollcall::core
