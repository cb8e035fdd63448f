#include "hub/ctl/hub_status_client.h"

#include "common/input_error.h"
#include "protocol/codec.h"
#include "protocol/curve_certificate.h"

#include <zmq.hpp>

namespace rollcall::ctl {

std::variant<protocol::Status, HubStatusProblem> askHubStatus(const HubStatusClientOptions& o)
{
    if (o.endpoint.empty()) throw common::InputError("--hub: give the hub's query endpoint, e.g. tcp://127.0.0.1:7702");
    if (!o.insecure && (o.keyFile.empty() || o.serverKeyFile.empty()))
        throw common::InputError("--hub needs --key NAME.key_secret and --server-key hub.key (or --insecure)");
    zmq::context_t context(1);
    zmq::socket_t socket(context, zmq::socket_type::dealer);
    socket.set(zmq::sockopt::linger, 0);
    socket.set(zmq::sockopt::maxmsgsize, static_cast<std::int64_t>(protocol::kMaxSnapshotFrameBytes));
    if (!o.insecure) {
        const auto key = protocol::readCurveSecretCertificate(o.keyFile);
        const auto server = protocol::readCurveCertificate(o.serverKeyFile);
        protocol::makeCurveClient(socket, key, server.publicKey);
    }
    try {
        socket.connect(o.endpoint);
    } catch (const zmq::error_t& e) {
        throw common::InputError("--hub: \"" + o.endpoint + "\" is not a ZeroMQ endpoint (" + e.what() + ")");
    }
    // A DEALER speaks to the ROUTER with the empty delimiter frame first (docs/protocol.md §2).
    (void)socket.send(zmq::message_t(), zmq::send_flags::sndmore);
    (void)socket.send(zmq::buffer(protocol::encode(protocol::QueryRequest{protocol::StatusRequest{}})),
                      zmq::send_flags::none);
    zmq::pollitem_t item{socket.handle(), 0, ZMQ_POLLIN, 0};
    if (zmq::poll(&item, 1, o.timeout) == 0) {
        return HubStatusProblem{"no answer from the hub at " + o.endpoint + " within "
                                + std::to_string(o.timeout.count()) + " ms (is it running, and is this key allowed?)"};
    }
    zmq::message_t delimiter, body;
    (void)socket.recv(delimiter);
    if (!delimiter.more() || !socket.recv(body)) return HubStatusProblem{"the hub's answer was not [empty][body]"};
    auto decoded = protocol::decode<protocol::HubToQuery>(body.to_string_view());
    if (!decoded) return HubStatusProblem{"the hub's answer could not be read: " + decoded.error().detail};
    if (auto* status = std::get_if<protocol::Status>(&decoded.value())) return std::move(*status);
    if (auto* error = std::get_if<protocol::Error>(&decoded.value()))
        return HubStatusProblem{"the hub refused: " + error->code + ": " + error->message};
    return HubStatusProblem{"the hub answered something other than a status"};
}

} // namespace rollcall::ctl
