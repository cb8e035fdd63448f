#pragma once
// Base64 (RFC 4648, padded) for the bytes a message carries as text: a
// person's photo (docs/protocol.md §5.10).
#include <optional>
#include <string>
#include <string_view>

namespace rollcall::protocol {

[[nodiscard]] std::string base64Encode(std::string_view bytes);
/// The bytes, or nullopt for text that is not padded base64.
[[nodiscard]] std::optional<std::string> base64Decode(std::string_view text);

} // namespace rollcall::protocol
