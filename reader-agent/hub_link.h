#pragma once
// HubLink: the agent's ZeroMQ DEALER to the hub's taps ROUTER, plus a socket
// monitor that tells when a connection to the hub comes up or goes down (so
// the agent says hello and re-sends its outbox on every reconnect).
//
// ZMQ_IMMEDIATE is set: while no connection is up, send() refuses at once
// instead of queueing, and the outbox stays the only queue. Not thread-safe:
// used by the main loop only. Errors: the constructor throws zmq::error_t for
// an endpoint ZeroMQ rejects; everything else is a value.

#include "protocol/codec.h"
#include "protocol/curve_certificate.h"

#include <chrono>
#include <optional>
#include <string>
#include <variant>
#include <vector>
#include <zmq.hpp>

namespace rollcall::agent {

struct HubLinkOptions {
    /// ZeroMQ reconnect interval; a refused connection is retried this often.
    std::chrono::milliseconds reconnect{200};
    std::chrono::milliseconds reconnectMax{5000};
    /// ZMTP heartbeats: a silent peer (network cut) is dropped after the timeout.
    std::chrono::milliseconds heartbeat{5000};
    std::chrono::milliseconds heartbeatTimeout{15000};
    /// CURVE: this reader's key pair and the hub's public key; none = plain text (--insecure).
    std::optional<protocol::CurveCertificate> clientKey;
    std::string serverPublicKey;
};

/// Refused: the hub did not take this reader's key (not allowed, revoked, or another role).
enum class LinkEvent { Connected, Disconnected, Refused };

/// A frame from the hub that did not decode (counted and logged by the caller).
struct BadHubFrame {
    protocol::DecodeError error;
};

using HubReceive = std::variant<protocol::HubMessage, BadHubFrame>;

class HubLink {
public:
    HubLink(zmq::context_t& context, const std::string& endpoint, HubLinkOptions options = {});
    HubLink(const HubLink&) = delete;
    HubLink& operator=(const HubLink&) = delete;

    /// Sends one message if a connection is up; false (nothing queued) if not.
    bool send(const protocol::AgentMessage& message);
    /// The next frame from the hub, if one is waiting (non-blocking).
    [[nodiscard]] std::optional<HubReceive> receive();
    /// Connection changes seen since the last call (non-blocking). After the
    /// hub refused this reader's key, also connects again once reconnectMax
    /// has passed (libzmq does not retry a refused handshake by itself).
    [[nodiscard]] std::vector<LinkEvent> takeEvents();
    /// Whether a connection to the hub is up (handshake done, not yet lost).
    [[nodiscard]] bool connected() const noexcept { return connections_ > 0; }

    /// For zmq::poll: the DEALER (readable when the hub sent something) and the monitor.
    [[nodiscard]] zmq::socket_t& socket() noexcept { return socket_; }
    [[nodiscard]] zmq::socket_t& monitor() noexcept { return monitor_; }
    [[nodiscard]] const std::string& endpoint() const noexcept { return endpoint_; }

private:
    std::string endpoint_;
    bool refusedSaid_ = false;
    // libzmq gives up on a connection whose handshake the hub refused; we try
    // again this long after (the key may be allowed meanwhile).
    std::chrono::milliseconds refusedRetry_;
    std::optional<std::chrono::steady_clock::time_point> retryAt_;
    zmq::socket_t socket_;
    zmq::socket_t monitor_;
    int connections_ = 0;
};

} // namespace rollcall::agent
