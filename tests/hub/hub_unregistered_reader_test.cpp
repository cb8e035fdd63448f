// An agent whose reader id nobody registered, over TCP on 127.0.0.1 with the
// real rollcall-hub: its hellos are answered (reader_known false) but logged
// a few lines a minute, like every other refusal, and every one is counted
// (the stats line and the status query).
#include "tests/support/hub_clients.h"
#include "tests/support/hub_process.h"
#include "tests/support/hub_seed.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_keys.h"

#include <gtest/gtest.h>
#include <sstream>

namespace rollcall::test {
namespace {

std::size_t linesContaining(const std::string& text, const std::string& needle)
{
    std::istringstream in(text);
    std::size_t n = 0;
    for (std::string line; std::getline(in, line);) n += line.find(needle) != std::string::npos ? 1 : 0;
    return n;
}

TEST(HubUnregisteredReader, itsHellosAreLoggedAFewLinesAMinuteAndEachIsCounted)
{
    TempDir dir;
    const auto db = dir.file("record.sqlite");
    seedHubRecord(db);
    TestKeys keys;
    HubProcess hub(db, keys.hubArgs());
    zmq::context_t ctx;
    const auto ghost = keys.reader("r-ghost");
    AgentClient agent(ctx, hub.endpoints().taps, &ghost);
    constexpr int kHellos = 50;
    for (int i = 0; i < kHellos; ++i) {
        agent.send(protocol::Hello{"r-ghost", "0.1.0", nowMs()});
        const auto reply = agent.receive();
        ASSERT_TRUE(reply && std::holds_alternative<protocol::Welcome>(*reply));
        EXPECT_FALSE(std::get<protocol::Welcome>(*reply).reader_known);
    }

    const auto viewer = keys.viewer();
    QueryClient query(ctx, hub.endpoints().query, &viewer);
    const auto status = query.status();
    std::uint64_t counted = 0;
    for (const auto& r : status.rejections) counted += r.reason == "unregistered_hello" ? r.count : 0;
    EXPECT_EQ(counted, static_cast<std::uint64_t>(kHellos));

    hub.process().kill(SIGTERM);
    EXPECT_EQ(hub.process().wait(), 0);
    const auto log = hub.process().output();
    EXPECT_EQ(linesContaining(log, "hello from unregistered reader r-ghost"), 10u) << log;
    EXPECT_EQ(linesContaining(log, "further such lines this minute are only counted"), 1u) << log;
    EXPECT_NE(log.find("unregistered_hello=50"), std::string::npos) << "the stats line at exit\n" << log;
}

} // namespace
} // namespace rollcall::test
