#include "hardware/emulator/pn532_frame_codec.h"
#include "tests/hardware/frame_bytes.h"

#include <gtest/gtest.h>

using rollcall::emulator::Pn532FrameCodec;
using Kind = Pn532FrameCodec::EventKind;
using rollcall::emulator::test::Bytes;

namespace {

using rollcall::emulator::test::hostFrame;

Bytes operator+(Bytes a, const Bytes& b)
{
    a.insert(a.end(), b.begin(), b.end());
    return a;
}

} // namespace

TEST(Pn532FrameCodec, encodeNormalFrameMatchesLibnfcBytes)
{
    // GetFirmwareVersion exactly as libnfc 1.8 puts it on the wire.
    EXPECT_EQ(hostFrame({0x02}), (Bytes{0x00, 0x00, 0xFF, 0x02, 0xFE, 0xD4, 0x02, 0x2A, 0x00}));
    EXPECT_EQ(Pn532FrameCodec::encodeReply(Bytes{0x15}), (Bytes{0x00, 0x00, 0xFF, 0x02, 0xFE, 0xD5, 0x15, 0x16, 0x00}));
}

TEST(Pn532FrameCodec, encodeUsesExtendedFrameAbove255Bytes)
{
    EXPECT_EQ(Pn532FrameCodec::encodeReply(Bytes(254, 0xAB))[3], 0xFF); // LEN 255 still fits a normal frame
    const Bytes frame = Pn532FrameCodec::encodeReply(Bytes(259, 0xAB));
    // 00 00 FF FF FF LENM LENL LCS with LEN = TFI + 259 = 0x0104
    ASSERT_GE(frame.size(), 8U);
    EXPECT_EQ((Bytes{frame.begin(), frame.begin() + 8}), (Bytes{0x00, 0x00, 0xFF, 0xFF, 0xFF, 0x01, 0x04, 0xFB}));
    EXPECT_EQ(frame.size(), 8U + 260U + 2U);
}

TEST(Pn532FrameCodec, encodeRejectsDataLongerThanExtendedFrame)
{
    EXPECT_THROW((void)Pn532FrameCodec::encodeReply(Bytes(265, 0x00)), std::length_error);
    EXPECT_NO_THROW((void)Pn532FrameCodec::encodeReply(Bytes(264, 0x00)));
}

TEST(Pn532FrameCodec, decodesExtendedFrame)
{
    Bytes data(260, 0x5A);
    data[0] = 0x40;
    Pn532FrameCodec codec;
    const auto events = codec.feed(hostFrame(data));
    ASSERT_EQ(events.size(), 1U);
    EXPECT_EQ(events[0], (Pn532FrameCodec::Event{Kind::Command, data}));
}

TEST(Pn532FrameCodec, skipsWakeUpPreambleBeforeFirstFrame)
{
    Pn532FrameCodec codec;
    const Bytes wakeUp{0x55, 0x55, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
    const auto events = codec.feed(wakeUp + hostFrame({0x14, 0x01}));
    ASSERT_EQ(events.size(), 1U);
    EXPECT_EQ(events[0], (Pn532FrameCodec::Event{Kind::Command, {0x14, 0x01}}));
}

TEST(Pn532FrameCodec, waitsForFrameSplitAcrossReads)
{
    Pn532FrameCodec codec;
    const Bytes frame = hostFrame({0x4A, 0x01, 0x00});
    // Every byte but the postamble alone yields nothing; DCS completes the frame.
    for (std::size_t i = 0; i + 2 < frame.size(); ++i) {
        EXPECT_TRUE(codec.feed(Bytes{frame[i]}).empty()) << "after byte " << i;
    }
    const auto events = codec.feed(Bytes{frame[frame.size() - 2], frame.back()});
    ASSERT_EQ(events.size(), 1U);
    EXPECT_EQ(events[0].payload, (Bytes{0x4A, 0x01, 0x00}));
}

TEST(Pn532FrameCodec, resyncsAfterGarbage)
{
    Pn532FrameCodec codec;
    const auto events =
        codec.feed(Bytes{0x13, 0x37, 0xFF, 0x00, 0x42} + hostFrame({0x02}) + Bytes{0xEE} + hostFrame({0x04}));
    ASSERT_EQ(events.size(), 2U);
    EXPECT_EQ(events[0].payload, (Bytes{0x02}));
    EXPECT_EQ(events[1].payload, (Bytes{0x04}));
}

TEST(Pn532FrameCodec, reportsBadDataChecksumThenDecodesNextFrame)
{
    Bytes corrupt = hostFrame({0x02});
    corrupt[corrupt.size() - 2] ^= 0x01;
    Pn532FrameCodec codec;
    const auto events = codec.feed(corrupt + hostFrame({0x02}));
    ASSERT_EQ(events.size(), 2U);
    EXPECT_EQ(events[0].kind, Kind::BadChecksum);
    EXPECT_EQ(events[1], (Pn532FrameCodec::Event{Kind::Command, {0x02}}));
}

TEST(Pn532FrameCodec, reportsBadLengthChecksum)
{
    Bytes corrupt = hostFrame({0x02});
    corrupt[4] = 0x00; // LCS no longer -LEN
    Pn532FrameCodec codec;
    const auto events = codec.feed(corrupt + hostFrame({0x02}));
    ASSERT_EQ(events.size(), 2U);
    EXPECT_EQ(events[0].kind, Kind::BadChecksum);
    EXPECT_EQ(events[1].kind, Kind::Command);
}

TEST(Pn532FrameCodec, recognisesAckAndNack)
{
    Pn532FrameCodec codec;
    const auto events = codec.feed(Pn532FrameCodec::ackFrame() + Pn532FrameCodec::nackFrame());
    ASSERT_EQ(events.size(), 2U);
    EXPECT_EQ(events[0].kind, Kind::Ack);
    EXPECT_EQ(events[1].kind, Kind::Nack);
}

TEST(Pn532FrameCodec, marksFramesNotForTheChipAsForeign)
{
    Pn532FrameCodec codec;
    const auto events = codec.feed(Pn532FrameCodec::encodeReply(Bytes{0x03}) + Pn532FrameCodec::errorFrame());
    ASSERT_EQ(events.size(), 2U);
    EXPECT_EQ(events[0].kind, Kind::ForeignFrame);
    EXPECT_EQ(events[1].kind, Kind::ForeignFrame);
}

TEST(Pn532FrameCodec, errorFrameIsTheChipsSyntaxErrorFrame)
{
    EXPECT_EQ(Pn532FrameCodec::errorFrame(), (Bytes{0x00, 0x00, 0xFF, 0x01, 0xFF, 0x7F, 0x81, 0x00}));
}
