#pragma once
// UTF-8 as every part reads it: well-formed sequences decoded to code points
// (no overlongs, no surrogates, nothing above U+10FFFF), and the columns a
// string takes on a terminal or in a spreadsheet column (East Asian wide and
// fullwidth characters 2, every other code point 1, Arabic script included).

#include <cstddef>
#include <string>
#include <string_view>

namespace rollcall::common {

/// One step of decoding: the code point starting at an offset and its length
/// in bytes; `length` is 0 when the bytes there are not well-formed UTF-8
/// (a bad lead or continuation byte, an overlong form, a surrogate, a
/// sequence cut short by the end of the text).
struct Utf8Char {
    char32_t codePoint = 0;
    std::size_t length = 0;
};

/// Decodes the sequence starting at `s[i]` (i < s.size()).
[[nodiscard]] Utf8Char decodeUtf8(std::string_view s, std::size_t i);

/// Offset of the first byte that is not part of well-formed UTF-8, or npos.
[[nodiscard]] std::size_t invalidUtf8At(std::string_view s);

/// True for East Asian wide and fullwidth code points (CJK, Hangul, fullwidth forms).
[[nodiscard]] bool isWide(char32_t codePoint);

/// Columns `s` takes: 2 per wide code point, 1 per other code point, and 1 per
/// byte that is not well-formed UTF-8.
[[nodiscard]] int displayWidth(std::string_view s);

} // namespace rollcall::common
