#include "hardware/emulator/pn532_card.h"

#include <gtest/gtest.h>

using rollcall::emulator::CardType;
using rollcall::emulator::Pn532Card;
using Bytes = std::vector<std::uint8_t>;

namespace {

struct UidText {
    const char* name;
    const char* text;
    std::optional<Bytes> uid;
};
// Named cases print by name, not as raw bytes, in test listings.
inline void PrintTo(const UidText& c, std::ostream* os) { *os << c.name; }

class Pn532CardParseUid : public ::testing::TestWithParam<UidText> {};

} // namespace

TEST_P(Pn532CardParseUid, parsesOnlyWellFormedHex) { EXPECT_EQ(Pn532Card::parseUid(GetParam().text), GetParam().uid); }

INSTANTIATE_TEST_SUITE_P(
    Texts, Pn532CardParseUid,
    ::testing::Values(UidText{"plainUpper", "04A1B2C3", Bytes{0x04, 0xA1, 0xB2, 0xC3}},
                      UidText{"colonsLower", "04:a1:b2:c3", Bytes{0x04, 0xA1, 0xB2, 0xC3}},
                      UidText{"dashesSeven", "04-11-22-33-44-55-66", Bytes{0x04, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66}},
                      UidText{"tenBytes", "00112233445566778899",
                              Bytes{0, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88, 0x99}},
                      UidText{"empty", "", std::nullopt}, UidText{"threeBytes", "04A1B2", std::nullopt},
                      UidText{"fiveBytes", "04A1B2C3D4", std::nullopt}, UidText{"oddDigits", "04A1B2C", std::nullopt},
                      UidText{"notHex", "04A1B2CZ", std::nullopt},
                      UidText{"separatorInsideByte", "0:4A1B2C3", std::nullopt},
                      UidText{"space", "04 A1 B2 C3", std::nullopt}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(Pn532Card, defaultTypeFollowsUidLength)
{
    EXPECT_EQ(Pn532Card(Bytes{1, 2, 3, 4}).type(), CardType::MifareClassic1K);
    EXPECT_EQ(Pn532Card(Bytes{1, 2, 3, 4, 5, 6, 7}).type(), CardType::MifareUltralight);
}

TEST(Pn532Card, rejectsUidOfWrongLength)
{
    EXPECT_THROW(Pn532Card(Bytes{1, 2, 3}), std::invalid_argument);
    EXPECT_THROW(Pn532Card(Bytes{}), std::invalid_argument);
}

TEST(Pn532Card, reportsAtqaAndSakOfEachType)
{
    const Pn532Card classic(Bytes{1, 2, 3, 4});
    EXPECT_EQ(classic.atqa(), (std::array<std::uint8_t, 2>{0x00, 0x04}));
    EXPECT_EQ(classic.sak(), 0x08);
    const Pn532Card ultralight(Bytes{1, 2, 3, 4, 5, 6, 7});
    EXPECT_EQ(ultralight.atqa(), (std::array<std::uint8_t, 2>{0x00, 0x44}));
    EXPECT_EQ(ultralight.sak(), 0x00);
    const Pn532Card desfire(Bytes{1, 2, 3, 4, 5, 6, 7}, CardType::Iso14443_4);
    EXPECT_EQ(desfire.sak(), 0x20);
}

TEST(Pn532Card, targetDataCarriesAtsOnlyForIso14443_4)
{
    const Pn532Card classic(Bytes{0x04, 0xA1, 0xB2, 0xC3});
    EXPECT_EQ(classic.targetData(1, true), (Bytes{0x01, 0x00, 0x04, 0x08, 0x04, 0x04, 0xA1, 0xB2, 0xC3}));
    const Pn532Card iso(Bytes{0x04, 0xA1, 0xB2, 0xC3}, CardType::Iso14443_4);
    const Bytes data = iso.targetData(1, true);
    ASSERT_EQ(data.size(), 9U + 6U);
    EXPECT_EQ(data[9], 0x06); // TL counts itself
    EXPECT_EQ(iso.targetData(1, false).size(), 9U);
}

TEST(Pn532Card, ultralightReadReturnsUidPages)
{
    const Pn532Card card(Bytes{0x04, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66});
    const auto page0 = card.respond(Bytes{0x30, 0x00});
    ASSERT_TRUE(page0.has_value());
    ASSERT_EQ(page0->size(), 16U);
    EXPECT_EQ((*page0)[0], 0x04);
    EXPECT_EQ((*page0)[3], 0x88 ^ 0x04 ^ 0x11 ^ 0x22); // BCC0
    EXPECT_EQ((*page0)[4], 0x33);
    EXPECT_EQ((*page0)[8], 0x33 ^ 0x44 ^ 0x55 ^ 0x66); // BCC1
}

TEST(Pn532Card, iso14443_4AnswersRNakWithRAck)
{
    const Pn532Card card(Bytes{1, 2, 3, 4, 5, 6, 7}, CardType::Iso14443_4);
    EXPECT_EQ(card.respond(Bytes{0xB2}), (Bytes{0xA2})); // libnfc's presence ping
    EXPECT_EQ(card.respond(Bytes{0xB3}), (Bytes{0xA3}));
}

TEST(Pn532Card, staysSilentToCommandsItDoesNotModel)
{
    const Pn532Card classic(Bytes{1, 2, 3, 4});
    EXPECT_FALSE(classic.respond(Bytes{0xA2, 0x04, 1, 2, 3, 4}).has_value()); // write
    EXPECT_FALSE(classic.respond(Bytes{}).has_value());
}

TEST(Pn532Card, formatsUidAsUpperHex) { EXPECT_EQ(Pn532Card::formatUid(Bytes{0x04, 0xa1, 0x0b}), "04A10B"); }
