// RoundCommitter: the hub's committer thread runs the writer's jobs in the
// order submitted, on a thread of its own named for the benchmark's CPU
// shares, tells the writer when each is done, and commits the rounds queued
// together in one transaction — all of them or, if one fails, none.
#include "hub/service/round_committer.h"
#include "tests/support/temp_dir.h"

#include <atomic>
#include <future>
#include <gtest/gtest.h>
#include <map>
#include <pthread.h>
#include <string>
#include <vector>

using namespace rollcall;

namespace {

std::string threadName()
{
    char name[32] = {};
    ::pthread_getname_np(::pthread_self(), name, sizeof name);
    return name;
}

class RoundCommitterTest : public ::testing::Test {
protected:
    RoundCommitterTest() { db_.exec("CREATE TABLE taps(n INTEGER PRIMARY KEY)"); }

    /// A round whose inserts put `n` in the table; its outcome lands in `outcomes_[n]`.
    std::uint64_t submitRound(service::RoundCommitter& committer, int n)
    {
        return committer.submitRound(
            [this, n] { db_.exec("INSERT INTO taps(n) VALUES (" + std::to_string(n) + ")"); },
            [this, n](std::exception_ptr failure) { outcomes_[n] = failure ? "failed" : "ok"; });
    }
    /// Holds the committer in a job of its own until release() (the test queues rounds meanwhile).
    void hold(service::RoundCommitter& committer)
    {
        committer.submit([gate = release_.get_future().share()] { gate.wait(); });
    }
    void release() { release_.set_value(); }
    [[nodiscard]] std::vector<int> recorded()
    {
        std::vector<int> ns;
        auto s = db_.prepare("SELECT n FROM taps ORDER BY n");
        while (s.step()) ns.push_back(static_cast<int>(s.getInt(0)));
        return ns;
    }

    test::TempDir dir_;
    common::Database db_{dir_.file("record.db")};
    std::map<int, std::string> outcomes_; // written by the committer only, read after waitIdle()
    std::promise<void> release_;
};

TEST_F(RoundCommitterTest, runsJobsInOrderOnTheCommitterThread)
{
    std::atomic<int> wakeUps{0};
    std::promise<void> woken; // the writer's wake-up, after each job
    service::RoundCommitter committer(db_, [&] {
        if (++wakeUps == 2) woken.set_value();
    });
    std::vector<int> order; // written by the committer only, read after waitIdle()
    std::string name;
    std::promise<void> gate;
    auto opened = gate.get_future();
    const auto first = committer.submit([&] {
        opened.wait(); // holds the committer until the test has queued the rest
        name = threadName();
        order.push_back(1);
    });
    const auto second = committer.submit([&] { order.push_back(2); });
    EXPECT_FALSE(committer.done(first));
    EXPECT_FALSE(committer.done(second));
    gate.set_value();
    committer.waitFor(first);
    EXPECT_TRUE(committer.done(first));
    committer.waitIdle();
    EXPECT_TRUE(committer.done(second));
    EXPECT_EQ(order, (std::vector<int>{1, 2}));
    EXPECT_EQ(name, "hub-committer");
    woken.get_future().wait();
    EXPECT_EQ(wakeUps.load(), 2) << "the writer is woken after each job";
}

TEST_F(RoundCommitterTest, finishesQueuedJobsBeforeItStops)
{
    std::atomic<int> ran{0};
    {
        service::RoundCommitter committer(db_, nullptr);
        for (int i = 0; i < 5; ++i) committer.submit([&] { ++ran; });
        for (int n = 1; n <= 3; ++n) submitRound(committer, n);
    }
    EXPECT_EQ(ran.load(), 5);
    EXPECT_EQ(recorded(), (std::vector<int>{1, 2, 3}));
}

TEST_F(RoundCommitterTest, roundsQueuedTogetherShareOneCommit)
{
    service::RoundCommitter committer(db_, nullptr);
    hold(committer);
    std::vector<std::uint64_t> tickets;
    for (int n = 1; n <= 3; ++n) tickets.push_back(submitRound(committer, n));
    EXPECT_FALSE(committer.done(tickets.front()));
    release();
    committer.waitIdle();
    EXPECT_EQ(committer.groups(), 1u) << "three rounds, one transaction";
    EXPECT_EQ(recorded(), (std::vector<int>{1, 2, 3}));
    EXPECT_EQ(outcomes_, (std::map<int, std::string>{{1, "ok"}, {2, "ok"}, {3, "ok"}}));

    // A round alone is a group of its own.
    committer.waitFor(submitRound(committer, 4));
    EXPECT_EQ(committer.groups(), 2u);
    EXPECT_EQ(outcomes_.at(4), "ok");
}

TEST_F(RoundCommitterTest, aRoundThatFailsFailsItsWholeGroupAndLeavesNothingOfIt)
{
    service::RoundCommitter committer(db_, nullptr);
    submitRound(committer, 7);
    committer.waitIdle();
    hold(committer);
    submitRound(committer, 1);
    submitRound(committer, 7); // the primary key is taken: its insert throws
    submitRound(committer, 2);
    release();
    committer.waitIdle();
    EXPECT_EQ(recorded(), (std::vector<int>{7})) << "rolled back: nothing of the group is in the record";
    EXPECT_EQ(outcomes_.at(1), "failed");
    EXPECT_EQ(outcomes_.at(7), "failed");
    EXPECT_EQ(outcomes_.at(2), "failed");

    // The connection is usable again: the statements were reset, the transaction ended.
    committer.waitFor(submitRound(committer, 3));
    EXPECT_EQ(outcomes_.at(3), "ok");
    EXPECT_EQ(recorded(), (std::vector<int>{3, 7}));
}

TEST_F(RoundCommitterTest, aJobOfItsOwnEndsAGroup)
{
    service::RoundCommitter committer(db_, nullptr);
    hold(committer);
    submitRound(committer, 1);
    std::vector<int> seen; // what a job between the rounds saw committed
    committer.submit([&] {
        auto s = db_.prepare("SELECT count(*) FROM taps");
        (void)s.step();
        seen.push_back(static_cast<int>(s.getInt(0)));
    });
    submitRound(committer, 2);
    release();
    committer.waitIdle();
    EXPECT_EQ(seen, (std::vector<int>{1})) << "the job runs after the round before it committed";
    EXPECT_EQ(committer.groups(), 2u);
    EXPECT_EQ(recorded(), (std::vector<int>{1, 2}));
}

} // namespace
