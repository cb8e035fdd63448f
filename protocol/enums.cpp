// Wire names of the protocol enums.
#include "protocol/codec.h"
#include "protocol/messages.h"
#include "protocol/wire_names.h"

namespace rollcall::protocol {

std::string_view toString(Direction v) noexcept { return wire::nameOf(v); }
std::string_view toString(Verdict v) noexcept { return wire::nameOf(v); }
std::string_view toString(ReaderState v) noexcept { return wire::nameOf(v); }
std::string_view toString(AttendanceStatus v) noexcept { return wire::nameOf(v); }
std::string_view toString(AttendanceFlag v) noexcept { return wire::nameOf(v); }
std::string_view toString(MeetingState v) noexcept { return wire::nameOf(v); }
std::string_view toString(DecodeErrorKind v) noexcept { return wire::nameOf(v); }

std::optional<Direction> directionFromString(std::string_view s) noexcept { return wire::fromName<Direction>(s); }
std::optional<Verdict> verdictFromString(std::string_view s) noexcept { return wire::fromName<Verdict>(s); }
std::optional<ReaderState> readerStateFromString(std::string_view s) noexcept { return wire::fromName<ReaderState>(s); }
std::optional<AttendanceStatus> statusFromString(std::string_view s) noexcept
{
    return wire::fromName<AttendanceStatus>(s);
}
std::optional<AttendanceFlag> flagFromString(std::string_view s) noexcept { return wire::fromName<AttendanceFlag>(s); }
std::optional<MeetingState> meetingStateFromString(std::string_view s) noexcept
{
    return wire::fromName<MeetingState>(s);
}

} // namespace rollcall::protocol
