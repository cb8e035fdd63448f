#include "badge_uid.h"

namespace rollcall {

std::optional<std::string> normalizeBadgeUid(std::string_view text)
{
    std::string hex;
    hex.reserve(text.size());
    for (const char c : text) {
        if (c == ':' || c == '-' || c == ' ') continue;
        if (c >= '0' && c <= '9') hex += c;
        else if (c >= 'a' && c <= 'f') hex += static_cast<char>(c - 'a' + 'A');
        else if (c >= 'A' && c <= 'F') hex += c;
        else return std::nullopt;
    }
    if (hex.size() != 8 && hex.size() != 14 && hex.size() != 20) return std::nullopt;
    return hex;
}

} // namespace rollcall
