#pragma once
// A small client of the hub's query socket for `rollcallctl health`: one
// status_request, one answer or a clear "no answer within N s"
// (docs/protocol.md §5.10). CURVE with the caller's key and the hub's public
// key, or plain text against a hub run --insecure.
#include "protocol/messages.h"

#include <chrono>
#include <string>
#include <variant>

namespace rollcall::ctl {

struct HubStatusClientOptions {
    std::string endpoint;      // the hub's query socket, e.g. tcp://127.0.0.1:7702
    std::string keyFile;       // this client's NAME.key_secret (viewer, organizer or office)
    std::string serverKeyFile; // the hub's public hub.key
    bool insecure = false;     // plain text, no keys
    std::chrono::milliseconds timeout{5000};
};

/// What went wrong asking: no answer in time, or the hub answered with an error.
struct HubStatusProblem {
    std::string message;
};

/// Asks the hub for its status. Throws common::InputError for bad options or
/// unreadable key files; anything the hub does or fails to do is a value.
[[nodiscard]] std::variant<protocol::Status, HubStatusProblem> askHubStatus(const HubStatusClientOptions& options);

} // namespace rollcall::ctl
