// Alarms acknowledged at a desk, over the real hub on TCP (issue 16): a lost
// card used at a door, then acknowledged with the real rollcallctl, reaches a
// board on the live feed; a board that connects afterwards finds the
// acknowledgement in its snapshot, and a reader's only while its outage lasts.
#include "tests/support/child_process.h"
#include "tests/support/hub_process.h"
#include "tests/support/hub_seed.h"
#include "tests/support/temp_dir.h"

#include <gtest/gtest.h>
#include <optional>

using namespace rollcall;
using namespace rollcall::test;
using protocol::Verdict;

namespace {

/// The acknowledgement of `source`'s alarm in a snapshot, if it carries one
/// (a copy: the snapshot is often a temporary).
std::optional<protocol::Alarm> ackOf(const protocol::Snapshot& s, const std::string& source)
{
    for (const auto& a : s.alarms) {
        if (a.reader_id == source && a.ack_by) return a;
    }
    return std::nullopt;
}

class HubAlarmAcks : public ::testing::Test {
protected:
    void SetUp() override { seedHubRecord(db_); }

    /// Runs the real rollcallctl on the hub's record as `who`; expects success.
    void rollcallctl(const std::string& who, const std::vector<std::string>& args)
    {
        std::vector<std::string> argv{std::string(ROLLCALL_BINARY_DIR) + "/hub/rollcallctl", "--db", db_, "--operator",
                                      who};
        argv.insert(argv.end(), args.begin(), args.end());
        ChildProcess ctl(argv);
        EXPECT_EQ(ctl.wait(), 0) << ctl.output();
    }

    TempDir dir_;
    std::string db_ = dir_.file("record.db");
    zmq::context_t ctx_;
};

} // namespace

TEST_F(HubAlarmAcks, aLostCardTapThenItsAcknowledgementReachABoardAndALaterSnapshot)
{
    rollcallctl("operator", {"badge", "revoke", "04A1B2C3", "--reason", "lost"});
    HubProcess hub(db_);
    LiveSubscriber live(ctx_, hub.endpoints().live, "m-now");
    AgentClient agent(ctx_, hub.endpoints().taps);
    ASSERT_TRUE(waitUntilSubscribed(agent, live, "r-annex"));

    EXPECT_EQ(agent.tap(makeTap("r-annex", 1, "04A1B2C3")).verdict, Verdict::RevokedBadge);
    const auto tap = live.waitFor([](const protocol::Update& u) {
        const auto* t = std::get_if<protocol::TapEvent>(&u.payload);
        return t && t->badge_uid == "04A1B2C3" && t->verdict == Verdict::RevokedBadge;
    });
    ASSERT_TRUE(tap.has_value()) << "the lost card's tap is the board's alarm";

    rollcallctl("huiwuzu-1",
                {"alarm", "ack", "--source", "04A1B2C3", "--code", "revoked_badge", "--note", "已收卡，本人在场"});
    const auto ack = live.waitFor([](const protocol::Update& u) {
        const auto* a = std::get_if<protocol::Alarm>(&u.payload);
        return a && a->reader_id == "04A1B2C3" && a->ack_by;
    });
    ASSERT_TRUE(ack.has_value()) << hub.process().output();
    const auto& alarm = std::get<protocol::Alarm>(ack->payload);
    EXPECT_EQ(alarm.code, "revoked_badge");
    EXPECT_EQ(*alarm.ack_by, "huiwuzu-1");
    EXPECT_EQ(alarm.ack_note.value_or(""), "已收卡，本人在场");
    ASSERT_TRUE(alarm.ack_ms.has_value());
    EXPECT_GE(*alarm.ack_ms, std::get<protocol::TapEvent>(tap->payload).at_ms);

    // A board that connects now: the tap among its recent taps, the acknowledgement among its alarms.
    QueryClient query(ctx_, hub.endpoints().query);
    const auto snap = query.snapshot("m-now");
    ASSERT_FALSE(snap.recent_taps.empty());
    EXPECT_EQ(snap.recent_taps.front().verdict, Verdict::RevokedBadge);
    const auto late = ackOf(snap, "04A1B2C3");
    ASSERT_TRUE(late.has_value());
    EXPECT_EQ(*late, alarm) << "the snapshot carries it as the live feed did";
    // Another meeting's board is told too: a lost card is everyone's alarm.
    EXPECT_TRUE(ackOf(query.snapshot("m-soon"), "04A1B2C3").has_value());
}

TEST_F(HubAlarmAcks, aReadersAcknowledgementIsInTheSnapshotOnlyWhileItsOutageLasts)
{
    const auto config = dir_.write("hub.toml", "[readers]\noffline_after = \"1s\"\n[ingest]\ntick = \"100ms\"\n");
    HubProcess hub(db_, {"--config", config});
    LiveSubscriber live(ctx_, hub.endpoints().live, "m-now");
    QueryClient query(ctx_, hub.endpoints().query);
    AgentClient agent(ctx_, hub.endpoints().taps);
    ASSERT_TRUE(waitUntilSubscribed(agent, live, "r-annex"));
    // No more heartbeats: offline after 1 s, while m-now is in progress at the annex.
    ASSERT_TRUE(live.waitFor(
        [](const protocol::Update& u) {
            const auto* a = std::get_if<protocol::Alarm>(&u.payload);
            return a && a->reader_id == "r-annex" && a->active && !a->ack_by;
        },
        std::chrono::seconds(5)));
    EXPECT_TRUE(query.snapshot("m-now").alarms.empty()) << "nothing acknowledged yet";

    rollcallctl("huiwuzu-1", {"alarm", "ack", "--source", "r-annex", "--code", "reader_offline", "--note", "已派人"});
    ASSERT_TRUE(live.waitFor([](const protocol::Update& u) {
        const auto* a = std::get_if<protocol::Alarm>(&u.payload);
        return a && a->reader_id == "r-annex" && a->ack_by;
    }));
    const auto snap = query.snapshot("m-now");
    const auto during = ackOf(snap, "r-annex");
    ASSERT_TRUE(during.has_value());
    EXPECT_TRUE(during->active);
    EXPECT_EQ(during->ack_note.value_or(""), "已派人");
    EXPECT_FALSE(ackOf(query.snapshot("m-soon"), "r-annex").has_value())
        << "the annex's reader is not the hall's board's";

    // Heard from again: the outage is over, and with it the acknowledgement.
    agent.send(protocol::Heartbeat{"r-annex", nowMs(), 0, protocol::ReaderState::Ok, "", "test-1.0"});
    ASSERT_TRUE(live.waitFor([](const protocol::Update& u) {
        const auto* h = std::get_if<protocol::ReaderHealth>(&u.payload);
        return h && h->reader_id == "r-annex" && h->online;
    }));
    EXPECT_FALSE(ackOf(query.snapshot("m-now"), "r-annex").has_value());
}

namespace {

/// A badge nobody was given, one per `n`.
std::string newerBadge(std::uint64_t n) { return "DEAD" + std::to_string(1000 + n); }

/// The raised (not acknowledgement) alarm of `source` in a snapshot, if it carries one (a copy).
std::optional<protocol::Alarm> raisedIn(const protocol::Snapshot& s, const std::string& source)
{
    for (const auto& a : s.alarms) {
        if (a.reader_id == source && !a.ack_by) return a;
    }
    return std::nullopt;
}

} // namespace

TEST_F(HubAlarmAcks, aLostCardsAlarmStandsInTheSnapshotAfterTheFeedMovedOnAndAfterARestart)
{
    rollcallctl("operator", {"badge", "revoke", "04A1B2C3", "--reason", "lost"});
    auto hub = std::make_unique<HubProcess>(db_);
    {
        LiveSubscriber live(ctx_, hub->endpoints().live, "m-now");
        AgentClient agent(ctx_, hub->endpoints().taps);
        ASSERT_TRUE(waitUntilSubscribed(agent, live, "r-annex"));
        EXPECT_EQ(agent.tap(makeTap("r-annex", 1, "04A1B2C3")).verdict, Verdict::RevokedBadge);
        const auto raised = live.waitFor([](const protocol::Update& u) {
            const auto* a = std::get_if<protocol::Alarm>(&u.payload);
            return a && a->reader_id == "04A1B2C3" && !a->ack_by;
        });
        ASSERT_TRUE(raised.has_value()) << "the tap raises the card's standing alarm on the live feed";
        const auto& alarm = std::get<protocol::Alarm>(raised->payload);
        EXPECT_TRUE(alarm.active);
        EXPECT_EQ(alarm.code, "revoked_badge");
        ASSERT_EQ(alarm.params.size(), 6u);
        EXPECT_EQ(std::vector<std::string>(alarm.params.begin(), alarm.params.begin() + 5),
                  (std::vector<std::string>{"04A1B2C3", "ئابدۇرېھىم", "lost", "r-annex", "annex"}));
        EXPECT_GT(std::stoll(alarm.params[5]), 0) << "the tap's time";
        // 60 newer taps (badges nobody was given, each its own): the feed keeps 50.
        for (std::uint64_t seq = 2; seq <= 61; ++seq) (void)agent.tap(makeTap("r-annex", seq, newerBadge(seq)));
        QueryClient query(ctx_, hub->endpoints().query);
        const auto snap = query.snapshot("m-now");
        for (const auto& t : snap.recent_taps) ASSERT_NE(t.verdict, Verdict::RevokedBadge) << "gone from the feed";
        const auto standing = raisedIn(snap, "04A1B2C3");
        ASSERT_TRUE(standing.has_value()) << "the snapshot carries it whatever the feed holds";
        EXPECT_EQ(*standing, alarm);
        EXPECT_FALSE(raisedIn(query.snapshot("m-soon"), "04A1B2C3").has_value()) << "the hall's board: another venue";
    }
    hub.reset();
    hub = std::make_unique<HubProcess>(db_);
    QueryClient query(ctx_, hub->endpoints().query);
    const auto again = raisedIn(query.snapshot("m-now"), "04A1B2C3");
    ASSERT_TRUE(again.has_value()) << "derived from the record after a restart";
    EXPECT_TRUE(again->active);
}

TEST_F(HubAlarmAcks, aFaultyReadersAcknowledgementIsPublishedActiveAndStandsWhileTheFaultLasts)
{
    const auto config = dir_.write("hub.toml", "[ingest]\ntick = \"100ms\"\n");
    HubProcess hub(db_, {"--config", config});
    LiveSubscriber live(ctx_, hub.endpoints().live, "m-now");
    QueryClient query(ctx_, hub.endpoints().query);
    AgentClient agent(ctx_, hub.endpoints().taps);
    ASSERT_TRUE(waitUntilSubscribed(agent, live, "r-annex"));
    // Heard from, but its NFC reader is gone: a fault while m-now is in progress at the annex.
    agent.send(protocol::Heartbeat{"r-annex", nowMs(), 0, protocol::ReaderState::NoReader, "unplugged", "test-1.0"});
    ASSERT_TRUE(live.waitFor([](const protocol::Update& u) {
        const auto* h = std::get_if<protocol::ReaderHealth>(&u.payload);
        return h && h->reader_id == "r-annex" && h->reader_state == protocol::ReaderState::NoReader;
    }));

    rollcallctl("huiwuzu-1", {"alarm", "ack", "--source", "r-annex", "--code", "reader_fault", "--note", "已换读卡器"});
    const auto ack = live.waitFor([](const protocol::Update& u) {
        const auto* a = std::get_if<protocol::Alarm>(&u.payload);
        return a && a->reader_id == "r-annex" && a->ack_by;
    });
    ASSERT_TRUE(ack.has_value()) << hub.process().output();
    EXPECT_TRUE(std::get<protocol::Alarm>(ack->payload).active) << "the fault is raised: the acknowledgement says so";
    const auto during = ackOf(query.snapshot("m-now"), "r-annex");
    ASSERT_TRUE(during.has_value()) << "a board joining now is told";
    EXPECT_EQ(during->code, "reader_fault");
    EXPECT_TRUE(during->active);

    // Its reader back: the fault is over, and with it the acknowledgement.
    agent.send(protocol::Heartbeat{"r-annex", nowMs(), 0, protocol::ReaderState::Ok, "", "test-1.0"});
    ASSERT_TRUE(live.waitFor([](const protocol::Update& u) {
        const auto* h = std::get_if<protocol::ReaderHealth>(&u.payload);
        return h && h->reader_id == "r-annex" && h->reader_state == protocol::ReaderState::Ok;
    }));
    EXPECT_FALSE(ackOf(query.snapshot("m-now"), "r-annex").has_value());
}
