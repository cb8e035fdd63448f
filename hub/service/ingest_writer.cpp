#include "hub/service/ingest_writer.h"

#include "hub/core/record_guard.h"
#include "hub/core/schema.h"
#include "hub/service/hub_log.h"
#include "hub/service/hub_status.h"

#include <algorithm>
#include <filesystem>
#include <pthread.h>
#include <spdlog/spdlog.h>
#include <sqlite3.h>
#include <sys/eventfd.h>
#include <unistd.h>

namespace rollcall::service {
namespace {

using namespace std::chrono_literals;

constexpr std::size_t kMaxHeldTaps = 200'000;
constexpr std::chrono::milliseconds kRetryBackoffMin{100};
constexpr std::chrono::milliseconds kRetryBackoffMax{5000};
// WAL checkpoints (see checkpointIfDue): from this many frames on, the
// background checkpointer copies them; once no more than kFinishOnWriterFrames
// are left, the writer copies the rest itself (a millisecond or two).
constexpr int kCheckpointPages = 1000;
constexpr int kFinishOnWriterFrames = 300;
// A round of at least this many taps, with none in flight, is judged and committed in two halves (recordTaps).
constexpr std::size_t kSplitRoundFrom = 32;
// Rounds handed to the committer and not yet answered. The rounds queued while
// a group commits are the next group, committed together: up to this many the
// writer goes on judging instead of waiting, so the groups grow with the load.
constexpr std::size_t kMaxInFlight = 8;

// The alarm text names the cause in words an operator acts on, then SQLite's own message.
WriteFailure describeWriteFailure(const common::DatabaseError& e)
{
    std::string cause, code;
    switch (e.code() & 0xff) {
    case 13: cause = "磁盘已满", code = "disk_full"; break;    // SQLITE_FULL
    case 10: cause = "磁盘读写错误", code = "io_error"; break; // SQLITE_IOERR
    case 5:
    case 6: cause = "记录被其他程序占用", code = "busy"; break;       // SQLITE_BUSY, SQLITE_LOCKED
    case 8: cause = "记录只读", code = "read_only"; break;            // SQLITE_READONLY
    case 14: cause = "无法打开记录文件", code = "cannot_open"; break; // SQLITE_CANTOPEN
    default: cause = "数据库错误", code = "database_error"; break;
    }
    return {"记录写入失败：" + cause + "（" + e.what() + "）", code, e.what()};
}

} // namespace

IngestWriter::IngestWriter(const HubConfig& config, const common::Clock& clock, zmq::context_t& context)
    : config_(config), clock_(clock), db_(config.dbPath)
{
    core::migrate(db_);
    core::checkRecordIntegrity(db_); // refuses a record whose guards are gone or whose chain's tail is broken
    // Checkpoints are the writer's to schedule (checkpointIfDue); SQLite would
    // otherwise run one inside the commit that crosses 1,000 pages.
    db_.exec("PRAGMA wal_autocheckpoint = 0");
    growInChunks(db_); // it finishes checkpoints too
    checkpointer_ = std::make_unique<WalCheckpointer>(config.dbPath);
    sqlite3_wal_hook(db_.handle(), &IngestWriter::onWalCommit, this);
    notifyFd_ = ::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    if (notifyFd_ < 0) throw std::runtime_error("eventfd failed");
    publisher_ = std::make_unique<LivePublisher>(context, config.liveEndpoint, clock_.now(), &config.security);
    state_ = std::make_unique<LiveState>(db_, config_, *publisher_);
    queries_ = std::make_unique<LiveQueries>(db_, config_, *state_, *publisher_);
    state_->reload(clock_.now());
    committer_ = std::make_unique<RoundCommitter>(db_, [this] {
        {
            std::lock_guard lock(mutex_);
            committed_ = true;
        }
        wake_.notify_one();
    });
}

IngestWriter::~IngestWriter()
{
    stop();
    committer_->waitIdle(); // a round still in flight if the writer stopped on an error
    checkpointer_.reset();  // waits for a checkpoint in progress
    sqlite3_wal_hook(db_.handle(), nullptr, nullptr);
    // A last pass on the way out, so a clean stop leaves a short WAL.
    try {
        db_.exec("PRAGMA wal_checkpoint(PASSIVE)");
    } catch (const common::DatabaseError&) { // the next start checkpoints instead
    }
    if (notifyFd_ >= 0) ::close(notifyFd_);
}

void IngestWriter::start()
{
    nextTick_ = clock_.now();
    thread_ = std::thread([this] { loop(); });
}

void IngestWriter::stop()
{
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_one();
    if (thread_.joinable()) thread_.join();
}

int IngestWriter::onWalCommit(void* self, sqlite3*, const char*, int pages)
{
    auto* writer = static_cast<IngestWriter*>(self); // on the committer thread, or the writer's with it idle
    std::lock_guard lock(writer->walMutex_);
    // Fewer frames than before: this commit restarted the WAL from its start,
    // so what the checkpointer copied of the old one no longer counts.
    if (pages < writer->walPages_) writer->backfilledFrames_ = 0;
    writer->walPages_ = pages;
    return SQLITE_OK;
}

void IngestWriter::submit(Work&& work)
{
    {
        std::lock_guard lock(mutex_);
        queue_.push_back(std::move(work));
    }
    wake_.notify_one();
}

void IngestWriter::submitTaps(std::vector<IncomingTap>&& taps) { submit(std::move(taps)); }
void IngestWriter::submitHello(std::string peer, bool delimited, protocol::Hello hello)
{
    submit(HelloWork{std::move(peer), delimited, std::move(hello)});
}
void IngestWriter::submitHeartbeat(protocol::Heartbeat heartbeat) { submit(std::move(heartbeat)); }
void IngestWriter::submitQuery(std::string peer, bool delimited, protocol::QueryRequest query)
{
    submit(QueryWork{std::move(peer), delimited, std::move(query)});
}
void IngestWriter::submitStatus(std::string peer, bool delimited, protocol::Status partial)
{
    submit(StatusWork{std::move(peer), delimited, std::move(partial)});
}

std::vector<WriterOutput> IngestWriter::takeOutputs()
{
    std::uint64_t n = 0;
    (void)!::read(notifyFd_, &n, sizeof n);
    std::lock_guard lock(outMutex_);
    return std::exchange(outputs_, {});
}

void IngestWriter::rethrowFailure()
{
    std::exception_ptr failure;
    {
        std::lock_guard lock(outMutex_);
        failure = failure_;
    }
    if (failure) std::rethrow_exception(failure);
}

void IngestWriter::emit(std::vector<WriterOutput>&& outputs)
{
    if (outputs.empty()) return;
    bool wasEmpty = false;
    {
        std::lock_guard lock(outMutex_);
        wasEmpty = outputs_.empty();
        if (wasEmpty) {
            outputs_ = std::move(outputs);
        } else {
            for (auto& o : outputs) outputs_.push_back(std::move(o));
        }
    }
    if (wasEmpty) {
        const std::uint64_t one = 1;
        (void)!::write(notifyFd_, &one, sizeof one);
    }
}

WriterStats IngestWriter::stats() const
{
    std::lock_guard lock(statsMutex_);
    return stats_;
}

void IngestWriter::publishStats()
{
    WriterStats s;
    s.counters = state_->counters();
    s.failedBatches = failedBatches_;
    s.commits = commitsHere_ + committer_->groups();
    s.liveUpdates = publisher_->published();
    s.held = held_.size();
    {
        std::lock_guard lock(walMutex_);
        s.checkpoints = checkpoints_;
        s.checkpointMsMax = checkpointMsMax_;
    }
    s.rejections = rejections();
    std::lock_guard lock(statsMutex_);
    stats_ = s;
}

void IngestWriter::loop()
{
    ::pthread_setname_np(::pthread_self(), "hub-writer"); // named in top, perf and the benchmark's CPU shares
    try {
        run();
    } catch (...) {
        // The socket thread rethrows it (HubServer::run); the hub exits rather than ack nothing forever.
        {
            std::lock_guard lock(outMutex_);
            failure_ = std::current_exception();
        }
        const std::uint64_t one = 1;
        (void)!::write(notifyFd_, &one, sizeof one);
    }
}

void IngestWriter::run()
{
    while (true) {
        std::deque<Work> work;
        bool stopping = false;
        {
            std::unique_lock lock(mutex_);
            auto wakeAt = nextTick_;
            if (!held_.empty()) wakeAt = std::min(wakeAt, retryAt_);
            const auto wait = std::max(std::chrono::duration_cast<std::chrono::milliseconds>(wakeAt - clock_.now()),
                                       std::chrono::milliseconds(0));
            wake_.wait_for(lock, wait, [&] { return !queue_.empty() || stopping_ || committed_; });
            work.swap(queue_);
            stopping = stopping_;
            committed_ = false;
        }
        process(work);
        // A round whose commit returned is answered at once (if taps waited, the next one was judged meanwhile).
        if (auto why = landCommitted()) onWriteFailure(*why, held_.size());
        if (reloadDue_ && inFlight_.empty()) drain();
        if (stopping) {
            // Whatever was queued is recorded and acknowledged (or not acknowledged at all).
            std::deque<Work> rest;
            {
                std::lock_guard lock(mutex_);
                rest.swap(queue_);
            }
            process(rest);
            drain();
            publishStats();
            return;
        }
        const auto now = clock_.now();
        if (now >= nextTick_) {
            drain();
            tick(now);
            nextTick_ = now + config_.tick;
        }
        retryHeld();
        publishStats();
        checkpointIfDue();
    }
}

void IngestWriter::process(std::deque<Work>& work)
{
    if (work.empty()) return;
    const auto now = clock_.now();
    std::vector<IncomingTap> taps;
    std::vector<WriterOutput> replies;
    // Hellos, heartbeats and queries use the record connection, and a query's
    // answer must count no tap that is not committed: the round in flight lands first.
    if (std::any_of(work.begin(), work.end(),
                    [](const Work& w) { return !std::holds_alternative<std::vector<IncomingTap>>(w); }))
        drain();
    for (auto& w : work) {
        std::visit(
            [&](auto& item) {
                using T = std::decay_t<decltype(item)>;
                if constexpr (std::is_same_v<T, std::vector<IncomingTap>>) {
                    if (taps.empty()) {
                        taps = std::move(item);
                    } else {
                        for (auto& t : item) taps.push_back(std::move(t));
                    }
                } else if constexpr (std::is_same_v<T, HelloWork>) {
                    WriterOutput o;
                    o.peer = item.peer;
                    o.delimited = item.delimited;
                    o.reply = state_->hello(item.hello, now);
                    replies.push_back(std::move(o));
                } else if constexpr (std::is_same_v<T, protocol::Heartbeat>) {
                    state_->heartbeat(item, now);
                } else if constexpr (std::is_same_v<T, StatusWork>) {
                    WriterOutput o;
                    o.toQuery = true;
                    o.peer = item.peer;
                    o.delimited = item.delimited;
                    completeStatus(item.status);
                    o.encoded = protocol::encode(item.status);
                    replies.push_back(std::move(o));
                } else {
                    WriterOutput o;
                    o.toQuery = true;
                    o.peer = item.peer;
                    o.delimited = item.delimited;
                    o.encoded = protocol::encode(answer(item.query));
                    replies.push_back(std::move(o));
                }
            },
            w);
    }
    // A snapshot counts the updates numbered before it: they go out on the PUB
    // socket before the snapshot does (LivePublisher::flush).
    if (std::any_of(replies.begin(), replies.end(), [](const WriterOutput& o) { return o.toQuery; }))
        publisher_->flush();
    emit(std::move(replies));
    if (!taps.empty()) recordTaps(std::move(taps));
}

protocol::QueryReply IngestWriter::answer(const protocol::QueryRequest& query)
{
    const auto now = clock_.now();
    try {
        return std::visit(
            [&](const auto& request) -> protocol::QueryReply {
                using T = std::decay_t<decltype(request)>;
                if constexpr (std::is_same_v<T, protocol::SnapshotRequest>) {
                    return queries_->snapshot(request.meeting_id, now);
                } else if constexpr (std::is_same_v<T, protocol::PhotoRequest>) {
                    return queries_->photo(request.person_id);
                } else if constexpr (std::is_same_v<T, protocol::MeetingListRequest>) {
                    return queries_->meetingList(request.day, now);
                } else if constexpr (std::is_same_v<
                                         T, protocol::AdminRequest> || std::is_same_v<T, protocol::AdminCancel>) {
                    // The socket thread hands these to the AdminWorker; none reaches the writer.
                    return protocol::Error{"internal",
                                           "an admin request reached the writer instead of the admin worker"};
                } else {
                    return protocol::Error{"internal", "a status request reached the writer without its socket part"};
                }
            },
            query);
    } catch (const common::InputError& e) {
        return protocol::Error{"bad_field", e.what()};
    }
}

std::map<std::string, std::uint64_t> IngestWriter::rejections() const
{
    auto all = state_->readerRejections();
    const auto& c = state_->counters();
    for (const auto& [reason, n] :
         {std::pair{"unregistered_tap", c.quarantined}, std::pair{"seq_conflict", c.conflicts},
          std::pair{"seq_out_of_window", c.seqJumps}}) {
        if (n > 0) all[reason] += n;
    }
    return all;
}

void IngestWriter::completeStatus(protocol::Status& status)
{
    // The socket thread counted its refusals; these are the writer's own, as of now.
    auto all = rejections();
    for (const auto& r : status.rejections) all[r.reason] += r.count;
    status.rejections = rejectionCounts(all);
    status.hub_clock_ms = common::toMillis(clock_.now());
    status.schema_version = core::schemaVersion(db_);
    const auto tip = chainTip(db_);
    status.chain_head = tip.hash;
    status.chain_rows = tip.position;
    status.readers = state_->allReaders();
    status.recorded = state_->counters().recorded;
    status.failed_batches = failedBatches_;
    status.write_failure = writeAlarm_ ? writeCause_ : std::string();
    status.held_taps = held_.size();
    {
        std::lock_guard lock(mutex_);
        status.queued = queue_.size();
    }
    status.disk_free_bytes = recordDiskFree(config_.dbPath);
    status.disk_reserve_bytes = config_.diskReserveBytes;
}

void IngestWriter::recordTaps(std::vector<IncomingTap>&& taps)
{
    if (!held_.empty()) {
        hold(std::move(taps)); // in order behind the taps already waiting; retryHeld() records them
        return;
    }
    // While writes fail, each round lands before the next: the first one that
    // commits clears the alarm, the first that fails holds everything after it.
    const bool recovering = writeAlarm_ || retryBackoff_.count() != 0;
    for (std::size_t from = 0, to = 0; from < taps.size(); from = to) {
        auto size = std::min(config_.maxBatch, taps.size() - from);
        // With nothing in flight the committer would wait while the whole
        // round is judged, and the agents for all of its acks (in the
        // benchmark every tap in flight comes in one round): half of it goes
        // first, so its commit overlaps the judging of the other half and its
        // acks bring the next taps while that half commits.
        if (inFlight_.empty() && size >= kSplitRoundFrom) size = (size + 1) / 2;
        to = from + size;
        std::vector<IncomingTap> chunk(std::make_move_iterator(taps.begin() + static_cast<std::ptrdiff_t>(from)),
                                       std::make_move_iterator(taps.begin() + static_cast<std::ptrdiff_t>(to)));
        const auto fail = [&](const WriteFailure& why) {
            // Nothing of this round (nor of the one in flight, if it failed) was acknowledged:
            // the agents keep the taps in their outboxes, and the hub keeps them to try again.
            hold(std::move(chunk));
            std::vector<IncomingTap> rest(std::make_move_iterator(taps.begin() + static_cast<std::ptrdiff_t>(to)),
                                          std::make_move_iterator(taps.end()));
            hold(std::move(rest));
            onWriteFailure(why, held_.size());
        };
        if (auto why = prepareRound()) return fail(*why);
        auto round = state_->judge(std::move(chunk), clock_.now());
        // Records the round on this thread, once the committer is idle; a
        // failure is the round's: it is held with the rest.
        const auto recordHere = [&](auto&& record) -> std::optional<WriteFailure> {
            committer_->waitIdle();
            try {
                record(round);
            } catch (const common::DatabaseError& e) {
                return abandonRound(e);
            }
            ++commitsHere_;
            answerRound(round);
            return std::nullopt;
        };
        if (!round.complete()) {
            // A tap that needs the record (a re-send, a refusal, an agent's backlog):
            // the rest of this round runs here, with the connection idle.
            auto why = land();
            if (!why) why = recordHere([&](JudgedRound& r) { state_->recordRest(r); });
            if (why) {
                chunk = std::move(round.batch);
                return fail(*why);
            }
            continue;
        }
        if (inFlight_.empty() && size < kSplitRoundFrom) {
            // A small round with nothing in flight (a hub at a door's pace: a
            // tap or a few per round) is recorded here, as before the
            // committer: handing it over would add two thread wake-ups to
            // every ack, each a wait for a core on a busy machine, and overlap
            // nothing (README, "Performance").
            if (auto why = recordHere([&](JudgedRound& r) { state_->commitRound(r); })) {
                chunk = std::move(round.batch);
                return fail(*why);
            }
            continue;
        }
        if (inFlight_.size() >= kMaxInFlight) {
            if (auto why = landOldest()) {
                chunk = std::move(round.batch);
                return fail(*why);
            }
        }
        submitRound(std::move(round));
    }
    if (recovering) {
        if (auto why = land()) {
            onWriteFailure(*why, held_.size());
            return;
        }
        onWriteRecovered();
    }
    if (inFlight_.empty() && reloadDue_) drain();
}

std::optional<WriteFailure> IngestWriter::prepareRound()
{
    if (auto problem = diskReserveProblem()) {
        if (auto why = land()) return why;
        return problem;
    }
    if (reloadDue_ || !state_->ready()) {
        if (auto why = land()) return why;
        committer_->waitIdle();
        try {
            state_->reload(clock_.now());
            reloadDue_ = false;
        } catch (const common::DatabaseError& e) {
            ++failedBatches_;
            return describeWriteFailure(e);
        }
    }
    return std::nullopt;
}

void IngestWriter::submitRound(JudgedRound&& round)
{
    auto& f = inFlight_.emplace_back(std::make_unique<InFlight>(InFlight{std::move(round), std::nullopt, nullptr}));
    f->ticket = committer_->submitRound(
        [this, f = f.get()] {
            // After a failed group the rounds queued behind it were judged on top
            // of what was rolled back: they are held too, not committed (landOldest()).
            if (roundFailed_) {
                f->skipped = true;
                return;
            }
            state_->insertRound(f->round);
        },
        [this, f = f.get()](std::exception_ptr failure) {
            if (!failure || f->skipped) return;
            // Every round of a failed group gets its failure: none of it is in the record.
            try {
                std::rethrow_exception(failure);
            } catch (const common::DatabaseError& e) {
                f->error = e;
            } catch (...) {
                f->crash = std::current_exception();
            }
            roundFailed_ = true;
        });
}

WriteFailure IngestWriter::abandonRound(const common::DatabaseError& e)
{
    ++failedBatches_;
    try {
        state_->abandon(clock_.now());
    } catch (const common::DatabaseError&) { // the next round reloads first (prepareRound)
    }
    return describeWriteFailure(e);
}

std::optional<WriteFailure> IngestWriter::landOldest()
{
    if (inFlight_.empty()) return std::nullopt;
    committer_->waitFor(inFlight_.front()->ticket);
    const auto f = std::move(inFlight_.front());
    inFlight_.pop_front();
    if (f->crash) std::rethrow_exception(f->crash);
    if (!f->error) {
        answerRound(f->round);
        return std::nullopt;
    }
    // Nothing of it is acknowledged, nor of the rounds after it (skipped): held in order.
    committer_->waitIdle(); // the live state reloads from the record: the connection must be idle
    hold(std::move(f->round.batch));
    for (auto& later : inFlight_) hold(std::move(later->round.batch));
    inFlight_.clear();
    roundFailed_ = false;
    return abandonRound(*f->error);
}

std::optional<WriteFailure> IngestWriter::land()
{
    while (!inFlight_.empty()) {
        if (auto why = landOldest()) return why;
    }
    return std::nullopt;
}

std::optional<WriteFailure> IngestWriter::landCommitted()
{
    while (!inFlight_.empty() && committer_->done(inFlight_.front()->ticket)) {
        if (auto why = landOldest()) return why;
    }
    return std::nullopt;
}

void IngestWriter::drain()
{
    const auto why = land();
    committer_->waitIdle(); // a checkpoint job may follow the round
    if (why) {
        onWriteFailure(*why, held_.size());
        return;
    }
    if (!reloadDue_) return;
    try {
        state_->reload(clock_.now());
        reloadDue_ = false;
    } catch (const common::DatabaseError& e) { // tried again before the next round (prepareRound)
        hubLog()->warn("reload after a round failed (will retry): {}", e.what());
    }
}

void IngestWriter::answerRound(JudgedRound& r)
{
    auto answered = state_->finish(r);
    auto& acks = answered.acks;
    const auto& batch = r.batch;
    std::vector<WriterOutput> out;
    out.reserve(acks.size());
    for (std::size_t i = 0; i < acks.size(); ++i) {
        WriterOutput o;
        o.peer = std::move(acks[i].peer);
        o.reply = std::move(acks[i].reply);
        o.isAck = true;
        // The round answers each tap of the batch in order. A duplicate
        // (debounce, or recorded meanwhile by another writer) and an unknown
        // reader's tap are left to the record: their answer can change.
        if (const auto* ack = std::get_if<protocol::Ack>(&o.reply); ack && i < batch.size()) {
            o.cacheable = ack->verdict != protocol::Verdict::Duplicate
                          && ack->verdict != protocol::Verdict::UnknownReader
                          && batch[i].tap.reader_id == ack->reader_id && batch[i].tap.seq == ack->seq;
            o.badgeUid = batch[i].tap.badge_uid;
            o.agentAtMs = batch[i].tap.at_ms;
        }
        out.push_back(std::move(o));
    }
    emit(std::move(out));
    state_->publishPending(); // acks first: the attendee waits for one, a dashboard does not
    if (answered.reloadNeeded) reloadDue_ = true;
}

void IngestWriter::hold(std::vector<IncomingTap>&& taps)
{
    for (auto& t : taps) {
        if (held_.size() >= kMaxHeldTaps) {
            ++heldDropped_;
            continue;
        }
        if (heldKeys_.emplace(t.tap.reader_id, t.tap.seq).second) held_.push_back(std::move(t));
    }
}

void IngestWriter::retryHeld()
{
    if (held_.empty() || clock_.now() < retryAt_) return;
    auto pending = std::move(held_);
    held_.clear();
    heldKeys_.clear();
    recordTaps(std::move(pending));
}

void IngestWriter::onWriteFailure(const WriteFailure& why, std::size_t taps)
{
    retryBackoff_ = std::clamp(retryBackoff_ * 2, kRetryBackoffMin, kRetryBackoffMax);
    retryAt_ = clock_.now() + retryBackoff_;
    hubLog()->error("{}; {} tap(s) not acknowledged (the readers keep them), retry in {} ms", why.text, taps,
                    retryBackoff_.count());
    // Published again at every failed retry: the hub stream has no snapshot, so
    // a dashboard that joins during the outage learns of it within one backoff.
    writeAlarm_ = why.text;
    writeCause_ = why.cause;
    state_->publishHubAlarm(why.text, true, "record_write_failed", {why.cause, why.detail});
}

void IngestWriter::onWriteRecovered()
{
    retryBackoff_ = std::chrono::milliseconds(0);
    if (!writeAlarm_) return;
    hubLog()->warn("记录写入已恢复 (the record is written again after: {})", *writeAlarm_);
    writeAlarm_.reset();
    state_->publishHubAlarm("记录写入已恢复", false, "record_write_recovered", {});
}

std::optional<WriteFailure> IngestWriter::diskReserveProblem() const
{
    if (config_.diskReserveBytes == 0) return std::nullopt;
    const auto freeBytes = recordDiskFree(config_.dbPath);
    if (!freeBytes) return std::nullopt; // cannot tell: let SQLite find out
    const auto free = *freeBytes;
    if (free >= config_.diskReserveBytes) return std::nullopt;
    const auto dir = std::filesystem::path(config_.dbPath).parent_path().string();
    const auto freeMb = std::to_string(free >> 20), reserveMb = std::to_string(config_.diskReserveBytes >> 20);
    return WriteFailure{"记录写入失败：磁盘已满（" + dir + " 剩余 " + freeMb + " MB，低于保留的 " + reserveMb + " MB）",
                        "disk_full", dir + ": " + freeMb + " MB < " + reserveMb + " MB"};
}

void IngestWriter::tick(common::TimePoint now)
{
    try {
        state_->tick(now);
        lastTickError_.clear();
    } catch (const common::DatabaseError& e) {
        // Logged once per cause: a full disk fails every tick until space returns.
        if (lastTickError_ != e.what()) hubLog()->error("tick: {} (will retry)", e.what());
        lastTickError_ = e.what();
    }
}

void IngestWriter::checkpointIfDue()
{
    const auto finished = checkpointer_->take();
    std::lock_guard lock(walMutex_);
    if (finished.done) {
        ++checkpoints_;
        if (!finished.error.empty()) {
            // A full disk or an I/O error: the WAL keeps growing, the record
            // stays correct; the next round past the threshold tries again.
            hubLog()->warn("checkpoint failed (will retry): {}", finished.error);
        } else {
            hubLog()->debug("background checkpoint copied {} of {} WAL frames in {} ms", finished.backfilled,
                            finished.walFrames, finished.ms);
            backfilledFrames_ = finished.backfilled;
        }
    }
    if (walPages_ < kCheckpointPages || checkpointer_->running() || finishQueued_) return;
    if (backfilledFrames_ == 0 || walPages_ - backfilledFrames_ > kFinishOnWriterFrames) {
        checkpointer_->request(); // the bulk of the copying, beside the commits
        return;
    }
    // The background pass left only the frames committed while it ran: copy
    // those on the record connection, between rounds, so that the WAL is
    // caught up and the next commit starts it again from the beginning (a
    // checkpoint on another thread rarely ends with no commit in between, and
    // the WAL would grow). A job for the committer, after the round in flight:
    // the writer judges the next round meanwhile.
    finishQueued_ = true;
    committer_->submit([this] {
        const auto started = std::chrono::steady_clock::now();
        std::string error;
        try {
            db_.exec("PRAGMA wal_checkpoint(PASSIVE)");
        } catch (const common::DatabaseError& e) {
            error = e.what();
        }
        const auto ms =
            std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count();
        if (!error.empty()) hubLog()->warn("checkpoint failed (will retry): {}", error);
        std::lock_guard lock(walMutex_);
        if (error.empty()) {
            checkpointMsMax_ = std::max(checkpointMsMax_, static_cast<std::int64_t>(ms));
            ++checkpoints_;
        }
        walPages_ = 0;
        backfilledFrames_ = 0;
        finishQueued_ = false;
    });
}

} // namespace rollcall::service
