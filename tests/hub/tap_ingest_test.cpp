// TapIngest in process, on a real SQLite record: how each kind of tap in a
// round is answered and recorded (new, re-sent, unknown reader, seq conflict,
// seq out of window, out of time order), what a welcome's last seq counts,
// and that live updates wait for publishPending(); and the pipeline's steps
// (judge in memory, commit, finish): a round judged on top of one not yet
// committed, a round that needs the record half way, a row another writer
// recorded first.
#include "hub/service/tap_ingest.h"
#include "tests/support/seeded_hub_record.h"
#include "tests/support/temp_dir.h"

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

TEST_F(TapIngestTest, judgedRoundTouchesNoRecordAndCountsNothingUntilFinished)
{
    const auto now = common::toMillis(t0_);
    auto round = ingest_->judge(
        {{"peer", makeTap("r-hall", 1, "04A1B2C1", now)}, {"peer", makeTap("r-annex", 1, "04A1B2C3", now)}}, t0_);
    ASSERT_TRUE(round.complete());
    EXPECT_EQ(countRows(path_, "SELECT count(*) FROM taps"), 0) << "judging writes nothing";
    ingest_->commitRound(round);
    EXPECT_EQ(countRows(path_, "SELECT count(*) FROM taps"), 2);
    EXPECT_EQ(ingest_->counters().recorded, 0u) << "counted once answered";
    const auto answered = ingest_->finish(round);
    ASSERT_EQ(answered.acks.size(), 2u);
    EXPECT_EQ(verdictOf(answered.acks[0]), protocol::Verdict::Present);
    EXPECT_EQ(verdictOf(answered.acks[1]), protocol::Verdict::Late);
    EXPECT_EQ(ingest_->counters().recorded, 2u);
    ingest_->publishPending();
    const auto board = live_->recentTaps("m-now");
    ASSERT_EQ(board.size(), 1u);
    EXPECT_EQ(board.front().tap_id,
              static_cast<std::uint64_t>(countRows(path_, "SELECT id FROM taps WHERE reader_id = 'r-annex'")))
        << "the board's tap carries its row's id";
}

TEST_F(TapIngestTest, roundJudgedOnTopOfAnUncommittedRoundGetsTheVerdictsOfOneAfterTheOther)
{
    const auto now = common::toMillis(t0_);
    const std::vector<std::vector<protocol::Tap>> rounds{
        {makeTap("r-annex", 1, "04A1B2C3", now), makeTap("r-hall", 1, "04A1B2C1", now)},
        {makeTap("r-annex", 2, "04A1B2C3", now + 90'000), makeTap("r-hall", 2, "04A1B2C1", now + 120'000),
         makeTap("r-annex", 3, "04A1B2C4", now + 120'000)},
    };
    const auto toBatch = [](const std::vector<protocol::Tap>& taps) {
        std::vector<service::IncomingTap> batch;
        for (const auto& t : taps) batch.push_back({"peer", t});
        return batch;
    };
    // One after the other, on a record of its own: what the pipeline must answer.
    std::vector<protocol::Verdict> expected;
    {
        TempDir other;
        const auto path = other.file("record.db");
        seedHubRecord(path);
        common::Database db(path);
        service::LiveDirectory directory;
        service::LivePublisher publisher(ctx_, "tcp://127.0.0.1:*", t0_);
        service::LiveTracker live(db, config_, publisher, directory);
        service::TapIngest ingest(db, config_, directory, live, publisher);
        directory.load(db);
        ingest.loadSeqs();
        live.reload(t0_);
        for (const auto& taps : rounds) {
            auto batch = toBatch(taps);
            for (const auto& a : ingest.ingest(batch, t0_).acks) expected.push_back(verdictOf(a));
        }
    }
    // Pipelined: the second round is judged before the first one commits.
    auto first = ingest_->judge(toBatch(rounds[0]), t0_);
    auto second = ingest_->judge(toBatch(rounds[1]), t0_);
    ASSERT_TRUE(first.complete() && second.complete());
    ingest_->commitRound(first);
    const auto firstAcks = ingest_->finish(first).acks;
    ingest_->commitRound(second);
    const auto secondAcks = ingest_->finish(second).acks;
    std::vector<protocol::Verdict> got;
    for (const auto* acks : {&firstAcks, &secondAcks}) {
        for (const auto& a : *acks) got.push_back(verdictOf(a));
    }
    EXPECT_EQ(got, expected);
    EXPECT_EQ(countRows(path_, "SELECT count(*) FROM taps"), 5);
    // The hash chain links the rows in the order they were judged.
    EXPECT_EQ(countRows(path_, "SELECT count(*) FROM taps a JOIN taps b ON b.id = a.id + 1 "
                               "WHERE b.at_ms < a.at_ms"),
              0);
}

TEST_F(TapIngestTest, roundThatMeetsAResendIsRecordedWholeInTheOrderJudged)
{
    const auto now = common::toMillis(t0_);
    ASSERT_EQ(verdictOf(one(makeTap("r-hall", 1, "04A1B2C1", now)).acks.front()), protocol::Verdict::Present);
    auto round = ingest_->judge({{"a", makeTap("r-annex", 1, "04A1B2C3", now)},
                                 {"b", makeTap("r-hall", 1, "04A1B2C1", now)},
                                 {"c", makeTap("r-annex", 2, "04A1B2C4", now)}},
                                t0_);
    EXPECT_FALSE(round.complete());
    EXPECT_EQ(round.judged, 1u) << "judged in memory up to the re-send";
    ingest_->recordRest(round);
    const auto answered = ingest_->finish(round);
    ASSERT_EQ(answered.acks.size(), 3u);
    EXPECT_EQ(answered.acks[0].peer, "a");
    EXPECT_EQ(answered.acks[1].peer, "b");
    EXPECT_EQ(answered.acks[2].peer, "c");
    EXPECT_EQ(verdictOf(answered.acks[0]), protocol::Verdict::Late);
    EXPECT_EQ(verdictOf(answered.acks[1]), protocol::Verdict::Present) << "the re-send's first verdict";
    EXPECT_EQ(verdictOf(answered.acks[2]), protocol::Verdict::Late);
    EXPECT_EQ(countRows(path_, "SELECT count(*) FROM taps"), 3);
    EXPECT_EQ(countRows(path_, "SELECT count(*) FROM taps WHERE reader_id = 'r-annex' AND seq = 1 AND id < "
                               "(SELECT id FROM taps WHERE reader_id = 'r-annex' AND seq = 2)"),
              1);
    EXPECT_EQ(ingest_->counters().recorded, 3u);
    EXPECT_EQ(ingest_->counters().resent, 1u);
}

TEST_F(TapIngestTest, rowAnotherWriterRecordedFirstIsAckedAsDuplicateAndAsksForAReload)
{
    const auto now = common::toMillis(t0_);
    auto round = ingest_->judge({{"peer", makeTap("r-annex", 5, "04A1B2C3", now)}}, t0_);
    ASSERT_TRUE(round.complete());
    // rollcallctl taps import of the reader's log, committed between the judgement and the commit.
    {
        common::Database other(path_);
        const core::Record chained(other); // registers the hash chain's functions its triggers call
        other.exec("INSERT INTO taps(reader_id, seq, badge_uid, at_ms, venue_id, source, received_ms) VALUES "
                   "('r-annex', 5, '04A1B2C3', "
                   + std::to_string(now) + ", 'annex', 'import', " + std::to_string(now) + ")");
    }
    ingest_->commitRound(round);
    const auto answered = ingest_->finish(round);
    ASSERT_EQ(answered.acks.size(), 1u);
    EXPECT_EQ(verdictOf(answered.acks.front()), protocol::Verdict::Duplicate);
    EXPECT_TRUE(answered.reloadNeeded);
    EXPECT_EQ(ingest_->counters().recorded, 0u);
    EXPECT_EQ(ingest_->counters().resent, 1u);
    EXPECT_EQ(countRows(path_, "SELECT count(*) FROM taps"), 1);
}

} // namespace
