// rollcallctl driven in-process (runCtl) over a temp database with a fixed
// clock: every command's happy path, bad input (exit 1, a message naming the
// input, nothing changed), idempotent imports and the status JSON format.
#include "common/database.h"
#include "hub/core/schema.h"
#include "hub/ctl/ctl_app.h"
#include "tests/ctl/ctl_harness.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_day.h"

#include <filesystem>
#include <gtest/gtest.h>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

using namespace rollcall;
using json = nlohmann::ordered_json;

namespace {

using test::at;

std::string data(const std::string& name) { return std::string(ROLLCALL_TEST_DATA_DIR) + "/ctl/" + name; }

using CtlRun = test::CtlResult;

/// Row counts of every table plus the finalization state: what "nothing changed" compares.
using Snapshot = std::map<std::string, std::int64_t>;

class RollcallctlTest : public ::testing::Test {
protected:
    /// Runs rollcallctl with `args` after the program name, exactly as given.
    CtlRun run(const std::vector<std::string>& args)
    {
        std::vector<const char*> argv{"rollcallctl"};
        for (const auto& a : args) argv.push_back(a.c_str());
        std::ostringstream out, err;
        CtlRun r;
        r.code = ctl::runCtl(static_cast<int>(argv.size()), argv.data(), out, err, clock_);
        r.out = out.str();
        r.err = err.str();
        return r;
    }

    /// Runs a command against the test database as operator 会务组.
    CtlRun ctl(const std::vector<std::string>& args)
    {
        std::vector<std::string> full{"--db", db_, "--operator", "会务组"};
        full.insert(full.end(), args.begin(), args.end());
        return run(full);
    }

    /// Runs a command that must succeed.
    std::string ok(const std::vector<std::string>& args)
    {
        const auto r = ctl(args);
        EXPECT_EQ(r.code, 0) << r;
        EXPECT_EQ(r.err, "") << r;
        return r.out;
    }

    /// init, two venues, three readers, roster_basic.csv and meeting m1 (09:00–11:00, unit 州直机关).
    void setUpMeeting()
    {
        ok({"init"});
        ok({"venue", "add", "--id", "hall", "--name", "主会场"});
        ok({"venue", "add", "--id", "branch", "--name", "分会场"});
        ok({"reader", "add", "--id", "hall-in", "--venue", "hall", "--direction", "in"});
        ok({"reader", "add", "--id", "hall-out", "--venue", "hall", "--direction", "out"});
        ok({"reader", "add", "--id", "branch-both", "--venue", "branch", "--direction", "both"});
        ok({"roster", "import", data("roster_basic.csv")});
        ok({"meeting", "add", "--id", "m1", "--title", "全州作风建设大会", "--venue", "hall", "--venue", "branch",
            "--start", "2026-11-28T09:00:00+08:00", "--end", "2026-11-28 11:00", "--invite-unit", "州直机关"});
    }

    json statusJson()
    {
        const auto out = ok({"status", "--meeting", "m1", "--json"});
        return json::parse(out);
    }

    static const json& attendee(const json& status, const std::string& personId)
    {
        for (const auto& a : status.at("attendees")) {
            if (a.at("person_id") == personId) return a;
        }
        throw std::runtime_error("no attendee " + personId);
    }

    std::int64_t scalar(const std::string& sql)
    {
        common::Database db(db_, common::Database::Mode::ReadOnly);
        auto s = db.prepare(sql);
        EXPECT_TRUE(s.step()) << sql;
        return s.getInt(0);
    }

    Snapshot snapshot()
    {
        Snapshot s;
        for (const char* table : {"units", "persons", "badges", "venues", "readers", "meetings", "meeting_venues",
                                  "meeting_invites", "taps", "amendments", "reader_health", "quarantined_taps"}) {
            s[table] = scalar(std::string("SELECT count(*) FROM ") + table);
        }
        s["finalized meetings"] = scalar("SELECT count(*) FROM meetings WHERE finalized_ms IS NOT NULL");
        return s;
    }

    test::TempDir dir_;
    std::string db_ = dir_.file("rollcall.sqlite");
    common::FixedClock clock_{at("07:00")};
};

} // namespace

// --- happy paths -------------------------------------------------------------

TEST_F(RollcallctlTest, initCreatesTheDatabaseAtTheLatestSchemaVersion)
{
    const auto out = ok({"init"});
    EXPECT_NE(out.find("schema version " + std::to_string(core::latestSchemaVersion())), std::string::npos) << out;
    EXPECT_TRUE(std::filesystem::exists(db_));
    EXPECT_EQ(scalar("PRAGMA user_version"), core::latestSchemaVersion());
    ok({"init"}); // again: nothing to do, no error
}

TEST_F(RollcallctlTest, rosterImportAddsPersonsBadgesAndUnits)
{
    ok({"init"});
    const auto out = ok({"roster", "import", data("roster_basic.csv")});
    EXPECT_NE(out.find("imported 4 person(s), 5 badge(s), created 5 unit(s)"), std::string::npos) << out;
    EXPECT_EQ(scalar("SELECT count(*) FROM persons"), 4);
    EXPECT_EQ(scalar("SELECT count(*) FROM badges"), 5);
    // UIDs are stored normalised, whatever separators the file used.
    EXPECT_EQ(scalar("SELECT count(*) FROM badges WHERE uid IN ('04A23BC1', '04A23BC2', '04A23BC3', '04A23BC9')"), 4);
    EXPECT_EQ(scalar("SELECT count(*) FROM units WHERE path = '州直机关/州发改委/办公室'"), 1);
    EXPECT_EQ(scalar("SELECT count(*) FROM persons WHERE title = '副局长'"), 1);
    EXPECT_EQ(scalar("SELECT count(*) FROM persons WHERE title IS NULL"), 2);
}

TEST_F(RollcallctlTest, venueAndReaderAddRegisterThem)
{
    ok({"init"});
    EXPECT_NE(ok({"venue", "add", "--id", "hall", "--name", "主会场"}).find("venue hall added"), std::string::npos);
    const auto out = ok({"reader", "add", "--id", "hall-in", "--venue", "hall", "--direction", "in"});
    EXPECT_NE(out.find("reader hall-in added at venue hall (in)"), std::string::npos) << out;
    EXPECT_EQ(scalar("SELECT count(*) FROM readers WHERE id = 'hall-in' AND venue_id = 'hall' AND direction = 'in'"),
              1);
    EXPECT_EQ(scalar("SELECT created_ms FROM readers WHERE id = 'hall-in'"), common::toMillis(at("07:00")));
}

TEST_F(RollcallctlTest, meetingAddDefinesTimesVenuesAndRoster)
{
    ok({"init"});
    ok({"venue", "add", "--id", "hall"});
    ok({"venue", "add", "--id", "branch"});
    ok({"roster", "import", data("roster_basic.csv")});
    const auto out = ok({"meeting",
                         "add",
                         "--id",
                         "m1",
                         "--title",
                         "全州作风建设大会",
                         "--venue",
                         "hall",
                         "--venue",
                         "branch",
                         "--start",
                         "2026-11-28 09:00",
                         "--end",
                         "2026-11-28T03:00:00Z",
                         "--late-grace",
                         "10m",
                         "--opens-before",
                         "30",
                         "--invite-unit",
                         "州直机关/州发改委",
                         "--invite-person",
                         "p004"});
    // Times without an offset are read in Asia/Shanghai and printed there.
    EXPECT_NE(out.find("meeting m1 added: 2026-11-28 09:00:00 – 2026-11-28 11:00:00 (Asia/Shanghai), 3 expected"),
              std::string::npos)
        << out;
    EXPECT_EQ(scalar("SELECT start_ms FROM meetings WHERE id = 'm1'"), common::toMillis(at("09:00")));
    EXPECT_EQ(scalar("SELECT end_ms FROM meetings WHERE id = 'm1'"), common::toMillis(at("11:00")));
    EXPECT_EQ(scalar("SELECT opening_ms FROM meetings WHERE id = 'm1'"), common::toMillis(at("08:30")));
    EXPECT_EQ(scalar("SELECT late_grace_s FROM meetings WHERE id = 'm1'"), 600);
    EXPECT_EQ(scalar("SELECT early_grace_s FROM meetings WHERE id = 'm1'"), 300);
    EXPECT_EQ(scalar("SELECT venue_id = 'hall' FROM meeting_venues WHERE meeting_id = 'm1' AND is_main = 1"), 1);
}

TEST_F(RollcallctlTest, tapsImportRecordsTapsAndASecondImportChangesNothing)
{
    setUpMeeting();
    const auto first = ok({"taps", "import", data("taps_basic.csv")});
    EXPECT_NE(first.find("imported 6 tap(s)"), std::string::npos) << first;
    EXPECT_NE(first.find("0 already recorded"), std::string::npos) << first;
    EXPECT_EQ(scalar("SELECT count(*) FROM taps WHERE source = 'import'"), 6);
    EXPECT_EQ(scalar("SELECT at_ms FROM taps WHERE reader_id = 'hall-in' AND seq = 2"),
              common::toMillis(at("09:12:30")));

    const auto before = snapshot();
    const auto statusBefore = statusJson();
    clock_.set(at("12:00"));
    const auto second = ok({"taps", "import", data("taps_basic.csv")});
    EXPECT_NE(second.find("imported 0 tap(s)"), std::string::npos) << second;
    EXPECT_NE(second.find("6 already recorded"), std::string::npos) << second;
    EXPECT_EQ(snapshot(), before);
    EXPECT_EQ(scalar("SELECT count(*) FROM taps WHERE received_ms = " + std::to_string(common::toMillis(at("07:00")))),
              6);
    clock_.set(at("07:00"));
    EXPECT_EQ(statusJson(), statusBefore);
}

TEST_F(RollcallctlTest, statusJsonHasExactlyTheDocumentedKeys)
{
    setUpMeeting();
    ok({"taps", "import", data("taps_basic.csv")});
    ok({"leave", "add", "--meeting", "m1", "--person", "p003", "--reason", "出差"});
    ok({"override", "--meeting", "m1", "--person", "p003", "--status", "absent", "--reason", "假条未批"});
    clock_.set(at("12:00"));
    const auto status = statusJson();

    auto keys = [](const json& object) {
        std::vector<std::string> k;
        for (const auto& [key, value] : object.items()) k.push_back(key);
        return k;
    };
    using Keys = std::vector<std::string>;
    EXPECT_EQ(keys(status), (Keys{"meeting", "summary", "attendees", "delegations", "walk_ins", "unknown_badges"}));
    EXPECT_EQ(keys(status.at("meeting")), (Keys{"id", "title", "venues", "start", "end", "check_in_opens",
                                                "late_grace_minutes", "early_grace_minutes", "checkout_required",
                                                "finalized", "cancelled", "time_zone", "evaluated_at"}));
    EXPECT_EQ(keys(status.at("summary")),
              (Keys{"expected", "present", "late", "absent", "excused", "substituted", "left_early", "left_mid_meeting",
                    "no_checkout", "walk_ins", "unknown_badges", "not_arrived", "attendance_rate"}));
    const Keys attendeeKeys{"person_id",    "name",     "unit",         "status",        "flags",
                            "first_in",     "last_out", "late_minutes", "early_minutes", "substitute",
                            "leave_reason", "taps",     "amendments"};
    ASSERT_EQ(status.at("attendees").size(), 3u);
    EXPECT_EQ(keys(attendee(status, "p001")), attendeeKeys);
    EXPECT_EQ(keys(attendee(status, "p002")), attendeeKeys);
    auto overridden = attendeeKeys;
    overridden.insert(overridden.begin() + 11, "overridden_from");
    EXPECT_EQ(keys(attendee(status, "p003")), overridden);
    EXPECT_EQ(keys(attendee(status, "p001").at("taps").at(0)), (Keys{"at", "direction", "source", "reader_id", "ref"}));
    EXPECT_EQ(keys(attendee(status, "p003").at("amendments").at(0)), (Keys{"id", "kind", "by", "at", "reason"}));
    ASSERT_EQ(status.at("walk_ins").size(), 1u);
    EXPECT_EQ(keys(status.at("walk_ins").at(0)), (Keys{"person_id", "name", "unit", "first_in"}));
    ASSERT_EQ(status.at("unknown_badges").size(), 1u);
    EXPECT_EQ(keys(status.at("unknown_badges").at(0)), (Keys{"badge_uid", "first_at", "taps"}));
}

TEST_F(RollcallctlTest, statusJsonReportsEachMemberWithTimesInAsiaShanghai)
{
    setUpMeeting();
    ok({"taps", "import", data("taps_basic.csv")});
    clock_.set(at("12:00"));
    const auto status = statusJson();

    const auto& meeting = status.at("meeting");
    EXPECT_EQ(meeting.at("id"), "m1");
    EXPECT_EQ(meeting.at("title"), "全州作风建设大会");
    EXPECT_EQ(meeting.at("venues"), json::array({"hall", "branch"}));
    EXPECT_EQ(meeting.at("start"), "2026-11-28T09:00:00+08:00");
    EXPECT_EQ(meeting.at("end"), "2026-11-28T11:00:00+08:00");
    EXPECT_EQ(meeting.at("check_in_opens"), "2026-11-28T08:00:00+08:00");
    EXPECT_EQ(meeting.at("late_grace_minutes"), 5);
    EXPECT_EQ(meeting.at("time_zone"), "Asia/Shanghai");
    EXPECT_EQ(meeting.at("evaluated_at"), "2026-11-28T12:00:00+08:00");
    EXPECT_EQ(meeting.at("finalized"), false);

    const auto& s = status.at("summary");
    EXPECT_EQ(s.at("expected"), 3);
    EXPECT_EQ(s.at("present"), 1);
    EXPECT_EQ(s.at("late"), 1);
    EXPECT_EQ(s.at("absent"), 1);
    EXPECT_EQ(s.at("excused"), 0);
    EXPECT_EQ(s.at("substituted"), 0);
    EXPECT_EQ(s.at("left_early"), 1);
    EXPECT_EQ(s.at("walk_ins"), 1);
    EXPECT_EQ(s.at("unknown_badges"), 1);
    EXPECT_DOUBLE_EQ(s.at("attendance_rate").get<double>(), 2.0 / 3.0);

    const auto& p001 = attendee(status, "p001");
    EXPECT_EQ(p001.at("name"), "张三");
    EXPECT_EQ(p001.at("unit"), "州直机关/州发改委");
    EXPECT_EQ(p001.at("status"), "present");
    EXPECT_EQ(p001.at("flags"), json::array({"left_early"}));
    EXPECT_EQ(p001.at("first_in"), "2026-11-28T08:55:00+08:00");
    EXPECT_EQ(p001.at("last_out"), "2026-11-28T10:30:00+08:00");
    EXPECT_EQ(p001.at("early_minutes"), 30);
    EXPECT_EQ(p001.at("substitute"), nullptr);
    const auto& p002 = attendee(status, "p002");
    EXPECT_EQ(p002.at("status"), "late");
    EXPECT_EQ(p002.at("first_in"), "2026-11-28T09:12:30+08:00"); // given as 01:12:30Z
    EXPECT_EQ(p002.at("late_minutes"), 12);
    EXPECT_EQ(p002.at("last_out"), nullptr);
    EXPECT_EQ(attendee(status, "p003").at("status"), "absent");
    EXPECT_EQ(status.at("walk_ins").at(0).at("person_id"), "p004");
    EXPECT_EQ(status.at("walk_ins").at(0).at("first_in"), "2026-11-28T08:59:59+08:00");
    EXPECT_EQ(status.at("unknown_badges").at(0).at("badge_uid"), "DEADBEEF");
    EXPECT_EQ(status.at("unknown_badges").at(0).at("taps"), 2);

    // Another zone only changes how the same instants print.
    const auto utc = json::parse(ok({"--zone", "UTC", "status", "--meeting", "m1", "--json"}));
    EXPECT_EQ(utc.at("meeting").at("start"), "2026-11-28T01:00:00+00:00");
    EXPECT_EQ(attendee(utc, "p001").at("first_in"), "2026-11-28T00:55:00+00:00");
}

TEST_F(RollcallctlTest, statusTableShowsSummaryAndMembers)
{
    setUpMeeting();
    ok({"taps", "import", data("taps_basic.csv")});
    clock_.set(at("12:00"));
    const auto out = ok({"status", "--meeting", "m1"});
    for (const char* expected :
         {"全州作风建设大会  [m1]", "2026-11-28 09:00:00 – 11:00:00 (Asia/Shanghai)", "应到 expected 3",
          "出勤率 attendance rate 66.7 %", "张三", "08:55:00", "迟到 late", "DEADBEEF", "赵六"}) {
        EXPECT_NE(out.find(expected), std::string::npos) << expected << "\n" << out;
    }
}

TEST_F(RollcallctlTest, amendmentsChangeStatusesAndAreShownWithWhoAndWhy)
{
    setUpMeeting();
    ok({"taps", "import", data("taps_basic.csv")});
    // A forgotten badge: p002 was there at 08:58 (local time, no offset).
    EXPECT_NE(ok({"checkin", "--meeting", "m1", "--person", "p002", "--at", "2026-11-28 08:58", "--direction", "in",
                  "--reason", "忘带卡"})
                  .find("manual check-in of p002 at 2026-11-28 08:58:00"),
              std::string::npos);
    ok({"leave", "add", "--meeting", "m1", "--person", "p003", "--reason", "出差"});
    ok({"substitute", "add", "--meeting", "m1", "--person", "p003", "--by", "p004"});
    ok({"override", "--meeting", "m1", "--person", "p001", "--status", "late", "--reason", "会前离开未返回"});
    EXPECT_EQ(scalar("SELECT count(*) FROM amendments"), 4);
    clock_.set(at("12:00"));
    const auto status = statusJson();

    const auto& p002 = attendee(status, "p002");
    EXPECT_EQ(p002.at("status"), "present");
    EXPECT_EQ(p002.at("first_in"), "2026-11-28T08:58:00+08:00");
    EXPECT_EQ(p002.at("taps").at(0).at("source"), "manual");
    EXPECT_EQ(p002.at("taps").at(0).at("reader_id"), nullptr);
    EXPECT_EQ(p002.at("amendments").at(0).at("kind"), "manual_tap");
    EXPECT_EQ(p002.at("amendments").at(0).at("by"), "会务组");
    EXPECT_EQ(p002.at("amendments").at(0).at("reason"), "忘带卡");
    EXPECT_EQ(p002.at("amendments").at(0).at("at"), "2026-11-28T07:00:00+08:00");

    const auto& p003 = attendee(status, "p003");
    EXPECT_EQ(p003.at("status"), "substituted"); // outranks excused
    EXPECT_EQ(p003.at("substitute").at("person_id"), "p004");
    EXPECT_EQ(p003.at("leave_reason"), "出差");
    EXPECT_TRUE(status.at("walk_ins").empty()); // p004 came as a substitute

    const auto& p001 = attendee(status, "p001");
    EXPECT_EQ(p001.at("status"), "late");
    EXPECT_EQ(p001.at("overridden_from"), "present");
    EXPECT_EQ(status.at("summary").at("substituted"), 1);
}

TEST_F(RollcallctlTest, finalizeCachesTheMeetingsResultsForReports)
{
    setUpMeeting();
    ok({"taps", "import", data("taps_basic.csv")});
    clock_.set(at("12:00"));
    EXPECT_EQ(scalar("SELECT count(*) FROM meeting_results WHERE meeting_id = 'm1'"), 0);
    ok({"meeting", "finalize", "--id", "m1"});
    EXPECT_EQ(scalar("SELECT count(*) FROM meeting_results WHERE meeting_id = 'm1'"), 1);
}

TEST_F(RollcallctlTest, finalizeFreezesTheMeetingAgainstLateTaps)
{
    setUpMeeting();
    ok({"taps", "import", data("taps_basic.csv")});
    clock_.set(at("12:00"));
    EXPECT_NE(ok({"meeting", "finalize", "--id", "m1"}).find("meeting m1 finalized"), std::string::npos);
    EXPECT_EQ(scalar("SELECT finalized_ms FROM meetings WHERE id = 'm1'"), common::toMillis(at("12:00")));
    clock_.set(at("13:00"));
    ok({"taps", "import", data("taps_after_finalize.csv")});
    EXPECT_EQ(scalar("SELECT count(*) FROM taps"), 7); // kept: nothing a reader sends is dropped
    const auto status = statusJson();
    EXPECT_EQ(status.at("meeting").at("finalized"), true);
    EXPECT_EQ(attendee(status, "p003").at("status"), "absent");
    // Amendments still change statuses after finalization.
    ok({"checkin", "--meeting", "m1", "--person", "p003", "--at", "2026-11-28T08:58:00+08:00", "--direction", "in",
        "--reason", "读卡器离线, 会务组核实"});
    EXPECT_EQ(attendee(statusJson(), "p003").at("status"), "present");
}

TEST_F(RollcallctlTest, namesInEveryScriptSurviveImportToStatusJsonByteForByte)
{
    ok({"init"});
    ok({"venue", "add", "--id", "hall"});
    ok({"reader", "add", "--id", "hall-in", "--venue", "hall", "--direction", "in"});
    ok({"roster", "import", data("roster_multiscript.csv")});
    ok({"meeting",       "add",
        "--id",          "m1",
        "--title",       "ئىلى ئوبلاستلىق يىغىن · 伊犁州会议",
        "--venue",       "hall",
        "--start",       "2026-11-28T09:00",
        "--end",         "2026-11-28T11:00",
        "--invite-unit", "ئىلى ئوبلاستلىق ھۆكۈمەت",
        "--invite-unit", "ىله وبلىستىق ۇكىمەت",
        "--invite-unit", "Іле облыстық әкімдігі",
        "--invite-unit", "伊犁州"});
    clock_.set(at("12:00"));
    const auto out = ok({"status", "--meeting", "m1", "--json"});

    struct Expected {
        const char* id;
        const char* name;
        const char* unit;
    };
    const Expected people[] = {
        {"ug01", "ئابدۇرېھىم ئابلىمىت", "ئىلى ئوبلاستلىق ھۆكۈمەت/ئىشخانا"},
        {"kz01", "ءابدىراحمان قاجىعالي", "ىله وبلىستىق ۇكىمەت"},
        {"kc01", "Нұрсұлтан Әбішұлы", "Іле облыстық әкімдігі/Кеңсе"},
        {"zh01", "阿依古丽·买买提", "伊犁州/州委办"},
        {"zh02", "欧阳·明, 副", "伊犁州/州委办"},
    };
    const auto status = json::parse(out);
    ASSERT_EQ(status.at("attendees").size(), 5u);
    for (const auto& p : people) {
        SCOPED_TRACE(p.id);
        // The bytes themselves, not \u escapes, appear in the output.
        EXPECT_NE(out.find(std::string("\"name\": \"") + p.name + "\""), std::string::npos);
        EXPECT_NE(out.find(std::string("\"unit\": \"") + p.unit + "\""), std::string::npos);
        EXPECT_EQ(attendee(status, p.id).at("name").get<std::string>(), p.name);
        EXPECT_EQ(attendee(status, p.id).at("unit").get<std::string>(), p.unit);
    }
    EXPECT_EQ(status.at("meeting").at("title").get<std::string>(), "ئىلى ئوبلاستلىق يىغىن · 伊犁州会议");
    // The table prints them too.
    const auto table = ok({"status", "--meeting", "m1"});
    for (const auto& p : people) EXPECT_NE(table.find(p.name), std::string::npos) << p.name;
}

TEST_F(RollcallctlTest, usageErrorsExitWithTwo)
{
    EXPECT_EQ(run({}).code, 2);
    EXPECT_EQ(run({"init"}).code, 2); // --db is required
    EXPECT_EQ(ctl({}).code, 2);
    EXPECT_EQ(ctl({"roster"}).code, 2);
    EXPECT_EQ(ctl({"venue", "add"}).code, 2); // --id is required
    EXPECT_EQ(ctl({"frobnicate"}).code, 2);
    EXPECT_FALSE(std::filesystem::exists(db_));
    EXPECT_EQ(run({"--help"}).code, 0);
}

TEST_F(RollcallctlTest, missingDatabaseIsNamedAndNotCreated)
{
    const auto missing = dir_.file("missing.sqlite");
    const auto r = run({"--db", missing, "status", "--meeting", "m1"});
    EXPECT_EQ(r.code, 1) << r;
    EXPECT_NE(r.err.find(missing), std::string::npos) << r;
    EXPECT_NE(r.err.find("does not exist"), std::string::npos) << r;
    EXPECT_FALSE(std::filesystem::exists(missing));
    const auto roster = run({"--db", missing, "roster", "import", data("roster_basic.csv")});
    EXPECT_EQ(roster.code, 1) << roster;
    EXPECT_FALSE(std::filesystem::exists(missing));
}

// --- bad input: exit 1, a message naming the input, nothing changed -----------

namespace {

struct BadInput {
    const char* name;
    std::vector<std::string> args;    // "@file.csv" stands for tests/data/ctl/file.csv
    std::vector<std::string> message; // each must appear in stderr
};

void PrintTo(const BadInput& c, std::ostream* os) { *os << c.name; }

class RollcallctlBadInputTest : public RollcallctlTest, public ::testing::WithParamInterface<BadInput> {};

const BadInput kBadInputs[] = {
    // roster import
    {"rosterBadBadgeOnThirdRowImportsNothing",
     {"roster", "import", "@roster_bad_badge_row3.csv"},
     {"roster_bad_badge_row3.csv:4: field badge_uid", "\"XYZ\""}},
    {"rosterBadgeHeldBySomeoneElse",
     {"roster", "import", "@roster_badge_held_elsewhere_row2.csv"},
     {"roster_badge_held_elsewhere_row2.csv:3: field badge_uid", "04A23BC1", "p001"}},
    {"rosterSameBadgeTwiceInTheFile",
     {"roster", "import", "@roster_duplicate_badge_in_file_row3.csv"},
     {"roster_duplicate_badge_in_file_row3.csv:4: field badge_uid", "0B000001", "line 2"}},
    {"rosterSamePersonIdTwiceInTheFile",
     {"roster", "import", "@roster_duplicate_person_id_row2.csv"},
     {"roster_duplicate_person_id_row2.csv:3: field person_id", "p101", "already exists"}},
    // A recorded person is reconciled (issue 11): p001's listed badge differs, so the badge
    // p001 holds would be revoked on the day it was issued.
    {"rosterPersonAlreadyRecordedWithABadgeChangeOnItsIssueDay",
     {"roster", "import", "@roster_existing_person_id_row2.csv"},
     {"roster_existing_person_id_row2.csv:3: field badge_uid", "p001", "issued on or after that date"}},
    {"rosterEmptyName",
     {"roster", "import", "@roster_empty_name_row2.csv"},
     {"roster_empty_name_row2.csv:3: field name", "empty"}},
    {"rosterRowWithTooManyFields",
     {"roster", "import", "@roster_too_many_fields_row2.csv"},
     {"roster_too_many_fields_row2.csv:3:", "6 fields"}},
    {"rosterUnterminatedQuote",
     {"roster", "import", "@roster_unterminated_quote_row2.csv"},
     {"roster_unterminated_quote_row2.csv:3:", "unterminated"}},
    {"rosterMissingColumn",
     {"roster", "import", "@roster_missing_badge_column.csv"},
     {"roster_missing_badge_column.csv", "badge_uid"}},
    {"rosterBadUnitPath",
     {"roster", "import", "@roster_bad_unit_row2.csv"},
     {"roster_bad_unit_row2.csv:3: field unit", "empty part"}},
    {"rosterNotUtf8", {"roster", "import", "@roster_gbk_encoded.csv"}, {"roster_gbk_encoded.csv:2:", "UTF-8"}},
    {"rosterFileMissing", {"roster", "import", "@no_such_roster.csv"}, {"no_such_roster.csv", "cannot open"}},
    // taps import
    {"tapsUnknownReader",
     {"taps", "import", "@taps_unknown_reader_row2.csv"},
     {"taps_unknown_reader_row2.csv:3: field reader_id", "\"nowhere\""}},
    {"tapsBadTime",
     {"taps", "import", "@taps_bad_time_row2.csv"},
     {"taps_bad_time_row2.csv:3: field time", "2026-02-30T08:51:00+08:00"}},
    {"tapsTimeWithoutOffset",
     {"taps", "import", "@taps_time_without_offset_row2.csv"},
     {"taps_time_without_offset_row2.csv:3: field time", "offset"}},
    {"tapsBadDirection",
     {"taps", "import", "@taps_bad_direction_row2.csv"},
     {"taps_bad_direction_row2.csv:3: field direction", "\"sideways\""}},
    {"tapsBadSeq", {"taps", "import", "@taps_bad_seq_row2.csv"}, {"taps_bad_seq_row2.csv:3: field seq", "\"0\""}},
    {"tapsSameSeqTwiceInTheFile",
     {"taps", "import", "@taps_duplicate_seq_in_file_row2.csv"},
     {"taps_duplicate_seq_in_file_row2.csv:3: field seq", "twice"}},
    {"tapsBadBadge",
     {"taps", "import", "@taps_bad_badge_row2.csv"},
     {"taps_bad_badge_row2.csv:3: field badge_uid", "\"NOTHEX\""}},
    {"tapsSameReaderSeqWithDifferentBadge",
     {"taps", "import", "@taps_same_seq_different_badge_row2.csv"},
     {"taps_same_seq_different_badge_row2.csv:3: field seq", "hall-in", "different"}},
    {"tapsSameReaderSeqWithDifferentTime",
     {"taps", "import", "@taps_same_seq_different_time_row2.csv"},
     {"taps_same_seq_different_time_row2.csv:3: field seq", "hall-in", "different"}},
    {"tapsSameReaderSeqWithDifferentDirection",
     {"taps", "import", "@taps_same_seq_different_direction_row2.csv"},
     {"taps_same_seq_different_direction_row2.csv:3: field seq", "hall-in", "different"}},
    // venues and readers
    {"venueDuplicateId", {"venue", "add", "--id", "hall"}, {"venue \"hall\" already exists"}},
    {"readerUnknownVenue",
     {"reader", "add", "--id", "r9", "--venue", "nowhere", "--direction", "in"},
     {"venue \"nowhere\" does not exist"}},
    {"readerDuplicateId",
     {"reader", "add", "--id", "hall-in", "--venue", "hall", "--direction", "in"},
     {"reader \"hall-in\" already exists"}},
    {"readerBadDirection",
     {"reader", "add", "--id", "r9", "--venue", "hall", "--direction", "sideways"},
     {"--direction", "\"sideways\""}},
    // meetings
    {"meetingDuplicateId",
     {"meeting", "add", "--id", "m1", "--title", "T", "--venue", "hall", "--start", "2026-11-29T09:00", "--end",
      "2026-11-29T10:00"},
     {"meeting \"m1\" already exists"}},
    {"meetingUnknownVenue",
     {"meeting", "add", "--id", "m2", "--title", "T", "--venue", "hall", "--venue", "nowhere", "--start",
      "2026-11-29T09:00", "--end", "2026-11-29T10:00"},
     {"venue \"nowhere\" does not exist"}},
    {"meetingUnknownUnit",
     {"meeting", "add", "--id", "m2", "--title", "T", "--venue", "hall", "--start", "2026-11-29T09:00", "--end",
      "2026-11-29T10:00", "--invite-unit", "州直机关", "--invite-unit", "无此单位"},
     {"unit \"无此单位\" does not exist"}},
    {"meetingUnknownPerson",
     {"meeting", "add", "--id", "m2", "--title", "T", "--venue", "hall", "--start", "2026-11-29T09:00", "--end",
      "2026-11-29T10:00", "--invite-person", "p001", "--invite-person", "p999"},
     {"person \"p999\" does not exist"}},
    {"meetingBadStart",
     {"meeting", "add", "--id", "m2", "--title", "T", "--venue", "hall", "--start", "2026-11-29T25:00", "--end",
      "2026-11-29T10:00"},
     {"--start", "\"2026-11-29T25:00\""}},
    {"meetingEndBeforeStart",
     {"meeting", "add", "--id", "m2", "--title", "T", "--venue", "hall", "--start", "2026-11-29T10:00", "--end",
      "2026-11-29T09:00"},
     {"--end", "after"}},
    {"meetingBadGrace",
     {"meeting", "add", "--id", "m2", "--title", "T", "--venue", "hall", "--start", "2026-11-29T09:00", "--end",
      "2026-11-29T10:00", "--late-grace", "5x"},
     {"--late-grace", "\"5x\""}},
    {"meetingUnknownZone",
     {"--zone", "Mars/Olympus", "meeting", "add", "--id", "m2", "--title", "T", "--venue", "hall", "--start",
      "2026-11-29T09:00", "--end", "2026-11-29T10:00"},
     {"Mars/Olympus"}},
    {"finalizeBeforeTheWindowCloses", {"meeting", "finalize", "--id", "m1"}, {"m1", "check-out window"}},
    {"finalizeUnknownMeeting", {"meeting", "finalize", "--id", "m9"}, {"meeting \"m9\" does not exist"}},
    // corrections
    {"leaveUnknownPerson",
     {"leave", "add", "--meeting", "m1", "--person", "p999", "--reason", "病假"},
     {"--person", "\"p999\""}},
    {"leaveUnknownMeeting",
     {"leave", "add", "--meeting", "m9", "--person", "p001", "--reason", "病假"},
     {"meeting \"m9\" does not exist"}},
    {"leaveEmptyReason", {"leave", "add", "--meeting", "m1", "--person", "p001", "--reason", ""}, {"--reason"}},
    {"leaveBlankReason", {"leave", "add", "--meeting", "m1", "--person", "p001", "--reason", "  "}, {"--reason"}},
    {"substituteForThemselves",
     {"substitute", "add", "--meeting", "m1", "--person", "p001", "--by", "p001"},
     {"--by", "themselves"}},
    {"substituteUnknownPerson",
     {"substitute", "add", "--meeting", "m1", "--person", "p001", "--by", "p999"},
     {"--by", "\"p999\""}},
    {"checkinBadTime",
     {"checkin", "--meeting", "m1", "--person", "p001", "--at", "yesterday", "--direction", "in", "--reason", "忘带卡"},
     {"--at", "\"yesterday\""}},
    {"checkinBadDirection",
     {"checkin", "--meeting", "m1", "--person", "p001", "--at", "2026-11-28T09:00", "--direction", "sideways",
      "--reason", "忘带卡"},
     {"--direction", "\"sideways\""}},
    {"checkinEmptyReason",
     {"checkin", "--meeting", "m1", "--person", "p001", "--at", "2026-11-28T09:00", "--direction", "in", "--reason",
      ""},
     {"--reason"}},
    {"checkinUnknownPerson",
     {"checkin", "--meeting", "m1", "--person", "p999", "--at", "2026-11-28T09:00", "--direction", "in", "--reason",
      "忘带卡"},
     {"--person", "\"p999\""}},
    {"overrideBadStatus",
     {"override", "--meeting", "m1", "--person", "p001", "--status", "asleep", "--reason", "x"},
     {"--status", "\"asleep\""}},
    {"overrideProvisionalStatus",
     {"override", "--meeting", "m1", "--person", "p001", "--status", "not_arrived", "--reason", "x"},
     {"--status", "\"not_arrived\""}},
    {"overrideEmptyReason",
     {"override", "--meeting", "m1", "--person", "p001", "--status", "absent", "--reason", ""},
     {"--reason"}},
    {"statusUnknownMeeting", {"status", "--meeting", "m9"}, {"meeting \"m9\" does not exist"}},
};

} // namespace

TEST_P(RollcallctlBadInputTest, exitsOneNamingTheInputAndChangesNothing)
{
    const auto& c = GetParam();
    setUpMeeting();
    ok({"taps", "import", data("taps_basic.csv")});
    clock_.set(at("10:00"));
    const auto before = snapshot();

    std::vector<std::string> args;
    for (const auto& a : c.args) args.push_back(a.rfind('@', 0) == 0 ? data(a.substr(1)) : a);
    const auto r = ctl(args);
    EXPECT_EQ(r.code, 1) << r;
    for (const auto& m : c.message) EXPECT_NE(r.err.find(m), std::string::npos) << "missing \"" << m << "\"\n" << r;
    EXPECT_NE(r.err.find("nothing was changed"), std::string::npos) << r;
    EXPECT_EQ(snapshot(), before);
}

INSTANTIATE_TEST_SUITE_P(Rollcallctl, RollcallctlBadInputTest, ::testing::ValuesIn(kBadInputs),
                         [](const ::testing::TestParamInfo<BadInput>& info) { return std::string(info.param.name); });
