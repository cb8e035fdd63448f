#pragma once
// What every hub socket gets before it binds: the size limit on what a client
// may send (ZMQ_MAXMSGSIZE), its ZAP domain (so the ZAP handler sees each
// connection: keys, roles, the live cap) and, unless insecure, CURVE with the
// hub's server key.
#include "hub/service/hub_config.h"

#include <zmq.hpp>

namespace rollcall::service {

/// Throws InputError for a missing or unusable server key file (naming it).
void prepareServerSocket(zmq::socket_t& socket, const HubSecurity& security, const char* zapDomain);

/// Checks the security settings before anything binds: insecure, or a server
/// key and a keys directory that can be read. Throws InputError naming what is missing.
void checkHubSecurity(const HubSecurity& security);

} // namespace rollcall::service
