// Pinyin keys for the organizer's desk's search (ICU Han-Latin): full pinyin
// and initials of names and units, what typed text becomes, surnames read
// otherwise than their character's common reading (多音字), and ü typed as v
// or as u.
#include "dashboard/src/pinyin.h"

#include <algorithm>
#include <gtest/gtest.h>

using namespace rollcall::dashboard;

TEST(PinyinKeys, namesAndUnitsGetFullPinyinAndInitials)
{
    struct Row {
        const char* name;
        const char* text;
        bool personName;
        QStringList full;
        QStringList initials;
    };
    const Row rows[] = {
        {"two syllables", "吴敏", true, {"wumin"}, {"wm"}},
        {"tone marks dropped (ǚ → u)", "吕红", true, {"luhong"}, {"lh"}},
        {"a unit path", "州直机关/州发改委", false, {"zhouzhijiguanzhoufagaiwei"}, {"zzjgzfgw"}},
        {"Latin words kept", "Anna 李", true, {"annali"}, {"al"}},
        {"单 as a surname: shan besides dan", "单雄", true, {"danxiong", "shanxiong"}, {"dx", "sx"}},
        {"曾 as a surname: zeng besides ceng", "曾敏", true, {"cengmin", "zengmin"}, {"cm", "zm"}},
        {"曾 inside a unit name keeps the common reading", "曾家村", false, {"cengjiacun"}, {"cjc"}},
        {"nothing to read", "", true, {}, {}},
    };
    const Pinyin pinyin;
    for (const auto& r : rows) {
        SCOPED_TRACE(r.name);
        const auto keys = pinyin.keysOf(QString::fromUtf8(r.text), r.personName);
        EXPECT_EQ(keys.full, r.full);
        EXPECT_EQ(keys.initials, r.initials);
    }
}

TEST(PinyinQuery, typedTextBecomesAKeyOnlyWhenItIsLetters)
{
    struct Row {
        const char* typed;
        const char* key;
    };
    const Row rows[] = {
        {"wm", "wm"}, {"wumin", "wumin"}, {"Wu Min", "wumin"}, {"xi'an", "xian"}, {"吴", ""}, {"p001", ""}, {"", ""},
    };
    for (const auto& r : rows) {
        SCOPED_TRACE(r.typed);
        EXPECT_EQ(Pinyin::queryKey(QString::fromUtf8(r.typed)), QString::fromUtf8(r.key));
    }
}

TEST(PinyinQuery, uUmlautTypedAsVOrAsUFindsTheName)
{
    struct Row {
        const char* name;
        const char* text;
        bool personName;
        const char* typed;
        bool found;
    };
    const Row rows[] = {
        {"吕 typed lv", "吕红", true, "lv", true},
        {"吕 typed lu", "吕红", true, "lu", true},
        {"whole name with v", "吕红", true, "lvhong", true},
        {"whole name with u", "吕红", true, "Lu Hong", true},
        {"绿 in a unit typed lv", "州绿化办", false, "lvh", true},
        {"女 typed nv", "女职工委员会", false, "nvzhi", true},
        {"a Latin v still finds its word", "Vera 李", true, "vera", true},
        {"lv is not wu", "吴敏", true, "lv", false},
    };
    const Pinyin pinyin;
    for (const auto& r : rows) {
        SCOPED_TRACE(r.name);
        const auto keys = pinyin.keysOf(QString::fromUtf8(r.text), r.personName);
        const auto typed = Pinyin::queryKey(QString::fromUtf8(r.typed));
        ASSERT_FALSE(typed.isEmpty());
        const auto in = [&](const QStringList& list) {
            return std::any_of(list.begin(), list.end(), [&](const QString& k) { return k.contains(typed); });
        };
        EXPECT_EQ(in(keys.full) || in(keys.initials), r.found) << keys.full.join(',').toStdString();
    }
}
