#include "common/utf8.h"

namespace rollcall::common {

Utf8Char decodeUtf8(std::string_view s, std::size_t i)
{
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) return {c, 1};
    std::size_t len = 0;
    char32_t cp = 0;
    if (c >= 0xC2 && c <= 0xDF) {
        len = 2;
        cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
        len = 3;
        cp = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4;
        cp = c & 0x07;
    } else
        return {};
    if (i + len > s.size()) return {};
    for (std::size_t k = 1; k < len; ++k) {
        const auto cc = static_cast<unsigned char>(s[i + k]);
        if ((cc & 0xC0) != 0x80) return {};
        cp = (cp << 6) | (cc & 0x3F);
    }
    const bool overlong = (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000);
    if (overlong || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return {};
    return {cp, len};
}

std::size_t invalidUtf8At(std::string_view s)
{
    for (std::size_t i = 0; i < s.size();) {
        const auto ch = decodeUtf8(s, i);
        if (ch.length == 0) return i;
        i += ch.length;
    }
    return std::string::npos;
}

bool isWide(char32_t cp)
{
    return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3)
           || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60)
           || (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD);
}

int displayWidth(std::string_view s)
{
    int width = 0;
    for (std::size_t i = 0; i < s.size();) {
        const auto ch = decodeUtf8(s, i);
        if (ch.length == 0) {
            ++width; // a stray byte: one column, as a terminal shows U+FFFD
            ++i;
            continue;
        }
        width += isWide(ch.codePoint) ? 2 : 1;
        i += ch.length;
    }
    return width;
}

} // namespace rollcall::common
