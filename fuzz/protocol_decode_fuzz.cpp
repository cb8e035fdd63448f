// libFuzzer target: the wire decoder on every channel. Any bytes must come
// back as a message or a DecodeError, never a crash, a hang or undefined
// behaviour; what decodes must encode and decode to the same message again.
#include "protocol/codec.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

namespace {

template <class Channel>
void roundTrip(std::string_view bytes)
{
    const auto decoded = rollcall::protocol::decode<Channel>(bytes);
    if (!decoded) return;
    const auto again = rollcall::protocol::decode<Channel>(rollcall::protocol::encode(decoded.value()));
    if (!again || !(again.value() == decoded.value())) std::abort(); // encode and decode disagree
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace rollcall::protocol;
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    roundTrip<AgentToHub>(bytes);
    roundTrip<HubToAgent>(bytes);
    roundTrip<QueryToHub>(bytes);
    roundTrip<HubToQuery>(bytes);
    roundTrip<LiveFeed>(bytes);
    return 0;
}
