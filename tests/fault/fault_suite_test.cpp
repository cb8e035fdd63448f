// The fault-injection suite (issue 10): known taps through emulated readers →
// real agents → the real hub, broken in each of the ways below; every scenario
// ends with lost = 0, duplicated = 0 and the statuses of a fault-free run.
// `ctest -L fault` runs it; the soak's day comes from ROLLCALL_SOAK_MEETINGS,
// ROLLCALL_SOAK_MEETING_SECONDS and ROLLCALL_SOAK_READERS, and a long soak
// needs ROLLCALL_FAULT_PERSONS badges (one per tap; README, "Fault suite").
#include "tests/fault/fault_rig.h"

#include <cstdlib>
#include <gtest/gtest.h>

using namespace rollcall;
using namespace rollcall::test;
using namespace std::chrono_literals;
using Mode = TcpProxy::Mode;

namespace {

int envInt(const char* name, int fallback)
{
    const char* v = std::getenv(name);
    return v && *v ? std::atoi(v) : fallback;
}

class Totals : public ::testing::Environment {
public:
    void TearDown() override
    {
        const auto& t = FaultTotals::get();
        std::printf("scenario %-28s taps_made=%lld taps_recorded=%lld lost=%lld duplicated=%lld\n", "TOTAL",
                    static_cast<long long>(t.made), static_cast<long long>(t.recorded), static_cast<long long>(t.lost),
                    static_cast<long long>(t.duplicated));
    }
};
const auto* const kTotals = ::testing::AddGlobalTestEnvironment(new Totals);

TEST(FaultSuite, hubSigkilledDuringABurstFromTenReaders)
{
    FaultRig rig({.readers = 10});
    rig.burst(2);
    // Kill the hub while the next round is in flight.
    std::vector<std::string> uids;
    for (int i = 0; i < 10; ++i) uids.push_back(rig.present(i));
    std::this_thread::sleep_for(150ms); // the burst is the scenario: some stored, some in flight
    rig.killHub();
    for (int i = 0; i < 10; ++i) rig.waitCardGone(i);
    rig.burst(1); // taps while the hub is down
    rig.startHub();
    rig.burst(1);
    rig.finish("hub_sigkill_burst_10_readers");
}

TEST(FaultSuite, agentSigkilledAtRandomPoints)
{
    FaultRig rig({.readers = 2});
    std::mt19937 random(20261129);
    for (int round = 0; round < 6; ++round) {
        const int i = round % 2;
        (void)rig.present(i);
        // 0..400 ms after the card: before the outbox write returns, between
        // write and send, between send and ack, or after the ack.
        std::this_thread::sleep_for(std::chrono::milliseconds(random() % 400));
        rig.killAgent(i);
        rig.waitCardGone(i);
        rig.startAgent(i);
        rig.waitReaderOk(i);
        (void)rig.tap(i);
    }
    rig.finish("agent_sigkill_random_points");
}

TEST(FaultSuite, networkCutAndAcksDropped)
{
    FaultRig rig({.readers = 2, .proxy = true});
    rig.burst(1);
    rig.proxy().set(Mode::Cut);
    // The minute: long enough for the agents' resend backoff to reach
    // its ceiling. A round of taps every 5 s keeps the number of badges small.
    const auto cutFor = std::chrono::seconds(envInt("ROLLCALL_FAULT_CUT_SECONDS", 60));
    const auto until = std::chrono::steady_clock::now() + cutFor;
    while (std::chrono::steady_clock::now() < until) {
        rig.burst(1);
        std::this_thread::sleep_until(std::min(until, std::chrono::steady_clock::now() + 5s));
    }
    rig.proxy().set(Mode::Pass);
    rig.burst(1);
    // Taps reach the hub, acks never come back.
    rig.proxy().set(Mode::DropReplies);
    rig.burst(3);
    std::this_thread::sleep_for(1s); // the agents re-send into the void: the hub must not record twice
    rig.proxy().set(Mode::Pass);
    rig.burst(1);
    rig.finish("network_cut_and_acks_dropped");
}

TEST(FaultSuite, diskFullThenSpaceFreed)
{
    FaultRig rig({.readers = 2});
    rig.burst(1);
    rig.setFault("full");
    rig.burst(3);
    ASSERT_TRUE(rig.hub().process().waitForLine("记录写入失败：磁盘已满"));
    rig.setFault("ok");
    rig.burst(1);
    rig.finish("disk_full_then_freed");
    EXPECT_TRUE(rig.hubRunning()) << "recovered without a restart";
}

TEST(FaultSuite, diskReserveReachedThenSpaceFreed)
{
    FaultRig rig({.readers = 2});
    rig.burst(1);
    rig.setFault("free=1");
    rig.burst(2);
    ASSERT_TRUE(rig.hub().process().waitForLine("低于保留的"));
    rig.setFault("ok");
    rig.finish("disk_reserve_reached");
}

TEST(FaultSuite, ioErrorOnCommitRecoveredWithoutRestart)
{
    FaultRig rig({.readers = 2});
    rig.burst(1);
    const auto pid = rig.hub().process().pid();
    rig.setFault("sync");
    rig.burst(3);
    ASSERT_TRUE(rig.hub().process().waitForLine("记录写入失败：磁盘读写错误"));
    rig.setFault("ok");
    rig.burst(1);
    rig.finish("io_error_on_commit");
    EXPECT_EQ(rig.hub().process().pid(), pid);
    EXPECT_TRUE(rig.hubRunning());
}

TEST(FaultSuite, readerUnpluggedAndPluggedBack)
{
    FaultRig rig({.readers = 2});
    rig.burst(1);
    const auto mark = rig.agent(0).process().lineCount();
    rig.unplug(0);
    ASSERT_TRUE(rig.agent(0).process().waitForLine("reader state no_reader", 15s, mark));
    (void)rig.tap(1); // the other reader goes on
    rig.plug(0);
    ASSERT_TRUE(rig.agent(0).process().waitForLine("reader state ok", 15s, mark));
    rig.burst(2);
    rig.finish("reader_unplugged_replugged");
}

TEST(FaultSuite, agentClockAnHourWrongAndJumping)
{
    TempDir skew;
    const auto skewFile = skew.write("skew", "0");
    FaultRig rig({.readers = 2,
                  .agentEnv = {{0, {"ROLLCALL_AGENT_CLOCK_SKEW_MS=3600000"}},
                               {1, {"ROLLCALL_AGENT_CLOCK_SKEW_FILE=" + skewFile}}},
                  .startHub = false});
    rig.burst(2); // stored while the hub is down: no offset known yet
    rig.startHub();
    rig.burst(1);
    (void)skew.write("skew", "-1800000"); // reader 1's clock jumps half an hour back
    std::this_thread::sleep_for(300ms);   // the agent re-reads its skew every 100 ms
    rig.burst(2);
    (void)skew.write("skew", "5400000"); // and an hour and a half forward
    std::this_thread::sleep_for(300ms);
    rig.burst(2);
    rig.finish("agent_clock_wrong_and_jumping");
    // Recorded at hub time: every tap within a minute of when it was made.
    common::Database record(rig.db(), common::Database::Mode::ReadOnly);
    auto far = record.prepare("SELECT reader_id, seq, at_ms - received_ms, agent_at_ms, clock_offset_ms FROM taps "
                              "WHERE reader_id LIKE 'f-r%' AND abs(at_ms - received_ms) > 60000");
    while (far.step()) {
        ADD_FAILURE() << far.getText(0) << " seq " << far.getInt(1) << " recorded " << far.getInt(2)
                      << " ms from when the hub received it (agent_at_ms " << far.getInt(3) << ", offset "
                      << far.getInt(4) << ")";
    }
    // The skew is on the board.
    EXPECT_TRUE(eventually([&] {
        return countRows(rig.db(),
                         "SELECT count(*) FROM reader_health WHERE reader_id = 'f-r00' AND clock_offset_ms < -3590000")
               == 1;
    }));
}

TEST(FaultSuite, hubDownAcrossGraceEndAndEnd)
{
    // A meeting that starts in 20 s (3 s grace) and ends in 32 s.
    FaultRig rig({.readers = 2, .startIn = 20s, .endIn = 32s, .lateGrace = 3s});
    std::map<std::string, std::string> expected;
    expected[FaultRig::personFromUid(rig.tap(0))] = "present";
    expected[FaultRig::personFromUid(rig.tap(1))] = "present";
    ASSERT_LT(std::chrono::steady_clock::now(), rig.seededAt() + 19s) << "the setup took too long for this meeting";
    rig.killHub();
    std::this_thread::sleep_until(rig.seededAt() + 27s); // after S + Gl, before E, the hub down
    expected[FaultRig::personFromUid(rig.tap(0))] = "late";
    std::this_thread::sleep_until(rig.seededAt() + 35s); // past E
    rig.startHub();
    // Everyone else invited is absent now; spot-check a few who never tapped.
    for (int p = rig.nextPerson(); p < rig.nextPerson() + 3; ++p) expected[FaultRig::personId(p)] = "absent";
    rig.finish("hub_down_across_sgl_and_e", expected);
}

TEST(FaultSuite, hubRestoredFromAnEarlierBackup)
{
    FaultRig rig({.readers = 2});
    rig.burst(2);
    const auto backup = rig.dir().file("backup.db");
    {
        common::Database live(rig.db());
        live.exec("VACUUM INTO '" + backup + "'");
    }
    rig.burst(3);
    ASSERT_TRUE(eventually(
        [&] { return countRows(rig.db(), "SELECT count(*) FROM taps WHERE reader_id LIKE 'f-r%'") == 10; }, 20s));
    rig.killHub(SIGTERM);
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(rig.db() + suffix);
    std::filesystem::copy_file(backup, rig.db());
    rig.startHub();
    rig.burst(1);
    rig.finish("hub_restored_from_backup");
}

TEST(FaultSuite, soakWithPeriodicKills)
{
    // A compressed day: meetings back to back at one venue, each a slot of P
    // seconds (check-in opens at the slot's start, S at P/4, grace P/8, E at
    // 3P/4), readers tapping fresh badges all day, the hub or an agent killed
    // every few seconds. CI runs a short day; README, "Fault suite", the long one.
    const int readers = envInt("ROLLCALL_SOAK_READERS", 10);
    const int meetings = envInt("ROLLCALL_SOAK_MEETINGS", 3);
    const auto slot = std::chrono::seconds(envInt("ROLLCALL_SOAK_MEETING_SECONDS", 40));
    FaultRig rig({.readers = readers,
                  .startIn = slot / 4,
                  .endIn = slot * 3 / 4,
                  .lateGrace = slot / 8,
                  .meetings = meetings,
                  .meetingEvery = slot,
                  .openingBefore = slot / 4});
    std::mt19937 random(7);
    const auto end = rig.seededAt() + meetings * slot;
    // Where a status changes with the time of a tap: a meeting's check-in
    // opening (the slot's start: before it, a tap belongs to the meeting
    // before), S + grace and E. The fault-free run has each tap at the moment
    // the test presented the card, the faulted one at the moment the agent
    // read it (up to a few hundred ms later): no card is presented within a
    // second of these instants, in any burst.
    std::vector<std::chrono::steady_clock::time_point> edges;
    for (int k = 0; k < meetings; ++k) {
        edges.push_back(rig.seededAt() + k * slot);
        edges.push_back(rig.seededAt() + k * slot + slot / 4 + slot / 8);
        edges.push_back(rig.seededAt() + k * slot + slot * 3 / 4);
    }
    const auto burstAwayFromEdges = [&] {
        for (const auto& edge : edges) {
            const auto now = std::chrono::steady_clock::now();
            if (now > edge - 1s && now < edge + 1s) std::this_thread::sleep_until(edge + 1s);
        }
        rig.burst(1);
    };
    auto nextKill = std::chrono::steady_clock::now() + 4s;
    int kills = 0;
    while (std::chrono::steady_clock::now() < end && rig.nextPerson() < FaultRig::persons() - 2 * readers) {
        const auto round = std::chrono::steady_clock::now();
        burstAwayFromEdges();
        std::this_thread::sleep_until(round + 1s); // a round a second: the day's badges last the day
        if (std::chrono::steady_clock::now() >= nextKill) {
            if (kills++ % 2 == 0) {
                rig.killHub();
                burstAwayFromEdges();
                rig.startHub();
            } else {
                const int i = static_cast<int>(random() % static_cast<unsigned>(readers));
                rig.killAgent(i);
                rig.startAgent(i);
                rig.waitReaderOk(i);
            }
            nextKill = std::chrono::steady_clock::now() + 4s;
        }
    }
    rig.finish("soak_" + std::to_string(readers) + "_readers_" + std::to_string(meetings) + "_meetings", {}, 180s);
}

} // namespace
