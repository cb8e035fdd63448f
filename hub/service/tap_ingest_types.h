#pragma once
// The values tap ingest passes around: a tap as it came in, the answer that
// goes back for it, and what ingest counts (the hub's stats and status).
#include "protocol/messages.h"

#include <cstdint>
#include <string>

namespace rollcall::service {

struct IncomingTap {
    std::string peer; // ZeroMQ routing id, to send the ack back
    protocol::Tap tap;
};

/// What goes back to an agent for one tap: an Ack, or an Error when the tap
/// must stay in the agent's outbox.
struct OutgoingAck {
    std::string peer;
    protocol::HubMessage reply;
};

struct IngestCounters {
    std::uint64_t recorded = 0;
    std::uint64_t resent = 0;      // (reader, seq) already recorded: acknowledged again, not recorded twice
    std::uint64_t quarantined = 0; // from readers nobody registered
    std::uint64_t replayed = 0;    // out of time order: verdict by replay
    std::uint64_t conflicts = 0;   // a recorded (reader, seq) sent again with another badge or time
    std::uint64_t seqJumps = 0;    // a seq too far beyond the reader's highest (core::SequenceWindow)
    std::uint64_t batches = 0;

    IngestCounters& operator+=(const IngestCounters& other);
};

} // namespace rollcall::service
