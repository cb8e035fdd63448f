#include "hub/core/sequence_window.h"

namespace rollcall::core {

std::optional<std::string> SequenceWindow::refusal(std::optional<std::uint64_t> highestRecorded,
                                                   std::uint64_t seq) const
{
    const std::uint64_t highest = highestRecorded.value_or(0);
    // Written without highest + window, which could overflow for a forged highest.
    if (seq <= highest || seq - highest <= window_) return std::nullopt;
    return "seq " + std::to_string(seq) + " jumps " + std::to_string(seq - highest) + " beyond the highest recorded ("
           + std::to_string(highest) + "); at most " + std::to_string(window_) + " is allowed";
}

} // namespace rollcall::core
