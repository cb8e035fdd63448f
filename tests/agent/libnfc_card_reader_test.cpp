// LibnfcCardReader on libnfc's real pn532_uart driver and the PN532 emulator.
#include "hardware/emulator/pn532_emulator.h"
#include "reader-agent/libnfc/libnfc_card_reader.h"
#include "tests/support/temp_dir.h"

#include <gtest/gtest.h>

using namespace rollcall::agent;
using rollcall::emulator::Pn532Card;
using rollcall::emulator::Pn532Emulator;
using rollcall::emulator::Pn532Gpio;
using namespace std::chrono_literals;

namespace {

TEST(LibnfcCardReader, pollPeriodIsCountedIn150msUnits)
{
    EXPECT_EQ(LibnfcCardReader::pollPeriodUnits(150ms), 1);
    EXPECT_EQ(LibnfcCardReader::pollPeriodUnits(10ms), 1);
    EXPECT_EQ(LibnfcCardReader::pollPeriodUnits(300ms), 2);
    EXPECT_EQ(LibnfcCardReader::pollPeriodUnits(1000ms), 7);
    EXPECT_EQ(LibnfcCardReader::pollPeriodUnits(60s), 15);
}

TEST(LibnfcCardReader, missingDeviceIsAReaderErrorNamingIt)
{
    rollcall::test::TempDir dir;
    LibnfcCardReader reader({"pn532_uart:" + dir.file("nothing-here")});
    try {
        reader.open();
        FAIL() << "opened a device that does not exist";
    } catch (const ReaderError& e) {
        EXPECT_NE(std::string(e.what()).find("nothing-here"), std::string::npos) << e.what();
    }
    EXPECT_FALSE(reader.isOpen());
}

TEST(LibnfcCardReader, readsACardTellsWhenItLeftAndWritesGpio)
{
    rollcall::test::TempDir dir;
    Pn532Emulator emulator({dir.path() / "ttyPN532", 0.1});
    emulator.start();
    LibnfcCardReader reader({"pn532_uart:" + (dir.path() / "ttyPN532").string()});
    reader.open();
    ASSERT_TRUE(reader.isOpen());
    EXPECT_FALSE(reader.pollCard().has_value()) << "empty field";
    emulator.present(Pn532Card({0x04, 0xA1, 0xB2, 0xC1}));
    const auto uid = reader.pollCard();
    ASSERT_TRUE(uid);
    EXPECT_EQ(*uid, (CardUid{0x04, 0xA1, 0xB2, 0xC1}));
    EXPECT_TRUE(reader.cardStillPresent());
    emulator.remove();
    EXPECT_FALSE(reader.cardStillPresent());
    EXPECT_TRUE(reader.setIndicator({true, false, true, 0ms}));
    EXPECT_EQ(emulator.lastGpioWrite(), (Pn532Gpio{0xA0, 0x82}));
    reader.close();
    EXPECT_FALSE(reader.isOpen());
}

TEST(LibnfcCardReader, deadLineIsAReaderError)
{
    rollcall::test::TempDir dir;
    auto emulator =
        std::make_unique<Pn532Emulator>(rollcall::emulator::Pn532EmulatorOptions{dir.path() / "ttyPN532", 0.1});
    emulator->start();
    LibnfcCardReader reader({"pn532_uart:" + (dir.path() / "ttyPN532").string()});
    reader.open();
    emulator.reset(); // the chip goes away under the open device
    EXPECT_THROW((void)reader.pollCard(), ReaderError);
}

} // namespace
