#pragma once
// EventQueue: hands values from a worker thread to the main loop. The main
// loop polls fd() (an eventfd, readable while something is queued) together
// with its ZeroMQ sockets, then drains. Thread-safe; push() never blocks.

#include <deque>
#include <mutex>
#include <vector>

namespace rollcall::agent {

/// An eventfd owned RAII-style. Throws std::system_error if it cannot be made.
class EventFd {
public:
    EventFd();
    ~EventFd();
    EventFd(const EventFd&) = delete;
    EventFd& operator=(const EventFd&) = delete;
    /// Makes the fd readable. Async-signal-safe, never throws.
    void signal() noexcept;
    /// Makes the fd unreadable again. Never throws.
    void clear() noexcept;
    [[nodiscard]] int fd() const noexcept { return fd_; }

private:
    int fd_;
};

template <class T>
class EventQueue {
public:
    void push(T value)
    {
        {
            std::lock_guard lock(mutex_);
            items_.push_back(std::move(value));
        }
        ready_.signal();
    }

    /// Everything queued so far, oldest first.
    [[nodiscard]] std::vector<T> drain()
    {
        std::lock_guard lock(mutex_);
        ready_.clear(); // under the lock: a push after this re-signals
        std::vector<T> out(std::make_move_iterator(items_.begin()), std::make_move_iterator(items_.end()));
        items_.clear();
        return out;
    }

    [[nodiscard]] int fd() const noexcept { return ready_.fd(); }

private:
    std::mutex mutex_;
    std::deque<T> items_;
    EventFd ready_;
};

} // namespace rollcall::agent
