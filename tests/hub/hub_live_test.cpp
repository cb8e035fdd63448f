// Live updates from the real hub: the Clone pattern (snapshot + numbered
// updates), clock-driven status changes, other writers' changes and reader
// health (issue 3, "Live updates" and "Reader health").
#include "hub/core/meeting_evaluator.h"
#include "tests/support/hub_process.h"
#include "tests/support/hub_seed.h"
#include "tests/support/temp_dir.h"

#include <gtest/gtest.h>
#include <map>

using namespace rollcall;
using namespace rollcall::test;
using protocol::AttendanceStatus;

namespace {

/// A dashboard's view: snapshot, then updates applied in order.
struct Board {
    std::uint64_t seq = 0;
    protocol::Summary summary;
    std::map<std::string, protocol::AttendeeState> attendees;

    explicit Board(const protocol::Snapshot& s) : seq(s.seq), summary(s.summary)
    {
        for (const auto& a : s.attendees) attendees[a.person_id] = a;
    }
    /// Applies an update; false on a gap (the caller must re-snapshot).
    bool apply(const protocol::Update& u)
    {
        if (u.seq <= seq) return true; // already in the snapshot
        if (u.seq != seq + 1) return false;
        seq = u.seq;
        if (const auto* a = std::get_if<protocol::AttendeeState>(&u.payload)) attendees[a->person_id] = *a;
        if (const auto* s = std::get_if<protocol::Summary>(&u.payload)) summary = *s;
        return true;
    }
};

class HubLive : public ::testing::Test {
protected:
    void SetUp() override { seedHubRecord(db_); }
    TempDir dir_;
    std::string db_ = dir_.file("record.db");
    zmq::context_t ctx_;
};

TEST_F(HubLive, snapshotPlusUpdatesEqualsTheRecord)
{
    HubProcess hub(db_);
    LiveSubscriber live(ctx_, hub.endpoints().live, "m-soon");
    QueryClient query(ctx_, hub.endpoints().query);
    AgentClient agent(ctx_, hub.endpoints().taps);
    // Subscribe first, then snapshot (updates published in between are buffered by ZeroMQ).
    ASSERT_TRUE(waitUntilSubscribed(agent, live, "r-hall"));
    Board board(query.snapshot("m-soon"));
    EXPECT_EQ(board.summary.expected, 3);

    const auto t0 = nowMs();
    std::uint64_t seq = 0;
    for (const auto* uid : {"04A1B2C1", "04A1B2C2", "04A1B2C3", "04A1B2C9"})
        (void)agent.tap(makeTap("r-hall", ++seq, uid, t0));
    (void)agent.tap(makeTap("r-hall", ++seq, "04A1B2C1", t0 + 60'000)); // p1 leaves again: a check-out

    // Apply updates until the board has caught up with a fresh snapshot's seq.
    const auto fresh = query.snapshot("m-soon");
    while (board.seq < fresh.seq) {
        auto u = live.next();
        ASSERT_TRUE(u) << "missing update after seq " << board.seq;
        ASSERT_TRUE(board.apply(*u)) << "gap at " << u->seq;
    }
    EXPECT_EQ(board.summary, fresh.summary);
    for (const auto& a : fresh.attendees) EXPECT_EQ(board.attendees.at(a.person_id), a) << a.person_id;
    EXPECT_EQ(fresh.summary.present, 3);
    EXPECT_EQ(fresh.summary.walk_ins, 1);
    EXPECT_FALSE(board.attendees.at("p1").inside);
    EXPECT_EQ(fresh.recent_taps.size(), 5u);
    EXPECT_EQ(fresh.recent_taps.front().verdict, protocol::Verdict::CheckedOut); // newest first

    // And the live view agrees with the record as the CLI sees it.
    common::Database db(db_, common::Database::Mode::ReadOnly);
    core::Record record(db);
    const auto result = core::MeetingEvaluator(record).evaluate("m-soon", common::fromMillis(nowMs()));
    EXPECT_EQ(result.summary.present, fresh.summary.present);
    EXPECT_EQ(result.summary.walkIns, fresh.summary.walk_ins);
    for (const auto& a : result.attendees) {
        EXPECT_EQ(core::toString(a.outcome.status), protocol::toString(board.attendees.at(a.person.id).status));
    }
}

TEST_F(HubLive, rollcallctlChangesReachDashboardsWithinASecond)
{
    HubProcess hub(db_);
    LiveSubscriber live(ctx_, hub.endpoints().live, "m-now");
    QueryClient query(ctx_, hub.endpoints().query);
    AgentClient agent(ctx_, hub.endpoints().taps);
    ASSERT_TRUE(waitUntilSubscribed(agent, live, "r-annex"));
    {
        // Another connection writes, as `rollcallctl leave add` does.
        common::Database db(db_);
        core::Record record(db);
        core::Amendment leave;
        leave.kind = core::AmendmentKind::Leave;
        leave.meetingId = "m-now";
        leave.personId = "p4";
        leave.author = "会务组";
        leave.reason = "病假";
        leave.createdAt = common::fromMillis(nowMs());
        record.addAmendment(leave);
    }
    const auto update = live.waitFor(
        [](const protocol::Update& u) {
            const auto* a = std::get_if<protocol::AttendeeState>(&u.payload);
            return a && a->person_id == "p4" && a->status == AttendanceStatus::Excused;
        },
        std::chrono::seconds(2));
    EXPECT_TRUE(update.has_value()) << hub.process().output();
}

TEST_F(HubLive, membersTurnOverdueAtGraceAndAbsentAtEndWithNoTap)
{
    {
        common::Database db(db_);
        core::Record r(db);
        const auto now = common::fromMillis(nowMs());
        core::Meeting m;
        m.id = "m-short";
        m.title = "短会";
        m.venues = {"hall"};
        m.times.start = now + std::chrono::seconds(3);
        m.times.end = now + std::chrono::seconds(5);
        m.times.opening = now - std::chrono::minutes(1);
        m.times.lateGrace = std::chrono::seconds(0);
        r.addMeeting(m, now);
        r.addInvite("m-short", {std::nullopt, std::string("p1")});
    }
    HubProcess hub(db_);
    LiveSubscriber live(ctx_, hub.endpoints().live, "m-short");
    QueryClient query(ctx_, hub.endpoints().query);
    AgentClient agent(ctx_, hub.endpoints().taps);
    ASSERT_TRUE(waitUntilSubscribed(agent, live, "r-hall"));
    EXPECT_EQ(query.snapshot("m-short").attendees.at(0).status, AttendanceStatus::NotArrived);
    auto statusUpdate = [](AttendanceStatus s) {
        return [s](const protocol::Update& u) {
            const auto* a = std::get_if<protocol::AttendeeState>(&u.payload);
            return a && a->person_id == "p1" && a->status == s;
        };
    };
    EXPECT_TRUE(live.waitFor(statusUpdate(AttendanceStatus::Overdue), std::chrono::seconds(8)));
    EXPECT_TRUE(live.waitFor(statusUpdate(AttendanceStatus::Absent), std::chrono::seconds(5)));
}

TEST_F(HubLive, readerOfflineDuringAnOpenMeetingRaisesAnAlarm)
{
    const auto config = dir_.write("hub.toml", "[readers]\noffline_after = \"1s\"\n[ingest]\ntick = \"100ms\"\n");
    HubProcess hub(db_, {"--config", config});
    LiveSubscriber live(ctx_, hub.endpoints().live, "m-now");
    QueryClient query(ctx_, hub.endpoints().query);
    AgentClient agent(ctx_, hub.endpoints().taps);
    ASSERT_TRUE(waitUntilSubscribed(agent, live, "r-annex"));
    agent.send(protocol::Heartbeat{"r-annex", nowMs(), 3, protocol::ReaderState::Ok, "", "test-1.0"});
    const auto online = live.waitFor([](const protocol::Update& u) {
        const auto* h = std::get_if<protocol::ReaderHealth>(&u.payload);
        return h && h->reader_id == "r-annex" && h->online && h->outbox_depth == 3;
    });
    ASSERT_TRUE(online);
    EXPECT_EQ(std::get<protocol::ReaderHealth>(online->payload).outbox_depth, 3u);
    // No more heartbeats: offline after 1 s, and m-now is in progress at annex.
    const auto alarm = live.waitFor(
        [](const protocol::Update& u) {
            const auto* a = std::get_if<protocol::Alarm>(&u.payload);
            return a && a->reader_id == "r-annex" && a->active;
        },
        std::chrono::seconds(5));
    EXPECT_TRUE(alarm.has_value());
    const auto snap = query.snapshot("m-now");
    ASSERT_EQ(snap.readers.size(), 1u);
    EXPECT_FALSE(snap.readers[0].online);
    EXPECT_TRUE(snap.readers[0].alarm);
    EXPECT_EQ(countRows(db_, "SELECT count(*) FROM reader_uptime WHERE reader_id = 'r-annex'"), 1);
}

TEST_F(HubLive, meetingListAndUnknownMeetingAreAnswered)
{
    HubProcess hub(db_);
    QueryClient query(ctx_, hub.endpoints().query);
    const auto reply = query.ask(protocol::MeetingListRequest{});
    const auto* list = std::get_if<protocol::MeetingList>(&reply);
    ASSERT_TRUE(list);
    EXPECT_GE(list->meetings.size(), 1u); // "today" in Asia/Shanghai may not hold both around midnight
    const auto missing = query.ask(protocol::SnapshotRequest{"no-such-meeting"});
    ASSERT_TRUE(std::holds_alternative<protocol::Error>(missing));
    EXPECT_EQ(std::get<protocol::Error>(missing).code, "unknown_meeting");
    const auto badDay = query.ask(protocol::MeetingListRequest{std::string("2026-13-40")});
    EXPECT_TRUE(std::holds_alternative<protocol::Error>(badDay));
}

} // namespace
