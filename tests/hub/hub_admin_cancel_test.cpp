// admin_cancel (issue 16): cancelling a desk's request stops the hub's work,
// not only the reply. With the real rollcall-hub over TCP on 127.0.0.1 and an
// office key: a long period report is stopped once it has started and
// answered with exit 7, the hub answers the next request at once, and the
// record is as it was; a request still queued behind another is answered at
// once; another key cannot cancel a request that is not its own.
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

/// Days of work for a period report: `meetings` meetings, one every 3 minutes
/// from 40 hours ago (the hub finalizes none of them: that waits 48 h), at 30
/// venues in turn (never two at a venue at once), each with `persons` invited
/// who all tap in. 600 × 120 takes the hub seconds to evaluate (3 s here),
/// hundreds of times what a cancel takes to arrive.
void seedBusyDays(const std::string& path, int meetings, int persons)
{
    constexpr int kVenues = 30;
    common::Database db(path);
    core::Record r(db);
    common::Transaction tx(db);
    const auto now = common::fromMillis(nowMs());
    const auto unit = r.ensureUnitPath("州直机关/州统计局");
    for (int k = 0; k < persons; ++k) {
        const auto id = "s" + std::to_string(k);
        r.addPerson({id, "人员" + std::to_string(k), unit, "", std::nullopt});
        r.addBadge("05" + std::to_string(100000 + k), id, now - 72h);
    }
    for (int v = 0; v < kVenues; ++v) {
        r.addVenue("v" + std::to_string(v), "会场" + std::to_string(v));
        r.addReader({"rv" + std::to_string(v), "v" + std::to_string(v), core::ReaderDirection::In}, now - 72h);
    }
    auto tap = db.prepare("INSERT INTO taps(reader_id, seq, badge_uid, at_ms, direction, venue_id, source, "
                          "received_ms) VALUES (?,?,?,?,NULL,?,'reader',?)");
    std::vector<std::int64_t> seq(kVenues, 0);
    for (int i = 0; i < meetings; ++i) {
        const int v = i % kVenues;
        core::Meeting m;
        m.id = "busy-" + std::to_string(i);
        m.title = "调度会" + std::to_string(i);
        m.venues = {"v" + std::to_string(v)};
        m.times.start = now - 40h + std::chrono::minutes(3 * i);
        m.times.end = m.times.start + 30min;
        m.times.opening = m.times.start - 10min;
        r.addMeeting(m, now - 72h);
        r.addInvite(m.id, {std::string("州直机关/州统计局"), std::nullopt});
        for (int k = 0; k < persons; ++k) {
            const auto at = common::toMillis(m.times.start - 5min + std::chrono::seconds(k));
            tap.bind(1, "rv" + std::to_string(v))
                .bind(2, ++seq[v])
                .bind(3, "05" + std::to_string(100000 + k))
                .bind(4, at)
                .bind(5, "v" + std::to_string(v))
                .bind(6, at);
            tap.run();
        }
    }
    tx.commit();
}

class HubAdminCancel : public ::testing::Test {
protected:
    void SetUp() override
    {
        seedHubRecord(db_);
        seedBusyDays(db_, 600, 120);
        hub_ = std::make_unique<HubProcess>(db_, keys_.hubArgs());
    }

    /// The long command: the last three days' report by unit, every meeting evaluated from its taps.
    static protocol::AdminRequest longReport(const std::string& id)
    {
        const auto zone = core::Zone("Asia/Shanghai");
        const auto now = common::fromMillis(nowMs());
        return {id,
                {"report", "period", "--from", zone.formatDate(now - 72h), "--to", zone.formatDate(now), "--by", "unit",
                 "--json"},
                {}};
    }
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
