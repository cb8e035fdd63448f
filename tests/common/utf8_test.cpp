// common/utf8.h: decoding well-formed UTF-8, finding the first bad byte, and
// the columns a string takes (wide CJK 2, every other code point 1, Arabic
// script included).
#include "common/utf8.h"

#include <gtest/gtest.h>
#include <string>
#include <vector>

namespace rollcall::test {
namespace {

struct DecodeCase {
    std::string name;
    std::string bytes;
    char32_t codePoint;
    std::size_t length; // 0: not well-formed
};

const std::vector<DecodeCase> kDecodeCases = {
    {"asciiIsOneByte", "A", U'A', 1},
    {"arabicIsTwoBytes", "\u0628", U'\u0628', 2},
    {"cjkIsThreeBytes", "\u4E2D", U'\u4E2D', 3},
    {"supplementaryIsFourBytes", "\U00020000", U'\U00020000', 4},
    {"strayContinuationIsBad", "\x80", 0, 0},
    {"overlongTwoByteIsBad", "\xC0\x80", 0, 0},
    {"overlongThreeByteIsBad", "\xE0\x80\x80", 0, 0},
    {"surrogateIsBad", "\xED\xA0\x80", 0, 0},
    {"aboveU10FFFFIsBad", "\xF4\x90\x80\x80", 0, 0},
    {"cutShortIsBad", "\xE4\xB8", 0, 0},
    {"badContinuationIsBad", "\xE4\x41\x41", 0, 0},
};

TEST(Utf8, decodesWellFormedSequencesAndRejectsTheRest)
{
    for (const auto& c : kDecodeCases) {
        SCOPED_TRACE(c.name);
        const auto ch = common::decodeUtf8(c.bytes, 0);
        EXPECT_EQ(ch.length, c.length);
        if (c.length != 0) {
            EXPECT_EQ(ch.codePoint, c.codePoint);
        }
    }
}

struct InvalidAtCase {
    std::string name;
    std::string text;
    std::size_t at;
};

TEST(Utf8, findsTheFirstByteThatIsNotUtf8)
{
    const std::vector<InvalidAtCase> cases = {
        {"emptyIsValid", "", std::string::npos},
        {"chineseIsValid", "\u5F20\u4E09", std::string::npos},
        {"gbkIsNot", "\xD5\xC5\xC8\xFD", 0},
        {"badByteAfterValidText", "ab\u4E2D\xFF", 5},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.name);
        EXPECT_EQ(common::invalidUtf8At(c.text), c.at);
    }
}

struct WidthCase {
    std::string name;
    std::string text;
    int width;
};

TEST(Utf8, displayWidthCountsWideCharactersTwiceAndArabicScriptOnce)
{
    const std::vector<WidthCase> cases = {
        {"empty", "", 0},
        {"latin", "Ahmad", 5},
        {"chineseName", "\u5F20\u4E09", 4},
        {"hangul", "\uAE40", 2},
        {"fullwidthParentheses", "\uFF08\uFF09", 4},
        {"uyghurName", "\u0626\u06D5\u062E\u0645\u06D5\u062A", 6},     // U+0600–U+06FF
        {"kazakhInArabicScript", "\u0642\u0627\u0632\u0627\u0642", 5}, // U+0600–U+06FF
        {"arabicSupplement", "\u0750\u0751\u077F", 3},                 // U+0750–U+077F
        {"presentationFormsA", "\uFB50\uFDF2", 2},                     // U+FB50–U+FDFF
        {"presentationFormsB", "\uFE8D\uFEFB", 2},                     // U+FE70–U+FEFF
        {"mixedScripts", "Ali \u0639\u0644\u064A \u5F20", 10},
        {"strayByteIsOneColumn", "a\xFF", 2},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.name);
        EXPECT_EQ(common::displayWidth(c.text), c.width);
    }
}

} // namespace
} // namespace rollcall::test
