#pragma once
// A small hub served by the tests themselves over real ZeroMQ sockets: an
// XPUB for the live channel (so a test can wait until a dashboard's
// subscription has arrived) and a ROUTER answering snapshot and meeting-list
// requests from a HubSim, using the protocol library. Its sockets live on
// its own thread; the test thread talks to it through a locked queue.

#include "tests/dashboard/support/board_fixture.h"

#include <atomic>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <set>
#include <string>
#include <thread>

namespace rollcall::dashboard::test {

class TestHub {
public:
    /// Binds to the given endpoints ("tcp://127.0.0.1:*" picks free ports).
    explicit TestHub(HubSim& sim, const std::string& liveEndpoint = "tcp://127.0.0.1:*",
                     const std::string& queryEndpoint = "tcp://127.0.0.1:*");
    ~TestHub();
    TestHub(const TestHub&) = delete;
    TestHub& operator=(const TestHub&) = delete;

    [[nodiscard]] const std::string& liveEndpoint() const { return liveEndpoint_; }
    [[nodiscard]] const std::string& queryEndpoint() const { return queryEndpoint_; }

    /// Sends one update on its meeting's topic (or the "hub" topic).
    void publish(const protocol::Update& update);
    /// Sends raw frames on the live socket (malformed input, foreign topics).
    void publishRaw(const std::string& topic, const std::string& body);
    /// Runs `fn` on the hub thread with the sim locked (change the truth atomically w.r.t. queries).
    void withSim(const std::function<void(HubSim&)>& fn);
    /// While false the hub reads queries but never answers (a hung hub).
    void setAnswering(bool on) { answering_ = on; }
    /// Blocks (up to `timeoutMs`) until a subscriber subscribed to `topic`.
    [[nodiscard]] bool waitForSubscription(const std::string& topic, int timeoutMs = 5000);

    [[nodiscard]] int snapshotRequests() const { return snapshotRequests_; }
    [[nodiscard]] int meetingListRequests() const { return meetingListRequests_; }

private:
    void run();

    HubSim& sim_;
    std::string liveEndpoint_;
    std::string queryEndpoint_;
    std::atomic<bool> stop_{false};
    std::atomic<bool> answering_{true};
    std::atomic<int> snapshotRequests_{0};
    std::atomic<int> meetingListRequests_{0};
    std::mutex mutex_;
    std::condition_variable cv_;
    std::deque<std::pair<std::string, std::string>> outbox_;
    std::set<std::string> subscriptions_;
    bool ready_ = false;
    std::string bindError_;
    std::thread thread_;
};

} // namespace rollcall::dashboard::test
