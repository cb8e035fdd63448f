#pragma once
// The hub's ZAP handler (ZeroMQ's authentication protocol, RFC 27): a thread
// answering on inproc://zeromq.zap.01 for every connection to a hub socket.
// It allows a CURVE client only if its public key is in the allowed-keys
// directory with a role that may use that socket (the socket's ZAP domain:
// taps → reader; live, query → viewer, organizer, office), and hands back
// "ROLE/READER/NAME" as the user id, which the socket thread reads from each
// message ("User-Id"). It also caps the live subscribers, counted from the
// PUB socket's monitor. Refusals are counted by reason and logged
// rate-limited with the key and the address. Bound before any hub socket,
// so no connection is ever admitted unchecked.
#include "common/clock.h"
#include "hub/service/hub_config.h"

#include <atomic>
#include <map>
#include <mutex>
#include <thread>
#include <zmq.hpp>

namespace rollcall::service {

/// The ZAP domains of the hub's sockets.
inline constexpr const char* kTapsDomain = "taps";
inline constexpr const char* kLiveDomain = "live";
inline constexpr const char* kQueryDomain = "query";
/// Where the live PUB socket's monitor publishes connects and disconnects.
inline constexpr const char* kLiveMonitorEndpoint = "inproc://rollcall.live-monitor";

class ZapHandler {
public:
    /// Binds the ZAP endpoint in `context` and connects to the live monitor
    /// (inproc allows connecting first). Throws InputError for an unreadable
    /// keys directory.
    ZapHandler(zmq::context_t& context, const HubSecurity& security, const common::Clock& clock);
    ~ZapHandler();
    ZapHandler(const ZapHandler&) = delete;
    ZapHandler& operator=(const ZapHandler&) = delete;

    void start();
    void stop();

    /// Refusals by reason so far (thread-safe copy).
    [[nodiscard]] std::map<std::string, std::uint64_t> refusals() const;
    [[nodiscard]] std::size_t liveSubscribers() const noexcept { return liveSubscribers_.load(); }

private:
    void run();
    void answer();
    void drainMonitor();

    const HubSecurity& security_;
    const common::Clock& clock_;
    zmq::socket_t zap_;
    zmq::socket_t monitor_;
    std::thread thread_;
    std::atomic<bool> stop_{false};
    std::atomic<std::size_t> liveSubscribers_{0};
    mutable std::mutex mutex_;
    std::map<std::string, std::uint64_t> refusals_;
};

} // namespace rollcall::service
