#include "hub/service/server_socket.h"

#include "common/input_error.h"
#include "protocol/curve_certificate.h"

#include <filesystem>

namespace rollcall::service {

void checkHubSecurity(const HubSecurity& security)
{
    if (security.insecure) return;
    if (security.serverKeyFile.empty()) {
        throw common::InputError("no server key: give --server-key FILE.key_secret or [security] server_key "
                                 "(make one with `rollcallctl key generate --role hub`), or run plain text with "
                                 "--insecure");
    }
    (void)protocol::readCurveSecretCertificate(security.serverKeyFile);
    if (security.keysDir.empty()) {
        throw common::InputError("no allowed-keys directory: give --keys-dir DIR or [security] keys_dir");
    }
    if (!std::filesystem::is_directory(security.keysDir)) {
        throw common::InputError("keys directory " + security.keysDir + ": not a directory");
    }
}

void prepareServerSocket(zmq::socket_t& socket, const HubSecurity& security, const char* zapDomain)
{
    socket.set(zmq::sockopt::maxmsgsize, static_cast<std::int64_t>(security.maxMessageBytes));
    if (security.insecure) {
        // NULL mechanism: with a domain set the ZAP handler still sees each connection (the live cap).
        socket.set(zmq::sockopt::zap_domain, zapDomain);
        return;
    }
    protocol::makeCurveServer(socket, protocol::readCurveSecretCertificate(security.serverKeyFile), zapDomain);
}

} // namespace rollcall::service
