#pragma once
// Waiting for state another process writes to a file (a record, an outbox),
// where there is no event to wait on.
#include <chrono>
#include <thread>

namespace rollcall::test {

/// Polls `pred` until it holds (for state in files another process writes).
template <class Pred>
bool eventually(Pred pred, std::chrono::milliseconds timeout = std::chrono::seconds(15))
{
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < deadline) {
        if (pred()) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return pred();
}

} // namespace rollcall::test
