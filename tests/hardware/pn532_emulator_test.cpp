// Pn532Emulator against the REAL libnfc pn532_uart driver, over a pty.
#include "hardware/emulator/pn532_emulator.h"
#include "hardware/emulator/pn532_frame_codec.h"
#include "tests/hardware/frame_bytes.h"
#include "tests/hardware/hardware_test_support.h"

#include <future>
#include <gtest/gtest.h>
#include <thread>

// Exported by libnfc 1.8 though not in its public headers: the only way for a
// host program to send raw PN532 commands (GPIO) through an open nfc_device.
extern "C" int pn53x_transceive(nfc_device* pnd, const uint8_t* pbtTx, size_t szTx, uint8_t* pbtRx, size_t szRxLen,
                                int timeout);

using namespace std::chrono_literals;
using rollcall::emulator::CardType;
using rollcall::emulator::Pn532Card;
using rollcall::emulator::Pn532Emulator;
using rollcall::emulator::Pn532EmulatorCounters;
using rollcall::emulator::Pn532FrameCodec;
using rollcall::emulator::Pn532Gpio;
namespace t = rollcall::emulator::test;

// One emulator owns one pty and one worker thread: it must not be copied or moved.
static_assert(!std::is_copy_constructible_v<Pn532Emulator> && !std::is_move_constructible_v<Pn532Emulator>);

namespace {

const std::vector<std::uint8_t> kUid4{0x04, 0xA1, 0xB2, 0xC3};
const std::vector<std::uint8_t> kUid7{0x04, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66};
constexpr nfc_modulation kIso14443A{NMT_ISO14443A, NBR_106};
constexpr auto kEventWait = 5s; // generous upper bound for events on a loaded machine

class Pn532EmulatorTest : public ::testing::Test {
protected:
    // 1/20 of the chip's poll time: an empty 20 x 2 x 2 poll answers in 0.6 s.
    void SetUp() override { emulator_.start(); }

    int poll(nfc_device* device, nfc_target& target, std::uint8_t pollNr = 20, std::uint8_t period = 2)
    {
        return nfc_initiator_poll_target(device, &kIso14443A, 1, pollNr, period, &target);
    }

    t::TempDir dir_;
    Pn532Emulator emulator_{{dir_ / "ttyPN532", 0.05}};
};

} // namespace

TEST_F(Pn532EmulatorTest, openReportsPn532Firmware)
{
    auto session = t::openInitiator(emulator_.linkPath());
    char* info = nullptr;
    ASSERT_GE(nfc_device_get_information_about(session.device.get(), &info), 0);
    const std::string text(info);
    nfc_free(info);
    EXPECT_NE(text.find("chip: PN532 v1.6"), std::string::npos) << text;
}

TEST_F(Pn532EmulatorTest, pollReadsTappedFourByteUid)
{
    auto session = t::openInitiator(emulator_.linkPath());
    emulator_.tap(Pn532Card(kUid4), 5s);
    nfc_target target{};
    ASSERT_EQ(poll(session.device.get(), target), 1);
    EXPECT_EQ(t::uidOf(target), kUid4);
    EXPECT_EQ(target.nti.nai.btSak, 0x08);
    EXPECT_EQ(target.nti.nai.abtAtqa[1], 0x04);
    EXPECT_EQ(emulator_.counters().cardReports, 1U);
}

TEST_F(Pn532EmulatorTest, pollReadsTappedSevenByteUid)
{
    auto session = t::openInitiator(emulator_.linkPath());
    emulator_.tap(Pn532Card(kUid7), 5s);
    nfc_target target{};
    ASSERT_EQ(poll(session.device.get(), target), 1);
    EXPECT_EQ(t::uidOf(target), kUid7);
    EXPECT_EQ(target.nti.nai.btSak, 0x00);
    EXPECT_EQ(target.nti.nai.abtAtqa[1], 0x44);
}

TEST_F(Pn532EmulatorTest, pollAnswersCardArrivingWhilePolling)
{
    auto session = t::openInitiator(emulator_.linkPath());
    nfc_target target{};
    // PollNr FF: the chip polls forever, so only the card's arrival can end it.
    auto result = std::async(std::launch::async, [&] { return poll(session.device.get(), target, 0xFF, 1); });
    ASSERT_TRUE(emulator_.waitFor([](const Pn532EmulatorCounters& c) { return c.autoPolls >= 1; }, kEventWait));
    emulator_.tap(Pn532Card(kUid4), 2s);
    ASSERT_EQ(result.wait_for(kEventWait), std::future_status::ready);
    EXPECT_EQ(result.get(), 1);
    EXPECT_EQ(t::uidOf(target), kUid4);
}

TEST_F(Pn532EmulatorTest, pollReturnsNoTargetAfterScaledPollPeriod)
{
    auto session = t::openInitiator(emulator_.linkPath());
    nfc_target target{};
    const auto start = std::chrono::steady_clock::now();
    // 4 polls x 2 types (libnfc adds ISO14443-4A) x 2 x 150 ms x 0.05 = 120 ms.
    EXPECT_EQ(poll(session.device.get(), target, 4, 2), 0);
    const auto elapsed = std::chrono::steady_clock::now() - start;
    EXPECT_GE(elapsed, 120ms);
    EXPECT_LT(elapsed, 3s);
    EXPECT_EQ(emulator_.counters().emptyReports, 1U);
}

TEST_F(Pn532EmulatorTest, listPassiveTargetsFindsPresentCard)
{
    auto session = t::openInitiator(emulator_.linkPath());
    emulator_.present(Pn532Card(kUid7));
    nfc_target targets[4]{};
    ASSERT_EQ(nfc_initiator_list_passive_targets(session.device.get(), kIso14443A, targets, 4), 1);
    EXPECT_EQ(t::uidOf(targets[0]), kUid7);
}

TEST_F(Pn532EmulatorTest, listPassiveTargetsFindsNothingWithoutCard)
{
    auto session = t::openInitiator(emulator_.linkPath());
    nfc_target targets[4]{};
    EXPECT_EQ(nfc_initiator_list_passive_targets(session.device.get(), kIso14443A, targets, 4), 0);
    EXPECT_EQ(emulator_.counters().emptyReports, 1U);
}

TEST_F(Pn532EmulatorTest, selectPassiveTargetWaitsForCard)
{
    auto session = t::openInitiator(emulator_.linkPath());
    nfc_target target{};
    // After nfc_initiator_init the select is "infinite": the chip stays silent
    // until a card comes, and libnfc waits without a timeout.
    auto result = std::async(std::launch::async, [&] {
        return nfc_initiator_select_passive_target(session.device.get(), kIso14443A, nullptr, 0, &target);
    });
    ASSERT_TRUE(
        emulator_.waitFor([](const Pn532EmulatorCounters& c) { return c.listPassiveTargets >= 1; }, kEventWait));
    EXPECT_EQ(emulator_.counters().cardReports, 0U);
    emulator_.present(Pn532Card(kUid4));
    ASSERT_EQ(result.wait_for(kEventWait), std::future_status::ready);
    EXPECT_EQ(result.get(), 1);
    EXPECT_EQ(t::uidOf(target), kUid4);
}

TEST_F(Pn532EmulatorTest, pollReportsAtsForIso14443_4Card)
{
    auto session = t::openInitiator(emulator_.linkPath());
    emulator_.present(Pn532Card(kUid7, CardType::Iso14443_4));
    nfc_target target{};
    ASSERT_EQ(poll(session.device.get(), target), 1);
    EXPECT_EQ(target.nti.nai.btSak, 0x20);
    const std::size_t atsLen = target.nti.nai.szAtsLen; // a copy: libnfc's struct is packed (UBSan)
    ASSERT_EQ(atsLen, 5U);
    EXPECT_EQ(target.nti.nai.abtAts[0], 0x75);
}

struct PresenceCase {
    const char* name;
    std::vector<std::uint8_t> uid;
    CardType type;
};
// Named cases print by name, not as raw bytes, in test listings.
inline void PrintTo(const PresenceCase& c, std::ostream* os) { *os << c.name; }

class Pn532EmulatorPresence : public Pn532EmulatorTest, public ::testing::WithParamInterface<PresenceCase> {};

TEST_P(Pn532EmulatorPresence, targetIsPresentDetectsRemoval)
{
    auto session = t::openInitiator(emulator_.linkPath());
    const Pn532Card card(GetParam().uid, GetParam().type);
    emulator_.present(card);
    nfc_target target{};
    ASSERT_EQ(poll(session.device.get(), target), 1);
    ASSERT_EQ(target.nti.nai.btSak, card.sak());
    EXPECT_EQ(nfc_initiator_target_is_present(session.device.get(), &target), NFC_SUCCESS);
    EXPECT_EQ(nfc_initiator_target_is_present(session.device.get(), &target), NFC_SUCCESS);
    // Presence checks are not new reads of the card.
    EXPECT_EQ(emulator_.counters().cardReports, 1U);
    emulator_.remove();
    EXPECT_EQ(nfc_initiator_target_is_present(session.device.get(), &target), NFC_ETGRELEASED);
    // The link stays usable: the next tap of the same card is read again.
    emulator_.present(card);
    nfc_target again{};
    ASSERT_EQ(poll(session.device.get(), again), 1);
    EXPECT_EQ(t::uidOf(again), GetParam().uid);
}

INSTANTIATE_TEST_SUITE_P(CardTypes, Pn532EmulatorPresence,
                         ::testing::Values(PresenceCase{"classic4", kUid4, CardType::MifareClassic1K},
                                           PresenceCase{"ultralight7", kUid7, CardType::MifareUltralight},
                                           PresenceCase{"iso14443_4_7", kUid7, CardType::Iso14443_4},
                                           PresenceCase{"iso14443_4_4", kUid4, CardType::Iso14443_4}),
                         [](const auto& info) { return std::string(info.param.name); });

TEST_F(Pn532EmulatorTest, tapEndsByItself)
{
    auto session = t::openInitiator(emulator_.linkPath());
    emulator_.tap(Pn532Card(kUid4), 300ms);
    nfc_target target{};
    ASSERT_EQ(poll(session.device.get(), target), 1);
    const auto deadline = std::chrono::steady_clock::now() + kEventWait;
    int present = NFC_SUCCESS;
    // A reader agent's loop: ask until the card is gone (each ask is a round trip, no sleeps).
    while (present == NFC_SUCCESS && std::chrono::steady_clock::now() < deadline) {
        present = nfc_initiator_target_is_present(session.device.get(), &target);
    }
    EXPECT_EQ(present, NFC_ETGRELEASED);
    EXPECT_FALSE(emulator_.card().has_value());
}

TEST_F(Pn532EmulatorTest, abortDropsPendingPollWithoutLateReply)
{
    auto session = t::openInitiator(emulator_.linkPath());
    nfc_target target{};
    auto result = std::async(std::launch::async, [&] { return poll(session.device.get(), target, 0xFF, 1); });
    ASSERT_TRUE(emulator_.waitFor([](const Pn532EmulatorCounters& c) { return c.autoPolls >= 1; }, kEventWait));
    // libnfc's abort is racy: it is lost if it lands before the driver starts
    // waiting for the reply (it swaps the abort pipe the wait has not yet
    // picked up). So repeat it until the poll returns, as an agent must.
    const auto deadline = std::chrono::steady_clock::now() + kEventWait;
    do {
        nfc_abort_command(session.device.get());
    } while (result.wait_for(20ms) != std::future_status::ready && std::chrono::steady_clock::now() < deadline);
    ASSERT_EQ(result.wait_for(0s), std::future_status::ready);
    EXPECT_EQ(result.get(), NFC_EOPABORTED);
    // Once the ACK is processed the poll is gone: a card arriving now must not
    // be reported to it, only to the next command.
    ASSERT_TRUE(emulator_.waitFor([](const Pn532EmulatorCounters& c) { return c.aborts >= 1; }, kEventWait));
    emulator_.present(Pn532Card(kUid4));
    nfc_target targets[2]{};
    ASSERT_EQ(nfc_initiator_list_passive_targets(session.device.get(), kIso14443A, targets, 2), 1);
    EXPECT_EQ(t::uidOf(targets[0]), kUid4);
    // list_passive_targets selects twice (the second finds the same card and
    // stops); every report went to those, none to the aborted poll.
    const auto counters = emulator_.counters();
    EXPECT_EQ(counters.cardReports, counters.listPassiveTargets);
}

TEST_F(Pn532EmulatorTest, writeGpioIsRecordedAndReadBack)
{
    auto session = t::openInitiator(emulator_.linkPath());
    EXPECT_FALSE(emulator_.lastGpioWrite().has_value());
    // P3.2 and P3.4 high (LED, buzzer on a typical board), P7.1 high.
    const std::uint8_t write[] = {0x0E, 0x80 | 0x14, 0x80 | 0x02};
    std::uint8_t rx[8]{};
    ASSERT_GE(pn53x_transceive(session.device.get(), write, sizeof write, rx, sizeof rx, 300), 0);
    EXPECT_EQ(emulator_.lastGpioWrite(), (Pn532Gpio{0x94, 0x82}));
    const std::uint8_t read[] = {0x0C};
    ASSERT_EQ(pn53x_transceive(session.device.get(), read, sizeof read, rx, sizeof rx, 300), 3);
    EXPECT_EQ(rx[0], 0x14);
    EXPECT_EQ(rx[1], 0x02);
    EXPECT_EQ(emulator_.counters().gpioWrites, 1U);
}

TEST_F(Pn532EmulatorTest, closeAndReopenKeepsWorking)
{
    emulator_.present(Pn532Card(kUid4));
    for (int round = 0; round < 2; ++round) {
        auto session = t::openInitiator(emulator_.linkPath());
        nfc_target target{};
        ASSERT_EQ(poll(session.device.get(), target), 1) << "round " << round;
    }
    EXPECT_EQ(emulator_.counters().cardReports, 2U);
}

// --- raw bytes on the line -------------------------------------------------

namespace {
using rollcall::emulator::test::hostFrame;
const std::vector<std::uint8_t> kFirmwareReply =
    Pn532FrameCodec::encodeReply(std::vector<std::uint8_t>{0x03, 0x32, 0x01, 0x06, 0x07});
using rollcall::emulator::test::concat;
} // namespace

TEST_F(Pn532EmulatorTest, garbageAndBadChecksumsAreSkipped)
{
    t::RawPort port(emulator_.linkPath());
    auto corrupt = hostFrame({0x02});
    corrupt[corrupt.size() - 2] ^= 0xFF; // bad DCS
    port.write({0x55, 0x55, 0x00, 0x00, 0x13, 0x37, 0xFF});
    port.write(corrupt);
    const auto good = hostFrame({0x02});
    // A valid frame split across two writes (two reads on the chip side).
    port.write({good.begin(), good.begin() + 4});
    ASSERT_TRUE(emulator_.waitFor([](const Pn532EmulatorCounters& c) { return c.badFrames >= 1; }, kEventWait));
    port.write({good.begin() + 4, good.end()});
    const auto expected = concat(Pn532FrameCodec::ackFrame(), kFirmwareReply);
    EXPECT_EQ(port.read(expected.size(), kEventWait), expected);
    EXPECT_EQ(emulator_.counters().badFrames, 1U);
}

TEST_F(Pn532EmulatorTest, unknownCommandGetsErrorFrame)
{
    t::RawPort port(emulator_.linkPath());
    port.write(hostFrame({0xFE, 0x01}));
    const auto expected = concat(Pn532FrameCodec::ackFrame(), Pn532FrameCodec::errorFrame());
    EXPECT_EQ(port.read(expected.size(), kEventWait), expected);
    EXPECT_EQ(emulator_.counters().unknownCommands, 1U);
}

TEST_F(Pn532EmulatorTest, nackRepeatsLastReply)
{
    t::RawPort port(emulator_.linkPath());
    port.write(hostFrame({0x02}));
    const auto first = concat(Pn532FrameCodec::ackFrame(), kFirmwareReply);
    ASSERT_EQ(port.read(first.size(), kEventWait), first);
    port.write(Pn532FrameCodec::nackFrame());
    EXPECT_EQ(port.read(kFirmwareReply.size(), kEventWait), kFirmwareReply);
}

TEST_F(Pn532EmulatorTest, reselectOfAbsentCardAnswersAtOnce)
{
    // A re-select by UID is libnfc's presence check for MIFARE Classic and
    // has a host timeout, so "no target" must come now, not when a card shows up.
    t::RawPort port(emulator_.linkPath());
    port.write(hostFrame({0x32, 0x05, 0xFF, 0xFF, 0xFF})); // infinite retries, as after nfc_initiator_init
    port.write(hostFrame({0x4A, 0x01, 0x00, 0x04, 0xA1, 0xB2, 0xC3}));
    const auto rf = Pn532FrameCodec::encodeReply(std::vector<std::uint8_t>{0x33});
    const auto none = Pn532FrameCodec::encodeReply(std::vector<std::uint8_t>{0x4B, 0x00});
    const auto expected = concat(concat(concat(Pn532FrameCodec::ackFrame(), rf), Pn532FrameCodec::ackFrame()), none);
    EXPECT_EQ(port.read(expected.size(), kEventWait), expected);
}

TEST(Pn532Emulator, rejectsLinkPathWithColon) { EXPECT_THROW(Pn532Emulator({"/tmp/a:b", 1.0}), std::invalid_argument); }

TEST(Pn532Emulator, stopRemovesLink)
{
    t::TempDir dir;
    Pn532Emulator emulator({dir / "ttyPN532", 1.0});
    emulator.start();
    EXPECT_TRUE(std::filesystem::is_symlink(emulator.linkPath()));
    EXPECT_EQ(std::filesystem::read_symlink(emulator.linkPath()), emulator.slavePath());
    emulator.stop();
    EXPECT_FALSE(std::filesystem::exists(std::filesystem::symlink_status(dir / "ttyPN532")));
}
