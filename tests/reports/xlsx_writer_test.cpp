// writeXlsx sizes each column by the display width of its widest cell: a
// wide CJK character takes 2, every other code point 1 — Arabic-script names
// (Uyghur, Kazakh in Arabic script) included, which once took no width at all.
#include "hub/reports/document.h"
#include "tests/reports/scenario.h"
#include "tests/support/temp_dir.h"

#include <gtest/gtest.h>
#include <sstream>
#include <string>
#include <vector>

using namespace rollcall;
using rollcall::test::TempDir;
using rollcall::testing::run;

namespace {

struct WidthCase {
    std::string name;
    std::string text; // 20 columns wide
};

std::string times(const std::string& s, int n)
{
    std::string out;
    for (int i = 0; i < n; ++i) out += s;
    return out;
}

/// The width libxlsxwriter wrote for each column, in column order.
std::vector<std::string> columnWidths(const TempDir& dir, const std::string& xlsx)
{
    const auto script =
        dir.write("cols.py", "import re, sys, zipfile\n"
                             "xml = zipfile.ZipFile(sys.argv[1]).read('xl/worksheets/sheet1.xml').decode()\n"
                             "for col in re.findall(r'<col [^>]*>', xml):\n"
                             "    print(re.search(r'width=\"([0-9.]+)\"', col).group(1))\n");
    const std::string python = std::filesystem::exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
    std::istringstream out(run(python + " '" + script + "' '" + xlsx + "' 2>&1"));
    std::vector<std::string> widths;
    for (std::string line; std::getline(out, line);) widths.push_back(line);
    return widths;
}

TEST(XlsxWriter, columnsAreAsWideAsTheirTextWhateverTheScript)
{
    // Every cell below is 20 columns wide: 20 Latin letters, 20 Arabic-script
    // code points, or 10 CJK characters.
    const std::vector<WidthCase> cases = {
        {"latin", times("a", 20)},
        {"uyghurArabicScript", times("\u0626\u06D5\u062E\u0645", 5)}, // U+0600–U+06FF
        {"kazakhArabicScript", times("\u0642\u0627\u0632\u0627", 5)}, // U+0600–U+06FF
        {"arabicSupplement", times("\u0750\u0751\u077F\u0760", 5)},   // U+0750–U+077F
        {"presentationFormsA", times("\uFB50\uFB8A\uFDF2\uFDFC", 5)}, // U+FB50–U+FDFF
        {"presentationFormsB", times("\uFE70\uFE8D\uFEE9\uFEFB", 5)}, // U+FE70–U+FEFF
        {"cjk", times("\u5F20\u4E09", 5)},
    };
    reports::Document doc;
    doc.title = "t";
    reports::Section s;
    std::vector<reports::Cell> row;
    for (const auto& c : cases) {
        s.columns.push_back({"h"});
        row.emplace_back(c.text);
    }
    s.rows.push_back(row);
    doc.sections.push_back(s);

    TempDir dir;
    const auto path = dir.file("widths.xlsx");
    reports::writeXlsx(doc, path);
    const auto widths = columnWidths(dir, path);
    ASSERT_EQ(widths.size(), cases.size()) << ::testing::PrintToString(widths);
    for (std::size_t i = 0; i < cases.size(); ++i) {
        SCOPED_TRACE(cases[i].name);
        EXPECT_EQ(widths[i], widths[0]) << "as wide as 20 Latin letters";
    }
}

} // namespace
