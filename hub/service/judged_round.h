#pragma once
// JudgedRound: a round of taps as the writer judged it in memory (verdicts,
// acks, live updates, the row values to insert), waiting to be recorded —
// by the committer thread (RoundCommitter) while the writer judges the next
// round — and answered once its COMMIT returned (TapIngest::finish).
#include "common/clock.h"
#include "hub/service/tap_ingest_types.h"
#include "protocol/messages.h"

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace rollcall::service {

struct JudgedRound {
    std::vector<IncomingTap> batch; // kept to hold it again if the commit fails
    common::TimePoint now;
    std::int64_t nowMs = 0;

    /// A tap recorded in time order: its row's values and, once inserted, its id.
    struct Row {
        std::size_t tap = 0;                  // index in batch and acks
        const std::string* venueId = nullptr; // the reader's, in the directory (not reloaded while a round is judged)
        std::int64_t atMs = 0;                // by the hub's clock
        protocol::Verdict verdict{};
        std::size_t updatesEnd = 0; // its updates end here in `updates`; its TapEvent is the last of them
        // Set by the commit: false when another writer recorded the (reader, seq) meanwhile.
        bool inserted = false;
        std::int64_t id = 0;
    };
    /// A tap recorded out of time order: its verdict comes from a replay of the record.
    struct Deferred {
        std::size_t ack;
        std::int64_t tapId;
        std::string venueId;
        common::TimePoint at;
        std::optional<std::string> personId;
    };

    std::vector<OutgoingAck> acks; // one per tap judged so far, in the batch's order
    std::vector<Row> rows;
    std::vector<Deferred> deferred;
    // Updates go out only after the commit: a dashboard never sees a tap that could still be lost.
    std::vector<std::pair<std::string, protocol::UpdatePayload>> updates; // the rows', in order
    std::set<std::string> summaryDirty;
    std::vector<std::pair<std::string, protocol::UpdatePayload>> summaries; // as of the round's last tap
    bool reloadAfter = false;
    // Counted here and added only after the commit: a failed round recorded nothing.
    IngestCounters counted;
    /// Taps judged so far. Short of batch.size(), the next one needs the record
    /// (a re-send, a refusal, an out-of-order tap): TapIngest::recordRest().
    std::size_t judged = 0;
    /// Rows go into the open transaction as they are judged (TapIngest::recordRest()).
    bool direct = false;

    [[nodiscard]] bool complete() const noexcept { return judged == batch.size(); }
    [[nodiscard]] protocol::Ack ackOf(const protocol::Tap& t) const
    {
        protocol::Ack ack;
        ack.reader_id = t.reader_id;
        ack.seq = t.seq;
        ack.hub_clock_ms = nowMs;
        return ack;
    }
};

} // namespace rollcall::service
