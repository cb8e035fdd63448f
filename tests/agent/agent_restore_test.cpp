// Restore without loss (issue 10): the hub's record is replaced by a copy
// taken earlier; the real rollcall-agent, which keeps acknowledged taps for
// its retention window, sees the lower last_seq in the welcome and refills
// the record. Real binaries, real libnfc driver on the PN532 emulator.
#include "hardware/emulator/pn532_emulator.h"
#include "tests/agent/agent_test_support.h"

#include <filesystem>
#include <gtest/gtest.h>

using namespace rollcall;
using namespace rollcall::test;
using rollcall::emulator::Pn532Card;
using rollcall::emulator::Pn532Emulator;
using namespace std::chrono_literals;

namespace {

std::map<std::int64_t, std::string> verdicts(const std::string& db)
{
    common::Database d(db, common::Database::Mode::ReadOnly);
    auto s = d.prepare("SELECT seq, verdict FROM taps WHERE reader_id = 'r-hall'");
    std::map<std::int64_t, std::string> out;
    while (s.step()) out[s.getInt(0)] = s.getText(1);
    return out;
}

TEST(AgentRestore, hubRestoredFromAnEarlierCopyIsRefilledByTheAgent)
{
    TempDir dir;
    const auto db = dir.file("record.db");
    const auto backup = dir.file("backup.db");
    seedHubRecord(db);
    Pn532Emulator emulator({dir.path() / "ttyPN532", 0.1});
    emulator.start();
    const auto config = writeAgentConfig(dir);
    std::optional<HubProcess> hub(std::in_place, db);
    const auto endpoints = hub->endpoints();
    AgentProcess agent(config, "pn532_uart:" + emulator.linkPath().string(), endpoints.taps, "r-hall",
                       dir.file("outbox.db"));
    agent.expectLine("reader state ok");
    const auto tap = [&](std::uint8_t last, int seq) {
        emulator.tap(Pn532Card({0x04, 0xA1, 0xB2, last}), 200ms);
        agent.expectLine("verdict seq=" + std::to_string(seq) + " ");
        ASSERT_TRUE(eventually([&] { return recordedCount(db, "r-hall") == seq; }));
    };
    tap(0xC1, 1);
    tap(0xC2, 2);
    {
        common::Database live(db);
        live.exec("VACUUM INTO '" + backup + "'"); // last night's backup
    }
    tap(0xC3, 3);
    tap(0xC9, 4);
    const auto before = verdicts(db);
    ASSERT_EQ(before.size(), 4u);

    hub->process().kill(SIGTERM);
    ASSERT_EQ(hub->process().wait(), 0);
    hub.reset();
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(db + suffix);
    std::filesystem::copy_file(backup, db);
    ASSERT_EQ(recordedCount(db, "r-hall"), 2);

    hub.emplace(db, std::vector<std::string>{}, endpoints);
    agent.expectLine("retained tap(s) again", 20s);
    ASSERT_TRUE(eventually([&] { return recordedCount(db, "r-hall") == 4; }, 20s)) << agent.process().output();
    EXPECT_EQ(recordedTaps(db, "r-hall"), (std::map<std::int64_t, std::string>{
                                              {1, "04A1B2C1"}, {2, "04A1B2C2"}, {3, "04A1B2C3"}, {4, "04A1B2C9"}}));
    EXPECT_EQ(verdicts(db), before) << "the refilled taps get the verdicts they had";
}

} // namespace
