#pragma once
// Small ZeroMQ helpers shared by the hub, the agent, the dashboard and tests.

#include <string>
#include <zmq.hpp>

namespace rollcall::protocol {

/// The endpoint a socket was last bound or connected to (ZMQ_LAST_ENDPOINT),
/// e.g. "tcp://127.0.0.1:41234" after bind("tcp://127.0.0.1:*").
/// Throws zmq::error_t if the option cannot be read.
[[nodiscard]] inline std::string boundEndpoint(zmq::socket_t& socket)
{
    return socket.get(zmq::sockopt::last_endpoint);
}

} // namespace rollcall::protocol
