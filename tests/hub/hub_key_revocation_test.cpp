// Keys are allowed and revoked with rollcallctl while the real hub runs: a
// revoked key is refused from its next connection, and allowed again it
// works, without a restart.
#include "tests/support/child_process.h"
#include "tests/support/hub_clients.h"
#include "tests/support/hub_process.h"
#include "tests/support/hub_seed.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_keys.h"

#include <gtest/gtest.h>

namespace rollcall::test {
namespace {

using namespace std::chrono_literals;

int rollcallctl(const std::vector<std::string>& args, std::string* output = nullptr)
{
    std::vector<std::string> argv{std::string(ROLLCALL_BINARY_DIR) + "/hub/rollcallctl"};
    argv.insert(argv.end(), args.begin(), args.end());
    ChildProcess p(argv);
    const int code = p.wait();
    if (output) *output = p.output();
    return code;
}

TEST(HubKeyRevocation, aRevokedKeyIsRefusedFromItsNextConnectionWithoutARestart)
{
    TempDir dir;
    const auto db = dir.file("record.sqlite");
    seedHubRecord(db);
    TestKeys keys;
    HubProcess hub(db, keys.hubArgs());
    zmq::context_t ctx;
    const auto hall = keys.reader("r-hall");
    {
        AgentClient agent(ctx, hub.endpoints().taps, &hall);
        EXPECT_EQ(agent.tap(makeTap("r-hall", 1, "04A1B2C1")).seq, 1u);
    }

    std::string out;
    ASSERT_EQ(rollcallctl({"key", "revoke", "r-hall", "--keys-dir", keys.keysDir()}, &out), 0) << out;
    {
        const auto from = hub.process().lineCount();
        AgentClient agent(ctx, hub.endpoints().taps, &hall);
        agent.send(makeTap("r-hall", 2, "04A1B2C2"));
        ASSERT_TRUE(hub.process().waitForLine("on taps: key not allowed", 10s, from)) << hub.process().output();
        EXPECT_FALSE(agent.receive(500ms));
    }
    EXPECT_EQ(countRows(db, "SELECT COUNT(*) FROM taps"), 1);

    ASSERT_EQ(rollcallctl({"key", "allow", keys.ownDir() + "/r-hall.key", "--keys-dir", keys.keysDir()}, &out), 0)
        << out;
    {
        AgentClient agent(ctx, hub.endpoints().taps, &hall);
        EXPECT_EQ(agent.tap(makeTap("r-hall", 2, "04A1B2C2")).seq, 2u);
    }
    EXPECT_TRUE(hub.process().running()) << "the hub was not restarted";
    EXPECT_EQ(countRows(db, "SELECT COUNT(*) FROM taps"), 2);
}

TEST(HubKeyRevocation, aKeyAllowedWhileTheHubRunsIsTakenAtOnce)
{
    TempDir dir;
    const auto db = dir.file("record.sqlite");
    seedHubRecord(db);
    TestKeys keys;
    HubProcess hub(db, keys.hubArgs());
    zmq::context_t ctx;
    const auto annex = keys.client("reader", "r-annex", "r-annex", /*allowed=*/false);
    std::string out;
    ASSERT_EQ(rollcallctl({"key", "allow", keys.ownDir() + "/r-annex.key", "--keys-dir", keys.keysDir()}, &out), 0)
        << out;
    AgentClient agent(ctx, hub.endpoints().taps, &annex);
    EXPECT_EQ(agent.tap(makeTap("r-annex", 1, "04A1B2C3")).seq, 1u);
}

} // namespace
} // namespace rollcall::test
