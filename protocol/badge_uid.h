#pragma once
// Badge UIDs: the one canonical text form used on the wire and in the store.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace rollcall::protocol {

/// Canonical form of a human- or reader-supplied UID: upper-case hex, no
/// separators. Accepts any case; either no separators or one separator
/// (':', '-' or ' ', the same one throughout) between every pair of hex
/// digits; surrounding whitespace is ignored. Only ISO 14443-A UID sizes
/// (4, 7 or 10 bytes) are accepted. Returns nullopt for anything else.
[[nodiscard]] std::optional<std::string> normalizeBadgeUid(std::string_view text);

/// Canonical form of raw UID bytes (e.g. libnfc's abtUid); 4, 7 or 10 bytes, else nullopt.
[[nodiscard]] std::optional<std::string> badgeUidFromBytes(std::span<const std::uint8_t> bytes);

/// The wire rule decoders apply: 8..20 upper-case hex digits, even count (4..10 bytes).
[[nodiscard]] bool isWireBadgeUid(std::string_view uid) noexcept;

} // namespace rollcall::protocol
