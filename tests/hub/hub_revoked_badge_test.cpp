// A revoked badge at a reader, over the real hub on TCP (issue 11): the card
// replaced with the real rollcallctl while the hub runs is refused with its
// own verdict and text, and the new card works at once.
#include "tests/support/child_process.h"
#include "tests/support/hub_process.h"
#include "tests/support/hub_seed.h"
#include "tests/support/temp_dir.h"

#include <gtest/gtest.h>

using namespace rollcall;
using namespace rollcall::test;
using protocol::Verdict;

namespace {

class HubRevokedBadge : public ::testing::Test {
protected:
    void SetUp() override { seedHubRecord(db_); }

    /// Runs the real rollcallctl on the hub's record; returns its exit code.
    int rollcallctl(const std::vector<std::string>& args)
    {
        std::vector<std::string> argv{std::string(ROLLCALL_BINARY_DIR) + "/hub/rollcallctl", "--db", db_};
        argv.insert(argv.end(), args.begin(), args.end());
        ChildProcess ctl(argv);
        const int code = ctl.wait();
        EXPECT_EQ(code, 0) << ctl.output();
        return code;
    }

    TempDir dir_;
    std::string db_ = dir_.file("record.db");
    zmq::context_t ctx_;
};

} // namespace

TEST_F(HubRevokedBadge, aReplacedCardIsRefusedWithRevokedBadgeAndTheNewCardWorks)
{
    HubProcess hub(db_);
    AgentClient agent(ctx_, hub.endpoints().taps);
    EXPECT_EQ(agent.tap(makeTap("r-hall", 1, "04A1B2C2")).verdict, Verdict::Present);

    // Reported lost while the hub runs: another writer's commit, which the hub reloads within a tick.
    const auto mark = hub.process().lineCount();
    ASSERT_EQ(rollcallctl({"badge", "replace", "04A1B2C2", "--by", "04A1B2CA", "--reason", "lost"}), 0);
    ASSERT_TRUE(hub.process().waitForLine("loaded", std::chrono::seconds(10), mark)) << hub.process().output();

    const auto lostTap = makeTap("r-annex", 2, "04A1B2C2");
    const auto lost = agent.tap(lostTap);
    EXPECT_EQ(protocol::toString(lost.verdict), "revoked_badge");
    EXPECT_EQ(lost.text, "此卡已挂失，请联系会务组");
    const auto resent = agent.tap(lostTap); // sent again: the same answer
    EXPECT_EQ(resent.verdict, Verdict::RevokedBadge);
    EXPECT_EQ(resent.text, lost.text);

    const auto fresh = agent.tap(makeTap("r-annex", 3, "04A1B2CA"));
    EXPECT_EQ(fresh.verdict, Verdict::WalkIn); // p2's new card; p2 is not invited at the annex
    EXPECT_NE(fresh.text.find("阿依古丽·买买提"), std::string::npos) << fresh.text;

    EXPECT_EQ(countRows(db_, "SELECT count(*) FROM taps WHERE badge_uid = '04A1B2C2' AND verdict = 'revoked_badge'"),
              1);
}

TEST_F(HubRevokedBadge, aBadgeRevokedBeforeTheHubStartsIsRefusedByReason)
{
    ASSERT_EQ(rollcallctl({"badge", "revoke", "04A1B2C3", "--reason", "broken"}), 0);
    ASSERT_EQ(rollcallctl({"badge", "revoke", "04A1B2C4", "--reason", "left"}), 0);
    HubProcess hub(db_);
    AgentClient agent(ctx_, hub.endpoints().taps);
    const auto broken = agent.tap(makeTap("r-annex", 1, "04A1B2C3"));
    EXPECT_EQ(broken.verdict, Verdict::RevokedBadge);
    EXPECT_EQ(broken.text, "此卡已停用（已换新卡），请使用新卡");
    const auto left = agent.tap(makeTap("r-annex", 2, "04A1B2C4"));
    EXPECT_EQ(left.verdict, Verdict::RevokedBadge);
    EXPECT_EQ(left.text, "此卡已注销，请联系会务组");
}
