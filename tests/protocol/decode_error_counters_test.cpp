// Counted rejections per DecodeErrorKind.
#include "protocol/codec.h"

#include <gtest/gtest.h>
#include <thread>
#include <type_traits>
#include <vector>

namespace rollcall::protocol {
namespace {

static_assert(!std::is_copy_constructible_v<DecodeErrorCounters>, "counters are shared, not copied");

TEST(DecodeErrorCounters, startAtZero)
{
    DecodeErrorCounters counters;
    EXPECT_EQ(counters.total(), 0u);
    EXPECT_EQ(counters.count(DecodeErrorKind::Malformed), 0u);
}

TEST(DecodeErrorCounters, countPerKindAndTotal)
{
    DecodeErrorCounters counters;
    counters.bump(DecodeErrorKind::Oversized);
    counters.bump(DecodeErrorKind::BadField);
    counters.bump(DecodeErrorKind::BadField);
    const auto result = decode<AgentToHub>(R"({"v":2,"type":"tap"})");
    ASSERT_FALSE(result.ok());
    counters.bump(result.error());
    EXPECT_EQ(counters.count(DecodeErrorKind::Oversized), 1u);
    EXPECT_EQ(counters.count(DecodeErrorKind::BadField), 2u);
    EXPECT_EQ(counters.count(DecodeErrorKind::UnsupportedVersion), 1u);
    EXPECT_EQ(counters.count(DecodeErrorKind::UnknownType), 0u);
    EXPECT_EQ(counters.total(), 4u);
}

TEST(DecodeErrorCounters, areSafeToBumpFromManyThreads)
{
    DecodeErrorCounters counters;
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&counters] {
            for (int i = 0; i < 10000; ++i) counters.bump(DecodeErrorKind::Malformed);
        });
    }
    for (auto& t : threads) t.join();
    EXPECT_EQ(counters.count(DecodeErrorKind::Malformed), 40000u);
    EXPECT_EQ(counters.total(), 40000u);
}

TEST(DecodeErrorCounters, kindsHaveSnakeCaseNames)
{
    EXPECT_EQ(toString(DecodeErrorKind::Oversized), "oversized");
    EXPECT_EQ(toString(DecodeErrorKind::Malformed), "malformed");
    EXPECT_EQ(toString(DecodeErrorKind::UnsupportedVersion), "unsupported_version");
    EXPECT_EQ(toString(DecodeErrorKind::UnknownType), "unknown_type");
    EXPECT_EQ(toString(DecodeErrorKind::MissingField), "missing_field");
    EXPECT_EQ(toString(DecodeErrorKind::BadField), "bad_field");
}

} // namespace
} // namespace rollcall::protocol
