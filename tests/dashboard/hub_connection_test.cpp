// HubConnection against a hub served by the test over real ZeroMQ sockets
// (tcp://127.0.0.1:*), using the protocol library. No mocks of ZeroMQ.
#include "dashboard/src/dashboard.h"
#include "dashboard/src/hub_connection.h"
#include "protocol/codec.h"
#include "tests/dashboard/support/board_fixture.h"
#include "tests/dashboard/support/test_hub.h"

#include <QDateTime>
#include <QSignalSpy>
#include <QTest>
#include <gtest/gtest.h>
#include <memory>

using namespace rollcall::dashboard;
using namespace rollcall::dashboard::test;

namespace {

constexpr int kConnectWaitMs = 10000;

HubConnection::Timing fastTiming()
{
    HubConnection::Timing t;
    t.queryTimeoutMs = 1000;
    t.silenceMs = 300;
    t.retryMs = 100;
    return t;
}

std::int64_t now() { return QDateTime::currentMSecsSinceEpoch(); }

/// Waits (running the event loop) until `spy` has recorded at least `n` signals;
/// also right if they came before the wait started.
bool waitForCount(const QSignalSpy& spy, qsizetype n)
{
    return QTest::qWaitFor([&] { return spy.count() >= n; }, kConnectWaitMs);
}

struct Client {
    Client(const TestHub& hub, HubConnection::Timing timing = fastTiming())
        : connection(QString::fromStdString(hub.liveEndpoint()), QString::fromStdString(hub.queryEndpoint()), timing),
          board([] { return now(); })
    {
        board.attach(connection);
    }
    HubConnection connection;
    Dashboard board;
};

/// Publishes through the hub whatever `change` produces on the hub's truth.
void hubDoes(TestHub& hub, const std::function<std::vector<p::Update>(HubSim&)>& change, bool dropFirst = false)
{
    std::vector<p::Update> updates;
    hub.withSim([&](HubSim& sim) { updates = change(sim); });
    for (std::size_t i = dropFirst ? 1 : 0; i < updates.size(); ++i) hub.publish(updates[i]);
}

void expectBoardIsHubTruth(const Dashboard& board, TestHub& hub)
{
    Dashboard fresh([] { return now(); });
    hub.withSim([&](HubSim& sim) { fresh.applySnapshot(sim.snapshot()); });
    EXPECT_EQ(rowsOf(*board.attendees()), rowsOf(*fresh.attendees()));
    EXPECT_EQ(rowsOf(*board.units()), rowsOf(*fresh.units()));
    EXPECT_EQ(board.board()->summary(), fresh.board()->summary());
    EXPECT_EQ(rowsOf(*board.tapFeed(), static_cast<int>(p::kMaxRecentTaps)), rowsOf(*fresh.tapFeed()));
}

} // namespace

TEST(HubConnection, snapshotThenConsecutiveUpdatesAreApplied)
{
    HubSim sim(200);
    for (int i = 0; i < 3; ++i) (void)sim.readerState("door-1", true, kStartMs); // the stream is at seq 3 already
    TestHub hub(sim);
    Client c(hub);
    QSignalSpy snapshots(&c.connection, &HubConnection::snapshotReceived);
    QSignalSpy updates(&c.connection, &HubConnection::updateReceived);
    c.connection.setMeeting(kMeetingId);
    ASSERT_TRUE(waitForCount(snapshots, 1));
    EXPECT_EQ(c.connection.status(), HubConnection::Status::Live);
    ASSERT_TRUE(hub.waitForSubscription(std::string("meeting/") + kMeetingId));

    hubDoes(hub, [](HubSim& s) { return s.tapIn(15, kStartMs + 21 * kMinute); });
    ASSERT_TRUE(QTest::qWaitFor([&] { return updates.count() == 3; }, kConnectWaitMs));
    EXPECT_EQ(updates.at(0).at(0).value<p::Update>().seq, 4u);
    EXPECT_EQ(updates.at(2).at(0).value<p::Update>().seq, 6u);
    EXPECT_EQ(c.connection.resyncCount(), 0);
    expectBoardIsHubTruth(c.board, hub);
}

TEST(HubConnection, updatesOfAnotherMeetingWithTheSamePrefixAreIgnored)
{
    HubSim sim(40, kStartMs + 20 * kMinute, "m-1");
    TestHub hub(sim);
    Client c(hub);
    QSignalSpy snapshots(&c.connection, &HubConnection::snapshotReceived);
    QSignalSpy updates(&c.connection, &HubConnection::updateReceived);
    c.connection.setMeeting("m-1");
    ASSERT_TRUE(waitForCount(snapshots, 1));
    ASSERT_TRUE(hub.waitForSubscription("meeting/m-1"));

    // "meeting/m-12" matches the subscription prefix "meeting/m-1".
    HubSim other(40, kStartMs + 20 * kMinute, "m-12");
    for (auto& u : other.tapIn(15, kStartMs + 21 * kMinute)) hub.publish(u);
    hubDoes(hub, [](HubSim& s) { return s.tapIn(18, kStartMs + 22 * kMinute); });
    ASSERT_TRUE(QTest::qWaitFor([&] { return updates.count() == 3; }, kConnectWaitMs));
    for (const auto& args : updates) EXPECT_EQ(args.at(0).value<p::Update>().meeting_id, "m-1");
    EXPECT_EQ(c.connection.resyncCount(), 0);
    expectBoardIsHubTruth(c.board, hub);
}

TEST(HubConnection, gapInUpdateNumbersTriggersReSnapshot)
{
    HubSim sim(100);
    TestHub hub(sim);
    Client c(hub);
    QSignalSpy snapshots(&c.connection, &HubConnection::snapshotReceived);
    c.connection.setMeeting(kMeetingId);
    ASSERT_TRUE(waitForCount(snapshots, 1));
    ASSERT_TRUE(hub.waitForSubscription(std::string("meeting/") + kMeetingId));

    // The first update of this tap is lost on the way (PUB drops for slow subscribers).
    hubDoes(
        hub, [](HubSim& s) { return s.tapIn(15, kStartMs + 21 * kMinute); }, /*dropFirst=*/true);
    ASSERT_TRUE(waitForCount(snapshots, 2));
    EXPECT_GE(hub.snapshotRequests(), 2);
    EXPECT_GE(c.connection.resyncCount(), 1);
    ASSERT_TRUE(QTest::qWaitFor([&] { return c.connection.status() == HubConnection::Status::Live; }, kConnectWaitMs));
    expectBoardIsHubTruth(c.board, hub);
    // And it keeps following afterwards.
    QSignalSpy updates(&c.connection, &HubConnection::updateReceived);
    hubDoes(hub, [](HubSim& s) { return s.tapIn(19, kStartMs + 23 * kMinute); });
    ASSERT_TRUE(QTest::qWaitFor([&] { return updates.count() == 3; }, kConnectWaitMs));
    expectBoardIsHubTruth(c.board, hub);
}

TEST(HubConnection, meetingUpdateOnTheMeetingStreamTriggersReSnapshot)
{
    HubSim sim(60);
    TestHub hub(sim);
    Client c(hub);
    QSignalSpy snapshots(&c.connection, &HubConnection::snapshotReceived);
    c.connection.setMeeting(kMeetingId);
    ASSERT_TRUE(waitForCount(snapshots, 1));
    ASSERT_TRUE(hub.waitForSubscription(std::string("meeting/") + kMeetingId));
    // Someone invited another unit: the hub changes the roster and announces the meeting.
    hubDoes(hub, [](HubSim& s) {
        auto extra = s.snapshot().attendees.front();
        extra.person_id = "P-LATE-INVITE";
        extra.name = "新增人员";
        extra.status = p::AttendanceStatus::NotArrived;
        s.changeRosterQuietly(extra); // no attendee update: the snapshot carries the new roster
        return std::vector<p::Update>{s.publish(s.snapshot().meeting)};
    });
    ASSERT_TRUE(waitForCount(snapshots, 2));
    EXPECT_GE(hub.snapshotRequests(), 2);
    ASSERT_TRUE(QTest::qWaitFor([&] { return c.connection.status() == HubConnection::Status::Live; }, kConnectWaitMs));
    EXPECT_EQ(c.board.attendees()->rowCount(), 61);
}

TEST(HubConnection, hubRestartLosesConnectionThenReconnectsAndReSnapshots)
{
    HubSim sim(150);
    auto hub = std::make_unique<TestHub>(sim);
    const auto liveEp = hub->liveEndpoint();
    const auto queryEp = hub->queryEndpoint();
    Client c(*hub);
    QSignalSpy snapshots(&c.connection, &HubConnection::snapshotReceived);
    c.connection.setMeeting(kMeetingId);
    ASSERT_TRUE(waitForCount(snapshots, 1));
    ASSERT_FALSE(c.board.connectionLost());

    hub.reset(); // the hub goes away
    ASSERT_TRUE(QTest::qWaitFor([&] { return c.connection.status() == HubConnection::Status::Lost; }, kConnectWaitMs));
    EXPECT_TRUE(c.board.connectionLost());
    EXPECT_FALSE(c.board.connectionText().isEmpty());

    // While it was down, people kept tapping (the hub recorded them from agents' outboxes).
    for (int i = 15; i < 150; i += 20) (void)sim.tapIn(i, kStartMs + 26 * kMinute);
    hub = std::make_unique<TestHub>(sim, liveEp, queryEp); // same endpoints, new process
    ASSERT_TRUE(
        QTest::qWaitFor([&] { return snapshots.count() >= 2 && c.connection.status() == HubConnection::Status::Live; },
                        kConnectWaitMs));
    EXPECT_FALSE(c.board.connectionLost());
    expectBoardIsHubTruth(c.board, *hub);
}

TEST(HubConnection, unansweredQueriesMarkTheConnectionLostUntilTheHubAnswers)
{
    HubSim sim(30);
    TestHub hub(sim);
    hub.setAnswering(false);
    Client c(hub);
    QSignalSpy status(&c.connection, &HubConnection::statusChanged);
    c.connection.setMeeting(kMeetingId);
    ASSERT_TRUE(QTest::qWaitFor([&] { return c.connection.lost(); }, kConnectWaitMs));
    EXPECT_EQ(c.board.attendees()->rowCount(), 0);
    hub.setAnswering(true);
    ASSERT_TRUE(QTest::qWaitFor([&] { return c.connection.status() == HubConnection::Status::Live; }, kConnectWaitMs));
    EXPECT_EQ(c.board.attendees()->rowCount(), 30);
}

TEST(HubConnection, silenceIsProbedAndAnAnsweringHubStaysConnected)
{
    HubSim sim(10);
    TestHub hub(sim);
    Client c(hub);
    QSignalSpy snapshots(&c.connection, &HubConnection::snapshotReceived);
    c.connection.setMeeting(kMeetingId);
    ASSERT_TRUE(waitForCount(snapshots, 1));
    // No updates at all: the connection probes with meeting-list requests and stays live.
    ASSERT_TRUE(QTest::qWaitFor([&] { return hub.meetingListRequests() >= 2; }, kConnectWaitMs));
    EXPECT_EQ(c.connection.status(), HubConnection::Status::Live);
    EXPECT_EQ(c.board.meetings()->rowCount(), 2);
}

TEST(HubConnection, malformedLiveFramesAreCountedAndSkipped)
{
    HubSim sim(30);
    TestHub hub(sim);
    Client c(hub);
    QSignalSpy snapshots(&c.connection, &HubConnection::snapshotReceived);
    QSignalSpy updates(&c.connection, &HubConnection::updateReceived);
    c.connection.setMeeting(kMeetingId);
    ASSERT_TRUE(waitForCount(snapshots, 1));
    ASSERT_TRUE(hub.waitForSubscription(std::string("meeting/") + kMeetingId));
    QSignalSpy counters(&c.connection, &HubConnection::countersChanged);
    hub.publishRaw(std::string("meeting/") + kMeetingId, "{\"v\":1,\"type\":\"update\",");
    hub.publishRaw(std::string("meeting/") + kMeetingId, "{\"v\":2,\"type\":\"update\"}");
    hubDoes(hub, [](HubSim& s) { return s.tapIn(15, kStartMs + 21 * kMinute); });
    ASSERT_TRUE(QTest::qWaitFor([&] { return updates.count() == 3; }, kConnectWaitMs));
    EXPECT_EQ(c.connection.rejectedCount(), 2);
    EXPECT_EQ(c.connection.resyncCount(), 0);
}

TEST(HubConnection, unknownMeetingIsReportedAsAQueryError)
{
    HubSim sim(10);
    TestHub hub(sim);
    Client c(hub);
    QSignalSpy errors(&c.connection, &HubConnection::queryError);
    c.connection.setMeeting("m-nope");
    ASSERT_TRUE(waitForCount(errors, 1));
    EXPECT_EQ(errors.at(0).at(0).toString(), "unknown_meeting");
    EXPECT_EQ(c.connection.status(), HubConnection::Status::Syncing);
    EXPECT_TRUE(c.connection.lastError().startsWith("unknown_meeting"));
}
