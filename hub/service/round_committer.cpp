#include "hub/service/round_committer.h"

#include <pthread.h>

namespace rollcall::service {

RoundCommitter::RoundCommitter(std::function<void()> onDone) : onDone_(std::move(onDone))
{
    thread_ = std::thread([this] { run(); });
}

RoundCommitter::~RoundCommitter()
{
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_one();
    thread_.join();
}

std::uint64_t RoundCommitter::submit(std::function<void()> job)
{
    std::uint64_t ticket = 0;
    {
        std::lock_guard lock(mutex_);
        jobs_.push_back(std::move(job));
        ticket = ++submitted_;
    }
    wake_.notify_one();
    return ticket;
}

bool RoundCommitter::done(std::uint64_t ticket)
{
    std::lock_guard lock(mutex_);
    return finished_ >= ticket;
}

void RoundCommitter::waitFor(std::uint64_t ticket)
{
    std::unique_lock lock(mutex_);
    done_.wait(lock, [&] { return finished_ >= ticket; });
}

void RoundCommitter::waitIdle()
{
    std::unique_lock lock(mutex_);
    done_.wait(lock, [&] { return finished_ == submitted_; });
}

void RoundCommitter::run()
{
    ::pthread_setname_np(::pthread_self(), "hub-committer"); // named in top, perf and the benchmark's CPU shares
    std::unique_lock lock(mutex_);
    while (true) {
        wake_.wait(lock, [&] { return !jobs_.empty() || stopping_; });
        if (jobs_.empty()) return; // stopping, and everything queued has run
        auto job = std::move(jobs_.front());
        jobs_.pop_front();
        lock.unlock();
        job();
        lock.lock();
        ++finished_;
        done_.notify_all();
        lock.unlock();
        if (onDone_) onDone_();
        lock.lock();
    }
}

} // namespace rollcall::service
