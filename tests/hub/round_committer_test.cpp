// RoundCommitter: the hub's committer thread runs the writer's jobs in the
// order submitted, on a thread of its own named for the benchmark's CPU
// shares, and tells the writer when each is done.
#include "hub/service/round_committer.h"

#include <atomic>
#include <future>
#include <gtest/gtest.h>
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

TEST(RoundCommitter, runsJobsInOrderOnTheCommitterThread)
{
    std::atomic<int> wakeUps{0};
    std::promise<void> woken; // the writer's wake-up, after each job
    service::RoundCommitter committer([&] {
        if (++wakeUps == 2) woken.set_value();
    });
    std::vector<int> order; // written by the committer only, read after waitIdle()
    std::string name;
    std::promise<void> release;
    auto gate = release.get_future();
    const auto first = committer.submit([&] {
        gate.wait(); // holds the committer until the test has queued the rest
        name = threadName();
        order.push_back(1);
    });
    const auto second = committer.submit([&] { order.push_back(2); });
    EXPECT_FALSE(committer.done(first));
    EXPECT_FALSE(committer.done(second));
    release.set_value();
    committer.waitFor(first);
    EXPECT_TRUE(committer.done(first));
    committer.waitIdle();
    EXPECT_TRUE(committer.done(second));
    EXPECT_EQ(order, (std::vector<int>{1, 2}));
    EXPECT_EQ(name, "hub-committer");
    woken.get_future().wait();
    EXPECT_EQ(wakeUps.load(), 2) << "the writer is woken after each job";
}

TEST(RoundCommitter, finishesQueuedJobsBeforeItStops)
{
    std::atomic<int> ran{0};
    {
        service::RoundCommitter committer(nullptr);
        for (int i = 0; i < 5; ++i) committer.submit([&] { ++ran; });
    }
    EXPECT_EQ(ran.load(), 5);
}

} // namespace
