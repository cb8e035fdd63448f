#pragma once
// RoundCommitter: the hub's committer thread (`hub-committer`). It runs, in
// order, the jobs the writer hands it — inserting and committing a round of
// taps the writer judged in memory, a checkpoint's last frames — on the
// record connection, while the writer judges the next round. The writer
// touches the connection only when the committer is idle (waitIdle()): a
// SQLite connection may serve several threads, never two at once.
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>

namespace rollcall::service {

class RoundCommitter {
public:
    /// `onDone` runs on the committer thread after each job (the writer's wake-up).
    explicit RoundCommitter(std::function<void()> onDone);
    ~RoundCommitter(); // finishes the queued jobs
    RoundCommitter(const RoundCommitter&) = delete;
    RoundCommitter& operator=(const RoundCommitter&) = delete;

    /// Queues a job (it must not throw); returns its ticket for done() and waitFor().
    std::uint64_t submit(std::function<void()> job);
    /// Whether the job with this ticket (and every one before it) has run.
    [[nodiscard]] bool done(std::uint64_t ticket);
    /// Returns once the job with this ticket (and every one before it) has run.
    void waitFor(std::uint64_t ticket);
    /// Returns once every job submitted so far has run: the connection is the caller's.
    void waitIdle();

private:
    void run();

    std::function<void()> onDone_;
    std::mutex mutex_;
    std::condition_variable wake_, done_;
    std::deque<std::function<void()>> jobs_;
    std::uint64_t submitted_ = 0, finished_ = 0;
    bool stopping_ = false;
    std::thread thread_;
};

} // namespace rollcall::service
