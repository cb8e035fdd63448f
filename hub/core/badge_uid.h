#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace rollcall {

/// Normalises a badge UID as people write it ("04:a2:3b:c1", "04A23BC1",
/// "04-a2 3b c1") to upper-case hex without separators. ISO 14443 UIDs are
/// 4, 7 or 10 bytes; anything else is nullopt.
[[nodiscard]] std::optional<std::string> normalizeBadgeUid(std::string_view text);

} // namespace rollcall
