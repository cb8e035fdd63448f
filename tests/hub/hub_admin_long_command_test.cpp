// Long commands over the wire (issue 16), with the real rollcall-hub and the
// real rollcallctl over TCP on 127.0.0.1 with an office key, on a record
// whose period report takes the hub seconds: a desk that asks for progress
// gets the report's figures (admin_progress) from 0 to the whole before its
// reply, a client that does not ask (as older ones) gets the reply alone;
// `rollcallctl --hub --progress` draws the figures on stderr and prints what
// `--db` prints; Ctrl-C on it stops the command at the hub, which records
// nothing, and exits 7; a second Ctrl-C leaves at once.
#include "tests/support/busy_record.h"
#include "tests/support/child_process.h"
#include "tests/support/hub_clients.h"
#include "tests/support/hub_process.h"
#include "tests/support/hub_seed.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_keys.h"

#include <csignal>
#include <gtest/gtest.h>
#include <regex>
#include <sstream>

namespace rollcall::test {
namespace {

using namespace std::chrono_literals;

constexpr int kExitCancelled = 7;
constexpr int kExitInterrupted = 130;
const std::string kRollcallctl = std::string(ROLLCALL_BINARY_DIR) + "/hub/rollcallctl";

/// What a run printed, without its progress lines and the moment it evaluated.
std::string withoutProgress(const std::string& output)
{
    std::istringstream lines(output);
    std::string kept;
    for (std::string line; std::getline(lines, line);) {
        if (line.rfind("评估会议 ", 0) != 0) kept += line + "\n";
    }
    return std::regex_replace(kept, std::regex("\"evaluated_at\": \"[^\"]*\""), "\"evaluated_at\": \"(now)\"");
}

class HubAdminLongCommand : public ::testing::Test {
protected:
    void SetUp() override
    {
        seedHubRecord(db_);
        seedBusyDays(db_, 600, 120);
        hub_ = std::make_unique<HubProcess>(db_, keys_.hubArgs());
        office_ = keys_.office("office-1");
    }

    [[nodiscard]] std::int64_t written() const
    {
        return countRows(db_, "SELECT (SELECT COUNT(*) FROM record_chain) + (SELECT COUNT(*) FROM meeting_results)");
    }
    /// `rollcallctl --hub … --progress` running the long report, stdout and stderr together.
    std::unique_ptr<ChildProcess> remoteReport()
    {
        std::vector<std::string> argv{kRollcallctl,
                                      "--hub",
                                      hub_->endpoints().query,
                                      "--key",
                                      keys_.secretFile("office-1"),
                                      "--server-key",
                                      keys_.serverPublicFile(),
                                      "--progress"};
        for (const auto& a : busyReportArgv()) argv.push_back(a);
        return std::make_unique<ChildProcess>(std::move(argv));
    }

    TempDir dir_;
    std::string db_ = dir_.file("record.sqlite");
    TestKeys keys_;
    ClientKey office_;
    std::unique_ptr<HubProcess> hub_;
    zmq::context_t ctx_;
};

TEST_F(HubAdminLongCommand, aDeskThatAsksGetsTheReportsFiguresBeforeItsReply)
{
    QueryClient desk(ctx_, hub_->endpoints().query, &office_);
    protocol::AdminRequest request{"long-1", busyReportArgv(), {}, true};
    desk.send(request);
    std::vector<protocol::AdminProgress> figures;
    std::optional<protocol::AdminReply> reply;
    while (!reply) {
        const auto message = desk.receive(120s);
        if (const auto* figure = std::get_if<protocol::AdminProgress>(&message)) {
            figures.push_back(*figure);
        } else {
            reply = std::get<protocol::AdminReply>(message);
        }
    }
    EXPECT_EQ(reply->exit_code, 0) << reply->stderr_text;
    ASSERT_GE(figures.size(), 2U);
    for (std::size_t i = 0; i < figures.size(); ++i) {
        SCOPED_TRACE(i);
        EXPECT_EQ(figures[i].request_id, "long-1");
        EXPECT_EQ(figures[i].label, "评估会议");
        EXPECT_EQ(figures[i].total, 600);
        EXPECT_LE(figures[i].done, figures[i].total);
        if (i > 0) {
            EXPECT_GE(figures[i].done, figures[i - 1].done);
        }
    }
    EXPECT_EQ(figures.front().done, 0);
    EXPECT_EQ(figures.back().done, 600);
    // A figure at most every 100 ms of seconds of work, not one per chunk of meetings.
    EXPECT_LT(figures.size(), 200U);
}

TEST_F(HubAdminLongCommand, aClientThatDoesNotAskGetsTheReplyAlone)
{
    QueryClient desk(ctx_, hub_->endpoints().query, &office_);
    const auto message = desk.ask(protocol::AdminRequest{"long-1", busyReportArgv(), {}}, 120s);
    const auto* reply = std::get_if<protocol::AdminReply>(&message);
    ASSERT_NE(reply, nullptr) << "an older client got a message it does not know before its reply";
    EXPECT_EQ(reply->exit_code, 0) << reply->stderr_text;
}

TEST_F(HubAdminLongCommand, rollcallctlDrawsTheFiguresWithProgressAndPrintsWhatDbPrints)
{
    const auto remote = remoteReport();
    ASSERT_EQ(remote->wait(), 0) << remote->output();
    const auto drawn = remote->output();
    EXPECT_NE(drawn.find("评估会议 0/600 (0%)\n"), std::string::npos) << drawn.substr(0, 400);
    EXPECT_NE(drawn.find("评估会议 600/600 (100%)\n"), std::string::npos) << drawn.substr(0, 400);

    std::vector<std::string> argv{kRollcallctl, "--db", db_, "--operator", "office-1"};
    for (const auto& a : busyReportArgv()) argv.push_back(a);
    ChildProcess local(std::move(argv));
    ASSERT_EQ(local.wait(), 0) << local.output();
    EXPECT_EQ(local.output().find("评估会议"), std::string::npos) << "--db drew progress into a pipe";
    EXPECT_EQ(withoutProgress(drawn), withoutProgress(local.output()));
}

TEST_F(HubAdminLongCommand, ctrlCStopsTheCommandAtTheHubAndExits7)
{
    const auto before = written();
    const auto logFrom = hub_->process().lineCount();
    const auto ctl = remoteReport();
    // Its first figure: the report is running at the hub.
    ASSERT_TRUE(ctl->waitForLine("评估会议 0/600", 60s)) << ctl->output() << hub_->process().output();
    const auto pressed = std::chrono::steady_clock::now();
    ctl->kill(SIGINT);
    EXPECT_EQ(ctl->wait(), kExitCancelled) << ctl->output();
    EXPECT_LT(std::chrono::steady_clock::now() - pressed, 10s);
    const auto output = ctl->output();
    EXPECT_NE(output.find("asking the hub to stop the command"), std::string::npos) << output;
    EXPECT_NE(output.find("cancelled at the caller's request"), std::string::npos) << output;
    EXPECT_NE(output.find("nothing was changed"), std::string::npos) << output;
    EXPECT_EQ(output.find("\"name\""), std::string::npos) << "a cancelled report printed rows";
    EXPECT_TRUE(hub_->process().waitForLine("key office-1 cancels request", 10s, logFrom));
    EXPECT_TRUE(hub_->process().waitForLine("-> exit 7", 10s, logFrom)) << hub_->process().output();
    EXPECT_EQ(written(), before) << "a cancelled report wrote to the record";
}

TEST_F(HubAdminLongCommand, aSecondCtrlCLeavesAtOnce)
{
    const auto ctl = remoteReport();
    ASSERT_TRUE(ctl->waitForLine("评估会议 0/600", 60s)) << ctl->output();
    // A hub that does not answer the cancel: stopped until the end of the test.
    hub_->process().kill(SIGSTOP);
    ctl->kill(SIGINT);
    ASSERT_TRUE(ctl->waitForLine("Ctrl-C again to leave at once", 10s)) << ctl->output();
    const auto pressed = std::chrono::steady_clock::now();
    ctl->kill(SIGINT);
    EXPECT_EQ(ctl->wait(), kExitInterrupted) << ctl->output();
    EXPECT_LT(std::chrono::steady_clock::now() - pressed, 3s);
    EXPECT_NE(ctl->output().find("left without the hub's answer"), std::string::npos) << ctl->output();
    hub_->process().kill(SIGCONT);
}

} // namespace
} // namespace rollcall::test
