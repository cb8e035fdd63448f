#pragma once
// Meetings as an office schedules them (docs/semantics.md §1, §10–§12): invitation
// groups with dated members, unit delegations and unit leave, leave over a
// date range, cancelling and moving a meeting (amendments with who, when and
// why), and the meetings whose tap windows a new window would share.
// Error policy as Record: InputError naming the input; the caller's
// db::Transaction makes a command all or nothing.

#include "hub/core/delegation_rules.h"
#include "hub/core/record.h"

#include <optional>
#include <string>
#include <vector>

namespace rollcall::core {

/// A cancel or a move of a meeting, as recorded.
struct MeetingChange {
    std::int64_t id = 0;
    std::string meetingId;
    std::string kind; // "cancel" or "move"
    common::TimePoint oldStart, oldEnd;
    std::optional<common::TimePoint> newStart, newEnd;
    std::string author;
    std::string reason;
    common::TimePoint createdAt;
};

/// Meetings at the same venue whose tap windows a window would overlap:
/// taps in the overlap could go to either (§2).
struct Competitors {
    std::vector<Meeting> finalized; // a new or moved meeting must not take their taps (§12)
    std::vector<Meeting> open;      // allowed, but the operator is warned
};

class Schedule {
public:
    explicit Schedule(Record& record) : record_(record), db_(record.database()) {}

    // Invitation groups: a named list of persons whose members change over time.
    void addGroup(const std::string& id, const std::string& name, common::TimePoint now);
    [[nodiscard]] std::optional<std::string> groupName(const std::string& id);
    /// Person joins the group from `on`; throws if already a member then.
    void addGroupMember(const std::string& groupId, const std::string& personId, common::TimePoint on);
    /// Person leaves the group from `on`; throws if not a member, or if `on` is not after they joined.
    void removeGroupMember(const std::string& groupId, const std::string& personId, common::TimePoint on);
    /// Members of the group at `at`, by id.
    [[nodiscard]] std::vector<std::string> groupMembersAt(const std::string& groupId, common::TimePoint at);
    void inviteGroup(const std::string& meetingId, const std::string& groupId);
    [[nodiscard]] std::vector<std::string> invitedGroups(const std::string& meetingId);

    // Unit delegations (§11).
    void addDelegation(const std::string& meetingId, const std::string& unitPath, int quota);
    /// The meeting's delegations with their units' members at S (none if cancelled).
    [[nodiscard]] std::vector<Delegation> delegations(const std::string& meetingId);
    /// The unit is excused from the meeting's delegation (unit leave); throws if it has none there.
    void excuseUnit(const std::string& meetingId, const std::string& unitPath, const std::string& author,
                    const std::string& reason, common::TimePoint now);

    /// A leave amendment over local days [from, to): every meeting of the
    /// person starting in it, recorded now or later, is excused. Returns its id.
    std::int64_t addLeaveRange(const std::string& personId, common::TimePoint from, common::TimePoint to,
                               const std::string& author, const std::string& reason, common::TimePoint now);

    /// Cancels a meeting: it expects nobody and takes no tap from then on.
    /// Refused for a finalized or already cancelled meeting.
    void cancelMeeting(const std::string& meetingId, const std::string& author, const std::string& reason,
                       common::TimePoint now);
    /// Moves a meeting to [start, end); check-in opens as long before the new
    /// start as before the old one. Refused for a finalized or cancelled meeting.
    void moveMeeting(const std::string& meetingId, common::TimePoint start, common::TimePoint end,
                     const std::string& author, const std::string& reason, common::TimePoint now);
    /// Cancels and moves of a meeting, oldest first.
    [[nodiscard]] std::vector<MeetingChange> changes(const std::string& meetingId);

    /// Meetings other than `except` at any of `venues` whose window overlaps
    /// [opening, windowEnd]; cancelled meetings take no tap and are left out.
    [[nodiscard]] Competitors competitors(const std::vector<std::string>& venues, common::TimePoint opening,
                                          common::TimePoint windowEnd, const std::string& except = "");
    /// Throws InputError naming the first finalized competitor of `m` (§12).
    void refuseTakingFinalizedTaps(const Meeting& m, const Zone& zone);

private:
    Record& record_;
    common::Database& db_;
};

} // namespace rollcall::core
