// Ids and names rollcallctl takes in keep the wire's rules (protocol/
// field_rules.h): what could never reach a board is refused at import with
// FILE:LINE: field NAME (or the option), and nothing is recorded.
#include "common/database.h"
#include "hub/ctl/ctl_app.h"
#include "tests/support/temp_dir.h"

#include <gtest/gtest.h>
#include <sstream>

using namespace rollcall;

namespace {

struct CtlRun {
    int code = -1;
    std::string out;
    std::string err;
};

class WireFieldsTest : public ::testing::Test {
protected:
    WireFieldsTest()
    {
        EXPECT_EQ(ctl({"init"}).code, 0);
        EXPECT_EQ(ctl({"venue", "add", "--id", "hall"}).code, 0);
        EXPECT_EQ(ctl({"reader", "add", "--id", "hall-in", "--venue", "hall", "--direction", "in"}).code, 0);
    }

    CtlRun ctl(const std::vector<std::string>& args)
    {
        std::vector<const char*> argv{"rollcallctl", "--db", db_.c_str()};
        for (const auto& a : args) argv.push_back(a.c_str());
        std::ostringstream out, err;
        CtlRun r;
        r.code = ctl::runCtl(static_cast<int>(argv.size()), argv.data(), out, err, clock_);
        r.out = out.str();
        r.err = err.str();
        return r;
    }

    std::int64_t count(const std::string& table)
    {
        common::Database db(db_, common::Database::Mode::ReadOnly);
        auto s = db.prepare("SELECT count(*) FROM " + table);
        EXPECT_TRUE(s.step());
        return s.getInt(0);
    }

    test::TempDir dir_;
    std::string db_ = dir_.file("rollcall.sqlite");
    common::FixedClock clock_{common::fromMillis(1'795'000'000'000)};
};

struct BadRosterRow {
    const char* name;
    std::string row; // person_id,name,unit,badge_uid,title
    std::string expected;
};

} // namespace

TEST_F(WireFieldsTest, rosterRowsThatBreakTheWireRulesAreRefusedNamingFileLineAndField)
{
    const std::vector<BadRosterRow> rows{
        {"idTooLong", std::string(201, 'p') + ",张三,州直机关,04A23BC1,",
         ":3: field person_id: must be 1..64 characters of [A-Za-z0-9._:-], got \"ppp"},
        {"idWithASlash", "X/1,张三,州直机关,04A23BC1,", ":3: field person_id: must be 1..64 characters"},
        {"idWithASpace", "p 1,张三,州直机关,04A23BC1,", ":3: field person_id"},
        {"nulInTheName", "p1,张" + std::string(1, '\0') + "三,州直机关,04A23BC1,",
         ":3: field name: contains a NUL character, got \"张\\x00三\""},
        {"nameTooLong", "p1," + std::string(1025, 'x') + ",州直机关,04A23BC1,", ":3: field name: is 1025 bytes"},
        {"unitPathTooLong", "p1,张三," + std::string(1100, 'u') + ",04A23BC1,", ":3: field unit: is 1100 bytes"},
        {"titleWithNul", "p1,张三,州直机关,04A23BC1,主" + std::string(1, '\0') + "任",
         ":3: field title: contains a NUL"},
    };
    for (const auto& bad : rows) {
        SCOPED_TRACE(bad.name);
        const auto file =
            dir_.write(std::string(bad.name) + ".csv",
                       "person_id,name,unit,badge_uid,title\np0,李四,州直机关,04A23BC9,\n" + bad.row + "\n");
        const auto r = ctl({"roster", "import", file});
        EXPECT_EQ(r.code, 1) << r.err;
        EXPECT_NE(r.err.find(file + bad.expected), std::string::npos) << r.err;
        EXPECT_NE(r.err.find("nothing was changed"), std::string::npos) << r.err;
        EXPECT_EQ(count("persons"), 0);
    }
}

TEST_F(WireFieldsTest, aTapsFileWithAReaderIdOffTheWireIsRefusedAtItsLine)
{
    const auto file = dir_.write("taps.csv", "reader_id,seq,badge_uid,time\nhall-in,1,04A23BC1,2026-11-28T09:00:00Z\n"
                                             "hall/in,2,04A23BC1,2026-11-28T09:01:00Z\n");
    const auto r = ctl({"taps", "import", file});
    EXPECT_EQ(r.code, 1);
    EXPECT_NE(r.err.find(file + ":3: field reader_id: must be 1..64 characters of [A-Za-z0-9._:-], got \"hall/in\""),
              std::string::npos)
        << r.err;
    EXPECT_EQ(count("taps"), 0);
}

TEST_F(WireFieldsTest, personAndReaderOptionsOffTheWireAreRefusedNamingTheOption)
{
    struct Case {
        const char* name;
        std::vector<std::string> args;
        std::string expected;
    };
    const std::vector<Case> cases{
        {"personIdWithSlash",
         {"person", "add", "--id", "X/1", "--name", "张三", "--unit", "州直机关"},
         "--id: must be"},
        {"personNameTooLong",
         {"person", "add", "--id", "p1", "--name", std::string(1025, 'n'), "--unit", "州直机关"},
         "--name: is 1025 bytes"},
        {"personUnitTooLong",
         {"person", "add", "--id", "p1", "--name", "张三", "--unit", std::string(1025, 'u')},
         "--unit: is 1025 bytes"},
        {"readerIdTooLong",
         {"reader", "add", "--id", std::string(65, 'r'), "--venue", "hall", "--direction", "in"},
         "--id: must be 1..64 characters"},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.name);
        const auto r = ctl(c.args);
        EXPECT_EQ(r.code, 1) << r.err;
        EXPECT_NE(r.err.find(c.expected), std::string::npos) << r.err;
    }
    EXPECT_EQ(count("persons"), 0);
    EXPECT_EQ(count("readers"), 1);
}
