#pragma once
// TapIngest: records a round of reader taps in one transaction and answers
// each — quarantined (unknown reader, seq conflict, seq out of window), acked
// again with its stored verdict (a re-send), or recorded with the verdict of
// the live tracker (in time order) or of a replay of the record (an agent's
// backlog). Its live updates wait until the acks are out (publishPending()).
// Part of the hub's live state, run by the writer thread — except the insert
// of a round judged in memory (insertRound()), which the hub's committer
// thread runs and commits while the writer judges the next round.
#include "hub/core/record.h"
#include "hub/service/hub_config.h"
#include "hub/service/judged_round.h"
#include "hub/service/live_directory.h"
#include "hub/service/live_publisher.h"
#include "hub/service/live_tracker.h"
#include "hub/service/tap_ingest_types.h"
#include "protocol/messages.h"

#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace rollcall::service {

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
    /// Records a batch of taps in one transaction and returns their acks:
    /// judge(), then recordRest() or commitRound(), then finish(), in a row.
    /// Returns only after the commit; throws common::DatabaseError if it fails
    /// (nothing counted; the tracker and the seqs may hold what was rolled
    /// back, so the caller reloads both).
    [[nodiscard]] Round ingest(std::vector<IncomingTap>& batch, common::TimePoint now);

    /// The pipeline's steps (the writer runs them; docs/architecture.md, "The hub").
    /// Judges the round's taps in memory, in order, until one needs the record
    /// (a re-send, a refusal, an out-of-order tap): the tracker takes each, and
    /// the round holds its verdict, ack, row values and live updates. Touches
    /// no SQLite, so it may run while the committer records the previous round.
    [[nodiscard]] JudgedRound judge(std::vector<IncomingTap>&& batch, common::TimePoint now);
    /// For a round judge() left incomplete, with the record connection idle:
    /// inserts the rows judged so far, judges the rest with the record at hand
    /// and commits, all in one transaction. Throws common::DatabaseError.
    void recordRest(JudgedRound& round);
    /// For a complete round: inserts its rows in the order judged and commits
    /// (on the writer, with the committer idle). Throws common::DatabaseError
    /// (rolled back, statements reset).
    void commitRound(JudgedRound& round);
    /// commitRound() without the transaction: the committer thread's, inside
    /// the transaction it shares among the rounds queued together (the writer
    /// uses the connection meanwhile for nothing). Throws common::DatabaseError.
    void insertRound(JudgedRound& round);
    /// After the round's commit: counts it, gives the TapEvents their tap ids,
    /// keeps its live updates for publishPending() and returns its acks (a row
    /// another writer recorded first is acknowledged as a duplicate).
    [[nodiscard]] Round finish(JudgedRound& round);

    /// Publishes the live updates of the batches recorded since the last call
    /// (the server calls it after sending their acks).
    void publishPending();

    /// The highest seq recorded for this reader, kept or quarantined (a hello's welcome); 0 if none.
    [[nodiscard]] std::uint64_t lastSeq(const std::string& readerId);

    [[nodiscard]] const IngestCounters& counters() const noexcept { return counters_; }

private:
    /// Judges one tap; false, judging nothing, if it needs the record and the round is not direct.
    bool take(JudgedRound& r, std::size_t i);
    /// Acks a (reader, seq) recorded before: its stored verdict, or a refusal when it is another tap.
    void answerRecorded(JudgedRound& r, std::size_t i);
    /// A tap of a registered reader with a new seq, in time order: the tracker's verdict, a row to insert.
    void judgeInOrder(JudgedRound& r, std::size_t i, const core::Reader& reader, const core::BadgeAt& badge,
                      common::TimePoint at);
    /// An out-of-order tap (direct rounds only): inserted at once, its verdict by replay.
    void recordDeferred(JudgedRound& r, std::size_t i, const core::Reader& reader,
                        const std::optional<std::string>& personId, common::TimePoint at);
    /// The kept insert statement with a tap's values bound, all but its verdict.
    common::Statement& bindInsert(const protocol::Tap& t, const std::string& venueId, std::int64_t atMs,
                                  std::int64_t nowMs);
    void insertRow(JudgedRound& r, JudgedRound::Row& row);
    /// Verdicts of the round's out-of-order taps by replaying the record.
    void replayDeferred(JudgedRound& r);
    void quarantine(const protocol::Tap& t, common::TimePoint at, const std::string& reason, const JudgedRound& r);
    void noteSummaries(JudgedRound& r);

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
