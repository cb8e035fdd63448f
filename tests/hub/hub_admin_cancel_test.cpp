// admin_cancel (issue 16): cancelling a desk's request stops the hub's work,
// not only the reply. With the real rollcall-hub over TCP on 127.0.0.1 and an
// office key: a long period report is stopped once it has started and
// answered with exit 7, the hub answers the next request at once, and the
// record is as it was; a request still queued behind another is answered at
// once; another key cannot cancel a request that is not its own.
#include "tests/support/busy_record.h"
#include "tests/support/hub_clients.h"
#include "tests/support/hub_process.h"
#include "tests/support/hub_seed.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_keys.h"

#include <gtest/gtest.h>

namespace rollcall::test {
namespace {

using namespace std::chrono_literals;

constexpr int kExitCancelled = 7;

class HubAdminCancel : public ::testing::Test {
protected:
    void SetUp() override
    {
        seedHubRecord(db_);
        seedBusyDays(db_, 600, 120);
        hub_ = std::make_unique<HubProcess>(db_, keys_.hubArgs());
    }

    /// The long command: the last three days' report by unit, every meeting evaluated from its taps.
    static protocol::AdminRequest longReport(const std::string& id) { return {id, busyReportArgv(), {}}; }
    [[nodiscard]] std::int64_t written() const
    {
        return countRows(db_, "SELECT (SELECT COUNT(*) FROM record_chain) + (SELECT COUNT(*) FROM meeting_results)");
    }

    TempDir dir_;
    std::string db_ = dir_.file("record.sqlite");
    TestKeys keys_;
    std::unique_ptr<HubProcess> hub_;
    zmq::context_t ctx_;
};

protocol::AdminReply adminReply(const protocol::QueryReply& reply)
{
    if (const auto* a = std::get_if<protocol::AdminReply>(&reply)) return *a;
    throw std::runtime_error("not an admin_reply");
}

TEST_F(HubAdminCancel, aRunningReportIsStoppedAndTheHubAnswersTheNextRequestAtOnce)
{
    const auto office = keys_.office("office-1");
    QueryClient desk(ctx_, hub_->endpoints().query, &office);
    const auto before = written();
    const auto from = hub_->process().lineCount();
    desk.send(longReport("long-1"));
    ASSERT_TRUE(hub_->process().waitForLine("request long-1 started", 20s, from)) << hub_->process().output();
    const auto asked = std::chrono::steady_clock::now();
    desk.send(protocol::AdminCancel{"long-1"});
    const auto reply = adminReply(desk.receive(60s));
    const auto took = std::chrono::steady_clock::now() - asked;
    EXPECT_EQ(reply.request_id, "long-1");
    EXPECT_EQ(reply.exit_code, kExitCancelled) << reply.stdout_text.substr(0, 200) << reply.stderr_text;
    EXPECT_NE(reply.stderr_text.find("cancelled"), std::string::npos) << reply.stderr_text;
    EXPECT_NE(reply.stderr_text.find("nothing was changed"), std::string::npos) << reply.stderr_text;
    EXPECT_TRUE(reply.stdout_text.empty());
    EXPECT_LT(took, 5s);

    // The worker is free again: the next request is answered, not queued behind the report.
    const auto next = std::chrono::steady_clock::now();
    const auto list = adminReply(desk.ask(protocol::AdminRequest{"next-1", {"appeal", "list", "--json"}, {}}, 5s));
    EXPECT_EQ(list.exit_code, 0) << list.stderr_text;
    EXPECT_LT(std::chrono::steady_clock::now() - next, 3s);
    EXPECT_EQ(written(), before) << "a cancelled report wrote to the record";

    // Uncancelled, the same report runs to the end: it was the cancel that stopped it.
    const auto whole = adminReply(desk.ask(longReport("long-2"), 120s));
    EXPECT_EQ(whole.exit_code, 0) << whole.stderr_text;
    EXPECT_NE(whole.stdout_text.find("州统计局"), std::string::npos);
}

TEST_F(HubAdminCancel, aQueuedRequestIsAnsweredAtOnceAndAnotherKeyCannotCancel)
{
    const auto office = keys_.office("office-1");
    const auto other = keys_.office("office-2");
    QueryClient desk(ctx_, hub_->endpoints().query, &office);
    QueryClient intruder(ctx_, hub_->endpoints().query, &other);
    const auto from = hub_->process().lineCount();
    desk.send(longReport("long-1"));
    ASSERT_TRUE(hub_->process().waitForLine("request long-1 started", 20s, from)) << hub_->process().output();
    desk.send(protocol::AdminRequest{"queued-1", {"notices", "list", "--json"}, {}});
    desk.send(protocol::AdminCancel{"queued-1"});
    // Another key's cancel of the running report is not for it to give.
    intruder.send(protocol::AdminCancel{"long-1"});
    const auto queued = adminReply(desk.receive(5s));
    EXPECT_EQ(queued.request_id, "queued-1");
    EXPECT_EQ(queued.exit_code, kExitCancelled) << queued.stderr_text;
    EXPECT_NE(queued.stderr_text.find("before it ran"), std::string::npos) << queued.stderr_text;
    const auto report = adminReply(desk.receive(120s));
    EXPECT_EQ(report.request_id, "long-1");
    EXPECT_EQ(report.exit_code, 0) << report.stderr_text;
}

} // namespace
} // namespace rollcall::test
