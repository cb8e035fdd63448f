// Record: typed reads and writes of the attendance record.
#include "hub/core/record.h"
#include "hub/core/schema.h"

#include <algorithm>
#include <gtest/gtest.h>

using namespace rollcall;
using namespace std::chrono_literals;
using rollcall::common::Database;
using rollcall::common::DatabaseError;

namespace {

const common::TimePoint kT0 = core::parseTime("2026-11-28T09:00:00+08:00", "test");

class RecordTest : public ::testing::Test {
protected:
    RecordTest() : db_(":memory:"), record_(db_) { core::migrate(db_); }

    std::int64_t count(const std::string& table)
    {
        auto s = db_.prepare("SELECT count(*) FROM " + table);
        (void)s.step();
        return s.getInt(0);
    }

    void person(const std::string& id, const std::string& unitPath)
    {
        core::Person p;
        p.id = id;
        p.name = "Name of " + id;
        p.unitId = record_.ensureUnitPath(unitPath);
        record_.addPerson(p);
    }

    std::vector<std::string> rosterIds(const std::string& meetingId)
    {
        std::vector<std::string> ids;
        for (const auto& p : record_.roster(meetingId)) ids.push_back(p.id);
        return ids;
    }

    core::Meeting meeting(const std::string& id, std::vector<std::string> venues, common::TimePoint start,
                          common::TimePoint end)
    {
        core::Meeting m;
        m.id = id;
        m.title = "Meeting " + id;
        m.venues = std::move(venues);
        m.times.start = start;
        m.times.end = end;
        m.times.opening = start - 60min;
        return m;
    }

    core::TapRecord tap(const std::string& reader, std::int64_t seq, const std::string& badge, common::TimePoint at)
    {
        core::TapRecord t;
        t.readerId = reader;
        t.seq = seq;
        t.badgeUid = badge;
        t.at = at;
        t.venueId = "hall";
        t.receivedAt = at;
        return t;
    }

    common::Database db_;
    core::Record record_;
};

} // namespace

TEST_F(RecordTest, unitPathCreatesMissingParentsAndIsFoundAgain)
{
    const auto leaf = record_.ensureUnitPath("州直机关/州发改委/办公室");
    EXPECT_EQ(count("units"), 3);
    const auto root = record_.findUnit("州直机关");
    const auto middle = record_.findUnit("州直机关/州发改委");
    ASSERT_TRUE(root && middle);
    EXPECT_EQ(record_.findUnit("州直机关/州发改委/办公室"), leaf);
    // Spaces around the parts do not make a different unit.
    EXPECT_EQ(record_.findUnit(" 州直机关 / 州发改委 / 办公室 "), leaf);
    EXPECT_EQ(record_.ensureUnitPath("州直机关/州发改委/办公室"), leaf);
    EXPECT_EQ(count("units"), 3);

    // A sibling reuses the parents.
    const auto sibling = record_.ensureUnitPath("州直机关/州财政局");
    EXPECT_EQ(count("units"), 4);
    auto parent = db_.prepare("SELECT parent_id FROM units WHERE id = ?");
    parent.bind(1, sibling);
    ASSERT_TRUE(parent.step());
    EXPECT_EQ(parent.getInt(0), *root);

    const auto subtree = record_.unitSubtree(*root);
    EXPECT_EQ(subtree.size(), 4u);
    EXPECT_FALSE(record_.findUnit("州直机关/州教育局"));
}

TEST_F(RecordTest, unitPathWithAnEmptyPartIsRefused)
{
    EXPECT_THROW(record_.ensureUnitPath("州直机关//办公室"), common::InputError);
    EXPECT_THROW(record_.ensureUnitPath(" "), common::InputError);
    EXPECT_THROW(record_.ensureUnitPath(""), common::InputError);
    EXPECT_EQ(count("units"), 0);
}

TEST_F(RecordTest, rosterExpandsInvitedUnitsWithSubUnitsPlusSinglePersonsWithoutDuplicates)
{
    person("a1", "A");
    person("ab1", "A/B");
    person("abc1", "A/B/C");
    person("d1", "D");
    person("d2", "D");
    person("ax1", "AX"); // a name prefix of A is not a sub-unit of A
    record_.addVenue("hall", "Hall");
    record_.addMeeting(meeting("m1", {"hall"}, kT0, kT0 + 2h), kT0);
    record_.addInvite("m1", {std::string("A"), std::nullopt});
    record_.addInvite("m1", {std::string("A/B"), std::nullopt});  // already inside A
    record_.addInvite("m1", {std::nullopt, std::string("abc1")}); // already inside A
    record_.addInvite("m1", {std::nullopt, std::string("d1")});

    auto ids = rosterIds("m1");
    std::sort(ids.begin(), ids.end());
    EXPECT_EQ(ids, (std::vector<std::string>{"a1", "ab1", "abc1", "d1"}));
}

TEST_F(RecordTest, inviteOfUnknownUnitOrPersonIsRefused)
{
    record_.addVenue("hall", "Hall");
    record_.addMeeting(meeting("m1", {"hall"}, kT0, kT0 + 2h), kT0);
    EXPECT_THROW(record_.addInvite("m1", {std::string("Nowhere"), std::nullopt}), common::InputError);
    EXPECT_THROW(record_.addInvite("m1", {std::nullopt, std::string("nobody")}), common::InputError);
    EXPECT_EQ(count("meeting_invites"), 0);
}

TEST_F(RecordTest, duplicateIdsAreRefused)
{
    person("p1", "A");
    core::Person again;
    again.id = "p1";
    again.name = "Other";
    again.unitId = *record_.findUnit("A");
    EXPECT_THROW(record_.addPerson(again), common::InputError);
    record_.addVenue("hall", "Hall");
    EXPECT_THROW(record_.addVenue("hall", "Hall"), common::InputError);
    record_.addReader({"r1", "hall", core::ReaderDirection::In}, kT0);
    EXPECT_THROW(record_.addReader({"r1", "hall", core::ReaderDirection::Out}, kT0), common::InputError);
    EXPECT_THROW(record_.addReader({"r2", "nowhere", core::ReaderDirection::Out}, kT0), common::InputError);
    record_.addMeeting(meeting("m1", {"hall"}, kT0, kT0 + 2h), kT0);
    EXPECT_THROW(record_.addMeeting(meeting("m1", {"hall"}, kT0, kT0 + 2h), kT0), common::InputError);
    EXPECT_EQ(count("persons"), 1);
    EXPECT_EQ(count("readers"), 1);
    EXPECT_EQ(count("meetings"), 1);
}

TEST_F(RecordTest, badgeHeldBySomeoneElseIsRefused)
{
    person("p1", "A");
    person("p2", "A");
    record_.addBadge("04A23BC1", "p1", kT0);
    try {
        record_.addBadge("04A23BC1", "p2", kT0);
        FAIL() << "a badge has one holder";
    } catch (const common::InputError& e) {
        const std::string message = e.what();
        EXPECT_NE(message.find("04A23BC1"), std::string::npos) << message;
        EXPECT_NE(message.find("p1"), std::string::npos) << message;
    }
    EXPECT_EQ(record_.badgeHolder("04A23BC1", kT0), "p1");
    // The same badge for the same person again is no change.
    EXPECT_NO_THROW(record_.addBadge("04A23BC1", "p1", kT0 + 1h));
    EXPECT_EQ(count("badges"), 1);
    EXPECT_FALSE(record_.badgeHolder("0000AAAA", kT0));
}

TEST_F(RecordTest, revokedBadgeHasNoHolderFromItsRevocationTime)
{
    person("p1", "A");
    record_.addBadge("04A23BC1", "p1", kT0);
    // No command revokes yet; the column is what the record keeps.
    auto revoke = db_.prepare("UPDATE badges SET revoked_ms = ? WHERE uid = ?");
    revoke.bind(1, common::toMillis(kT0 + 1h)).bind(2, "04A23BC1").run();

    EXPECT_EQ(record_.badgeHolder("04A23BC1", kT0 + 1h - 1ms), "p1");
    EXPECT_FALSE(record_.badgeHolder("04A23BC1", kT0 + 1h));
    EXPECT_FALSE(record_.badgeHolder("04A23BC1", kT0 + 2h));
}

TEST_F(RecordTest, tapInsertedTwiceIsRecordedOnce)
{
    record_.addVenue("hall", "Hall");
    record_.addReader({"r1", "hall", core::ReaderDirection::In}, kT0);
    auto first = tap("r1", 7, "04A23BC1", kT0);
    EXPECT_EQ(record_.insertTap(first), core::InsertOutcome::Inserted);
    EXPECT_GT(first.id, 0);
    auto again = tap("r1", 7, "04A23BC1", kT0);
    EXPECT_EQ(record_.insertTap(again), core::InsertOutcome::AlreadyRecorded);
    // Even different content under the same (reader, seq) does not replace the first.
    auto other = tap("r1", 7, "0000BBBB", kT0 + 1min);
    EXPECT_EQ(record_.insertTap(other), core::InsertOutcome::AlreadyRecorded);
    EXPECT_EQ(count("taps"), 1);
    const auto stored = record_.findTap("r1", 7);
    ASSERT_TRUE(stored);
    EXPECT_EQ(stored->badgeUid, "04A23BC1");
    EXPECT_EQ(stored->at, kT0);
    // The same seq at another reader is another tap.
    record_.addReader({"r2", "hall", core::ReaderDirection::Out}, kT0);
    auto atOtherReader = tap("r2", 7, "04A23BC1", kT0);
    EXPECT_EQ(record_.insertTap(atOtherReader), core::InsertOutcome::Inserted);
    EXPECT_EQ(count("taps"), 2);
}

TEST_F(RecordTest, tapsAndAmendmentsAreAppendOnly)
{
    person("p1", "A");
    record_.addVenue("hall", "Hall");
    record_.addReader({"r1", "hall", core::ReaderDirection::In}, kT0);
    record_.addMeeting(meeting("m1", {"hall"}, kT0, kT0 + 2h), kT0);
    auto t = tap("r1", 1, "04A23BC1", kT0);
    (void)record_.insertTap(t);
    core::Amendment a;
    a.kind = core::AmendmentKind::Leave;
    a.meetingId = "m1";
    a.personId = "p1";
    a.author = "op";
    a.reason = "sick";
    a.createdAt = kT0;
    record_.addAmendment(a);

    struct Case {
        const char* name;
        const char* sql;
    };
    const Case cases[] = {
        {"update tap", "UPDATE taps SET at_ms = 0"},
        {"delete tap", "DELETE FROM taps"},
        {"update amendment", "UPDATE amendments SET reason = 'changed my mind'"},
        {"delete amendment", "DELETE FROM amendments"},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.name);
        try {
            db_.exec(c.sql);
            ADD_FAILURE() << c.sql << " must be refused";
        } catch (const common::DatabaseError& e) {
            EXPECT_NE(std::string(e.what()).find("append-only"), std::string::npos) << e.what();
        }
    }
    EXPECT_EQ(count("taps"), 1);
    EXPECT_EQ(count("amendments"), 1);
    EXPECT_EQ(record_.findTap("r1", 1)->at, kT0);
}

TEST_F(RecordTest, revokedAmendmentsAreLeftOutOfAMeetingsAmendments)
{
    person("p1", "A");
    record_.addVenue("hall", "Hall");
    record_.addMeeting(meeting("m1", {"hall"}, kT0, kT0 + 2h), kT0);
    core::Amendment leave;
    leave.kind = core::AmendmentKind::Leave;
    leave.meetingId = "m1";
    leave.personId = "p1";
    leave.author = "op";
    leave.reason = "sick";
    leave.createdAt = kT0;
    record_.addAmendment(leave);
    ASSERT_EQ(record_.amendments("m1").size(), 1u);
    core::Amendment revoke;
    revoke.kind = core::AmendmentKind::Revoke;
    revoke.meetingId = "m1";
    revoke.refId = leave.id;
    revoke.author = "op";
    revoke.reason = "entered for the wrong meeting";
    revoke.createdAt = kT0 + 1min;
    record_.addAmendment(revoke);
    EXPECT_TRUE(record_.amendments("m1").empty());
    EXPECT_EQ(count("amendments"), 2); // both kept as evidence
}

TEST_F(RecordTest, meetingsAtFindsMeetingsWhoseTapWindowOverlaps)
{
    record_.addVenue("hall", "Hall");
    record_.addVenue("branch", "Branch");
    record_.addVenue("other", "Other");
    // m1 window: [08:00, 11:30]; m2 at the branch too: window [10:30, 13:30].
    record_.addMeeting(meeting("m1", {"hall", "branch"}, kT0, kT0 + 2h), kT0);
    record_.addMeeting(meeting("m2", {"branch"}, kT0 + 150min, kT0 + 4h), kT0);

    struct Case {
        const char* name;
        std::vector<std::string> venues;
        common::TimePoint from, to;
        std::vector<std::string> expected;
    };
    const Case cases[] = {
        {"opening is inclusive", {"hall"}, kT0 - 60min, kT0 - 60min, {"m1"}},
        {"just before opening", {"hall"}, kT0 - 60min - 1ms, kT0 - 60min - 1ms, {}},
        {"window end is inclusive", {"hall"}, kT0 + 150min, kT0 + 150min, {"m1"}},
        {"just after window end", {"hall"}, kT0 + 150min + 1ms, kT0 + 150min + 1ms, {}},
        {"range covering both at the branch", {"branch"}, kT0 - 2h, kT0 + 5h, {"m1", "m2"}},
        {"overlap of the two windows", {"branch"}, kT0 + 100min, kT0 + 100min, {"m1", "m2"}},
        {"range around m1 only", {"hall"}, kT0 - 2h, kT0 + 5h, {"m1"}},
        {"other venue", {"other"}, kT0 - 2h, kT0 + 5h, {}},
        {"no venues", {}, kT0 - 2h, kT0 + 5h, {}},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.name);
        std::vector<std::string> ids;
        for (const auto& m : record_.meetingsAt(c.venues, c.from, c.to)) ids.push_back(m.id);
        EXPECT_EQ(ids, c.expected);
    }
    const auto m1 = record_.findMeeting("m1");
    ASSERT_TRUE(m1);
    EXPECT_EQ(m1->venues, (std::vector<std::string>{"hall", "branch"})); // main venue first
}

TEST_F(RecordTest, meetingWithUnknownVenueOrBadTimesIsRefused)
{
    record_.addVenue("hall", "Hall");
    EXPECT_THROW(record_.addMeeting(meeting("m1", {"nowhere"}, kT0, kT0 + 2h), kT0), common::InputError);
    EXPECT_THROW(record_.addMeeting(meeting("m2", {}, kT0, kT0 + 2h), kT0), common::InputError);
    EXPECT_THROW(record_.addMeeting(meeting("m3", {"hall"}, kT0, kT0), kT0), common::InputError);
    EXPECT_THROW(record_.addMeeting(meeting("m4", {"hall", "hall"}, kT0, kT0 + 2h), kT0), common::InputError);
}
