#include "dashboard/src/update_sequencer.h"

#include <gtest/gtest.h>

using rollcall::dashboard::UpdateSequencer;
using Decision = UpdateSequencer::Decision;
namespace p = rollcall::protocol;

namespace {
p::Update upd(std::uint64_t seq)
{
    p::Update u;
    u.meeting_id = "m-1";
    u.seq = seq;
    u.payload = p::Summary{};
    return u;
}
std::vector<std::uint64_t> seqs(const std::vector<p::Update>& us)
{
    std::vector<std::uint64_t> out;
    for (const auto& u : us) out.push_back(u.seq);
    return out;
}
} // namespace

TEST(UpdateSequencer, buffersUntilSnapshotThenAppliesNewerInOrder)
{
    UpdateSequencer s;
    EXPECT_EQ(s.offer(upd(4)), Decision::Buffered);
    EXPECT_EQ(s.offer(upd(5)), Decision::Buffered);
    EXPECT_EQ(s.offer(upd(6)), Decision::Buffered);
    const auto out = s.acceptSnapshot(4);
    EXPECT_FALSE(out.gap);
    EXPECT_EQ(seqs(out.updates), (std::vector<std::uint64_t>{5, 6}));
    EXPECT_TRUE(s.live());
    EXPECT_EQ(s.lastSeq(), 6u);
    EXPECT_EQ(s.offer(upd(7)), Decision::Apply);
}

TEST(UpdateSequencer, snapshotNewerThanEveryBufferedUpdateDropsThem)
{
    UpdateSequencer s;
    (void)s.offer(upd(1));
    (void)s.offer(upd(2));
    const auto out = s.acceptSnapshot(9);
    EXPECT_FALSE(out.gap);
    EXPECT_TRUE(out.updates.empty());
    EXPECT_EQ(s.lastSeq(), 9u);
    EXPECT_EQ(s.offer(upd(10)), Decision::Apply);
}

TEST(UpdateSequencer, holeInTheStreamIsAGap)
{
    UpdateSequencer s;
    (void)s.acceptSnapshot(3);
    EXPECT_EQ(s.offer(upd(4)), Decision::Apply);
    EXPECT_EQ(s.offer(upd(6)), Decision::Gap);
    EXPECT_FALSE(s.live());
    // Later updates wait for the new snapshot, which then continues the stream.
    EXPECT_EQ(s.offer(upd(7)), Decision::Buffered);
    const auto out = s.acceptSnapshot(5);
    EXPECT_FALSE(out.gap);
    EXPECT_EQ(seqs(out.updates), (std::vector<std::uint64_t>{6, 7}));
}

TEST(UpdateSequencer, repeatedOrBackwardSeqIsAGap)
{
    UpdateSequencer a;
    (void)a.acceptSnapshot(3);
    EXPECT_EQ(a.offer(upd(3)), Decision::Gap);
    UpdateSequencer b;
    (void)b.acceptSnapshot(10);
    EXPECT_EQ(b.offer(upd(2)), Decision::Gap);
}

TEST(UpdateSequencer, bufferedUpdatesThatSkipPastTheSnapshotAreAGap)
{
    UpdateSequencer s;
    (void)s.offer(upd(8));
    (void)s.offer(upd(9));
    const auto out = s.acceptSnapshot(5); // 6 and 7 were lost
    EXPECT_TRUE(out.gap);
    EXPECT_TRUE(out.updates.empty());
    EXPECT_FALSE(s.live());
    const auto again = s.acceptSnapshot(8);
    EXPECT_FALSE(again.gap);
    EXPECT_EQ(seqs(again.updates), (std::vector<std::uint64_t>{9}));
}

TEST(UpdateSequencer, resetForgetsEverything)
{
    UpdateSequencer s;
    (void)s.acceptSnapshot(3);
    (void)s.offer(upd(4));
    s.reset();
    EXPECT_FALSE(s.live());
    EXPECT_EQ(s.buffered(), 0u);
    EXPECT_EQ(s.offer(upd(5)), Decision::Buffered);
}

TEST(UpdateSequencer, bufferIsBoundedOldestDropped)
{
    UpdateSequencer s(3);
    for (std::uint64_t i = 1; i <= 5; ++i) (void)s.offer(upd(i));
    EXPECT_EQ(s.buffered(), 3u);
    EXPECT_TRUE(s.acceptSnapshot(0).gap); // 1 and 2 were dropped
    EXPECT_FALSE(s.acceptSnapshot(2).gap);
}
