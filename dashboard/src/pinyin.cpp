#include "dashboard/src/pinyin.h"

#include <QHash>
#include <unicode/translit.h>
#include <unicode/unistr.h>

namespace rollcall::dashboard {
namespace {

/// Surnames whose reading differs from the character's most common one (the
/// one ICU gives): the surname's reading is added as a second key.
const QHash<QChar, QString>& surnameReadings()
{
    static const QHash<QChar, QString> readings{
        {QChar(0x5355), QStringLiteral("shan")}, // 单
        {QChar(0x66FE), QStringLiteral("zeng")}, // 曾
        {QChar(0x89E3), QStringLiteral("xie")},  // 解
        {QChar(0x4EC7), QStringLiteral("qiu")},  // 仇
        {QChar(0x6734), QStringLiteral("piao")}, // 朴
        {QChar(0x533A), QStringLiteral("ou")},   // 区
        {QChar(0x67E5), QStringLiteral("zha")},  // 查
        {QChar(0x76D6), QStringLiteral("ge")},   // 盖
        {QChar(0x7E41), QStringLiteral("po")},   // 繁
        {QChar(0x8983), QStringLiteral("qin")},  // 覃
        {QChar(0x5C09), QStringLiteral("yu")},   // 尉迟 and 尉
        {QChar(0x7FDF), QStringLiteral("zhai")}, // 翟
        {QChar(0x4E50), QStringLiteral("yue")},  // 乐
        {QChar(0x7F2A), QStringLiteral("miao")}, // 缪
    };
    return readings;
}

QString initialsOf(const QStringList& syllables)
{
    QString s;
    for (const auto& syllable : syllables) s += syllable.front();
    return s;
}

} // namespace

Pinyin::Pinyin()
{
    UErrorCode status = U_ZERO_ERROR;
    latin_.reset(icu::Transliterator::createInstance("Han-Latin; Latin-ASCII", UTRANS_FORWARD, status));
    if (U_FAILURE(status)) latin_.reset();
}

Pinyin::~Pinyin() = default;

QStringList Pinyin::syllables(const QString& text) const
{
    if (!latin_) return {};
    auto u = icu::UnicodeString(reinterpret_cast<const char16_t*>(text.utf16()), static_cast<int32_t>(text.size()));
    latin_->transliterate(u);
    const QString latin = QString::fromUtf16(u.getBuffer(), u.length()).toLower();
    // Han-Latin separates syllables by spaces; anything not a letter separates too.
    QStringList out;
    QString word;
    for (const QChar c : latin) {
        if (c >= QLatin1Char('a') && c <= QLatin1Char('z')) {
            word += c == QLatin1Char('v') ? QLatin1Char('u') : c; // as queryKey() spells what is typed
        } else if (!word.isEmpty()) {
            out << word;
            word.clear();
        }
    }
    if (!word.isEmpty()) out << word;
    return out;
}

PinyinKeys Pinyin::keysOf(const QString& text, bool personName) const
{
    PinyinKeys keys;
    auto s = syllables(text);
    if (s.isEmpty()) return keys;
    keys.full << s.join(QString());
    keys.initials << initialsOf(s);
    if (personName && !text.isEmpty()) {
        const auto surname = surnameReadings().constFind(text.front());
        if (surname != surnameReadings().constEnd() && *surname != s.front()) {
            s.front() = *surname;
            keys.full << s.join(QString());
            keys.initials << initialsOf(s);
        }
    }
    return keys;
}

QString Pinyin::queryKey(const QString& typed)
{
    QString key;
    for (const QChar c : typed) {
        if (c == QLatin1Char(' ') || c == QLatin1Char('\'')) continue;
        const QChar l = c.toLower();
        if (l < QLatin1Char('a') || l > QLatin1Char('z')) return {};
        // ü typed as v (lv for 吕): the keys spell it u, as Latin-ASCII writes ü.
        key += l == QLatin1Char('v') ? QLatin1Char('u') : l;
    }
    return key;
}

} // namespace rollcall::dashboard
