#pragma once
// Base64 (RFC 4648, standard alphabet, padded) for bytes a message carries as
// text: the files of admin messages (docs/protocol.md §5.8a) and a person's
// photo (§5.11).
#include <optional>
#include <string>
#include <string_view>

namespace rollcall::protocol {

[[nodiscard]] std::string toBase64(std::string_view bytes);
/// The bytes, or nullopt if `text` is not padded base64.
[[nodiscard]] std::optional<std::string> fromBase64(std::string_view text);
[[nodiscard]] bool isBase64(std::string_view text);

} // namespace rollcall::protocol
