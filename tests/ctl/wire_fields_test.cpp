// Ids and names rollcallctl takes in keep the wire's rules (protocol/
// field_rules.h): what could never reach a board is refused at import with
// FILE:LINE: field NAME (or the option), and nothing is recorded. Names, unit
// paths and titles are also one line.
#include "common/database.h"
#include "hub/ctl/ctl_app.h"
#include "tests/ctl/ctl_harness.h"
#include "tests/support/temp_dir.h"

#include <gtest/gtest.h>
#include <sstream>

using namespace rollcall;

namespace {

using CtlRun = test::CtlResult;

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

namespace {

/// What every command below is given that breaks a rule, and what it must say.
struct RefusedCommand {
    const char* name;
    std::vector<std::string> args;
    std::string expected;
};

const std::string kLongId(201, 'x');
const std::string kIdRule = "must be 1..64 characters of [A-Za-z0-9._:-]";
const std::string kLineRule = "must be one line without control characters";
const std::string kNul(1, '\0');

/// An office with a venue, a reader, a person with a badge and a group, so
/// that each command fails only on the value under test.
class WireFieldsAtEveryCommand : public test::CtlHarness {
protected:
    WireFieldsAtEveryCommand()
    {
        ok({"init"});
        ok({"venue", "add", "--id", "hall", "--name", "主会场"});
        ok({"reader", "add", "--id", "hall-in", "--venue", "hall", "--direction", "in"});
        ok({"person", "add", "--id", "p1", "--name", "张三", "--unit", "州直机关", "--badge", "04A23BC1"});
        ok({"group", "add", "leaders", "--name", "领导班子"});
    }

    /// Every row of every table, as text: a refused command changes none.
    std::vector<std::string> everyRow()
    {
        std::vector<std::string> out;
        common::Database db(db_, common::Database::Mode::ReadOnly);
        auto tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
        while (tables.step()) {
            const auto table = tables.getText(0);
            auto cols = db.prepare("SELECT name FROM pragma_table_info('" + table + "')");
            std::string row = "'" + table + "'";
            while (cols.step()) row += " || '|' || quote(\"" + cols.getText(0) + "\")";
            auto s = db.prepare("SELECT " + row + " FROM \"" + table + "\"");
            while (s.step()) out.push_back(s.getText(0));
        }
        return out;
    }

    void expectRefused(const std::vector<RefusedCommand>& cases)
    {
        for (const auto& c : cases) {
            SCOPED_TRACE(c.name);
            const auto before = everyRow();
            const auto r = ctl(c.args);
            EXPECT_EQ(r.code, 1) << r;
            EXPECT_NE(r.err.find(c.expected), std::string::npos) << "missing \"" << c.expected << "\"\n" << r;
            EXPECT_NE(r.err.find("nothing was changed"), std::string::npos) << r;
            EXPECT_EQ(everyRow(), before);
        }
    }

    /// A schedule file whose second line is `row` under the given header.
    std::string schedule(const std::string& name, const std::string& header, const std::string& row)
    {
        return write(name, header + "\n" + row + "\n");
    }
};

std::vector<std::string> meetingAdd(const std::string& id, const std::string& title, const std::string& venue)
{
    return {"meeting", "add",
            "--id",    id,
            "--title", title,
            "--venue", venue,
            "--start", "2026-11-10 09:00",
            "--end",   "2026-11-10 10:00"};
}

} // namespace

TEST_F(WireFieldsAtEveryCommand, venueAddRefusesIdsAndNamesOffTheWire)
{
    expectRefused({
        {"idOf201Characters", {"venue", "add", "--id", kLongId}, "--id: " + kIdRule + ", got \"xxx"},
        {"idWithASlash", {"venue", "add", "--id", "X/1"}, "--id: " + kIdRule + ", got \"X/1\""},
        {"newlineInTheName",
         {"venue", "add", "--id", "room2", "--name", "二号\n会议室"},
         "--name: " + kLineRule + ", got \"二号\\x0A会议室\""},
        {"nameOf1025Bytes",
         {"venue", "add", "--id", "room2", "--name", std::string(1025, 'n')},
         "--name: is 1025 bytes"},
    });
}

TEST_F(WireFieldsAtEveryCommand, readerAddRefusesReaderAndVenueIdsOffTheWire)
{
    expectRefused({
        {"idOf201Characters",
         {"reader", "add", "--id", kLongId, "--venue", "hall", "--direction", "in"},
         "--id: " + kIdRule},
        {"idWithASlash", {"reader", "add", "--id", "X/1", "--venue", "hall", "--direction", "in"}, "--id: " + kIdRule},
        {"idWithANewline",
         {"reader", "add", "--id", "hall\nout", "--venue", "hall", "--direction", "out"},
         "--id: " + kIdRule + ", got \"hall\\x0Aout\""},
        {"venueWithASlash",
         {"reader", "add", "--id", "hall-out", "--venue", "X/1", "--direction", "out"},
         "--venue: " + kIdRule},
    });
}

TEST_F(WireFieldsAtEveryCommand, badgeIssueRefusesPersonIdsAndUidsOffTheWire)
{
    expectRefused({
        {"personOf201Characters", {"badge", "issue", "--person", kLongId, "--uid", "04A23BC2"}, "--person: " + kIdRule},
        {"personWithASlash", {"badge", "issue", "--person", "X/1", "--uid", "04A23BC2"}, "--person: " + kIdRule},
        {"uidOf201Characters", {"badge", "issue", "--person", "p1", "--uid", std::string(201, 'A')}, "--uid: \"AAA"},
        {"uidWithANewline", {"badge", "issue", "--person", "p1", "--uid", "04A2\n3BC2"}, "is not a badge UID"},
        {"replacementUidWithASlash",
         {"badge", "replace", "04A23BC1", "--by", "04A2/3BC2", "--reason", "broken"},
         "--by: \"04A2/3BC2\" is not a badge UID"},
    });
}

TEST_F(WireFieldsAtEveryCommand, groupAddRefusesIdsAndNamesOffTheWire)
{
    expectRefused({
        {"idOf201Characters", {"group", "add", kLongId, "--name", "组"}, "group: " + kIdRule},
        {"idWithASlash", {"group", "add", "X/1", "--name", "组"}, "group: " + kIdRule + ", got \"X/1\""},
        {"newlineInTheName", {"group", "add", "g2", "--name", "第一\n组"}, "--name: " + kLineRule},
        {"tabInTheName", {"group", "add", "g2", "--name", "第一\t组"}, "--name: " + kLineRule},
    });
}

TEST_F(WireFieldsAtEveryCommand, meetingAddRefusesIdsTitlesAndVenuesOffTheWire)
{
    auto invitingPerson = meetingAdd("M1", "例会", "hall");
    invitingPerson.insert(invitingPerson.end(), {"--invite-person", "X/1"});
    auto invitingGroup = meetingAdd("M1", "例会", "hall");
    invitingGroup.insert(invitingGroup.end(), {"--invite-group", kLongId});
    // The series id fits, but each occurrence's id adds "-YYYY-MM-DD".
    auto series = meetingAdd(std::string(60, 's'), "周例会", "hall");
    series.insert(series.end(), {"--repeat", "weekly:TUE", "--until", "2026-11-24"});
    expectRefused({
        {"idOf201Characters", meetingAdd(kLongId, "例会", "hall"), "--id: " + kIdRule},
        {"idWithASlash", meetingAdd("X/1", "例会", "hall"), "--id: " + kIdRule + ", got \"X/1\""},
        {"newlineInTheTitle", meetingAdd("M1", "全州\n大会", "hall"), "--title: " + kLineRule},
        {"titleOf1025Bytes", meetingAdd("M1", std::string(1025, 't'), "hall"), "--title: is 1025 bytes"},
        {"venueWithASlash", meetingAdd("M1", "例会", "X/1"), "--venue: " + kIdRule},
        {"invitedPersonWithASlash", invitingPerson, "--invite-person: " + kIdRule},
        {"invitedGroupOf201Characters", invitingGroup, "--invite-group: " + kIdRule},
        {"occurrenceIdBeyond64", series, "--id (with --repeat, the id of the meeting on 2026-11-10): " + kIdRule},
    });
}

TEST_F(WireFieldsAtEveryCommand, meetingImportRefusesRowsOffTheWireNamingFileLineAndField)
{
    const std::string header = "id,title,venue,start,end,invite_persons,invite_groups";
    const std::string times = ",2026-11-10 09:00,2026-11-10 10:00,";
    const std::vector<std::pair<std::string, std::string>> files{
        {"idOf201Characters", kLongId + ",例会,hall" + times + ","},
        {"idWithASlash", "X/1,例会,hall" + times + ","},
        {"nulInTheTitle", "M1,例" + kNul + "会,hall" + times + ","},
        {"newlineInTheTitle", "M1,\"全州\n大会\",hall" + times + ","},
        {"venueWithASlash", "M1,例会,hall;X/1" + times + ","},
        {"invitedPersonWithASlash", "M1,例会,hall" + times + "p1;X/1,"},
        {"invitedGroupOf201Characters", "M1,例会,hall" + times + "," + kLongId},
    };
    const std::vector<std::string> expected{
        ":2: field id: " + kIdRule + ", got \"xxx",
        ":2: field id: " + kIdRule + ", got \"X/1\"",
        ":2: field title: contains a NUL character, got \"例\\x00会\"",
        ":2: field title: " + kLineRule + ", got \"全州\\x0A大会\"",
        ":2: field venue: " + kIdRule + ", got \"X/1\"",
        ":2: field invite_persons: " + kIdRule + ", got \"X/1\"",
        ":2: field invite_groups: " + kIdRule,
    };
    std::vector<RefusedCommand> cases;
    for (std::size_t i = 0; i < files.size(); ++i) {
        const auto file = schedule(files[i].first + ".csv", header, files[i].second);
        cases.push_back({files[i].first.c_str(), {"meeting", "import", file}, file + expected[i]});
    }
    expectRefused(cases);
}

TEST_F(WireFieldsAtEveryCommand, personAndRosterNamesAreOneLine)
{
    const std::string header = "person_id,name,unit,badge_uid,title";
    const auto nameFile = write("name.csv", header + "\np2,\"李\n四\",州直机关,04A23BC2,\n");
    const auto unitFile = write("unit.csv", header + "\np2,李四,\"州直\r机关\",04A23BC2,\n");
    const auto titleFile = write("title.csv", header + "\np2,李四,州直机关,04A23BC2,\"主\t任\"\n");
    expectRefused({
        {"personIdOf201Characters",
         {"person", "add", "--id", kLongId, "--name", "李四", "--unit", "州直机关"},
         "--id: " + kIdRule},
        {"newlineInAPersonName",
         {"person", "add", "--id", "p2", "--name", "李\n四", "--unit", "州直机关"},
         "--name: " + kLineRule + ", got \"李\\x0A四\""},
        {"newlineInAUnit",
         {"person", "add", "--id", "p2", "--name", "李四", "--unit", "州直机关\n办公室"},
         "--unit: " + kLineRule},
        {"newlineInARosterName", {"roster", "import", nameFile}, nameFile + ":2: field name: " + kLineRule},
        {"carriageReturnInARosterUnit", {"roster", "import", unitFile}, unitFile + ":2: field unit: " + kLineRule},
        {"tabInARosterTitle", {"roster", "import", titleFile}, titleFile + ":2: field title: " + kLineRule},
    });
}
