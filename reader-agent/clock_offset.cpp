#include "reader-agent/clock_offset.h"

namespace rollcall::agent {

void ClockOffset::addSample(std::int64_t sentMs, std::int64_t receivedMs, std::int64_t hubClockMs)
{
    if (receivedMs < sentMs) return;
    // (sent + received) / 2 without overflow: both are epoch milliseconds.
    const std::int64_t midpoint = sentMs + (receivedMs - sentMs) / 2;
    samples_.push_back({hubClockMs - midpoint, receivedMs - sentMs});
    if (samples_.size() > kWindow) samples_.pop_front();
}

const ClockOffset::Sample* ClockOffset::best() const
{
    const Sample* b = nullptr;
    for (const auto& s : samples_) {
        // Ties go to the newer sample: clocks drift.
        if (!b || s.roundTrip <= b->roundTrip) b = &s;
    }
    return b;
}

std::optional<std::int64_t> ClockOffset::estimate() const
{
    if (const auto* b = best()) return b->offset;
    return std::nullopt;
}

std::optional<std::int64_t> ClockOffset::roundTrip() const
{
    if (const auto* b = best()) return b->roundTrip;
    return std::nullopt;
}

} // namespace rollcall::agent
