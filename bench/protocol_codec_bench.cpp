// Wire codec cost per message (a benchmark, not a test): decode of a tap and
// encode of an ack and of a live attendee update, the three the hub does per tap.
//   bench/protocol_codec_bench [--iterations N]
#include "protocol/codec.h"

#include <chrono>
#include <cstdio>
#include <string>

using namespace rollcall::protocol;

namespace {

template <class F>
double microsecondsPer(int iterations, F&& f)
{
    const auto start = std::chrono::steady_clock::now();
    for (int i = 0; i < iterations; ++i) f(i);
    return std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - start).count() / iterations;
}

} // namespace

int main(int argc, char** argv)
{
    int iterations = 200'000;
    if (argc == 3 && std::string(argv[1]) == "--iterations") iterations = std::stoi(argv[2]);

    Tap tap{"door-1", 42, "04A1B2C3D4E5F6", Direction::In, 1'795'827'600'123, -35};
    const std::string tapBytes = encode(tap);
    Ack ack{"door-1", 42, Verdict::Late, "阿依古丽·买买提 迟到 7 分钟", 1'795'827'600'456};
    AttendeeState attendee{"P-0001",
                           "阿卜杜热合曼·艾买提",
                           "州直机关/州发改委",
                           AttendanceStatus::Late,
                           {},
                           1'795'827'600'000,
                           std::nullopt,
                           6,
                           0,
                           std::nullopt,
                           true};

    std::uint64_t sink = 0;
    const double decodeTap = microsecondsPer(iterations, [&](int) {
        auto r = decode<AgentToHub>(tapBytes);
        sink += std::get<Tap>(r.value()).seq;
    });
    const double encodeAck = microsecondsPer(iterations, [&](int i) {
        ack.seq = static_cast<std::uint64_t>(i) + 1;
        sink += encode(ack).size();
    });
    const double encodeUpdate = microsecondsPer(iterations, [&](int i) {
        sink += encode(Update{"m-1", static_cast<std::uint64_t>(i) + 1, attendee}).size();
    });
    std::printf("protocol codec, %d iterations each (checksum %llu)\n", iterations,
                static_cast<unsigned long long>(sink));
    std::printf("decode tap: %.2f us\nencode ack: %.2f us\nencode attendee update: %.2f us\n", decodeTap, encodeAck,
                encodeUpdate);
    return 0;
}
