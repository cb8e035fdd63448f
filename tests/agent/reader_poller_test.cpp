// ReaderPoller with the in-process fake reader: one tap per presentation,
// debounce, reopening a reader that went away, indication patterns.
#include "reader-agent/agent.h"
#include "reader-agent/fake/fake_card_reader.h"
#include "reader-agent/libnfc/libnfc_card_reader.h"
#include "reader-agent/reader_poller.h"

#include <gtest/gtest.h>
#include <poll.h>

using namespace rollcall;
using namespace rollcall::agent;
using PollerUnderTest = rollcall::agent::ReaderPoller;

static_assert(!std::is_copy_constructible_v<PollerUnderTest> && !std::is_copy_assignable_v<PollerUnderTest>);
static_assert(!std::is_copy_constructible_v<rollcall::agent::Agent>);
static_assert(!std::is_copy_constructible_v<rollcall::agent::HubLink>);
static_assert(!std::is_copy_constructible_v<rollcall::agent::LibnfcCardReader>);
using namespace std::chrono_literals;

namespace {

const CardUid kCardA{0x04, 0xA1, 0xB2, 0xC1};
const CardUid kCardB{0x04, 0xA1, 0xB2, 0xC2};

class ReaderPollerTest : public ::testing::Test {
protected:
    /// Next event from the poller, or nullopt after `timeout`.
    std::optional<ReaderEvent> next(std::chrono::milliseconds timeout = 5s)
    {
        const auto deadline = std::chrono::steady_clock::now() + timeout;
        while (pending_.empty()) {
            const auto left =
                std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
            if (left.count() <= 0) return std::nullopt;
            pollfd pfd{poller_.events().fd(), POLLIN, 0};
            if (::poll(&pfd, 1, static_cast<int>(left.count())) <= 0) continue;
            for (auto& e : poller_.events().drain()) pending_.push_back(std::move(e));
        }
        auto e = std::move(pending_.front());
        pending_.erase(pending_.begin());
        return e;
    }
    std::optional<CardTapped> nextTap(std::chrono::milliseconds timeout = 5s)
    {
        const auto deadline = std::chrono::steady_clock::now() + timeout;
        while (std::chrono::steady_clock::now() < deadline) {
            auto e = next(
                std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now()));
            if (!e) return std::nullopt;
            if (auto* t = std::get_if<CardTapped>(&*e)) return *t;
        }
        return std::nullopt;
    }
    std::optional<ReaderStatus> nextStatus(std::chrono::milliseconds timeout = 5s)
    {
        while (auto e = next(timeout)) {
            if (auto* s = std::get_if<ReaderStatus>(&*e)) return *s;
        }
        return std::nullopt;
    }
    /// Waits until the poller has polled `n` more times (it noticed whatever changed).
    void waitPolls(int n)
    {
        const int target = reader_.polls() + n;
        ASSERT_TRUE(reader_.waitFor([&](const FakeCardReader& r) { return r.pollsLocked() >= target; }, 5s));
    }

    FakeCardReader reader_{10ms};
    common::SystemClock clock_;
    ReaderPoller poller_{reader_, clock_, ReaderPollerOptions{10ms, 300ms, 20ms, 80ms}};
    std::vector<ReaderEvent> pending_;
};

TEST_F(ReaderPollerTest, readerOpensAndReportsOk)
{
    poller_.start();
    const auto s = nextStatus();
    ASSERT_TRUE(s);
    EXPECT_EQ(s->state, protocol::ReaderState::Ok);
    EXPECT_EQ(poller_.status().state, protocol::ReaderState::Ok);
}

TEST_F(ReaderPollerTest, cardHeldOnTheReaderIsOneTap)
{
    poller_.start();
    reader_.present(kCardA);
    const auto tap = nextTap();
    ASSERT_TRUE(tap);
    EXPECT_EQ(tap->uid, "04A1B2C1");
    EXPECT_GT(tap->atMs, 0);
    // Held on while the poller checks many times: no second tap.
    const int polls = reader_.polls();
    std::this_thread::sleep_for(300ms); // the scenario is "held for a while"
    EXPECT_EQ(reader_.polls(), polls) << "a held card is checked for presence, not polled again";
    EXPECT_FALSE(nextTap(50ms));
}

TEST_F(ReaderPollerTest, cardPresentedAgainAfterTheDebounceIsASecondTap)
{
    poller_.start();
    reader_.present(kCardA);
    ASSERT_TRUE(nextTap());
    reader_.remove();
    waitPolls(1);                       // noticed the card left
    std::this_thread::sleep_for(350ms); // past the 300 ms debounce
    reader_.present(kCardA);
    const auto again = nextTap();
    ASSERT_TRUE(again);
    EXPECT_EQ(again->uid, "04A1B2C1");
}

TEST_F(ReaderPollerTest, sameCardBackWithinTheDebounceIsTheSamePresentation)
{
    poller_.start();
    reader_.present(kCardA);
    ASSERT_TRUE(nextTap());
    reader_.remove();
    waitPolls(1);
    reader_.present(kCardA); // flicker at the edge of the field
    // Once it checks the card for presence again, the poller has seen it.
    const int checks = [&] {
        int n = 0;
        reader_.waitFor(
            [&](const FakeCardReader& r) {
                n = r.presenceChecksLocked();
                return true;
            },
            0ms);
        return n;
    }();
    ASSERT_TRUE(reader_.waitFor([&](const FakeCardReader& r) { return r.presenceChecksLocked() > checks; }, 5s));
    EXPECT_FALSE(nextTap(150ms));
}

TEST_F(ReaderPollerTest, anotherCardIsATapAtOnce)
{
    poller_.start();
    reader_.present(kCardA);
    ASSERT_TRUE(nextTap());
    reader_.remove();
    waitPolls(1);
    reader_.present(kCardB);
    const auto tap = nextTap();
    ASSERT_TRUE(tap);
    EXPECT_EQ(tap->uid, "04A1B2C2");
}

TEST_F(ReaderPollerTest, unpluggedReaderIsReopenedWithoutStopping)
{
    reader_.setPlugged(false);
    poller_.start();
    auto s = nextStatus();
    ASSERT_TRUE(s);
    EXPECT_EQ(s->state, protocol::ReaderState::NoReader);
    EXPECT_NE(s->detail.find("not plugged"), std::string::npos) << s->detail;
    reader_.setPlugged(true);
    s = nextStatus();
    ASSERT_TRUE(s);
    EXPECT_EQ(s->state, protocol::ReaderState::Ok);
    // Pulled out while in use: error, then reopened when it is back.
    reader_.setPlugged(false);
    s = nextStatus();
    ASSERT_TRUE(s);
    EXPECT_NE(s->state, protocol::ReaderState::Ok);
    reader_.setPlugged(true);
    while ((s = nextStatus()) && s->state != protocol::ReaderState::Ok) {
    }
    ASSERT_TRUE(s);
    reader_.present(kCardB);
    EXPECT_TRUE(nextTap());
    EXPECT_GE(reader_.opens(), 2);
}

TEST_F(ReaderPollerTest, indicationPlaysItsPatternAndEndsOff)
{
    poller_.start();
    ASSERT_TRUE(nextStatus());
    poller_.show(Indication{Signal::Late, true, true, 400ms});
    const auto expected = patternFor(Indication{Signal::Late, true, true, 400ms});
    ASSERT_TRUE(reader_.waitFor([&](const FakeCardReader& r) { return r.stepsLocked() >= expected.size(); }, 5s));
    const auto steps = reader_.indicatorSteps();
    ASSERT_EQ(steps.size(), expected.size());
    for (std::size_t i = 0; i < steps.size(); ++i) {
        EXPECT_EQ(steps[i].green, expected[i].green) << i;
        EXPECT_EQ(steps[i].red, expected[i].red) << i;
        EXPECT_EQ(steps[i].buzzer, expected[i].buzzer) << i;
    }
    EXPECT_EQ(steps.back(), IndicatorStep{});
}

TEST_F(ReaderPollerTest, stopEndsAPollInProgress)
{
    FakeCardReader slow{10s};
    ReaderPoller poller{slow, clock_, ReaderPollerOptions{}};
    poller.start();
    ASSERT_TRUE(slow.waitFor([](const FakeCardReader& r) { return r.pollsLocked() >= 1; }, 5s));
    const auto t0 = std::chrono::steady_clock::now();
    poller.stop();
    EXPECT_LT(std::chrono::steady_clock::now() - t0, 2s);
}

} // namespace
