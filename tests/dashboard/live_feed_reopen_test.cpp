// The board's live feed after the hub refused its key, against the real
// rollcall-hub over TCP on 127.0.0.1 with CURVE: libzmq never retries a
// refused handshake, so HubConnection reopens its live socket once the hub
// answers it again. A board started before its key was allowed shows the
// meeting's live updates as soon as `key allow` lets it in, without a restart.
#include "dashboard/src/hub_connection.h"
#include "tests/dashboard/board_wait.h"
#include "tests/support/hub_clients.h"
#include "tests/support/hub_process.h"
#include "tests/support/hub_seed.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_keys.h"

#include <QSignalSpy>
#include <QTest>
#include <gtest/gtest.h>

using namespace rollcall::dashboard;
namespace rt = rollcall::test;

namespace {

using namespace std::chrono_literals;

using rollcall::test::kWaitMs;

TEST(LiveFeedReopen, aBoardAllowedAfterItsKeyWasRefusedGetsLiveUpdatesWithoutARestart)
{
    rt::TempDir dir;
    const auto db = dir.file("record.sqlite");
    rt::seedHubRecord(db); // m-now is under way at the annex; p3 and p4 (某县) are invited
    rt::TestKeys keys;
    rt::HubProcess hub(db, keys.hubArgs());
    const auto board = keys.client("viewer", "board", {}, /*allowed=*/false);

    HubConnection::Timing timing;
    timing.queryTimeoutMs = 1500;
    timing.silenceMs = 1000;
    timing.retryMs = 200;
    HubConnection connection(QString::fromStdString(hub.endpoints().live),
                             QString::fromStdString(hub.endpoints().query), timing,
                             HubConnection::Keys{board.cert, board.serverPublicKey});
    QSignalSpy updates(&connection, &HubConnection::updateReceived);
    connection.setMeeting(QStringLiteral("m-now"));
    ASSERT_TRUE(hub.process().waitForLine("on live: key not allowed", 10s)) << hub.process().output();
    ASSERT_TRUE(QTest::qWaitFor([&] { return connection.lost(); }, kWaitMs));

    keys.allow("board"); // as `rollcallctl key allow` does
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return connection.liveReopenCount() >= 1 && connection.status() == HubConnection::Status::Live; },
        kWaitMs))
        << hub.process().output();

    // A door at the annex: its taps reach the board through the reopened live socket.
    zmq::context_t ctx;
    const auto annex = keys.reader("r-annex");
    rt::AgentClient agent(ctx, hub.endpoints().taps, &annex);
    const char* badges[] = {"04A1B2C3", "04A1B2C4"}; // each a first check-in: the board changes
    std::uint64_t seq = 0;
    bool seen = false;
    // The reopened socket's subscription may still be on its way to the hub: tap again if the first is missed.
    while (!seen && seq < 2) {
        (void)agent.tap(rt::makeTap("r-annex", seq + 1, badges[seq]));
        ++seq;
        seen = QTest::qWaitFor([&] { return updates.count() > 0; }, 5000);
    }
    EXPECT_TRUE(seen) << "no live update reached the board after its key was allowed\n" << hub.process().output();
}

} // namespace
