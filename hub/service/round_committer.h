#pragma once
// RoundCommitter: the hub's committer thread (`hub-committer`). It runs, in
// order, the jobs the writer hands it on the record connection while the
// writer judges the next round: the inserts of rounds of taps the writer
// judged in memory, and a checkpoint's last frames. The rounds queued when it
// gets to them share one transaction, so one commit (one fsync) answers for
// all of them: the busier the hub, the more taps per commit (group commit).
// The writer touches the connection only when the committer is idle
// (waitIdle()): a SQLite connection may serve several threads, never two at once.
#include "common/database.h"

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>

namespace rollcall::service {

class RoundCommitter {
public:
    /// `onDone` runs on the committer thread after each job or group (the writer's wake-up).
    RoundCommitter(common::Database& db, std::function<void()> onDone);
    ~RoundCommitter(); // finishes the queued jobs
    RoundCommitter(const RoundCommitter&) = delete;
    RoundCommitter& operator=(const RoundCommitter&) = delete;

    /// Queues a job that runs on its own, outside any transaction (it must not
    /// throw); returns its ticket for done() and waitFor().
    std::uint64_t submit(std::function<void()> job);
    /// Queues a round: `insert` runs inside a transaction shared with the
    /// rounds queued next to it, then `settle` runs once that transaction has
    /// ended, with nullptr if it committed, or with the exception that ended it
    /// (an insert's or the commit's: nothing of the group is in the record).
    /// Its ticket is done() only after `settle`.
    std::uint64_t submitRound(std::function<void()> insert, std::function<void(std::exception_ptr)> settle);
    /// Whether the job with this ticket (and every one before it) has run.
    [[nodiscard]] bool done(std::uint64_t ticket);
    /// Returns once the job with this ticket (and every one before it) has run.
    void waitFor(std::uint64_t ticket);
    /// Returns once every job submitted so far has run: the connection is the caller's.
    void waitIdle();
    /// Transactions committed (or tried) for groups of rounds so far (read
    /// without the lock: the writer's stats take it after every round).
    [[nodiscard]] std::uint64_t groups() const noexcept { return groups_; }

private:
    struct Job {
        std::function<void()> run;                      // a job on its own; or a round's inserts
        std::function<void(std::exception_ptr)> settle; // a round's: set only for rounds
    };
    std::uint64_t enqueue(Job&& job);
    void run();
    /// The rounds taken together: one transaction, then each one's settle.
    void commitGroup(std::deque<Job>& group);

    common::Database& db_;
    std::function<void()> onDone_;
    std::mutex mutex_;
    std::condition_variable wake_, done_;
    std::deque<Job> jobs_;
    std::uint64_t submitted_ = 0, finished_ = 0;
    std::atomic<std::uint64_t> groups_{0};
    bool stopping_ = false;
    std::thread thread_;
};

} // namespace rollcall::service
