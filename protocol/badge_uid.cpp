// Badge UID normalisation.
#include "protocol/badge_uid.h"

namespace rollcall::protocol {
namespace {

constexpr bool validUidLength(std::size_t bytes) noexcept { return bytes == 4 || bytes == 7 || bytes == 10; }

int hexValue(char c) noexcept
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

constexpr char kHexDigits[] = "0123456789ABCDEF";

bool isSpace(char c) noexcept { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

} // namespace

std::optional<std::string> normalizeBadgeUid(std::string_view text)
{
    while (!text.empty() && isSpace(text.front())) text.remove_prefix(1);
    while (!text.empty() && isSpace(text.back())) text.remove_suffix(1);
    if (text.size() < 2) return std::nullopt;

    // Separated form "AA:BB:CC:DD": 3 chars per byte minus one.
    const char sep = text.size() > 2 ? text[2] : '\0';
    const bool separated = sep == ':' || sep == '-' || sep == ' ';
    std::string out;
    out.reserve(20);
    if (separated) {
        if ((text.size() + 1) % 3 != 0) return std::nullopt;
        for (std::size_t i = 0; i < text.size(); i += 3) {
            if (i + 2 < text.size() && text[i + 2] != sep) return std::nullopt;
            if (hexValue(text[i]) < 0 || hexValue(text[i + 1]) < 0) return std::nullopt;
            out.push_back(kHexDigits[hexValue(text[i])]);
            out.push_back(kHexDigits[hexValue(text[i + 1])]);
        }
    } else {
        if (text.size() % 2 != 0) return std::nullopt;
        for (char c : text) {
            const int v = hexValue(c);
            if (v < 0) return std::nullopt;
            out.push_back(kHexDigits[v]);
        }
    }
    if (!validUidLength(out.size() / 2)) return std::nullopt;
    return out;
}

std::optional<std::string> badgeUidFromBytes(std::span<const std::uint8_t> bytes)
{
    if (!validUidLength(bytes.size())) return std::nullopt;
    std::string out;
    out.reserve(bytes.size() * 2);
    for (std::uint8_t b : bytes) {
        out.push_back(kHexDigits[b >> 4]);
        out.push_back(kHexDigits[b & 0x0F]);
    }
    return out;
}

bool isWireBadgeUid(std::string_view uid) noexcept
{
    if (uid.size() < 8 || uid.size() > 20 || uid.size() % 2 != 0) return false;
    for (char c : uid) {
        if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'F'))) return false;
    }
    return true;
}

} // namespace rollcall::protocol
