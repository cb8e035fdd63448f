#include "hub/service/ack_cache.h"

namespace rollcall::service {

void AckCache::remember(const protocol::Ack& ack, const std::string& badgeUid, std::int64_t agentAtMs)
{
    auto& seqs = byReader_[ack.reader_id];
    if (seqs.insert_or_assign(ack.seq, Entry{ack, badgeUid, agentAtMs}).second) ++size_;
    // Agents re-send what is unacknowledged, which is recent: the lowest seqs go first.
    while (seqs.size() > perReader_) {
        seqs.erase(seqs.begin());
        --size_;
    }
}

std::optional<protocol::Ack> AckCache::answer(const protocol::Tap& tap, std::int64_t hubClockMs) const
{
    const auto reader = byReader_.find(tap.reader_id);
    if (reader == byReader_.end()) return std::nullopt;
    const auto it = reader->second.find(tap.seq);
    if (it == reader->second.end()) return std::nullopt;
    if (it->second.badgeUid != tap.badge_uid || it->second.agentAtMs != tap.at_ms) return std::nullopt;
    auto ack = it->second.ack;
    // The agent takes a clock-offset sample from every ack: it must carry the hub's time of now.
    ack.hub_clock_ms = hubClockMs;
    return ack;
}

} // namespace rollcall::service
