// Fixed-seed fuzzing: random bytes and mutated valid frames must never crash
// a decoder, and whatever decodes must re-encode to the same message.
#include "protocol/codec.h"
#include "tests/protocol/sample_messages.h"

#include <gtest/gtest.h>
#include <random>

namespace rollcall::protocol {
namespace {

template <class Channel>
void check_frame(std::string_view bytes, std::size_t& accepted)
{
    auto result = decode<Channel>(bytes);
    if (!result.ok()) {
        ASSERT_FALSE(result.error().detail.empty());
        return;
    }
    ++accepted;
    // Whatever we accept we can reproduce exactly: no silent defaulting.
    const std::string again = encode(result.value());
    auto second = decode<Channel>(again);
    ASSERT_TRUE(second.ok()) << second.error().detail << "\n" << again;
    ASSERT_EQ(second.value(), result.value()) << again;
}

void check_all_channels(std::string_view bytes, std::size_t& accepted)
{
    check_frame<AgentToHub>(bytes, accepted);
    check_frame<HubToAgent>(bytes, accepted);
    check_frame<QueryToHub>(bytes, accepted);
    check_frame<HubToQuery>(bytes, accepted);
    check_frame<LiveFeed>(bytes, accepted);
}

std::vector<std::string> seeds()
{
    using namespace test;
    return {encode(sample_tap()),
            encode(Hello{"door-1", "0.1.0", 1}),
            encode(Heartbeat{"door-1", 2, 3, ReaderState::NoReader, "无读卡器", "0.1.0"}),
            encode(Welcome{1, false, "未登记的读卡器"}),
            encode(Ack{"door-1", 9, Verdict::WalkIn, std::string(kUyghurName), 4}),
            encode(Error{"bad_field", "seq"}),
            encode(SnapshotRequest{"m1"}),
            encode(MeetingListRequest{"2024-06-10"}),
            encode(sample_snapshot()),
            encode(MeetingList{{MeetingListEntry{"m1", kChineseName, {"v1"}, 1, 2, MeetingState::Open}}}),
            encode(Update{"m1", 5, sample_attendee()}),
            encode(Update{"", 6, Alarm{"door-1", kMiddleDotName, true}})};
}

TEST(DecodeFuzz, randomBytesNeverCrash)
{
    std::mt19937_64 rng(20240610);
    std::uniform_int_distribution<int> byte(0, 255);
    std::uniform_int_distribution<std::size_t> length(0, 200);
    static constexpr char kJsonish[] = "{}[]\":,0123456789-.eE tfnulrsa\\u";
    std::uniform_int_distribution<std::size_t> jsonish(0, sizeof(kJsonish) - 2);
    std::size_t accepted = 0;
    for (int i = 0; i < 30000; ++i) {
        std::string bytes(length(rng), '\0');
        const bool json_alphabet = i % 2 == 0;
        for (char& c : bytes) c = json_alphabet ? kJsonish[jsonish(rng)] : static_cast<char>(byte(rng));
        check_all_channels(bytes, accepted);
        if (HasFatalFailure()) return;
    }
    EXPECT_EQ(accepted, 0u); // random bytes are never a valid v1 message
}

TEST(DecodeFuzz, mutatedValidFramesNeverCrash)
{
    std::mt19937_64 rng(7700);
    const auto frames = seeds();
    std::uniform_int_distribution<std::size_t> pick(0, frames.size() - 1);
    std::uniform_int_distribution<int> byte(0, 255);
    std::uniform_int_distribution<int> op(0, 4);
    std::size_t accepted = 0;
    for (int i = 0; i < 30000; ++i) {
        std::string bytes = frames[pick(rng)];
        const int mutations = 1 + static_cast<int>(rng() % 3);
        for (int m = 0; m < mutations && !bytes.empty(); ++m) {
            const std::size_t at = rng() % bytes.size();
            switch (op(rng)) {
            case 0: bytes[at] = static_cast<char>(byte(rng)); break;                      // replace
            case 1: bytes[at] = static_cast<char>(bytes[at] ^ (1 << (rng() % 8))); break; // bit flip
            case 2: bytes.resize(at); break;                                              // truncate
            case 3: bytes.insert(at, 1, static_cast<char>(byte(rng))); break;             // insert
            case 4: bytes.erase(at, 1 + rng() % 8); break;                                // delete run
            }
        }
        check_all_channels(bytes, accepted);
        if (HasFatalFailure()) return;
    }
    RecordProperty("accepted_mutants", static_cast<int>(accepted));
}

TEST(DecodeFuzz, unmutatedSeedsDecode)
{
    std::size_t accepted = 0;
    for (const auto& f : seeds()) check_all_channels(f, accepted);
    EXPECT_EQ(accepted, seeds().size() + 1); // Error is valid on two channels
}

} // namespace
} // namespace rollcall::protocol
