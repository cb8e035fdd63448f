#include "hub/core/tap_assigner.h"

#include <algorithm>

namespace rollcall::core {

TapAssigner::TapAssigner(std::vector<MeetingWindow> meetings, common::Millis debounce)
    : meetings_(std::move(meetings)), debounce_(debounce)
{
    for (std::size_t i = 0; i < meetings_.size(); ++i) {
        for (const auto& v : meetings_[i].venues) {
            auto& list = byVenue_[v];
            if (std::find(list.begin(), list.end(), i) == list.end()) list.push_back(i);
        }
    }
}

std::vector<const MeetingWindow*> TapAssigner::candidates(const std::string& venueId, common::TimePoint at) const
{
    std::vector<const MeetingWindow*> found;
    const auto it = byVenue_.find(venueId);
    if (it == byVenue_.end()) return found;
    for (const auto i : it->second) {
        const auto& m = meetings_[i];
        if (at >= m.opening && at <= m.windowEnd()) found.push_back(&m);
    }
    return found;
}

// A check-in goes to the meeting that starts next at or after it, else the one
// in progress (else, all having ended, the one most recently ended).
const MeetingWindow* TapAssigner::checkInTarget(const std::vector<const MeetingWindow*>& c, common::TimePoint at)
{
    const MeetingWindow* next = nullptr;
    for (const auto* m : c) {
        if (m->start >= at && (!next || m->start < next->start)) next = m;
    }
    if (next) return next;
    return checkOutTarget(c, at);
}

// A check-out goes to the meeting in progress (the latest started, if several)
// or the one most recently ended; a check-out before any candidate started goes
// to the one starting first.
const MeetingWindow* TapAssigner::checkOutTarget(const std::vector<const MeetingWindow*>& c, common::TimePoint at)
{
    const MeetingWindow* inProgress = nullptr;
    const MeetingWindow* ended = nullptr;
    const MeetingWindow* upcoming = nullptr;
    for (const auto* m : c) {
        if (m->start <= at && at < m->end) {
            if (!inProgress || m->start > inProgress->start) inProgress = m;
        } else if (m->end <= at) {
            if (!ended || m->end > ended->end) ended = m;
        } else if (!upcoming || m->start < upcoming->start) {
            upcoming = m;
        }
    }
    if (inProgress) return inProgress;
    if (ended) return ended;
    return upcoming;
}

bool TapAssigner::isInside(const std::string& meetingId, const std::string& personId) const
{
    const auto m = inside_.find(meetingId);
    if (m == inside_.end()) return false;
    const auto p = m->second.find(personId);
    return p != m->second.end() && p->second;
}

TapOutcome TapAssigner::assign(const TapInput& tap)
{
    TapOutcome out;
    if (tap.forcedMeeting) {
        out.disposition = Disposition::Applied;
        out.meetingId = tap.forcedMeeting;
        out.direction = tap.explicitDirection.value_or(Direction::In);
    } else {
        // Debounce first: within the window (inclusive) of the last kept tap of
        // this badge at this reader is a duplicate; the first time is kept.
        // One lookup per tap (the hub's writer makes several per tap; each is a cache miss or two).
        auto [last, first] = lastKept_[tap.readerId].try_emplace(tap.badgeUid, tap.at);
        if (!first) {
            if (tap.at - last->second <= debounce_) {
                out.disposition = Disposition::Duplicate;
                return out;
            }
            last->second = tap.at;
        }

        const auto found = candidates(tap.venueId, tap.at);
        if (found.empty()) {
            out.disposition = Disposition::NotInWindow;
            return out;
        }
        // Direction: explicit wins; else the reader's; a `both` reader toggles the
        // person's state in the meeting a check-out would go to.
        Direction direction = Direction::In;
        if (tap.explicitDirection) {
            direction = *tap.explicitDirection;
        } else if (tap.readerDirection == ReaderDirection::Out) {
            direction = Direction::Out;
        } else if (tap.readerDirection == ReaderDirection::Both && tap.personId) {
            const MeetingWindow* outTarget = found.size() == 1 ? found.front() : checkOutTarget(found, tap.at);
            if (outTarget && isInside(outTarget->id, *tap.personId)) direction = Direction::Out;
        }
        const MeetingWindow* target = found.size() == 1            ? found.front()
                                      : direction == Direction::In ? checkInTarget(found, tap.at)
                                                                   : checkOutTarget(found, tap.at);
        out.disposition = Disposition::Applied;
        out.meetingId = target->id;
        out.direction = direction;
    }
    if (tap.personId) inside_[*out.meetingId][*tap.personId] = out.direction == Direction::In;
    return out;
}

} // namespace rollcall::core
