// TapIngest in process, on a real SQLite record: how each kind of tap in a
// round is answered and recorded (new, re-sent, unknown reader, seq conflict,
// seq out of window, out of time order), what a welcome's last seq counts,
// and that live updates wait for publishPending().
#include "hub/service/tap_ingest.h"
#include "tests/support/seeded_hub_record.h"

#include <gtest/gtest.h>

using namespace rollcall;
using namespace rollcall::test;
using namespace std::chrono_literals;

namespace {

class TapIngestTest : public SeededHubRecord {
protected:
    void SetUp() override
    {
        publisher_ = std::make_unique<service::LivePublisher>(ctx_, "tcp://127.0.0.1:*", t0_);
        live_ = std::make_unique<service::LiveTracker>(*db_, config_, *publisher_, directory_);
        ingest_ = std::make_unique<service::TapIngest>(*db_, config_, directory_, *live_, *publisher_);
        directory_.load(*db_);
        ingest_->loadSeqs();
        live_->reload(t0_);
    }
    /// Ingests one tap in a round of its own.
    service::TapIngest::Round one(const protocol::Tap& tap)
    {
        std::vector<service::IncomingTap> batch{{"peer", tap}};
        return ingest_->ingest(batch, t0_);
    }
    static protocol::Verdict verdictOf(const service::OutgoingAck& a)
    {
        return std::get<protocol::Ack>(a.reply).verdict;
    }
    zmq::context_t ctx_;
    service::HubConfig config_;
    service::LiveDirectory directory_;
    std::unique_ptr<service::LivePublisher> publisher_;
    std::unique_ptr<service::LiveTracker> live_;
    std::unique_ptr<service::TapIngest> ingest_;
};

TEST_F(TapIngestTest, eachKindOfTapIsAnsweredAndCountedAsItsRowSays)
{
    const auto now = common::toMillis(t0_);
    // Recorded first: the taps the later rows re-send or collide with.
    ASSERT_EQ(verdictOf(one(makeTap("r-hall", 1, "04A1B2C1", now)).acks.front()), protocol::Verdict::Present);
    struct Case {
        const char* name;
        protocol::Tap tap;
        std::optional<protocol::Verdict> verdict; // nullopt: refused with an Error of this code
        std::string errorCode;
        std::int64_t taps;        // rows in taps afterwards
        std::int64_t quarantined; // rows in quarantined_taps afterwards
    };
    const std::vector<Case> cases{
        {"a re-send gets its first verdict", makeTap("r-hall", 1, "04A1B2C1", now), protocol::Verdict::Present, "", 1,
         0},
        {"an unknown reader's tap is kept aside", makeTap("r-ghost", 1, "04A1B2C1", now),
         protocol::Verdict::UnknownReader, "", 1, 1},
        {"another tap under a recorded seq is refused", makeTap("r-hall", 1, "04A1B2C2", now), std::nullopt,
         "seq_conflict", 1, 2},
        {"a seq far beyond the reader's is refused", makeTap("r-hall", 1'000'000, "04A1B2C2", now), std::nullopt,
         "seq_out_of_window", 1, 3},
        {"a late check-in at the meeting under way", makeTap("r-annex", 1, "04A1B2C3", now), protocol::Verdict::Late,
         "", 2, 3},
    };
    for (const auto& c : cases) {
        const auto round = one(c.tap);
        ASSERT_EQ(round.acks.size(), 1u) << c.name;
        EXPECT_EQ(round.acks.front().peer, "peer") << c.name;
        if (c.verdict) {
            ASSERT_TRUE(std::holds_alternative<protocol::Ack>(round.acks.front().reply)) << c.name;
            EXPECT_EQ(verdictOf(round.acks.front()), *c.verdict) << c.name;
        } else {
            ASSERT_TRUE(std::holds_alternative<protocol::Error>(round.acks.front().reply)) << c.name;
            EXPECT_EQ(std::get<protocol::Error>(round.acks.front().reply).code, c.errorCode) << c.name;
        }
        EXPECT_EQ(countRows(path_, "SELECT count(*) FROM taps"), c.taps) << c.name;
        EXPECT_EQ(countRows(path_, "SELECT count(*) FROM quarantined_taps"), c.quarantined) << c.name;
    }
    const auto& n = ingest_->counters();
    EXPECT_EQ(n.recorded, 2u);
    EXPECT_EQ(n.resent, 1u);
    EXPECT_EQ(n.quarantined, 1u);
    EXPECT_EQ(n.conflicts, 1u);
    EXPECT_EQ(n.seqJumps, 1u);
    EXPECT_EQ(n.batches, 6u);
}

TEST_F(TapIngestTest, resentTapIsAckedWithTheHoldersNameAndNotRecordedTwice)
{
    const auto tap = makeTap("r-hall", 1, "04A1B2C1", common::toMillis(t0_));
    const auto first = std::get<protocol::Ack>(one(tap).acks.front().reply);
    const auto again = std::get<protocol::Ack>(one(tap).acks.front().reply);
    EXPECT_EQ(again.verdict, first.verdict);
    EXPECT_NE(again.text.find("张三"), std::string::npos) << again.text;
    EXPECT_EQ(countRows(path_, "SELECT count(*) FROM taps"), 1);
}

TEST_F(TapIngestTest, olderTapOfThePersonGetsItsVerdictByReplayAndAsksForAReload)
{
    const auto now = common::toMillis(t0_);
    EXPECT_FALSE(one(makeTap("r-annex", 1, "04A1B2C3", now)).reloadNeeded);
    // An agent's backlog: p3 tapped a minute earlier, before the tap already tracked.
    const auto round = one(makeTap("r-annex", 2, "04A1B2C3", now - 60'000));
    EXPECT_TRUE(round.reloadNeeded) << "the tracker did not see the older tap";
    EXPECT_EQ(verdictOf(round.acks.front()), protocol::Verdict::Late);
    EXPECT_EQ(ingest_->counters().replayed, 1u);
    EXPECT_EQ(countRows(path_, "SELECT count(*) FROM taps WHERE seq = 2 AND verdict = 'late'"), 1);
}

TEST_F(TapIngestTest, welcomesLastSeqCountsQuarantinedTapsToo)
{
    EXPECT_EQ(ingest_->lastSeq("r-hall"), 0u);
    (void)one(makeTap("r-hall", 3, "04A1B2C1", common::toMillis(t0_)));
    EXPECT_EQ(ingest_->lastSeq("r-hall"), 3u);
    (void)one(makeTap("r-ghost", 7, "04A1B2C1", common::toMillis(t0_)));
    EXPECT_EQ(ingest_->lastSeq("r-ghost"), 7u);
}

TEST_F(TapIngestTest, liveUpdatesWaitForPublishPending)
{
    const auto seq = publisher_->lastSeq("m-now");
    (void)one(makeTap("r-annex", 1, "04A1B2C3", common::toMillis(t0_)));
    EXPECT_EQ(publisher_->lastSeq("m-now"), seq) << "nothing before the acks are out";
    ingest_->publishPending();
    EXPECT_GT(publisher_->lastSeq("m-now"), seq);
    EXPECT_EQ(live_->recentTaps("m-now").size(), 1u);
}

} // namespace
