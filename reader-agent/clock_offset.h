#pragma once
// ClockOffset: the agent's estimate of hub clock − agent clock, from the hub
// clock carried by each welcome and ack (docs/protocol.md §7).
//
// One sample is offset = hub_clock − (t_send + t_recv) / 2, exact when the
// request and the reply take equally long. The hub sends an ack only after a
// group commit, so acks wait a few ms at the hub: of the recent samples the
// one with the shortest round trip is the least skewed, and it is the one
// used (as NTP's clock filter does). Never throws.

#include <cstdint>
#include <deque>
#include <optional>

namespace rollcall::agent {

class ClockOffset {
public:
    /// How many recent samples are kept.
    static constexpr std::size_t kWindow = 8;

    /// Adds one exchange: agent clock at send and at receipt, hub clock in the reply.
    /// A sample with t_recv < t_send (the agent clock stepped back) is ignored.
    void addSample(std::int64_t sentMs, std::int64_t receivedMs, std::int64_t hubClockMs);

    /// The current estimate in ms; nullopt until the first sample.
    [[nodiscard]] std::optional<std::int64_t> estimate() const;
    /// Round trip of the sample behind estimate(); nullopt without samples.
    [[nodiscard]] std::optional<std::int64_t> roundTrip() const;

private:
    struct Sample {
        std::int64_t offset;
        std::int64_t roundTrip;
    };
    [[nodiscard]] const Sample* best() const;
    std::deque<Sample> samples_;
};

} // namespace rollcall::agent
