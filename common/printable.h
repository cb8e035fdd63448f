#pragma once
// A value from a file or the wire as an error message can show it: control
// bytes written as \xNN (a NUL or a newline cannot break the message or the
// log line), cut after `maxBytes` bytes with "…".
#include <cstddef>
#include <string>
#include <string_view>

namespace rollcall::common {

[[nodiscard]] std::string printable(std::string_view value, std::size_t maxBytes);

} // namespace rollcall::common
