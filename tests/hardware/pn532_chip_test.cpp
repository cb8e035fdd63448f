// Pn532Chip, the emulator's command interpreter, without a pty: command
// bytes in, ACK and answer frames out.
#include "hardware/emulator/pn532_chip.h"
#include "tests/hardware/frame_bytes.h"

#include <gtest/gtest.h>
#include <optional>
#include <string>
#include <vector>

using rollcall::emulator::CardType;
using rollcall::emulator::Pn532Card;
using rollcall::emulator::Pn532Chip;
using rollcall::emulator::Pn532FrameCodec;
using rollcall::emulator::Pn532Gpio;
using namespace std::chrono_literals;

namespace {

using rollcall::emulator::test::Bytes;
using Frames = Pn532Chip::Frames;

const Pn532Chip::Clock::time_point kT0{};
const Pn532Card kClassic({0x04, 0xA1, 0xB2, 0xC3});
const Pn532Card kUltralight({0x04, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66});
const Pn532Card kDesfire({0x04, 0x11, 0x22, 0x33, 0x44, 0x55, 0x77}, CardType::Iso14443_4);

Bytes reply(const Bytes& body) { return Pn532FrameCodec::encodeReply(body); }

Frames ackThen(const Bytes& frame) { return {Pn532FrameCodec::ackFrame(), frame}; }

using rollcall::emulator::test::concat;

Pn532FrameCodec::Event event(Pn532FrameCodec::EventKind kind, Bytes payload = {}) { return {kind, std::move(payload)}; }

// --- one command at power-on, with or without a card in the field ---------

enum class Answer { Reply, Error, Held };

struct CommandCase {
    std::string name;
    std::optional<Pn532Card> card;
    Bytes command; ///< command code + parameters (the frame's data after TFI D4)
    Answer answer;
    Bytes body; ///< for Reply: the answer's data after TFI D5 (command code + 1 first)
};

class Pn532ChipCommand : public ::testing::TestWithParam<CommandCase> {};

const CommandCase kCommandCases[] = {
    {"getFirmwareVersion", std::nullopt, {0x02}, Answer::Reply, {0x03, 0x32, 0x01, 0x06, 0x07}},
    {"samConfiguration", std::nullopt, {0x14, 0x01, 0x14, 0x01}, Answer::Reply, {0x15}},
    {"setSerialBaudRate", std::nullopt, {0x10, 0x04}, Answer::Reply, {0x11}},
    {"setParameters", std::nullopt, {0x12, 0x14}, Answer::Reply, {0x13}},
    {"setParametersWithoutFlags", std::nullopt, {0x12}, Answer::Reply, {0x13}},
    {"powerDown", std::nullopt, {0x16, 0x20}, Answer::Reply, {0x17, 0x00}},
    {"generalStatusFieldOffNoTarget", std::nullopt, {0x04}, Answer::Reply, {0x05, 0x00, 0x00, 0x00, 0x00}},
    {"readGpioPowerOnPullUps", std::nullopt, {0x0C}, Answer::Reply, {0x0D, 0x3F, 0x06, 0x00}},
    {"writeGpio", std::nullopt, {0x0E, 0x80, 0x82}, Answer::Reply, {0x0F}},
    {"writeGpioTooShort", std::nullopt, {0x0E, 0x80}, Answer::Error, {}},
    {"readRegisterP3AndP7", std::nullopt, {0x06, 0xFF, 0xB0, 0xFF, 0xF7}, Answer::Reply, {0x07, 0x3F, 0x06}},
    {"readRegisterUnwrittenIsZero", std::nullopt, {0x06, 0x63, 0x05}, Answer::Reply, {0x07, 0x00}},
    {"readRegisterHalfAddress", std::nullopt, {0x06, 0xFF}, Answer::Error, {}},
    {"readRegisterOddAddressBytes", std::nullopt, {0x06, 0xFF, 0xB0, 0xFF}, Answer::Error, {}},
    {"writeRegister", std::nullopt, {0x08, 0x63, 0x05, 0x40}, Answer::Reply, {0x09}},
    {"writeRegisterWithoutValue", std::nullopt, {0x08, 0x63, 0x05}, Answer::Error, {}},
    {"rfConfigurationField", std::nullopt, {0x32, 0x01, 0x01}, Answer::Reply, {0x33}},
    {"rfConfigurationMaxRetries", std::nullopt, {0x32, 0x05, 0xFF, 0x01, 0x02}, Answer::Reply, {0x33}},
    {"rfConfigurationWithoutItem", std::nullopt, {0x32}, Answer::Error, {}},
    {"diagnoseLineTestEchoes", std::nullopt, {0x00, 0x00, 0xAA, 0xBB}, Answer::Reply, {0x01, 0x00, 0xAA, 0xBB}},
    {"diagnoseRomTest", std::nullopt, {0x00, 0x01}, Answer::Reply, {0x01, 0x00}},
    {"diagnoseRamTest", std::nullopt, {0x00, 0x02}, Answer::Reply, {0x01, 0x00}},
    {"diagnosePresenceWithoutTarget", kClassic, {0x00, 0x06}, Answer::Reply, {0x01, 0x01}},
    {"diagnoseUnknownTest", std::nullopt, {0x00, 0x07}, Answer::Error, {}},
    {"diagnoseWithoutTest", std::nullopt, {0x00}, Answer::Error, {}},
    {"dataExchangeWithoutTarget", kClassic, {0x40, 0x01, 0x30, 0x00}, Answer::Reply, {0x41, 0x27}},
    {"dataExchangeWithoutTg", std::nullopt, {0x40}, Answer::Error, {}},
    {"communicateThruWithoutTarget", std::nullopt, {0x42, 0x26}, Answer::Reply, {0x43, 0x01}},
    {"inDeselect", std::nullopt, {0x44, 0x00}, Answer::Reply, {0x45, 0x00}},
    {"inRelease", std::nullopt, {0x52, 0x00}, Answer::Reply, {0x53, 0x00}},
    {"inSelectWithoutKnownTarget", kClassic, {0x54, 0x01}, Answer::Reply, {0x55, 0x01}},
    {"listPassiveTargetClassic",
     kClassic,
     {0x4A, 0x01, 0x00},
     Answer::Reply,
     {0x4B, 0x01, 0x01, 0x00, 0x04, 0x08, 0x04, 0x04, 0xA1, 0xB2, 0xC3}},
    {"listPassiveTargetUltralight",
     kUltralight,
     {0x4A, 0x01, 0x00},
     Answer::Reply,
     {0x4B, 0x01, 0x01, 0x00, 0x44, 0x00, 0x07, 0x04, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66}},
    {"listPassiveTargetByUid",
     kClassic,
     {0x4A, 0x01, 0x00, 0x04, 0xA1, 0xB2, 0xC3},
     Answer::Reply,
     {0x4B, 0x01, 0x01, 0x00, 0x04, 0x08, 0x04, 0x04, 0xA1, 0xB2, 0xC3}},
    {"listPassiveTargetOtherUidIsNone",
     kClassic,
     {0x4A, 0x01, 0x00, 0x04, 0xA1, 0xB2, 0xC4},
     Answer::Reply,
     {0x4B, 0x00}},
    {"listPassiveTargetTypeBIsNone", kClassic, {0x4A, 0x01, 0x03, 0x00}, Answer::Reply, {0x4B, 0x00}},
    {"listPassiveTargetWaitsForCard", std::nullopt, {0x4A, 0x01, 0x00}, Answer::Held, {}},
    {"listPassiveTargetZeroTargets", kClassic, {0x4A, 0x00, 0x00}, Answer::Error, {}},
    {"listPassiveTargetThreeTargets", kClassic, {0x4A, 0x03, 0x00}, Answer::Error, {}},
    {"listPassiveTargetWithoutBaud", kClassic, {0x4A, 0x01}, Answer::Error, {}},
    {"autoPollClassicAsMifare",
     kClassic,
     {0x60, 0xFF, 0x01, 0x10},
     Answer::Reply,
     {0x61, 0x01, 0x10, 0x09, 0x01, 0x00, 0x04, 0x08, 0x04, 0x04, 0xA1, 0xB2, 0xC3}},
    {"autoPollIso14443_4WithAts", kDesfire, {0x60, 0xFF, 0x01, 0x20}, Answer::Reply, {0x61, 0x01, 0x20, 0x12, 0x01,
                                                                                      0x03, 0x44, 0x20, 0x07, 0x04,
                                                                                      0x11, 0x22, 0x33, 0x44, 0x55,
                                                                                      0x77, 0x06, 0x75, 0x77, 0x81,
                                                                                      0x02, 0x80}},
    {"autoPollIso14443_4SkipsClassic", kClassic, {0x60, 0xFF, 0x01, 0x20}, Answer::Held, {}},
    {"autoPollWaitsForCard", std::nullopt, {0x60, 0x14, 0x02, 0x10}, Answer::Held, {}},
    {"autoPollZeroPollNr", kClassic, {0x60, 0x00, 0x01, 0x10}, Answer::Error, {}},
    {"autoPollZeroPeriod", kClassic, {0x60, 0x01, 0x00, 0x10}, Answer::Error, {}},
    {"autoPollPeriodTooLong", kClassic, {0x60, 0x01, 0x10, 0x10}, Answer::Error, {}},
    {"autoPollWithoutTypes", kClassic, {0x60, 0x01, 0x01}, Answer::Error, {}},
    {"autoPollSixteenTypes",
     kClassic,
     {0x60, 0x01, 0x01, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10},
     Answer::Error,
     {}},
    {"unknownCommand", std::nullopt, {0xFE, 0x01}, Answer::Error, {}},
};

INSTANTIATE_TEST_SUITE_P(Pn532Chip, Pn532ChipCommand, ::testing::ValuesIn(kCommandCases),
                         [](const auto& info) { return info.param.name; });

TEST_P(Pn532ChipCommand, answersAsTheChip)
{
    const auto& c = GetParam();
    Pn532Chip chip;
    chip.setCard(c.card);
    const Frames frames = chip.onCommand(c.command, kT0);
    switch (c.answer) {
    case Answer::Reply:
        EXPECT_EQ(frames, ackThen(reply(c.body)));
        EXPECT_FALSE(chip.pendingCommand());
        break;
    case Answer::Error:
        EXPECT_EQ(frames, ackThen(Pn532FrameCodec::errorFrame()));
        EXPECT_FALSE(chip.pendingCommand());
        break;
    case Answer::Held:
        EXPECT_EQ(frames, Frames{Pn532FrameCodec::ackFrame()});
        EXPECT_EQ(chip.pendingCommand(), c.command[0]);
        break;
    }
    EXPECT_EQ(chip.counters().commands, 1U);
}

// --- malformed and unknown input -------------------------------------------

TEST(Pn532Chip, emptyCommandGetsAckAndErrorFrame)
{
    Pn532Chip chip;
    EXPECT_EQ(chip.onCommand({}, kT0), ackThen(Pn532FrameCodec::errorFrame()));
    EXPECT_EQ(chip.counters().unknownCommands, 1U);
    EXPECT_EQ(chip.counters().commands, 0U);
}

TEST(Pn532Chip, unknownCommandsAndDiagnoseTestsAreCounted)
{
    Pn532Chip chip;
    (void)chip.onCommand(Bytes{0xFE}, kT0);
    (void)chip.onCommand(Bytes{0x00, 0x07}, kT0);
    (void)chip.onCommand(Bytes{0x06, 0xFF}, kT0); // malformed, but a known command
    EXPECT_EQ(chip.counters().unknownCommands, 2U);
    EXPECT_EQ(chip.counters().commands, 3U);
}

TEST(Pn532Chip, badChecksumIsIgnoredAndCounted)
{
    Pn532Chip chip;
    EXPECT_TRUE(chip.onEvent(event(Pn532FrameCodec::EventKind::BadChecksum), kT0).empty());
    EXPECT_EQ(chip.counters().badFrames, 1U);
}

TEST(Pn532Chip, foreignFrameIsIgnored)
{
    Pn532Chip chip;
    EXPECT_TRUE(chip.onEvent(event(Pn532FrameCodec::EventKind::ForeignFrame, {0x03}), kT0).empty());
    EXPECT_EQ(chip.counters().commands, 0U);
}

TEST(Pn532Chip, commandEventIsInterpreted)
{
    Pn532Chip chip;
    EXPECT_EQ(chip.onEvent(event(Pn532FrameCodec::EventKind::Command, {0x02}), kT0),
              ackThen(reply({0x03, 0x32, 0x01, 0x06, 0x07})));
}

// --- ACK, NACK, held commands -----------------------------------------------

TEST(Pn532Chip, nackRepeatsLastReplyNotTheAck)
{
    Pn532Chip chip;
    EXPECT_TRUE(chip.onEvent(event(Pn532FrameCodec::EventKind::Nack), kT0).empty()); // nothing said yet
    (void)chip.onCommand(Bytes{0x02}, kT0);
    EXPECT_EQ(chip.onEvent(event(Pn532FrameCodec::EventKind::Nack), kT0),
              Frames{reply({0x03, 0x32, 0x01, 0x06, 0x07})});
    (void)chip.onCommand(Bytes{0xFE}, kT0);
    EXPECT_EQ(chip.onEvent(event(Pn532FrameCodec::EventKind::Nack), kT0), Frames{Pn532FrameCodec::errorFrame()});
}

TEST(Pn532Chip, ackAbortsHeldCommand)
{
    Pn532Chip chip;
    (void)chip.onCommand(Bytes{0x60, 0xFF, 0x01, 0x10}, kT0);
    ASSERT_EQ(chip.pendingCommand(), 0x60);
    EXPECT_TRUE(chip.onEvent(event(Pn532FrameCodec::EventKind::Ack), kT0).empty());
    EXPECT_FALSE(chip.pendingCommand());
    EXPECT_EQ(chip.counters().aborts, 1U);
    chip.setCard(kClassic);
    EXPECT_TRUE(chip.service(kT0).empty()); // the host moved on: no late answer
    // An ACK with nothing held is not an abort.
    (void)chip.onEvent(event(Pn532FrameCodec::EventKind::Ack), kT0);
    EXPECT_EQ(chip.counters().aborts, 1U);
}

TEST(Pn532Chip, newCommandReplacesHeldOne)
{
    Pn532Chip chip;
    (void)chip.onCommand(Bytes{0x4A, 0x01, 0x00}, kT0);
    ASSERT_EQ(chip.pendingCommand(), 0x4A);
    EXPECT_EQ(chip.onCommand(Bytes{0x02}, kT0), ackThen(reply({0x03, 0x32, 0x01, 0x06, 0x07})));
    EXPECT_FALSE(chip.pendingCommand());
    chip.setCard(kClassic);
    EXPECT_TRUE(chip.service(kT0).empty());
}

TEST(Pn532Chip, heldListPassiveTargetAnswersWhenCardComes)
{
    Pn532Chip chip;
    (void)chip.onCommand(Bytes{0x4A, 0x01, 0x00}, kT0);
    EXPECT_EQ(chip.deadline(), std::nullopt); // libnfc waits without a timeout
    EXPECT_TRUE(chip.service(kT0 + 1h).empty());
    chip.setCard(kClassic);
    EXPECT_EQ(chip.service(kT0 + 1h),
              Frames{reply({0x4B, 0x01, 0x01, 0x00, 0x04, 0x08, 0x04, 0x04, 0xA1, 0xB2, 0xC3})});
    EXPECT_EQ(chip.counters().cardReports, 1U);
    EXPECT_EQ(chip.selectedUid(), kClassic.uid());
    EXPECT_TRUE(chip.fieldOn());
}

TEST(Pn532Chip, listPassiveTargetWithFiniteRetriesAnswersNoneAtOnce)
{
    Pn532Chip chip;
    (void)chip.onCommand(Bytes{0x32, 0x05, 0xFF, 0x01, 0x02}, kT0);
    EXPECT_EQ(chip.onCommand(Bytes{0x4A, 0x01, 0x00}, kT0), ackThen(reply({0x4B, 0x00})));
    EXPECT_EQ(chip.counters().emptyReports, 1U);
    EXPECT_EQ(chip.counters().listPassiveTargets, 1U);
}

TEST(Pn532Chip, reselectOfAbsentCardAnswersNoneAtOnce)
{
    Pn532Chip chip;
    EXPECT_EQ(chip.onCommand(Bytes{0x4A, 0x01, 0x00, 0x04, 0xA1, 0xB2, 0xC3}, kT0), ackThen(reply({0x4B, 0x00})));
    EXPECT_EQ(chip.counters().emptyReports, 1U);
}

TEST(Pn532Chip, reselectOfPresentCardCountsAsReselect)
{
    Pn532Chip chip;
    chip.setCard(kClassic);
    (void)chip.onCommand(Bytes{0x4A, 0x01, 0x00, 0x04, 0xA1, 0xB2, 0xC3}, kT0);
    EXPECT_EQ(chip.counters().reselects, 1U);
    EXPECT_EQ(chip.counters().cardReports, 0U);
}

TEST(Pn532Chip, listPassiveTargetAddsAtsOnlyWithAutoRats)
{
    const Bytes withoutAts = concat({0x4B, 0x01}, kDesfire.targetData(0x01, false));
    const Bytes withAts = concat({0x4B, 0x01}, kDesfire.targetData(0x01, true));
    Pn532Chip chip;
    chip.setCard(kDesfire);
    EXPECT_EQ(chip.onCommand(Bytes{0x4A, 0x01, 0x00}, kT0), ackThen(reply(withoutAts)));
    (void)chip.onCommand(Bytes{0x12, 0x10}, kT0); // SetParameters fAutomaticRATS
    EXPECT_EQ(chip.onCommand(Bytes{0x4A, 0x01, 0x00}, kT0), ackThen(reply(withAts)));
}

TEST(Pn532Chip, autoPollWithoutCardAnswersNoneAfterItsPeriod)
{
    // PollNr 2 x 3 types x Period 2 x 150 ms = 1.8 s, halved by the scale.
    Pn532Chip chip(0.5);
    EXPECT_EQ(chip.onCommand(Bytes{0x60, 0x02, 0x02, 0x00, 0x10, 0x20}, kT0), Frames{Pn532FrameCodec::ackFrame()});
    ASSERT_EQ(chip.deadline(), kT0 + 900ms);
    EXPECT_TRUE(chip.service(kT0 + 899ms).empty());
    EXPECT_EQ(chip.service(kT0 + 900ms), Frames{reply({0x61, 0x00})});
    EXPECT_EQ(chip.counters().emptyReports, 1U);
    EXPECT_EQ(chip.counters().autoPolls, 1U);
    EXPECT_FALSE(chip.deadline());
}

TEST(Pn532Chip, autoPollForeverHasNoDeadline)
{
    Pn532Chip chip;
    (void)chip.onCommand(Bytes{0x60, 0xFF, 0x0F, 0x10}, kT0);
    EXPECT_EQ(chip.pendingCommand(), 0x60);
    EXPECT_FALSE(chip.deadline());
    EXPECT_TRUE(chip.service(kT0 + 24h).empty());
}

TEST(Pn532Chip, autoPollAnswersWhenCardComesBeforeItsPeriodEnds)
{
    Pn532Chip chip;
    (void)chip.onCommand(Bytes{0x60, 0x01, 0x01, 0x00}, kT0);
    chip.setCard(kUltralight);
    const Bytes target = kUltralight.targetData(0x01, false);
    EXPECT_EQ(chip.service(kT0 + 10ms),
              Frames{reply(concat({0x61, 0x01, 0x00, static_cast<std::uint8_t>(target.size())}, target))});
    EXPECT_EQ(chip.counters().cardReports, 1U);
}

// --- the selected target ------------------------------------------------------

TEST(Pn532Chip, dataExchangeReachesSelectedCard)
{
    Pn532Chip chip;
    chip.setCard(kUltralight);
    (void)chip.onCommand(Bytes{0x4A, 0x01, 0x00}, kT0);
    const Bytes read{0x30, 0x00};
    EXPECT_EQ(chip.onCommand(Bytes{0x40, 0x01, 0x30, 0x00}, kT0),
              ackThen(reply(concat({0x41, 0x00}, *kUltralight.respond(read)))));
    EXPECT_EQ(chip.onCommand(Bytes{0x40, 0x02, 0x30, 0x00}, kT0), ackThen(reply({0x41, 0x27}))) << "Tg 2 is no target";
    EXPECT_EQ(chip.onCommand(Bytes{0x42, 0x30, 0x00}, kT0),
              ackThen(reply(concat({0x43, 0x00}, *kUltralight.respond(read)))));
}

TEST(Pn532Chip, removedCardTimesOut)
{
    Pn532Chip chip;
    chip.setCard(kClassic);
    (void)chip.onCommand(Bytes{0x4A, 0x01, 0x00}, kT0);
    EXPECT_EQ(chip.onCommand(Bytes{0x00, 0x06}, kT0), ackThen(reply({0x01, 0x00})));
    chip.setCard(std::nullopt);
    EXPECT_EQ(chip.onCommand(Bytes{0x40, 0x01, 0x30, 0x00}, kT0), ackThen(reply({0x41, 0x01})));
    EXPECT_EQ(chip.onCommand(Bytes{0x00, 0x06}, kT0), ackThen(reply({0x01, 0x01})));
}

TEST(Pn532Chip, generalStatusReportsSelectedTarget)
{
    Pn532Chip chip;
    chip.setCard(kClassic);
    (void)chip.onCommand(Bytes{0x4A, 0x01, 0x00}, kT0);
    EXPECT_EQ(chip.onCommand(Bytes{0x04}, kT0), ackThen(reply({0x05, 0x00, 0x01, 0x01, 0x01, 0x00, 0x00, 0x10, 0x00})));
}

TEST(Pn532Chip, releaseThenSelectReactivatesKnownTarget)
{
    Pn532Chip chip;
    chip.setCard(kClassic);
    (void)chip.onCommand(Bytes{0x4A, 0x01, 0x00}, kT0);
    (void)chip.onCommand(Bytes{0x52, 0x00}, kT0);
    EXPECT_FALSE(chip.selectedUid());
    EXPECT_EQ(chip.onCommand(Bytes{0x54, 0x01}, kT0), ackThen(reply({0x55, 0x00})));
    EXPECT_EQ(chip.selectedUid(), kClassic.uid());
}

TEST(Pn532Chip, fieldOffAndPowerDownDeselect)
{
    Pn532Chip chip;
    chip.setCard(kClassic);
    (void)chip.onCommand(Bytes{0x4A, 0x01, 0x00}, kT0);
    (void)chip.onCommand(Bytes{0x32, 0x01, 0x00}, kT0);
    EXPECT_FALSE(chip.selectedUid());
    EXPECT_FALSE(chip.fieldOn());
    (void)chip.onCommand(Bytes{0x4A, 0x01, 0x00}, kT0);
    ASSERT_TRUE(chip.selectedUid());
    (void)chip.onCommand(Bytes{0x16, 0x20}, kT0);
    EXPECT_FALSE(chip.selectedUid());
    EXPECT_FALSE(chip.fieldOn());
}

// --- GPIO and registers ---------------------------------------------------------

TEST(Pn532Chip, writeGpioRecordsBytesAndAppliesFlaggedPorts)
{
    Pn532Chip chip;
    EXPECT_FALSE(chip.lastGpioWrite());
    (void)chip.onCommand(Bytes{0x0E, 0x80, 0x02}, kT0); // P3 applied, P7 not
    EXPECT_EQ(chip.lastGpioWrite(), (Pn532Gpio{0x80, 0x02}));
    EXPECT_EQ(chip.counters().gpioWrites, 1U);
    EXPECT_EQ(chip.onCommand(Bytes{0x0C}, kT0), ackThen(reply({0x0D, 0x00, 0x06, 0x00})));
}

TEST(Pn532Chip, registerWritesToPortsCountAsGpio)
{
    Pn532Chip chip;
    (void)chip.onCommand(Bytes{0x08, 0xFF, 0xB0, 0xFF, 0xFF, 0xF7, 0x02, 0x63, 0x05, 0x40}, kT0);
    EXPECT_EQ(chip.lastGpioWrite(), (Pn532Gpio{0xBF, 0x82})); // masked to the pins, bit 7 set
    EXPECT_EQ(chip.counters().gpioWrites, 2U);
    EXPECT_EQ(chip.onCommand(Bytes{0x06, 0xFF, 0xB0, 0xFF, 0xF7, 0x63, 0x05}, kT0),
              ackThen(reply({0x07, 0x3F, 0x02, 0x40})));
}

} // namespace
