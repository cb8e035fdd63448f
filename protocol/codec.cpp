// Protocol frames (docs/protocol.md): the envelope ("v", "type") around the
// messages described in message_descriptions.h, decoded by FieldReader and
// encoded by FieldWriter.
#include "protocol/codec.h"

#include "protocol/field_reader.h"
#include "protocol/field_writer.h"
#include "protocol/json_reader.h"
#include "protocol/json_writer.h"
#include "protocol/message_descriptions.h"
#include "protocol/wire_names.h"

#include <new>

namespace rollcall::protocol {
namespace {

using wire::FieldReader;
using wire::Json;

// The message types a channel accepts, by wire "type".
template <class Msg>
struct Alternatives;

template <class... Ts>
struct Alternatives<std::variant<Ts...>> {
    static std::optional<std::variant<Ts...>> read(std::string_view type, FieldReader& f)
    {
        std::optional<std::variant<Ts...>> result;
        (void)((type == kWireType<Ts> ? (f.readFields(result.emplace().template emplace<Ts>()), true) : false) || ...);
        return result;
    }
    static std::string names()
    {
        std::string s;
        ((s.append(s.empty() ? "" : "|").append(kWireType<Ts>)), ...);
        return s;
    }
};

template <>
struct Alternatives<Update> {
    static std::optional<Update> read(std::string_view type, FieldReader& f)
    {
        if (type != kWireType<Update>) return std::nullopt;
        std::optional<Update> result(std::in_place);
        f.readFields(*result);
        return result;
    }
    static std::string names() { return std::string(kWireType<Update>); }
};

template <class Msg>
DecodeResult<Msg> decodeFrame(std::string_view bytes, std::size_t maxBytes) noexcept
{
    try {
        Json root;
        if (auto error = wire::parseFrame(bytes, maxBytes, root)) return std::move(*error);
        wire::DecodeState state;
        FieldReader f(*root.get_ptr<const Json::object_t*>(), nullptr, state);
        const Json* v = f.need("v");
        if (v == nullptr) return std::move(*state.error);
        if (!v->is_number_integer()) {
            state.wrongType(f.at("v"), *v, "an integer");
            return std::move(*state.error);
        }
        if (!(v->is_number_unsigned() && v->get<std::uint64_t>() == static_cast<std::uint64_t>(kProtocolVersion))) {
            return DecodeError{DecodeErrorKind::UnsupportedVersion, "v: protocol version " + v->dump()
                                                                        + " is not supported (this build speaks "
                                                                        + std::to_string(kProtocolVersion) + ")"};
        }
        const Json* type = f.need("type");
        if (type == nullptr) return std::move(*state.error);
        const auto* t = type->get_ptr<const Json::string_t*>();
        if (t == nullptr) {
            state.wrongType(f.at("type"), *type, "a string");
            return std::move(*state.error);
        }
        auto msg = Alternatives<Msg>::read(*t, f);
        if (state.error) return std::move(*state.error);
        if (!msg) {
            return DecodeError{DecodeErrorKind::UnknownType, "type: '" + wire::escapeForDetail(*t)
                                                                 + "' is not valid here (expected "
                                                                 + Alternatives<Msg>::names() + ")"};
        }
        return DecodeResult<Msg>(std::in_place_index<0>, std::move(*msg));
    } catch (const std::bad_alloc&) {
        return DecodeError{DecodeErrorKind::Oversized, "out of memory while decoding"};
    } catch (const std::exception& e) {
        return DecodeError{DecodeErrorKind::Malformed,
                           "internal decoder error: " + wire::escapeForDetail(e.what(), 200)};
    }
}

// One frame: "v" and "type" first, for readable logs, then the message's fields.
template <class T>
std::string encodeMessage(const T& m)
{
    wire::JsonWriter w;
    w.beginObject();
    w.key("v");
    w.number(std::int64_t{kProtocolVersion});
    w.key("type");
    w.string(kWireType<T>);
    wire::writeFields(w, m);
    w.endObject();
    return std::move(w).finish();
}

} // namespace

std::string_view kindName(const UpdatePayload& payload) noexcept { return wire::kUpdateKinds[payload.index()]; }

Error toErrorMessage(const DecodeError& error) { return Error{std::string(toString(error.kind)), error.detail}; }

template <>
DecodeResult<AgentMessage> decode<AgentToHub>(std::string_view bytes) noexcept
{
    return decodeFrame<AgentMessage>(bytes, AgentToHub::kMaxBytes);
}
template <>
DecodeResult<HubMessage> decode<HubToAgent>(std::string_view bytes) noexcept
{
    return decodeFrame<HubMessage>(bytes, HubToAgent::kMaxBytes);
}
template <>
DecodeResult<QueryRequest> decode<QueryToHub>(std::string_view bytes) noexcept
{
    return decodeFrame<QueryRequest>(bytes, QueryToHub::kMaxBytes);
}
template <>
DecodeResult<QueryReply> decode<HubToQuery>(std::string_view bytes) noexcept
{
    return decodeFrame<QueryReply>(bytes, HubToQuery::kMaxBytes);
}
template <>
DecodeResult<Update> decode<LiveFeed>(std::string_view bytes) noexcept
{
    return decodeFrame<Update>(bytes, LiveFeed::kMaxBytes);
}

std::string encode(const Hello& m) { return encodeMessage(m); }
std::string encode(const Tap& m) { return encodeMessage(m); }
std::string encode(const Heartbeat& m) { return encodeMessage(m); }
std::string encode(const Welcome& m) { return encodeMessage(m); }
std::string encode(const Ack& m) { return encodeMessage(m); }
std::string encode(const Error& m) { return encodeMessage(m); }
std::string encode(const SnapshotRequest& m) { return encodeMessage(m); }
std::string encode(const Snapshot& m) { return encodeMessage(m); }
std::string encode(const MeetingListRequest& m) { return encodeMessage(m); }
std::string encode(const MeetingList& m) { return encodeMessage(m); }
std::string encode(const StatusRequest& m) { return encodeMessage(m); }
std::string encode(const Status& m) { return encodeMessage(m); }
std::string encode(const AdminRequest& m) { return encodeMessage(m); }
std::string encode(const AdminReply& m) { return encodeMessage(m); }
std::string encode(const AdminCancel& m) { return encodeMessage(m); }
std::string encode(const AdminProgress& m) { return encodeMessage(m); }
std::string encode(const PhotoRequest& m) { return encodeMessage(m); }
std::string encode(const Photo& m) { return encodeMessage(m); }
std::string encode(const Update& m) { return encodeMessage(m); }
std::string encode(const AgentMessage& m)
{
    return std::visit([](const auto& x) { return encodeMessage(x); }, m);
}
std::string encode(const HubMessage& m)
{
    return std::visit([](const auto& x) { return encodeMessage(x); }, m);
}
std::string encode(const QueryRequest& m)
{
    return std::visit([](const auto& x) { return encodeMessage(x); }, m);
}
std::string encode(const QueryReply& m)
{
    return std::visit([](const auto& x) { return encodeMessage(x); }, m);
}

} // namespace rollcall::protocol
