// Badge UID normalisation and the wire rule.
#include "protocol/badge_uid.h"

#include <array>
#include <gtest/gtest.h>

namespace rollcall::protocol {
namespace {

struct UidCase {
    const char* name;
    const char* input;
    const char* expected; // nullptr: rejected
};

void PrintTo(const UidCase& c, std::ostream* os) { *os << c.name; }

class BadgeUidNormalize : public ::testing::TestWithParam<UidCase> {};

TEST_P(BadgeUidNormalize, normalizesOrRejects)
{
    const auto& c = GetParam();
    const auto out = normalizeBadgeUid(c.input);
    if (c.expected == nullptr) {
        EXPECT_FALSE(out.has_value()) << *out;
    } else {
        ASSERT_TRUE(out.has_value());
        EXPECT_EQ(*out, c.expected);
        EXPECT_TRUE(isWireBadgeUid(*out));
    }
}

INSTANTIATE_TEST_SUITE_P(
    Table, BadgeUidNormalize,
    ::testing::Values(
        UidCase{"upperFourBytes", "04A22B1C", "04A22B1C"}, UidCase{"lowerFourBytes", "04a22b1c", "04A22B1C"},
        UidCase{"mixedCase", "04a22B1c", "04A22B1C"}, UidCase{"colonSeparated", "04:a2:2b:1c", "04A22B1C"},
        UidCase{"dashSeparated", "04-A2-2B-1C", "04A22B1C"}, UidCase{"spaceSeparated", "04 A2 2B 1C", "04A22B1C"},
        UidCase{"surroundingWhitespace", "  04A22B1C\r\n", "04A22B1C"},
        UidCase{"sevenBytes", "04:11:22:33:44:55:66", "04112233445566"},
        UidCase{"tenBytes", "0102030405060708090a", "0102030405060708090A"}, UidCase{"empty", "", nullptr},
        UidCase{"onlySpaces", "   ", nullptr}, UidCase{"threeBytes", "04A22B", nullptr},
        UidCase{"fiveBytes", "04A22B1C5D", nullptr}, UidCase{"eightBytes", "0102030405060708", nullptr},
        UidCase{"elevenBytes", "0102030405060708090A0B", nullptr}, UidCase{"oddLength", "04A22B1", nullptr},
        UidCase{"nonHex", "04A22B1G", nullptr}, UidCase{"mixedSeparators", "04:A2-2B:1C", nullptr},
        UidCase{"doubleSeparator", "04::A2:2B:1C", nullptr}, UidCase{"trailingSeparator", "04:A2:2B:1C:", nullptr},
        UidCase{"leadingSeparator", ":04:A2:2B:1C", nullptr}, UidCase{"partialSeparators", "04:A22B1C", nullptr},
        UidCase{"singleDigitGroups", "4:A2:2B:1C", nullptr}, UidCase{"hexPrefix", "0x04A22B1C", nullptr},
        UidCase{"otherSeparator", "04.A2.2B.1C", nullptr},
        UidCase{"embeddedNul",
                "04A2\0"
                "2B1C",
                nullptr}),
    [](const ::testing::TestParamInfo<UidCase>& info) { return std::string(info.param.name); });

TEST(BadgeUid, embeddedNulInsideStringViewIsRejected)
{
    const std::string with_nul("04A2\0002B1C", 9);
    EXPECT_FALSE(normalizeBadgeUid(with_nul).has_value());
}

TEST(BadgeUid, fromBytesFormatsUpperCaseHex)
{
    const std::array<std::uint8_t, 4> four{0x04, 0xa2, 0x2b, 0x1c};
    EXPECT_EQ(badgeUidFromBytes(four), "04A22B1C");
    const std::array<std::uint8_t, 7> seven{0x04, 0x00, 0xff, 0x10, 0x01, 0xab, 0xcd};
    EXPECT_EQ(badgeUidFromBytes(seven), "0400FF1001ABCD");
}

TEST(BadgeUid, fromBytesRejectsNonIso14443Lengths)
{
    const std::array<std::uint8_t, 5> five{1, 2, 3, 4, 5};
    EXPECT_FALSE(badgeUidFromBytes(five).has_value());
    EXPECT_FALSE(badgeUidFromBytes({}).has_value());
}

TEST(BadgeUid, wireRuleAcceptsFourToTenBytesOfUpperHex)
{
    EXPECT_TRUE(isWireBadgeUid("04A22B1C"));
    EXPECT_TRUE(isWireBadgeUid("04A22B1C5D"));           // 5 bytes: allowed on the wire
    EXPECT_TRUE(isWireBadgeUid("0102030405060708090A")); // 10 bytes
    EXPECT_FALSE(isWireBadgeUid("04A22B"));
    EXPECT_FALSE(isWireBadgeUid("0102030405060708090A0B"));
    EXPECT_FALSE(isWireBadgeUid("04a22b1c"));
    EXPECT_FALSE(isWireBadgeUid("04A22B1C5"));
    EXPECT_FALSE(isWireBadgeUid("04:A2:2B:1C"));
}

} // namespace
} // namespace rollcall::protocol
