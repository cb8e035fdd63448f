#pragma once
// AckCache: the acks of recently committed taps, kept by the hub's socket
// thread so that a tap sent again (its ack was lost, the agent re-sent it)
// is answered from memory without waiting behind the writer's commits. Only
// committed taps enter it, so an answer from it always means "recorded".
#include "protocol/messages.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>

namespace rollcall::service {

class AckCache {
public:
    /// How many acks are kept per reader (the most recent seqs); an older
    /// re-send goes to the writer, which finds it in the record. An agent has
    /// at most 64 taps in flight, so 256 covers its re-sends; at ~200 bytes an
    /// ack, a thousand busy readers cost ~50 MB at most.
    explicit AckCache(std::size_t perReader = 256) : perReader_(perReader) {}

    /// Remembers the ack of a committed tap, with the badge and agent time it was sent with.
    void remember(const protocol::Ack& ack, const std::string& badgeUid, std::int64_t agentAtMs);

    /// The first ack of this (reader, seq), restamped with `hubClockMs`, if the
    /// tap is the same one (badge and agent time); nullopt otherwise: another
    /// tap under a recorded number is the writer's to refuse.
    [[nodiscard]] std::optional<protocol::Ack> answer(const protocol::Tap& tap, std::int64_t hubClockMs) const;

    [[nodiscard]] std::size_t size() const noexcept { return size_; }

private:
    struct Entry {
        protocol::Ack ack;
        std::string badgeUid;
        std::int64_t agentAtMs = 0;
    };
    std::size_t perReader_;
    std::size_t size_ = 0;
    std::unordered_map<std::string, std::map<std::uint64_t, Entry>> byReader_;
};

} // namespace rollcall::service
