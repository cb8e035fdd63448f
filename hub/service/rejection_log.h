#pragma once
// Rate-limited logging of refused input, with counts by reason: a flood of
// bad frames or refused connections writes a few lines a minute per reason
// (and how many it left out), never one line each, while every one is still
// counted for the stats line. One instance per thread.
#include "common/clock.h"

#include <cstdint>
#include <map>
#include <string>

namespace rollcall::service {

class RejectionLog {
public:
    /// At most `linesPerWindow` lines per reason per `window`, each starting "AREA: " (nothing if empty).
    explicit RejectionLog(std::string area, std::size_t linesPerWindow = 10,
                          common::Millis window = std::chrono::minutes(1));

    /// Counts one rejection for `reason` and logs `detail` unless this reason
    /// has used up its lines for the current window.
    void reject(const std::string& reason, const std::string& detail, common::TimePoint now);

    /// Rejections counted by reason since start.
    [[nodiscard]] const std::map<std::string, std::uint64_t>& counts() const noexcept { return counts_; }
    /// "reason=N reason=N …", or "none".
    [[nodiscard]] std::string summary() const;

private:
    struct Window {
        common::TimePoint start{};
        std::size_t logged = 0;
        std::uint64_t suppressed = 0;
    };
    std::string area_;
    std::size_t linesPerWindow_;
    common::Millis window_;
    std::map<std::string, Window> windows_;
    std::map<std::string, std::uint64_t> counts_;
};

} // namespace rollcall::service
