#pragma once
// The attendance record: typed reads and writes over the SQLite schema.
// Error policy: bad input (unknown ids, duplicates, a badge held by someone
// else) throws InputError naming the input; SQLite failures throw
// db::DatabaseError. Callers group calls in a db::Transaction so a command
// changes all or nothing.

#include "common/database.h"
#include "hub/core/attendance_rules.h"
#include "hub/core/badge_holdings.h"
#include "hub/core/time_util.h"

#include <optional>
#include <string>
#include <vector>

namespace rollcall::core {

struct Person {
    std::string id;
    std::string name;
    std::int64_t unitId = 0;
    std::string unitPath;
    std::optional<std::string> title;
};

/// A person's membership of a unit over [from, to); to is empty while it lasts.
struct Membership {
    std::int64_t unitId = 0;
    std::string unitPath;
    common::TimePoint from;
    std::optional<common::TimePoint> to;
    [[nodiscard]] bool coversTime(common::TimePoint at) const { return from <= at && (!to || at < *to); }
};

struct Reader {
    std::string id;
    std::string venueId;
    ReaderDirection direction = ReaderDirection::Both;
};

struct Meeting {
    std::string id;
    std::string title;
    std::vector<std::string> venues;     // venue ids, main venue first
    std::vector<std::string> venueNames; // their names, same order (for paper and screens)
    MeetingTimes times;
    std::optional<common::TimePoint> finalizedAt;
    std::optional<std::string> seriesId;          // the id of the recurring series it belongs to
    std::optional<common::TimePoint> cancelledAt; // a cancelled meeting expects nobody and takes no tap
    std::optional<common::TimePoint> frozenAt;    // roster, taps and results stored (finality.h)
};

struct RosterInvite {
    std::optional<std::string> unitPath;
    std::optional<std::string> personId;
};

/// A tap as stored. at is hub time.
struct TapRecord {
    std::int64_t id = 0;
    std::string readerId;
    std::int64_t seq = 0;
    std::string badgeUid;
    common::TimePoint at;
    std::optional<Direction> direction;
    std::string venueId;
    std::string source = "reader";
    common::TimePoint receivedAt;
    std::optional<std::int64_t> agentAtMs;
    std::optional<std::int64_t> clockOffsetMs;
};

// Appeal .. AbsenceConfirmation arrive with schema migration 4 (appeals and
// the reader-offline fairness rule; they change no status by themselves).
enum class AmendmentKind {
    Leave,
    Substitute,
    ManualTap,
    StatusOverride,
    Revoke,
    Appeal,
    AppealResolution,
    AbsenceConfirmation
};
[[nodiscard]] std::string_view toString(AmendmentKind k);

struct Amendment {
    std::int64_t id = 0;
    AmendmentKind kind = AmendmentKind::Leave;
    std::optional<std::string> meetingId;
    std::optional<std::string> personId;
    std::optional<std::string> otherPersonId;
    std::optional<common::TimePoint> at;
    std::optional<Direction> direction;
    std::optional<std::string> status;
    std::optional<std::int64_t> refId;
    std::string author;
    std::string reason;
    common::TimePoint createdAt;
};

enum class InsertOutcome { Inserted, AlreadyRecorded };

class Record {
public:
    /// Registers the hash chain's SQL functions on `db` if needed: inserts
    /// into taps and amendments fire the chain's triggers (hash_chain.h).
    explicit Record(common::Database& db);

    [[nodiscard]] common::Database& database() noexcept { return db_; }

    // Units: a path like "州直机关/州发改委"; parents are created as needed.
    std::int64_t ensureUnitPath(const std::string& path);
    [[nodiscard]] std::optional<std::int64_t> findUnit(const std::string& path);
    /// The unit and all of its descendants.
    [[nodiscard]] std::vector<std::int64_t> unitSubtree(std::int64_t unitId);

    /// Since before the record began: the joining date of persons carried
    /// forward by migration 5 and of tests that do not care about dates.
    static constexpr common::TimePoint kSinceRecordBegan{};

    /// Adds a person, a member of person.unitId from `joined` on.
    void addPerson(const Person& person, common::TimePoint joined = kSinceRecordBegan);
    /// The person with their current (or, after leaving, last) unit.
    [[nodiscard]] std::optional<Person> findPerson(const std::string& id);
    /// The person as at `at`: their unit then; nullopt if not in service then.
    [[nodiscard]] std::optional<Person> personAt(const std::string& id, common::TimePoint at);
    /// Every membership of the person, oldest first.
    [[nodiscard]] std::vector<Membership> memberships(const std::string& personId);
    /// Moves a person in service to another unit from `on`: the current
    /// membership ends and the next begins at the same instant. Throws
    /// InputError if the person is not in service, is already in the unit, or
    /// `on` is not after the current membership began.
    void movePerson(const std::string& personId, std::int64_t unitId, common::TimePoint on);
    /// Ends a person's service at `on` (retired, transferred out). Same errors.
    void personLeaves(const std::string& personId, common::TimePoint on);
    /// Issues a badge to a person from `issued` on (docs/semantics.md §10).
    /// The same person holding it already is no change; throws InputError if
    /// another person holds it, or held it after `issued`.
    void addBadge(const std::string& uid, const std::string& personId, common::TimePoint issued);
    /// Ends the open holding of a badge at `on`, for `reason` (lost, broken or
    /// left); from then on the badge resolves to nobody. Throws InputError if
    /// nobody holds it, the reason is unknown, or `on` is not after its issue.
    void revokeBadge(const std::string& uid, common::TimePoint on, const std::string& reason);
    /// Every holding of a badge, by issue time.
    [[nodiscard]] std::vector<BadgeHolding> badgeHoldings(const std::string& uid);
    /// Every badge a person holds or held, by issue time.
    [[nodiscard]] std::vector<BadgeHolding> badgesOf(const std::string& personId);
    struct Badge {
        std::string personId;
        std::optional<common::TimePoint> revokedAt;
        common::TimePoint issuedAt{};
        /// Whether the badge belonged to its person at `at`.
        [[nodiscard]] bool heldAt(common::TimePoint at) const
        {
            return issuedAt <= at && (!revokedAt || *revokedAt > at);
        }
    };
    /// The latest holding of a badge.
    [[nodiscard]] std::optional<Badge> findBadge(const std::string& uid);
    /// Who held the badge at `at` (issued, not revoked then), if anyone.
    [[nodiscard]] std::optional<std::string> badgeHolder(const std::string& uid, common::TimePoint at);

    void addVenue(const std::string& id, const std::string& name);
    [[nodiscard]] bool venueExists(const std::string& id);
    void addReader(const Reader& reader, common::TimePoint now);
    [[nodiscard]] std::optional<Reader> findReader(const std::string& id);
    [[nodiscard]] std::vector<Reader> readers();

    void addMeeting(const Meeting& meeting, common::TimePoint now);
    void addInvite(const std::string& meetingId, const RosterInvite& invite);
    [[nodiscard]] std::optional<Meeting> findMeeting(const std::string& id);
    /// Meetings at any of `venues` whose tap window intersects [from, to].
    [[nodiscard]] std::vector<Meeting> meetingsAt(const std::vector<std::string>& venues, common::TimePoint from,
                                                  common::TimePoint to);
    /// Meetings at any venue whose tap window intersects [from, to], by start.
    [[nodiscard]] std::vector<Meeting> meetingsOverlapping(common::TimePoint from, common::TimePoint to);
    /// Meetings whose start lies in [from, to), by start.
    [[nodiscard]] std::vector<Meeting> meetingsStartingIn(common::TimePoint from, common::TimePoint to);
    /// The roster fixed at the meeting's start S (docs/semantics.md §10):
    /// members at S of invited units (sub-units included), persons invited
    /// by name and members at S of invited groups who are in service at S,
    /// each with their unit at S. A frozen meeting's roster is the one stored
    /// when it was finalized (unless `stored` is false: what the record says
    /// today, to check that a dated change leaves it alone); a cancelled
    /// meeting's is empty.
    [[nodiscard]] std::vector<Person> roster(const std::string& meetingId, bool stored = true);

    /// Records a tap once per (reader, seq); a second insert changes nothing.
    InsertOutcome insertTap(TapRecord& tap);
    [[nodiscard]] std::optional<TapRecord> findTap(const std::string& readerId, std::int64_t seq);
    /// Taps at `venues` with at in [from, to], by time then id.
    [[nodiscard]] std::vector<TapRecord> tapsAt(const std::vector<std::string>& venues, common::TimePoint from,
                                                common::TimePoint to);

    std::int64_t addAmendment(Amendment& amendment);
    /// Amendments of a meeting in order, revoked ones left out; a leave over a
    /// date range counts for every meeting starting in it (as that meeting's).
    [[nodiscard]] std::vector<Amendment> amendments(const std::string& meetingId);
    /// The same for several meetings at once, in amendment order.
    [[nodiscard]] std::vector<Amendment> amendments(const std::vector<std::string>& meetingIds);
    /// What amendments() leaves out: revoked amendments and the revocations,
    /// in amendment order. They change nothing; sheets show them.
    [[nodiscard]] std::vector<Amendment> withdrawnAmendments(const std::vector<std::string>& meetingIds);
    /// One amendment by id, revoked or not.
    [[nodiscard]] std::optional<Amendment> findAmendment(std::int64_t id);
    /// The revocation naming amendment `id`, if any.
    [[nodiscard]] std::optional<Amendment> revocationOf(std::int64_t id);

private:
    common::Database& db_;
};

} // namespace rollcall::core
