#pragma once
// IngestWriter: the hub's writer thread (issue 10). It owns the record
// connection and everything that reads or writes through it (LiveState, the
// live publisher): it takes the taps the socket thread queued, judges each
// round in memory and hands it to the committer thread (RoundCommitter),
// which records it in one transaction (group commit) while the writer judges
// the next round; once that COMMIT returned, the writer hands the acks back
// through a queue whose eventfd the socket thread polls. Hellos, heartbeats,
// queries, the tick and the rare taps that need the record run here too, with
// the committer idle, so the socket thread never touches SQLite and never
// waits for an fsync. WAL checkpoints run on a thread of their own
// (WalCheckpointer), scheduled from here (checkpointIfDue()).
#include "hub/service/hub_config.h"
#include "hub/service/live_publisher.h"
#include "hub/service/live_queries.h"
#include "hub/service/live_state.h"
#include "hub/service/round_committer.h"
#include "hub/service/wal_checkpointer.h"
#include "protocol/codec.h"

#include <atomic>
#include <condition_variable>
#include <deque>
#include <exception>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <thread>
#include <variant>
#include <zmq.hpp>

namespace rollcall::service {

/// A message the writer asks the socket thread to send.
struct WriterOutput {
    bool toQuery = false; // the query ROUTER; otherwise the taps ROUTER
    std::string peer;
    bool delimited = false;
    protocol::HubMessage reply; // taps socket
    std::string encoded;        // query socket: the encoded reply
    bool isAck = false;         // a tap's ack or refusal: queued if the pipe is full
    // A committed tap's first ack, which the socket thread may answer re-sends with.
    bool cacheable = false;
    std::string badgeUid;
    std::int64_t agentAtMs = 0;
};

/// What the hub logs in its periodic stats line.
struct WriterStats {
    IngestCounters counters;
    std::uint64_t failedBatches = 0;
    std::uint64_t commits = 0; // transactions of taps: the writer's own and the committer's groups of rounds
    std::uint64_t liveUpdates = 0;
    std::uint64_t held = 0;
    std::uint64_t checkpoints = 0;
    std::int64_t checkpointMsMax = 0; // the longest on the writer thread, the time a tap could wait behind one
    // What the writer refused, by reason: unregistered readers' hellos, heartbeats and taps, seq refusals.
    std::map<std::string, std::uint64_t> rejections;
};

/// Why a batch could not be recorded: the hub's Chinese text (log, older
/// boards) and, for boards that word it in their own language, the cause
/// (`disk_full`, `io_error`, `busy`, `read_only`, `cannot_open`,
/// `database_error`) and its detail (SQLite's message, or the free space).
struct WriteFailure {
    std::string text;
    std::string cause;
    std::string detail;
};

class IngestWriter {
public:
    /// Opens and migrates the record, binds the live PUB socket and loads the live state.
    IngestWriter(const HubConfig& config, const common::Clock& clock, zmq::context_t& context);
    ~IngestWriter();
    IngestWriter(const IngestWriter&) = delete;
    IngestWriter& operator=(const IngestWriter&) = delete;

    [[nodiscard]] const std::string& liveEndpoint() const noexcept { return publisher_->endpoint(); }

    /// Starts the thread. Until then nothing is processed.
    void start();
    /// Processes what is queued (its acks are in takeOutputs()), then stops the thread.
    void stop();

    void submitTaps(std::vector<IncomingTap>&& taps);
    void submitHello(std::string peer, bool delimited, protocol::Hello hello);
    void submitHeartbeat(protocol::Heartbeat heartbeat);
    void submitQuery(std::string peer, bool delimited, protocol::QueryRequest query);
    /// A status query: `partial` holds what the socket thread knows; the writer adds the rest and answers.
    void submitStatus(std::string peer, bool delimited, protocol::Status partial);

    /// Readable (an eventfd) while outputs wait; takeOutputs() empties it.
    [[nodiscard]] int notifyFd() const noexcept { return notifyFd_; }
    [[nodiscard]] std::vector<WriterOutput> takeOutputs();
    /// Rethrows what stopped the thread (the record could not be read or written at all), if anything did.
    void rethrowFailure();

    [[nodiscard]] WriterStats stats() const;

private:
    struct HelloWork {
        std::string peer;
        bool delimited;
        protocol::Hello hello;
    };
    struct QueryWork {
        std::string peer;
        bool delimited;
        protocol::QueryRequest query;
    };
    struct StatusWork {
        std::string peer;
        bool delimited;
        protocol::Status status;
    };
    using Work = std::variant<std::vector<IncomingTap>, HelloWork, protocol::Heartbeat, QueryWork, StatusWork>;

    void loop();
    void run();
    void submit(Work&& work);
    void process(std::deque<Work>& work);
    /// A round handed to the committer: its outcome, read once the committer is idle.
    struct InFlight {
        JudgedRound round;
        std::optional<common::DatabaseError> error;
        std::exception_ptr crash; // anything else: it stops the hub, as on the writer
        bool skipped = false;     // not tried: a round before it failed
        std::uint64_t ticket = 0; // the committer's job
    };
    /// Records the taps in rounds of at most max_batch, pipelined: a round is
    /// judged while the one before it commits. A round that fails is held with
    /// everything after it, and retried (retryHeld()).
    void recordTaps(std::vector<IncomingTap>&& taps);
    /// Before a round is judged: the disk reserve, and a reload the live state
    /// needs (with the connection idle); the failure that stops the round, if any.
    [[nodiscard]] std::optional<WriteFailure> prepareRound();
    void submitRound(JudgedRound&& round);
    /// Waits for the oldest round in flight and answers it: acks, then its
    /// live updates. If its commit failed, its taps and those of every round
    /// after it are held, the live state starts again from the record, and
    /// the failure is returned.
    [[nodiscard]] std::optional<WriteFailure> landOldest();
    /// landOldest() until no round is in flight.
    [[nodiscard]] std::optional<WriteFailure> land();
    /// Answers the rounds whose commit returned, without waiting.
    [[nodiscard]] std::optional<WriteFailure> landCommitted();
    /// land(), the failure path if it failed, and a reload a landed round asked
    /// for: afterwards the record connection is the writer's (queries, tick).
    void drain();
    void answerRound(JudgedRound& round);
    WriteFailure abandonRound(const common::DatabaseError& e);
    void hold(std::vector<IncomingTap>&& taps);
    void retryHeld();
    void onWriteFailure(const WriteFailure& why, std::size_t taps);
    void onWriteRecovered();
    [[nodiscard]] std::optional<WriteFailure> diskReserveProblem() const;
    void tick(common::TimePoint now);
    [[nodiscard]] protocol::QueryReply answer(const protocol::QueryRequest& query);
    /// Adds the writer's part of the status: readers, record, ingest, disk.
    void completeStatus(protocol::Status& status);
    /// What the writer refused so far, by reason (WriterStats::rejections).
    [[nodiscard]] std::map<std::string, std::uint64_t> rejections() const;
    void emit(std::vector<WriterOutput>&& outputs);
    void checkpointIfDue();
    void publishStats();
    static int onWalCommit(void* self, struct sqlite3* db, const char* name, int pages);

    const HubConfig& config_;
    const common::Clock& clock_;
    common::Database db_;
    std::unique_ptr<LivePublisher> publisher_;
    std::unique_ptr<LiveState> state_;
    std::unique_ptr<LiveQueries> queries_;
    std::unique_ptr<WalCheckpointer> checkpointer_; // destroyed before db_: its own connection to the same file

    std::mutex mutex_; // guards queue_ and stopping_
    std::condition_variable wake_;
    std::deque<Work> queue_;
    bool stopping_ = false;
    std::thread thread_;

    std::mutex outMutex_; // guards outputs_
    std::vector<WriterOutput> outputs_;
    std::exception_ptr failure_;
    int notifyFd_ = -1;

    mutable std::mutex statsMutex_;
    WriterStats stats_;

    bool committed_ = false; // guarded by mutex_: the committer finished a job, a round may wait for its answer

    // Set by the WAL hook and the checkpoint jobs on the committer thread, read by the writer.
    std::mutex walMutex_;
    int walPages_ = 0;         // frames in the WAL after the last commit (SQLite's WAL hook)
    int backfilledFrames_ = 0; // of those, already copied into the database file by the checkpointer
    std::uint64_t checkpoints_ = 0;
    std::int64_t checkpointMsMax_ = 0;
    bool finishQueued_ = false; // a checkpoint's last frames wait for the committer

    // Writer thread only.
    std::deque<std::unique_ptr<InFlight>> inFlight_; // oldest first, at most kMaxInFlight
    std::atomic<bool> roundFailed_{false};           // set by the committer: it skips the rounds after a failed one
    bool reloadDue_ = false;                         // a landed round left the live state out of step with the record
    std::uint64_t failedBatches_ = 0;
    std::uint64_t commitsHere_ = 0; // rounds the writer recorded itself (WriterStats::commits)
    std::vector<IncomingTap> held_;
    std::set<std::pair<std::string, std::uint64_t>> heldKeys_;
    common::TimePoint retryAt_{};
    std::chrono::milliseconds retryBackoff_{0};
    std::optional<std::string> writeAlarm_;
    std::string writeCause_; // while writeAlarm_: disk_full, io_error, ...
    std::uint64_t heldDropped_ = 0;
    std::string lastTickError_;
    common::TimePoint nextTick_{};

    std::unique_ptr<RoundCommitter> committer_; // last: its thread ends before anything its jobs use
};

} // namespace rollcall::service
