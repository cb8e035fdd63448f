// LiveState in process, on a real SQLite record, when a write fails: what it
// keeps in memory must match what was committed (issue 10), also when the
// writer judged the next round on top of the one whose commit failed.
#include "tests/hub/live_state_fixture.h"

#include <gtest/gtest.h>

using namespace rollcall;
using namespace rollcall::test;
using namespace std::chrono_literals;

namespace {

class LiveStateWriteFailure : public LiveStateFixture {
protected:
    protocol::Heartbeat beat(const std::string& reader, common::TimePoint at)
    {
        protocol::Heartbeat hb;
        hb.reader_id = reader;
        hb.agent_clock_ms = common::toMillis(at);
        hb.reader_state = protocol::ReaderState::Ok;
        hb.agent_version = "test";
        return hb;
    }
    /// (from_ms, to_ms) of every uptime span of `reader`.
    std::vector<std::pair<std::int64_t, std::int64_t>> spans(const std::string& reader)
    {
        auto s = db_->prepare("SELECT from_ms, to_ms FROM reader_uptime WHERE reader_id = ? ORDER BY id");
        s.bind(1, reader);
        std::vector<std::pair<std::int64_t, std::int64_t>> out;
        while (s.step()) out.emplace_back(s.getInt(0), s.getInt(1));
        return out;
    }
};

TEST_F(LiveStateWriteFailure, failedHealthCommitLeavesNoStaleSpanToStretchAnotherReaders)
{
    state_->heartbeat(beat("r-annex", t0_), t0_);
    state_->heartbeat(beat("r-hall", t0_), t0_);
    // r-annex's new span is inserted, then r-hall's fails: the transaction rolls back.
    db_->exec("CREATE TRIGGER inject BEFORE INSERT ON reader_uptime WHEN NEW.reader_id = 'r-hall' "
              "BEGIN SELECT RAISE(ABORT, 'injected failure'); END");
    EXPECT_THROW(state_->tick(t0_ + 1s), common::DatabaseError);
    EXPECT_TRUE(spans("r-annex").empty());
    db_->exec("DROP TRIGGER inject");
    state_->tick(t0_ + 2s); // both spans are written now
    state_->heartbeat(beat("r-annex", t0_ + 20s), t0_ + 20s);
    state_->tick(t0_ + 21s);
    const auto t0 = common::toMillis(t0_);
    EXPECT_EQ(spans("r-annex"), (std::vector<std::pair<std::int64_t, std::int64_t>>{{t0, t0 + 20'000}}));
    EXPECT_EQ(spans("r-hall"), (std::vector<std::pair<std::int64_t, std::int64_t>>{{t0, t0}}))
        << "r-hall's span must not be stretched with r-annex's times";
}

TEST_F(LiveStateWriteFailure, failedBatchCountsNothingAndTheNextBatchIsRecorded)
{
    std::vector<service::IncomingTap> batch{{"peer", makeTap("r-hall", 1, "04A1B2C1", common::toMillis(t0_))},
                                            {"peer", makeTap("r-hall", 2, "04A1B2C2", common::toMillis(t0_))}};
    db_->exec("CREATE TRIGGER inject BEFORE INSERT ON taps WHEN NEW.badge_uid = '04A1B2C2' "
              "BEGIN SELECT RAISE(ABORT, 'injected failure'); END");
    auto copy = batch;
    EXPECT_THROW((void)state_->ingest(copy, t0_), common::DatabaseError);
    EXPECT_EQ(state_->counters().recorded, 0u);
    EXPECT_EQ(countRows(path_, "SELECT count(*) FROM taps"), 0);
    db_->exec("DROP TRIGGER inject");
    // The kept insert statement works again (it was reset after its failed step).
    const auto acks = state_->ingest(batch, t0_ + 1s);
    ASSERT_EQ(acks.size(), 2u);
    for (const auto& a : acks) EXPECT_EQ(std::get<protocol::Ack>(a.reply).verdict, protocol::Verdict::Present);
    EXPECT_EQ(state_->counters().recorded, 2u);
    EXPECT_EQ(countRows(path_, "SELECT count(*) FROM taps"), 2);
}

TEST_F(LiveStateWriteFailure, failedRoundAndTheRoundJudgedOnTopOfItAreRecordedOnceOnRetry)
{
    const auto now = common::toMillis(t0_);
    const std::vector<service::IncomingTap> first{{"a", makeTap("r-annex", 1, "04A1B2C3", now)},
                                                  {"b", makeTap("r-hall", 1, "04A1B2C2", now)}};
    const std::vector<service::IncomingTap> second{{"c", makeTap("r-annex", 2, "04A1B2C4", now + 1000)},
                                                   {"d", makeTap("r-annex", 3, "04A1B2C3", now + 120'000)}};
    // The writer judges the second round while the first commits, and the first commit fails.
    auto n = state_->judge(std::vector(first), t0_);
    auto next = state_->judge(std::vector(second), t0_);
    ASSERT_TRUE(n.complete() && next.complete());
    db_->exec("CREATE TRIGGER inject BEFORE INSERT ON taps WHEN NEW.badge_uid = '04A1B2C2' "
              "BEGIN SELECT RAISE(ABORT, 'injected failure'); END");
    EXPECT_THROW(state_->commitRound(n), common::DatabaseError);
    state_->abandon(t0_); // both rounds are held; the tracker took both
    db_->exec("DROP TRIGGER inject");
    EXPECT_EQ(state_->counters().recorded, 0u);
    EXPECT_EQ(countRows(path_, "SELECT count(*) FROM taps"), 0);
    // The retry, in order: each tap recorded once, with the verdicts of a run without the failure.
    auto retryFirst = first, retrySecond = second;
    const auto acksFirst = state_->ingest(retryFirst, t0_ + 1s);
    const auto acksSecond = state_->ingest(retrySecond, t0_ + 1s);
    ASSERT_EQ(acksFirst.size(), 2u);
    ASSERT_EQ(acksSecond.size(), 2u);
    EXPECT_EQ(std::get<protocol::Ack>(acksFirst[0].reply).verdict, protocol::Verdict::Late);
    EXPECT_EQ(std::get<protocol::Ack>(acksFirst[1].reply).verdict, protocol::Verdict::Present);
    EXPECT_EQ(std::get<protocol::Ack>(acksSecond[0].reply).verdict, protocol::Verdict::Late)
        << "p4's check-in, not counted as a duplicate of the rolled-back round";
    EXPECT_EQ(state_->counters().recorded, 4u);
    EXPECT_EQ(countRows(path_, "SELECT count(*) FROM taps"), 4);
    EXPECT_EQ(countRows(path_, "SELECT count(DISTINCT reader_id || '/' || seq) FROM taps"), 4);
}

} // namespace
