#pragma once
// Stopping long work from another thread (issue 16: a desk's 取消 must stop
// the hub's report, not only drop its reply). The one who asks for the work
// keeps a token and may request a stop; the work checks it at safe points
// (between meetings evaluated, between pages) and throws Cancelled there, so
// a transaction in progress rolls back and nothing is recorded.

#include <atomic>
#include <memory>
#include <stdexcept>

namespace rollcall::common {

/// Thrown at a safe point once a stop was requested.
class Cancelled : public std::runtime_error {
public:
    Cancelled() : std::runtime_error("cancelled") {}
};

/// Shared between the work and whoever may stop it; copies share one flag.
/// A default token is never cancelled.
class CancelToken {
public:
    CancelToken() : flag_(std::make_shared<std::atomic<bool>>(false)) {}

    void requestStop() noexcept { flag_->store(true); }
    [[nodiscard]] bool stopRequested() const noexcept { return flag_->load(); }
    /// Throws Cancelled if a stop was requested.
    void check() const
    {
        if (stopRequested()) throw Cancelled();
    }

private:
    std::shared_ptr<std::atomic<bool>> flag_;
};

} // namespace rollcall::common
