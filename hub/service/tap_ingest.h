#pragma once
// TapIngest: records a round of reader taps in one transaction and answers
// each — quarantined (unknown reader, seq conflict, seq out of window), acked
// again with its stored verdict (a re-send), or recorded with the verdict of
// the live tracker (in time order) or of a replay of the record (an agent's
// backlog). Its live updates wait until the acks are out (publishPending()).
// Part of the hub's live state; single-threaded (the writer thread).
#include "hub/core/record.h"
#include "hub/service/hub_config.h"
#include "hub/service/live_directory.h"
#include "hub/service/live_publisher.h"
#include "hub/service/live_tracker.h"
#include "protocol/messages.h"

#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace rollcall::service {

struct IncomingTap {
    std::string peer; // ZeroMQ routing id, to send the ack back
    protocol::Tap tap;
};

/// What goes back to an agent for one tap: an Ack, or an Error when the tap
/// must stay in the agent's outbox.
struct OutgoingAck {
    std::string peer;
    protocol::HubMessage reply;
};

struct IngestCounters {
    std::uint64_t recorded = 0;
    std::uint64_t resent = 0;      // (reader, seq) already recorded: acknowledged again, not recorded twice
    std::uint64_t quarantined = 0; // from readers nobody registered
    std::uint64_t replayed = 0;    // out of time order: verdict by replay
    std::uint64_t conflicts = 0;   // a recorded (reader, seq) sent again with another badge or time
    std::uint64_t seqJumps = 0;    // a seq too far beyond the reader's highest (core::SequenceWindow)
    std::uint64_t batches = 0;

    IngestCounters& operator+=(const IngestCounters& other);
};

class TapIngest {
public:
    /// The tracker must be loaded before ingest(); the directory is read as it stands.
    TapIngest(common::Database& db, const HubConfig& config, const LiveDirectory& directory, LiveTracker& live,
              LivePublisher& publisher);
    ~TapIngest();

    /// Reads the highest seq recorded per reader (call on every reload, and after a failed batch).
    void loadSeqs();

    struct Round {
        std::vector<OutgoingAck> acks; // one per tap, in the batch's order
        /// The tracker no longer matches the record (a replayed tap inside the
        /// horizon, a tap another writer recorded meanwhile): reload it.
        bool reloadNeeded = false;
    };
    /// Records a batch of taps in one transaction and returns their acks.
    /// Returns only after the commit; throws common::DatabaseError if it fails
    /// (nothing counted; the tracker and the seqs may hold what was rolled
    /// back, so the caller reloads both).
    [[nodiscard]] Round ingest(std::vector<IncomingTap>& batch, common::TimePoint now);

    /// Publishes the live updates of the batches recorded since the last call
    /// (the server calls it after sending their acks).
    void publishPending();

    /// The highest seq recorded for this reader, kept or quarantined (a hello's welcome); 0 if none.
    [[nodiscard]] std::uint64_t lastSeq(const std::string& readerId);

    [[nodiscard]] const IngestCounters& counters() const noexcept { return counters_; }

private:
    struct Batch;
    void take(IncomingTap& in, Batch& b);
    /// Acks a (reader, seq) recorded before: its stored verdict, or a refusal when it is another tap.
    void answerRecorded(IncomingTap& in, Batch& b);
    /// Records a tap of a registered reader with a new seq.
    void record(IncomingTap& in, const core::Reader& reader, Batch& b);
    /// Verdicts of the batch's out-of-order taps by replaying the record.
    void replayDeferred(Batch& b);
    void quarantine(const protocol::Tap& t, common::TimePoint at, const std::string& reason, const Batch& b);

    core::Record record_;
    common::Database& db_;
    const HubConfig& config_;
    const LiveDirectory& directory_;
    LiveTracker& live_;
    LivePublisher& publisher_;
    // Highest seq recorded per reader: a higher one is new for sure (agents
    // never reuse a seq), so only lower ones need the idempotency lookup.
    std::unordered_map<std::string, std::int64_t> maxSeq_;
    IngestCounters counters_;
    std::vector<std::pair<std::string, protocol::UpdatePayload>>
        pendingUpdates_; // of committed batches, see publishPending()
    struct Statements;
    std::unique_ptr<Statements> sql_;
};

} // namespace rollcall::service
