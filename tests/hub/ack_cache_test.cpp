// AckCache: re-sends of committed taps answered from memory, and only those.
#include "hub/service/ack_cache.h"

#include <gtest/gtest.h>

using namespace rollcall;
using service::AckCache;

namespace {

protocol::Tap tapOf(const std::string& reader, std::uint64_t seq, const std::string& uid, std::int64_t atMs)
{
    protocol::Tap t;
    t.reader_id = reader;
    t.seq = seq;
    t.badge_uid = uid;
    t.at_ms = atMs;
    return t;
}

protocol::Ack ackOf(const std::string& reader, std::uint64_t seq, protocol::Verdict verdict)
{
    protocol::Ack a;
    a.reader_id = reader;
    a.seq = seq;
    a.verdict = verdict;
    a.text = "张三 迟到 5 分钟";
    a.hub_clock_ms = 1000;
    return a;
}

TEST(AckCache, sameTapSentAgainGetsItsFirstAckWithTheHubClockOfNow)
{
    AckCache cache;
    cache.remember(ackOf("r1", 7, protocol::Verdict::Late), "04A1", 500);
    const auto again = cache.answer(tapOf("r1", 7, "04A1", 500), 9000);
    ASSERT_TRUE(again);
    EXPECT_EQ(again->verdict, protocol::Verdict::Late);
    EXPECT_EQ(again->text, "张三 迟到 5 分钟");
    EXPECT_EQ(again->hub_clock_ms, 9000); // the agent takes a clock sample from it
}

TEST(AckCache, otherTapUnderARecordedNumberIsLeftToTheWriter)
{
    struct Case {
        const char* name;
        protocol::Tap tap;
    };
    const std::vector<Case> cases{
        {"another badge", tapOf("r1", 7, "04B2", 500)},
        {"another agent time", tapOf("r1", 7, "04A1", 501)},
        {"another seq", tapOf("r1", 8, "04A1", 500)},
        {"another reader", tapOf("r2", 7, "04A1", 500)},
    };
    AckCache cache;
    cache.remember(ackOf("r1", 7, protocol::Verdict::Present), "04A1", 500);
    for (const auto& c : cases) EXPECT_FALSE(cache.answer(c.tap, 9000)) << c.name;
}

TEST(AckCache, keepsOnlyTheMostRecentSeqsPerReader)
{
    AckCache cache(3);
    for (std::uint64_t seq = 1; seq <= 5; ++seq)
        cache.remember(ackOf("r1", seq, protocol::Verdict::Present), "04A1", static_cast<std::int64_t>(seq));
    EXPECT_EQ(cache.size(), 3u);
    EXPECT_FALSE(cache.answer(tapOf("r1", 2, "04A1", 2), 0));
    EXPECT_TRUE(cache.answer(tapOf("r1", 3, "04A1", 3), 0));
    EXPECT_TRUE(cache.answer(tapOf("r1", 5, "04A1", 5), 0));
}

} // namespace
