// RFC 4180 quoting of CSV fields (csv_field.h), shared by the CSV writer and
// the notices' index.csv.
#include "hub/reports/csv_field.h"

#include <gtest/gtest.h>

using namespace rollcall::reports;

TEST(CsvField, quotesOnlyWhatNeedsQuoting)
{
    const struct {
        const char* name;
        const char* in;
        const char* out;
    } rows[] = {
        {"plain", "州直机关/州财政局", "州直机关/州财政局"},
        {"empty", "", ""},
        {"comma", "a,b", "\"a,b\""},
        {"quote doubled", "say \"hi\"", "\"say \"\"hi\"\"\""},
        {"line feed", "a\nb", "\"a\nb\""},
        {"carriage return", "a\rb", "\"a\rb\""},
        {"spaces kept bare", " a ", " a "},
    };
    for (const auto& row : rows) EXPECT_EQ(csvField(row.in), row.out) << row.name;
}

TEST(CsvField, lineJoinsQuotedFieldsWithCommas)
{
    EXPECT_EQ(csvLine({"2026-11-001", "个人", "a,b", ""}), "2026-11-001,个人,\"a,b\",");
    EXPECT_EQ(csvLine({}), "");
}
