// CsvReader: RFC 4180 with line numbers for FILE:LINE messages.
#include "hub/core/time_util.h"
#include "hub/ctl/csv_reader.h"
#include "tests/support/temp_dir.h"

#include <gtest/gtest.h>

using namespace rollcall;
using rollcall::ctl::CsvReader;

namespace {

/// The message of the InputError `read` throws, or a failure.
template <class F>
std::string errorOf(F&& read)
{
    try {
        read();
    } catch (const common::InputError& e) {
        return e.what();
    }
    ADD_FAILURE() << "expected an InputError";
    return {};
}

std::vector<int> lines(const CsvReader& csv)
{
    std::vector<int> out;
    for (const auto& r : csv.rows()) out.push_back(r.line);
    return out;
}

} // namespace

TEST(CsvReader, readsHeaderAndRowsWithTheirLineNumbers)
{
    test::TempDir dir;
    const auto path = dir.write("plain.csv", "person_id,name,unit\np1,张三,县委办\np2,李四,县政府办\n");
    const CsvReader csv(path);
    ASSERT_EQ(csv.rows().size(), 2u);
    EXPECT_EQ(lines(csv), (std::vector<int>{2, 3}));
    EXPECT_EQ(csv.field(csv.rows()[1], "name"), "李四");
    EXPECT_EQ(csv.field(csv.rows()[0], "unit"), "县委办");
    EXPECT_FALSE(csv.field(csv.rows()[0], "title")); // no such column
    EXPECT_EQ(csv.where(csv.rows()[1], "name"), path + ":3: field name");
}

TEST(CsvReader, byteOrderMarkAndCrlfAreAccepted)
{
    test::TempDir dir;
    const auto path = dir.write("excel.csv", "\xEF\xBB\xBFPerson_ID,Name\r\np1,张三\r\np2,李四\r\n");
    const CsvReader csv(path);
    // The BOM is not part of the first column's name; names are lower-cased.
    EXPECT_EQ(csv.header().count("person_id"), 1u);
    ASSERT_EQ(csv.rows().size(), 2u);
    EXPECT_EQ(csv.field(csv.rows()[0], "person_id"), "p1");
    EXPECT_EQ(csv.field(csv.rows()[1], "name"), "李四"); // no trailing \r
    EXPECT_EQ(lines(csv), (std::vector<int>{2, 3}));
}

TEST(CsvReader, quotedFieldsKeepCommasQuotesAndNewlinesAndLineNumbersStayRight)
{
    test::TempDir dir;
    const auto path = dir.write("quoted.csv",
                                "id,note\n"
                                "a,\"one, two\"\n"             // line 2
                                "b,\"say \"\"hi\"\"\"\n"       // line 3
                                "c,\"first\nsecond\nthird\"\n" // lines 4-6
                                "d,plain\n");                  // line 7
    const CsvReader csv(path);
    ASSERT_EQ(csv.rows().size(), 4u);
    EXPECT_EQ(csv.field(csv.rows()[0], "note"), "one, two");
    EXPECT_EQ(csv.field(csv.rows()[1], "note"), "say \"hi\"");
    EXPECT_EQ(csv.field(csv.rows()[2], "note"), "first\nsecond\nthird");
    EXPECT_EQ(csv.field(csv.rows()[3], "note"), "plain");
    EXPECT_EQ(lines(csv), (std::vector<int>{2, 3, 4, 7}));
}

TEST(CsvReader, blankLinesAreSkippedWithoutShiftingLineNumbers)
{
    test::TempDir dir;
    const auto path = dir.write("blank.csv", "id,name\n\np1,A\n   \r\n\np2,B\n\n");
    const CsvReader csv(path);
    ASSERT_EQ(csv.rows().size(), 2u);
    EXPECT_EQ(lines(csv), (std::vector<int>{3, 6}));
}

TEST(CsvReader, lastRowWithoutNewlineIsRead)
{
    test::TempDir dir;
    const CsvReader csv(dir.write("eof.csv", "id,name\np1,A"));
    ASSERT_EQ(csv.rows().size(), 1u);
    EXPECT_EQ(csv.field(csv.rows()[0], "name"), "A");
}

TEST(CsvReader, fieldsAreTrimmedOfSpacesButKeepOtherScripts)
{
    test::TempDir dir;
    const CsvReader csv(dir.write("trim.csv", "id , name\n p1 ,  阿依古丽·买买提  \np2, ئابدۇرېھىم\n"));
    EXPECT_EQ(csv.field(csv.rows()[0], "id"), "p1");
    EXPECT_EQ(csv.field(csv.rows()[0], "name"), "阿依古丽·买买提");
    EXPECT_EQ(csv.field(csv.rows()[1], "name"), "ئابدۇرېھىم");
}

TEST(CsvReader, missingTrailingFieldsReadAsEmpty)
{
    test::TempDir dir;
    const CsvReader csv(dir.write("short.csv", "id,name,title\np1,A\n"));
    EXPECT_EQ(csv.field(csv.rows()[0], "title"), "");
}

TEST(CsvReader, tooManyFieldsIsAnErrorNamingFileAndLine)
{
    test::TempDir dir;
    const auto path = dir.write("wide.csv", "id,name\np1,A\n\"p2\nx\",B\np3,C,extra\n");
    const auto message = errorOf([&] { CsvReader csv(path); });
    EXPECT_NE(message.find(path + ":5:"), std::string::npos) << message;
    EXPECT_NE(message.find("3 fields"), std::string::npos) << message;
}

TEST(CsvReader, unterminatedQuoteIsAnErrorNamingWhereTheRowStarts)
{
    test::TempDir dir;
    const auto path = dir.write("open.csv", "id,name\np1,A\np2,\"B\np3,C\n");
    const auto message = errorOf([&] { CsvReader csv(path); });
    EXPECT_NE(message.find(path + ":3:"), std::string::npos) << message;
    EXPECT_NE(message.find("unterminated"), std::string::npos) << message;
}

TEST(CsvReader, duplicateHeaderIsAnError)
{
    test::TempDir dir;
    const auto path = dir.write("dup.csv", "id,name,ID\np1,A,B\n");
    const auto message = errorOf([&] { CsvReader csv(path); });
    EXPECT_NE(message.find(path + ":1:"), std::string::npos) << message;
    EXPECT_NE(message.find("\"id\""), std::string::npos) << message;
}

TEST(CsvReader, emptyOrMissingFileIsAnError)
{
    test::TempDir dir;
    const auto empty = dir.write("empty.csv", "\xEF\xBB\xBF\r\n\n");
    EXPECT_NE(errorOf([&] { CsvReader csv(empty); }).find(empty), std::string::npos);
    const auto missing = dir.file("missing.csv");
    EXPECT_NE(errorOf([&] { CsvReader csv(missing); }).find(missing), std::string::npos);
}

TEST(CsvReader, missingRequiredColumnIsNamed)
{
    test::TempDir dir;
    const auto path = dir.write("cols.csv", "id,name\np1,A\n");
    const CsvReader csv(path);
    EXPECT_NO_THROW(csv.requireColumns({"id", "name"}));
    const auto message = errorOf([&] { csv.requireColumns({"id", "badge_uid"}); });
    EXPECT_NE(message.find(path), std::string::npos) << message;
    EXPECT_NE(message.find("badge_uid"), std::string::npos) << message;
}

TEST(CsvReader, textThatIsNotUtf8IsAnErrorNamingTheLine)
{
    // Excel on a Chinese Windows saves CSV as GBK: 张三 is D5 C5 C8 FD there.
    test::TempDir dir;
    struct Case {
        const char* name;
        std::string bytes;
        int line;
    };
    const Case cases[] = {
        {"GBK", "id,name\np1,A\np2,\xD5\xC5\xC8\xFD\n", 3},
        {"GBK in the header", "id,\xD0\xD5\xC3\xFB\np1,A\n", 1},
        {"inside a quoted multi-line field", "id,note\np1,\"ok\n\xFF\"\n", 3},
        {"truncated sequence at the end", "id,name\np1,\xE5\xBC", 2},
        {"overlong encoding", "id,name\np1,\xC0\xAF\n", 2},
        {"encoded surrogate", "id,name\np1,\xED\xA0\x80\n", 2},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.name);
        const auto path = dir.write("gbk.csv", c.bytes);
        const auto message = errorOf([&] { CsvReader csv(path); });
        EXPECT_NE(message.find(path + ":" + std::to_string(c.line) + ":"), std::string::npos) << message;
        EXPECT_NE(message.find("UTF-8"), std::string::npos) << message;
    }
}

TEST(CsvReader, utf8InAnyScriptIsAccepted)
{
    test::TempDir dir;
    // 4-byte sequences (𠮷, CJK extension B) and Arabic-script Uyghur pass too.
    const CsvReader csv(dir.write("utf8.csv", "id,name\np1,𠮷野\np2,ئابدۇرېھىم\np3,Әбішұлы\n"));
    EXPECT_EQ(csv.field(csv.rows()[0], "name"), "𠮷野");
    EXPECT_EQ(csv.field(csv.rows()[1], "name"), "ئابدۇرېھىم");
    EXPECT_EQ(csv.field(csv.rows()[2], "name"), "Әбішұлы");
}
