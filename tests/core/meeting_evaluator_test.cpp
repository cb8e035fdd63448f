// MeetingEvaluator end to end over a real SQLite file: record -> statuses,
// walk-ins, unknown badges, amendments, finalization, debounce, venues.
#include "hub/core/meeting_evaluator.h"
#include "hub/core/schema.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_day.h"

#include <algorithm>
#include <gtest/gtest.h>

using namespace rollcall;
using namespace std::chrono_literals;
using core::Direction;
using core::ReaderDirection;
using core::Status;

namespace {

/// Wall time on the meeting day in Asia/Shanghai, e.g. at("08:55:10").
using test::at;

class MeetingEvaluatorTest : public ::testing::Test {
protected:
    MeetingEvaluatorTest() : db_(dir_.file("rollcall.sqlite")), record_(db_)
    {
        core::migrate(db_);
        record_.addVenue("hall", "主会场");
        record_.addVenue("branch", "分会场");
        record_.addVenue("annex", "另一会场");
        record_.addReader({"hall-in", "hall", core::ReaderDirection::In}, at("07:00"));
        record_.addReader({"hall-out", "hall", core::ReaderDirection::Out}, at("07:00"));
        record_.addReader({"hall-both", "hall", core::ReaderDirection::Both}, at("07:00"));
        record_.addReader({"branch-both", "branch", core::ReaderDirection::Both}, at("07:00"));
        record_.addReader({"annex-in", "annex", core::ReaderDirection::In}, at("07:00"));
        // p1..p4 are in the invited unit, w* and s1 are not.
        for (const auto* id : {"p1", "p2", "p3", "p4"}) person(id, "州直机关/州发改委");
        for (const auto* id : {"w1", "w2", "w3", "s1"}) person(id, "县委办");
    }

    void person(const std::string& id, const std::string& unit)
    {
        core::Person p;
        p.id = id;
        p.name = "姓名" + id;
        p.unitId = record_.ensureUnitPath(unit);
        record_.addPerson(p);
        record_.addBadge(badgeOf(id), id, at("00:00"));
    }

    /// Each person's badge: 8 hex digits derived from the id.
    static std::string badgeOf(const std::string& id)
    {
        std::string hex;
        for (const char c : id) {
            static const char* digits = "0123456789ABCDEF";
            hex += digits[(static_cast<unsigned char>(c) >> 4) & 0xF];
            hex += digits[static_cast<unsigned char>(c) & 0xF];
        }
        while (hex.size() < 8) hex = "0" + hex;
        return hex;
    }

    /// The meeting 09:00–11:00 (Asia/Shanghai) inviting the unit of p1..p4.
    void meeting(const std::string& id = "m1", std::vector<std::string> venues = {"hall"},
                 const std::string& start = "09:00", const std::string& end = "11:00")
    {
        core::Meeting m;
        m.id = id;
        m.title = "全州作风建设大会";
        m.venues = std::move(venues);
        m.times.start = at(start);
        m.times.end = at(end);
        m.times.opening = m.times.start - 60min;
        record_.addMeeting(m, at("07:00"));
        record_.addInvite(id, {std::string("州直机关/州发改委"), std::nullopt});
    }

    void tap(const std::string& reader, const std::string& badge, common::TimePoint when,
             std::optional<common::TimePoint> received = std::nullopt)
    {
        core::TapRecord t;
        t.readerId = reader;
        t.seq = ++seq_;
        t.badgeUid = badge;
        t.at = when;
        t.venueId = record_.findReader(reader)->venueId;
        t.receivedAt = received.value_or(when);
        ASSERT_EQ(record_.insertTap(t), core::InsertOutcome::Inserted);
    }

    void personTap(const std::string& reader, const std::string& personId, const std::string& clock)
    {
        tap(reader, badgeOf(personId), at(clock));
    }

    core::Amendment amendment(core::AmendmentKind kind, const std::string& personId,
                              const std::string& meetingId = "m1")
    {
        core::Amendment a;
        a.kind = kind;
        a.meetingId = meetingId;
        a.personId = personId;
        a.author = "会务组";
        a.reason = "测试";
        a.createdAt = at("12:00");
        return a;
    }

    void manualTap(const std::string& personId, const std::string& clock, core::Direction direction)
    {
        auto a = amendment(core::AmendmentKind::ManualTap, personId);
        a.at = at(clock);
        a.direction = direction;
        record_.addAmendment(a);
    }

    core::MeetingResult evaluate(const std::string& id = "m1", common::TimePoint now = at("12:00"))
    {
        core::MeetingEvaluator evaluator(record_);
        return evaluator.evaluate(id, now);
    }

    static const core::AttendeeResult& attendee(const core::MeetingResult& r, const std::string& id)
    {
        const auto it = std::find_if(r.attendees.begin(), r.attendees.end(),
                                     [&](const core::AttendeeResult& a) { return a.person.id == id; });
        if (it == r.attendees.end()) throw std::runtime_error("no attendee " + id);
        return *it;
    }

    test::TempDir dir_;
    common::Database db_;
    core::Record record_;
    std::int64_t seq_ = 0;
};

} // namespace

TEST_F(MeetingEvaluatorTest, unknownMeetingIsAnInputError) { EXPECT_THROW((void)evaluate("nope"), common::InputError); }

TEST_F(MeetingEvaluatorTest, rosterMembersWithoutTapsAreAbsentAfterTheEnd)
{
    meeting();
    const auto r = evaluate();
    EXPECT_EQ(r.summary.expected, 4);
    EXPECT_EQ(r.summary.absent, 4);
    ASSERT_TRUE(r.summary.attendanceRate());
    EXPECT_DOUBLE_EQ(*r.summary.attendanceRate(), 0.0);
}

TEST_F(MeetingEvaluatorTest, walkInsAreCountedAsDistinctPeople)
{
    meeting();
    personTap("hall-in", "p1", "08:55");
    personTap("hall-in", "w1", "09:10");
    personTap("hall-in", "w1", "09:40"); // a second check-in is the same person
    personTap("hall-in", "w2", "09:20");
    personTap("hall-out", "w2", "10:00");
    personTap("hall-out", "w3", "10:30"); // a check-out alone is no attendance
    const auto r = evaluate();

    EXPECT_EQ(r.summary.expected, 4);
    EXPECT_EQ(r.summary.present, 1);
    EXPECT_EQ(r.summary.walkIns, 2);
    ASSERT_EQ(r.walkIns.size(), 2u);
    std::vector<std::string> ids;
    for (const auto& w : r.walkIns) ids.push_back(w.person.id);
    std::sort(ids.begin(), ids.end());
    EXPECT_EQ(ids, (std::vector<std::string>{"w1", "w2"}));
    const auto w1 =
        std::find_if(r.walkIns.begin(), r.walkIns.end(), [](const core::WalkIn& w) { return w.person.id == "w1"; });
    EXPECT_EQ(w1->firstIn, at("09:10"));
    EXPECT_EQ(r.summary.unknownBadges, 0);
}

TEST_F(MeetingEvaluatorTest, unknownBadgesAreCountedAsDistinctBadges)
{
    meeting();
    tap("hall-in", "DEADBEEF", at("09:01"));
    tap("hall-in", "DEADBEEF", at("09:30")); // two taps of one unknown badge: one badge
    tap("hall-in", "CAFEBABE", at("09:05"));
    tap("annex-in", "0BADF00D", at("09:05")); // another venue: not this meeting's
    const auto r = evaluate();

    EXPECT_EQ(r.summary.unknownBadges, 2);
    ASSERT_EQ(r.unknownBadges.size(), 2u);
    const auto dead = std::find_if(r.unknownBadges.begin(), r.unknownBadges.end(),
                                   [](const core::UnknownBadge& u) { return u.uid == "DEADBEEF"; });
    ASSERT_NE(dead, r.unknownBadges.end());
    EXPECT_EQ(dead->taps, 2);
    EXPECT_EQ(dead->firstAt, at("09:01"));
    EXPECT_EQ(r.summary.walkIns, 0);
    EXPECT_EQ(r.summary.absent, 4);
}

TEST_F(MeetingEvaluatorTest, substitutesTapsMakeThePrincipalSubstitutedAndTheSubstituteNoWalkIn)
{
    meeting();
    auto a = amendment(core::AmendmentKind::Substitute, "p1");
    a.otherPersonId = "s1";
    record_.addAmendment(a);
    personTap("hall-in", "s1", "09:02");
    for (const auto* id : {"p2", "p3", "p4"}) personTap("hall-in", id, "08:50");
    const auto r = evaluate();

    const auto& p1 = attendee(r, "p1");
    EXPECT_EQ(p1.outcome.status, core::Status::Substituted);
    ASSERT_TRUE(p1.substitute);
    EXPECT_EQ(p1.substitute->id, "s1");
    EXPECT_EQ(p1.substituteFirstIn, at("09:02"));
    ASSERT_EQ(p1.taps.size(), 1u);
    EXPECT_EQ(p1.taps[0].badgeUid, badgeOf("s1"));
    EXPECT_EQ(r.summary.substituted, 1);
    EXPECT_EQ(r.summary.walkIns, 0);
    EXPECT_TRUE(r.walkIns.empty());
    ASSERT_TRUE(r.summary.attendanceRate());
    EXPECT_DOUBLE_EQ(*r.summary.attendanceRate(), 1.0);
}

TEST_F(MeetingEvaluatorTest, manualCheckInAmendmentCountsWithItsDirection)
{
    meeting();
    manualTap("p1", "08:58", core::Direction::In);
    manualTap("p2", "09:20", core::Direction::In);
    manualTap("p3", "08:50", core::Direction::In);
    manualTap("p3", "10:00", core::Direction::Out);
    manualTap("p4", "09:30", core::Direction::Out); // a check-out alone is no attendance
    const auto r = evaluate();

    struct Case {
        const char* person;
        core::Status status;
        std::int64_t lateMinutes;
        bool leftEarly;
        std::int64_t earlyMinutes;
    };
    const Case cases[] = {
        {"p1", core::Status::Present, 0, false, 0},
        {"p2", core::Status::Late, 20, false, 0},
        {"p3", core::Status::Present, 0, true, 60},
        {"p4", core::Status::Absent, 0, false, 0},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.person);
        const auto& a = attendee(r, c.person);
        EXPECT_EQ(a.outcome.status, c.status);
        EXPECT_EQ(a.outcome.lateMinutes, c.lateMinutes);
        EXPECT_EQ(a.outcome.has(core::LeftEarly), c.leftEarly);
        EXPECT_EQ(a.outcome.earlyMinutes, c.earlyMinutes);
        ASSERT_FALSE(a.taps.empty());
        EXPECT_TRUE(a.taps[0].manual());
        EXPECT_FALSE(a.amendments.empty());
    }
    EXPECT_EQ(attendee(r, "p3").taps.at(1).direction, core::Direction::Out);
    EXPECT_EQ(attendee(r, "p3").outcome.lastOut, at("10:00"));
}

TEST_F(MeetingEvaluatorTest, statusOverrideChangesTheStatusAndRecordsOverriddenFrom)
{
    meeting();
    personTap("hall-in", "p2", "09:20");
    auto toExcused = amendment(core::AmendmentKind::StatusOverride, "p1");
    toExcused.status = "excused";
    record_.addAmendment(toExcused);
    auto toPresent = amendment(core::AmendmentKind::StatusOverride, "p2");
    toPresent.status = "present";
    record_.addAmendment(toPresent);
    const auto r = evaluate();

    const auto& p1 = attendee(r, "p1");
    EXPECT_EQ(p1.outcome.status, core::Status::Excused);
    EXPECT_EQ(p1.overriddenFrom, "absent");
    const auto& p2 = attendee(r, "p2");
    EXPECT_EQ(p2.outcome.status, core::Status::Present);
    EXPECT_EQ(p2.overriddenFrom, "late");
    EXPECT_EQ(p2.outcome.lateMinutes, 0);
    EXPECT_FALSE(attendee(r, "p3").overriddenFrom);
    EXPECT_EQ(r.summary.excused, 1);
    EXPECT_EQ(r.summary.present, 1);
    EXPECT_EQ(r.summary.late, 0);
    EXPECT_EQ(r.summary.absent, 2);
}

TEST_F(MeetingEvaluatorTest, tapsReceivedAfterFinalizationAreIgnored)
{
    meeting();
    personTap("hall-in", "p1", "08:55");
    db_.exec("UPDATE meetings SET finalized_ms = " + std::to_string(common::toMillis(at("12:00")))
             + " WHERE id = 'm1'");
    // An offline reader's log imported at 13:00: the taps happened in time but
    // arrived after the meeting was frozen.
    tap("hall-in", badgeOf("p2"), at("08:59"), at("13:00"));
    tap("hall-in", "DEADBEEF", at("09:00"), at("13:00"));
    const auto r = evaluate("m1", at("14:00"));

    EXPECT_TRUE(r.meeting.finalizedAt);
    EXPECT_EQ(r.tapsIgnoredAfterFinalize, 2);
    EXPECT_EQ(attendee(r, "p1").outcome.status, core::Status::Present);
    EXPECT_EQ(attendee(r, "p2").outcome.status, core::Status::Absent);
    EXPECT_EQ(r.summary.unknownBadges, 0);
}

TEST_F(MeetingEvaluatorTest, tapsWithinTenSecondsAreCountedAsDuplicates)
{
    meeting();
    personTap("hall-in", "p1", "08:55:00");
    personTap("hall-in", "p1", "08:55:05"); // duplicate
    personTap("hall-in", "p1", "08:55:10"); // duplicate: 10 s is inclusive
    personTap("hall-in", "p1", "08:55:11"); // kept: 11 s after the last kept tap
    personTap("hall-in", "p2", "08:55:05"); // another badge at the same reader is no duplicate
    // Debounce comes before direction: a quick double tap at a `both` reader
    // is one check-in, not a check-in and a check-out.
    personTap("hall-both", "p3", "08:57:00");
    personTap("hall-both", "p3", "08:57:04"); // duplicate
    const auto r = evaluate();

    EXPECT_EQ(r.tapsDuplicate, 3);
    EXPECT_EQ(r.tapsApplied, 4);
    EXPECT_EQ(attendee(r, "p1").taps.size(), 2u);
    EXPECT_EQ(attendee(r, "p1").outcome.firstIn, at("08:55:00"));
    const auto& p3 = attendee(r, "p3");
    EXPECT_EQ(p3.outcome.status, core::Status::Present);
    EXPECT_FALSE(p3.outcome.has(core::LeftEarly));
    EXPECT_FALSE(p3.outcome.lastOut);
}

TEST_F(MeetingEvaluatorTest, checkOutOnlyPersonIsAbsent)
{
    meeting();
    personTap("hall-out", "p1", "09:30");
    const auto r = evaluate();
    const auto& p1 = attendee(r, "p1");
    EXPECT_EQ(p1.outcome.status, core::Status::Absent);
    EXPECT_FALSE(p1.outcome.firstIn);
    EXPECT_FALSE(p1.outcome.lastOut);
    EXPECT_EQ(p1.outcome.flags, 0u);
    EXPECT_EQ(r.summary.absent, 4);
    EXPECT_EQ(r.summary.walkIns, 0);
}

TEST_F(MeetingEvaluatorTest, tapsAtABranchVenueCountForAMeetingWithTwoVenues)
{
    meeting("m1", {"hall", "branch"});
    personTap("branch-both", "p1", "08:50");
    personTap("branch-both", "p1", "10:20"); // the `both` reader's second tap checks out
    personTap("hall-in", "p2", "09:07");
    personTap("annex-in", "p3", "08:50"); // a venue of no meeting here
    const auto r = evaluate();

    EXPECT_EQ(r.meeting.venues, (std::vector<std::string>{"hall", "branch"}));
    const auto& p1 = attendee(r, "p1");
    EXPECT_EQ(p1.outcome.status, core::Status::Present);
    EXPECT_EQ(p1.outcome.firstIn, at("08:50"));
    EXPECT_EQ(p1.outcome.lastOut, at("10:20"));
    EXPECT_TRUE(p1.outcome.has(core::LeftEarly));
    EXPECT_EQ(p1.outcome.earlyMinutes, 40);
    ASSERT_EQ(p1.taps.size(), 2u);
    EXPECT_EQ(p1.taps[0].readerId, "branch-both");
    const auto& p2 = attendee(r, "p2");
    EXPECT_EQ(p2.outcome.status, core::Status::Late);
    EXPECT_EQ(p2.outcome.lateMinutes, 7);
    EXPECT_EQ(attendee(r, "p3").outcome.status, core::Status::Absent);
}

TEST_F(MeetingEvaluatorTest, attendanceRateIsNotApplicableWhenEveryoneIsExcused)
{
    meeting();
    for (const auto* id : {"p1", "p2", "p3", "p4"}) {
        auto leave = amendment(core::AmendmentKind::Leave, id);
        record_.addAmendment(leave);
    }
    const auto r = evaluate();
    EXPECT_EQ(r.summary.expected, 4);
    EXPECT_EQ(r.summary.excused, 4);
    EXPECT_FALSE(r.summary.attendanceRate());
    EXPECT_EQ(attendee(r, "p1").leaveReason, "测试");
}

TEST_F(MeetingEvaluatorTest, attendanceRateLeavesTheExcusedOut)
{
    meeting();
    auto leave = amendment(core::AmendmentKind::Leave, "p1");
    record_.addAmendment(leave);
    personTap("hall-in", "p2", "08:50");
    personTap("hall-in", "p3", "09:30");
    const auto r = evaluate();
    ASSERT_TRUE(r.summary.attendanceRate());
    EXPECT_DOUBLE_EQ(*r.summary.attendanceRate(), 2.0 / 3.0); // (1 present + 1 late) / (4 − 1)
}

TEST_F(MeetingEvaluatorTest, tapOfARevokedBadgeIsAnUnknownBadge)
{
    meeting();
    personTap("hall-in", "p1", "08:55");
    // p1 reports the badge lost at 09:30; whoever taps it afterwards is not p1.
    db_.exec("UPDATE badges SET revoked_ms = " + std::to_string(common::toMillis(at("09:30")))
             + " WHERE person_id = 'p1'");
    personTap("hall-in", "p1", "09:40");
    const auto r = evaluate();
    EXPECT_EQ(attendee(r, "p1").outcome.status, core::Status::Present);
    EXPECT_EQ(attendee(r, "p1").taps.size(), 1u);
    EXPECT_EQ(r.summary.unknownBadges, 1);
}

TEST_F(MeetingEvaluatorTest, tapOfARevokedBadgeGetsItsOwnVerdictAndNoAttendance)
{
    meeting();
    personTap("hall-in", "p1", "08:55");
    record_.revokeBadge(badgeOf("p1"), at("09:30"), "lost");
    personTap("hall-in", "p1", "09:40");
    std::vector<std::string> verdicts;
    (void)core::replayRecord(record_, {*record_.findMeeting("m1")}, at("12:00"), core::TapAssigner::kDefaultDebounce,
                             [&](const core::TapInput&, const core::TapEvidence&, const core::TapResult& r) {
                                 verdicts.emplace_back(core::toString(r.verdict));
                             });
    EXPECT_EQ(verdicts, (std::vector<std::string>{"present", "revoked_badge"}));
    const auto r = evaluate();
    EXPECT_EQ(attendee(r, "p1").taps.size(), 1u);
    EXPECT_EQ(r.summary.unknownBadges, 1);
}
