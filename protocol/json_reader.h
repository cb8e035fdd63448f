#pragma once
// Strict JSON parsing of one frame (internal to protocol/): size limit before
// parsing, no NUL bytes, no duplicate keys, no nesting beyond kMaxNestingDepth,
// and the top level must be an object. Never throws for bad input.

#include "protocol/codec.h"

#include <cstddef>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace rollcall::protocol::wire {

/// Decoding DOM: std::map objects, O(log n) lookup even for hostile input.
using Json = nlohmann::json;

/// Parses bytes into root, which is then an object. On failure returns the
/// Oversized or Malformed error and leaves root unspecified.
[[nodiscard]] std::optional<DecodeError> parseFrame(std::string_view bytes, std::size_t maxBytes, Json& root);

/// Input-derived text for an error detail: printable ASCII only, at most maxLen
/// characters (then "..."), anything else as \xNN.
[[nodiscard]] std::string escapeForDetail(std::string_view s, std::size_t maxLen = 48);

} // namespace rollcall::protocol::wire
