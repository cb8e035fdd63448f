// Commands over the wire (issue 16), with the real rollcall-hub and the real
// rollcallctl over TCP on 127.0.0.1 with CURVE keys: an organizer key checks
// a person in at the door and every board sees it, recorded as the key's
// name; a viewer key, an organizer key asking for a report and a key the hub
// does not know are refused with a message that says why; an office key gets
// a notice PDF byte for byte as rollcallctl --db writes it on the hub; and
// what a command prints over the wire is what it prints on the hub.
#include "tests/support/child_process.h"
#include "tests/support/hub_clients.h"
#include "tests/support/hub_process.h"
#include "tests/support/hub_seed.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_keys.h"

#include <ctime>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <regex>
#include <sstream>

namespace rollcall::test {
namespace {

using namespace std::chrono_literals;

struct CtlRun {
    int code = -1;
    std::string out, err;
};

std::string slurp(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

/// The status table's "as of" line and the JSON's "evaluated_at" are the moment each run
/// evaluated: two runs may straddle a second.
std::string withoutNow(const std::string& out)
{
    const auto table = std::regex_replace(out, std::regex("as of [^\n]*"), "as of (now)");
    return std::regex_replace(table, std::regex("\"evaluated_at\": \"[^\"]*\""), "\"evaluated_at\": \"(now)\"");
}

/// UTC ISO 8601 of now + `offset`, to the second.
std::string isoUtc(std::chrono::seconds offset = 0s)
{
    const auto t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now() + offset);
    std::tm utc{};
    gmtime_r(&t, &utc);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return buf;
}

class HubAdmin : public ::testing::Test {
protected:
    void SetUp() override
    {
        seedHubRecord(db_);
        hub_ = std::make_unique<HubProcess>(db_, keys_.hubArgs());
        (void)keys_.client("organizer", "desk-1");
        (void)keys_.office("office-1");
        (void)keys_.viewer("board-1");
    }

    /// rollcallctl with stdout and stderr kept apart, run in the test's directory.
    CtlRun run(std::vector<std::string> args)
    {
        const auto out = dir_.file("ctl.out");
        const auto err = dir_.file("ctl.err");
        std::vector<std::string> argv{"/bin/sh",
                                      "-c",
                                      "cd \"$1\" && shift && exec \"$@\" >\"" + out + "\" 2>\"" + err + "\"",
                                      "sh",
                                      dir_.path().string(),
                                      std::string(ROLLCALL_BINARY_DIR) + "/hub/rollcallctl"};
        argv.insert(argv.end(), args.begin(), args.end());
        ChildProcess p(std::move(argv));
        CtlRun r;
        r.code = p.wait();
        r.out = slurp(out);
        r.err = slurp(err);
        return r;
    }
    /// At the hub, over the wire, as key `key`.
    CtlRun remote(const std::string& key, std::vector<std::string> args)
    {
        args.insert(args.begin(), {"--hub", hub_->endpoints().query, "--key", keys_.secretFile(key), "--server-key",
                                   keys_.serverPublicFile()});
        return run(std::move(args));
    }
    /// On the hub's machine, on its record.
    CtlRun local(std::vector<std::string> args, const std::string& operatorName)
    {
        args.insert(args.begin(), {"--db", db_, "--operator", operatorName});
        return run(std::move(args));
    }

    TempDir dir_;
    std::string db_ = dir_.file("record.sqlite");
    TestKeys keys_;
    std::unique_ptr<HubProcess> hub_;
    zmq::context_t ctx_;
};

TEST_F(HubAdmin, anOrganizerKeyChecksAPersonInAndEveryBoardSeesItByTheKeysName)
{
    const auto viewer = keys_.viewer("board-1");
    LiveSubscriber board(ctx_, hub_->endpoints().live, "m-soon", &viewer);
    // The subscription may still be on its way: a reader tap until the board shows one.
    const auto hall = keys_.reader("r-hall");
    AgentClient agent(ctx_, hub_->endpoints().taps, &hall);
    std::optional<protocol::Update> seen;
    for (std::uint64_t seq = 1; !seen && seq <= 3; ++seq) {
        (void)agent.tap(makeTap("r-hall", seq, seq == 1 ? "04A1B2C2" : "04A1B2C3"));
        seen = board.next(1s);
    }
    ASSERT_TRUE(seen) << "the board saw no update";

    const auto r = remote("desk-1", {"checkin", "--meeting", "m-soon", "--person", "p1", "--at", isoUtc(),
                                     "--direction", "in", "--reason", "忘带卡"});
    ASSERT_EQ(r.code, 0) << r.out << r.err;
    EXPECT_NE(r.out.find("manual check-in of p1"), std::string::npos) << r.out;
    EXPECT_EQ(countRows(db_, "SELECT COUNT(*) FROM amendments WHERE kind = 'manual_tap' AND person_id = 'p1' "
                             "AND author = 'desk-1'"),
              1)
        << "the amendment is recorded as the key's name";

    const auto p1 = board.waitFor(
        [](const protocol::Update& u) {
            const auto* a = std::get_if<protocol::AttendeeState>(&u.payload);
            return a && a->person_id == "p1" && a->status == protocol::AttendanceStatus::Present;
        },
        10s);
    EXPECT_TRUE(p1) << "the board did not see p1 checked in by hand";

    const auto status = remote("desk-1", {"status", "--meeting", "m-soon", "--json"});
    ASSERT_EQ(status.code, 0) << status.err;
    EXPECT_NE(status.out.find("\"p1\""), std::string::npos);
    EXPECT_EQ(withoutNow(status.out), withoutNow(local({"status", "--meeting", "m-soon", "--json"}, "someone").out));
    EXPECT_TRUE(hub_->process().waitForLine("admin: key desk-1 (organizer)", 5s)) << hub_->process().output();
}

struct Refusal {
    const char* name;
    const char* key;
    std::vector<std::string> args;
    int code;
    const char* message;
};

TEST_F(HubAdmin, whatAKeyMayNotRunIsRefusedWithAMessageSayingWhy)
{
    (void)keys_.client("office", "stranger", {}, /*allowed=*/false);
    const std::vector<Refusal> rows{
        {"viewer",
         "board-1",
         {"status", "--meeting", "m-soon"},
         5,
         "key board-1 has role viewer: commands over the wire need an organizer or office key"},
        {"organizerAsksForAReport",
         "desk-1",
         {"report", "period", "--from", "2026-11-01", "--to", "2026-11-30", "--output", "p.csv"},
         5,
         "key desk-1 (role organizer) may not run `report period`"},
        {"officeChecksIn",
         "office-1",
         {"checkin", "--meeting", "m-soon", "--person", "p1", "--at", isoUtc(), "--direction", "in", "--reason", "x"},
         5,
         "key office-1 (role office) may not run `checkin`"},
        {"notOverTheWire", "office-1", {"init"}, 5, "`init` is not run over the wire"},
        {"dbAfterTheCommand",
         "desk-1",
         {"status", "--meeting", "m-soon", "--db", "/tmp/other.sqlite"},
         5,
         "--db: not over the wire"},
        {"operatorAfterTheCommand",
         "desk-1",
         {"leave", "add", "--meeting", "m-soon", "--person", "p1", "--reason", "x", "--operator=someone-else"},
         5,
         "--operator: not over the wire"},
        {"unknownKey", "stranger", {"status", "--meeting", "m-soon"}, 6, "refused key stranger"},
    };
    for (const auto& row : rows) {
        const auto r = remote(row.key, row.args);
        EXPECT_EQ(r.code, row.code) << row.name << ": " << r.out << r.err;
        EXPECT_NE(r.err.find(row.message), std::string::npos) << row.name << ": " << r.err;
    }
    EXPECT_EQ(countRows(db_, "SELECT COUNT(*) FROM amendments"), 0) << "nothing was recorded";

    const auto both = run({"--hub", hub_->endpoints().query, "--db", db_, "status", "--meeting", "m-soon"});
    EXPECT_EQ(both.code, 2) << both.err;
    EXPECT_NE(both.err.find("leave out --db"), std::string::npos) << both.err;
}

TEST_F(HubAdmin, anOfficeKeyGetsTheNoticePdfByteForByteAsTheHubWritesIt)
{
    // p9 is absent from a finalized meeting two days ago; the office issues the notice over the wire.
    const auto start = isoUtc(-48h);
    const auto end = isoUtc(-47h);
    ASSERT_EQ(local({"meeting", "add", "--id", "m-past", "--title", "上周例会", "--venue", "hall", "--start", start,
                     "--end", end, "--invite-person", "p9"},
                    "setup")
                  .code,
              0);
    const auto fin = local({"meeting", "finalize", "--id", "m-past"}, "setup");
    ASSERT_EQ(fin.code, 0) << fin.err;
    // The period and the register's year are Asia/Shanghai's (UTC+8, no DST).
    const auto period = isoUtc(-48h + 8h).substr(0, 7);
    const auto issued = remote("office-1", {"notices", "issue", "--period", period, "--output", "issued"});
    ASSERT_EQ(issued.code, 0) << issued.out << issued.err;
    EXPECT_NE(issued.out.find("p9"), std::string::npos) << issued.out;
    const auto year = isoUtc(8h).substr(0, 4);
    EXPECT_TRUE(std::filesystem::exists(dir_.file("issued/notice-" + year + "-1.pdf"))) << issued.out;

    const auto wire = remote("office-1", {"notices", "show", year + "-1", "--output", "wire.pdf"});
    ASSERT_EQ(wire.code, 0) << wire.err;
    const auto hub = local({"notices", "show", year + "-1", "--output", "hub.pdf"}, "办公室");
    ASSERT_EQ(hub.code, 0) << hub.err;
    const auto wireBytes = slurp(dir_.file("wire.pdf"));
    EXPECT_GT(wireBytes.size(), 1000u);
    EXPECT_TRUE(wireBytes == slurp(dir_.file("hub.pdf"))) << "the PDF over the wire differs from the hub's";
    EXPECT_TRUE(slurp(dir_.file("issued/notice-" + year + "-1.pdf")) == wireBytes);
}

struct SameOutput {
    const char* name;
    std::vector<std::string> args;
};

TEST_F(HubAdmin, aCommandPrintsOverTheWireWhatItPrintsOnTheHub)
{
    const std::vector<SameOutput> rows{
        {"statusTable", {"status", "--meeting", "m-now"}},
        {"statusJson", {"status", "--meeting", "m-soon", "--json"}},
        {"meetingList", {"meeting", "list", "--json"}},
        {"personList", {"person", "list"}},
        {"personShow", {"person", "show", "p2", "--json"}},
        {"unitList", {"unit", "list", "--json"}},
        {"noticesList", {"notices", "list"}},
        {"unknownMeeting", {"status", "--meeting", "m-nope"}},
        {"badUsage", {"status", "--meeting"}},
        {"periodReport", {"report", "period", "--from", "2026-11-01", "--to", "2026-11-30", "--output", "period.csv"}},
    };
    for (const auto& row : rows) {
        const auto wire = remote("office-1", row.args);
        const auto hub = local(row.args, "office-1");
        EXPECT_EQ(wire.code, hub.code) << row.name << ": " << wire.err << " | " << hub.err;
        EXPECT_EQ(withoutNow(wire.out), withoutNow(hub.out)) << row.name;
        EXPECT_EQ(wire.err, hub.err) << row.name;
    }
}

} // namespace
} // namespace rollcall::test
