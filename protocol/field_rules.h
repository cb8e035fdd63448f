#pragma once
// The wire's rules for ids and texts (docs/protocol.md §3), public for every
// place that takes such a value in from elsewhere — CSV imports, the command
// line: what the hub records must be sendable, or a board rejects the whole
// snapshot it is in. The decoder applies the same functions, so the words are
// the same too.

#include <optional>
#include <string>
#include <string_view>

namespace rollcall::protocol {

/// What is wrong with `s` as an id (1..64 bytes of [A-Za-z0-9._:-]), or nullopt.
[[nodiscard]] std::optional<std::string> idRuleViolation(std::string_view s);

/// What is wrong with `s` as a text (0..1024 bytes, no NUL; UTF-8 is the
/// caller's to check), or nullopt.
[[nodiscard]] std::optional<std::string> textRuleViolation(std::string_view s);

} // namespace rollcall::protocol
