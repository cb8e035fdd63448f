#pragma once
// Pinyin keys for searching names and units at the organizer's desk (the
// roster has no pinyin): ICU's Han-Latin transliterator gives each character
// its most common reading, from which the full pinyin ("wumin") and the
// initials ("wm") are made. Heteronyms (多音字) get that common reading, which
// is wrong for some surnames (单 shàn, 曾 zēng, 解 xiè …): for a name's first
// character a short table of surname readings adds the surname's reading as a
// second key. Anything else is found by the characters, person id or badge.
// ü (吕 lǚ, 绿 lǜ) is typed as "v" on Chinese keyboards and as "u" by many:
// keys and typed text both spell it "u" and every "v" as "u" (no pinyin has
// a v), so lv, lu and 吕 find 吕红 alike.
#include <QString>
#include <QStringList>
#include <memory>
#include <unicode/uversion.h>

// ICU names its namespace by version (icu_72); `icu` is an alias of it.
U_NAMESPACE_BEGIN
class Transliterator;
U_NAMESPACE_END

namespace rollcall::dashboard {

struct PinyinKeys {
    QStringList full;     ///< "wumin": lower-case ASCII, no spaces, ü and v as "u" ("luhong")
    QStringList initials; ///< "wm": the first letter of each syllable (and of each Latin word)
};

class Pinyin {
public:
    Pinyin();
    ~Pinyin();
    Pinyin(const Pinyin&) = delete;
    Pinyin& operator=(const Pinyin&) = delete;

    /// The keys of `text`; `personName` adds the surname reading of its first character.
    [[nodiscard]] PinyinKeys keysOf(const QString& text, bool personName) const;
    /// What was typed, as a key: lower case, without spaces or apostrophes, v
    /// as u ("Wu Min" → "wumin", "lv" → "lu"); empty unless it is all ASCII letters.
    [[nodiscard]] static QString queryKey(const QString& typed);

private:
    /// Latin syllables of `text`, lower-case ASCII ("吴敏" → {"wu", "min"}).
    [[nodiscard]] QStringList syllables(const QString& text) const;
    std::unique_ptr<icu::Transliterator> latin_; // null if ICU lacks the rule: no pinyin keys then
};

} // namespace rollcall::dashboard
