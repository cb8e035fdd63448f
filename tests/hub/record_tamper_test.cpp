// Editing the record behind the hub's back, as someone with the sqlite3 shell
// would: with the append-only triggers dropped, a tap edited, inserted or
// deleted makes `rollcallctl verify` fail naming the row, and the real
// rollcall-hub refuses to start on the record (exit 4). Dropped triggers
// alone also stop the hub; `rollcallctl init` restores them only while the
// chain verifies.
#include "hub/core/record.h"
#include "tests/support/child_process.h"
#include "tests/support/hub_process.h"
#include "tests/support/hub_seed.h"
#include "tests/support/temp_dir.h"

#include <gtest/gtest.h>

using namespace rollcall;

namespace {

struct ProgramRun {
    int code = -1;
    std::string output;
};

ProgramRun runProgram(std::vector<std::string> argv)
{
    test::ChildProcess p(std::move(argv));
    ProgramRun r;
    r.code = p.wait();
    r.output = p.output();
    return r;
}

class RecordTamperTest : public ::testing::Test {
protected:
    RecordTamperTest()
    {
        test::seedHubRecord(db_);
        common::Database db(db_);
        core::migrate(db);
        core::Record record(db);
        for (int seq = 1; seq <= 3; ++seq) {
            core::TapRecord t;
            t.readerId = "r-hall";
            t.seq = seq;
            t.badgeUid = "04A1B2C" + std::to_string(seq);
            t.at = common::fromMillis(test::nowMs());
            t.venueId = "hall";
            t.receivedAt = t.at;
            (void)record.insertTap(t);
        }
    }

    ProgramRun sqlite(const std::string& sql) { return runProgram({ROLLCALL_SQLITE3_SHELL, db_, sql}); }
    ProgramRun ctl(std::vector<std::string> args)
    {
        std::vector<std::string> argv{std::string(ROLLCALL_BINARY_DIR) + "/hub/rollcallctl", "--db", db_};
        argv.insert(argv.end(), args.begin(), args.end());
        return runProgram(argv);
    }
    ProgramRun hub()
    {
        return runProgram({std::string(ROLLCALL_BINARY_DIR) + "/hub/rollcall-hub", "--db", db_, "--taps",
                           "tcp://127.0.0.1:*", "--live", "tcp://127.0.0.1:*", "--query", "tcp://127.0.0.1:*",
                           "--insecure"});
    }

    test::TempDir dir_;
    std::string db_ = dir_.file("record.sqlite");
};

struct Tampering {
    const char* name;
    const char* sql;
    const char* named; // what verify must name
};

constexpr const char* kDropGuards = "DROP TRIGGER taps_append_only_update; DROP TRIGGER taps_append_only_delete; "
                                    "DROP TRIGGER taps_chain; ";

const Tampering kTamperings[] = {
    {"edited", "UPDATE taps SET at_ms = at_ms - 600000 WHERE id = 2;", "taps id 2 (chain position 2) was altered"},
    {"inserted",
     "INSERT INTO taps(reader_id, seq, badge_uid, at_ms, venue_id, source, received_ms) "
     "SELECT reader_id, 99, '04A1B2C4', at_ms, venue_id, 'reader', received_ms FROM taps WHERE id = 1;",
     "taps id 4 was inserted"},
    {"deleted", "DELETE FROM taps WHERE id = 1;", "taps id 1 (chain position 1) was deleted"},
};

} // namespace

TEST_F(RecordTamperTest, anUntouchedRecordVerifiesAndPrintsItsHead)
{
    const auto r = ctl({"verify"});
    EXPECT_EQ(r.code, 0) << r.output;
    EXPECT_NE(r.output.find("rows chained 3"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("verified"), std::string::npos) << r.output;
}

TEST_F(RecordTamperTest, aTapCannotBeInsertedWithTheShellWhileTheChainTriggerStands)
{
    const auto r = sqlite("INSERT INTO taps(reader_id, seq, badge_uid, at_ms, venue_id, source, received_ms) "
                          "VALUES ('r-hall', 99, '04A1B2C4', 1, 'hall', 'reader', 1);");
    EXPECT_NE(r.code, 0) << r.output;
    EXPECT_NE(r.output.find("no such function: rollcall_"), std::string::npos) << r.output;
    EXPECT_EQ(ctl({"verify"}).code, 0);
}

TEST_F(RecordTamperTest, tamperingWithTheShellFailsVerifyNamingTheRowAndTheHubRefusesToStart)
{
    for (const auto& t : kTamperings) {
        SCOPED_TRACE(t.name);
        test::TempDir copy;
        const auto original = copy.file("original.sqlite");
        std::filesystem::copy_file(db_, original);
        const auto shell = sqlite(std::string(kDropGuards) + t.sql);
        ASSERT_EQ(shell.code, 0) << shell.output;

        const auto verify = ctl({"verify"});
        EXPECT_EQ(verify.code, 4) << verify.output;
        EXPECT_NE(verify.output.find(t.named), std::string::npos) << verify.output;

        const auto started = hub();
        EXPECT_EQ(started.code, 4) << started.output;
        EXPECT_NE(started.output.find("refusing to run"), std::string::npos) << started.output;

        // init does not put the guards back over a record that fails verification.
        const auto init = ctl({"init"});
        EXPECT_EQ(init.code, 4) << init.output;
        EXPECT_NE(init.output.find("not restored"), std::string::npos) << init.output;
        EXPECT_EQ(hub().code, 4);

        std::filesystem::remove(db_);
        std::filesystem::copy_file(original, db_);
    }
}

TEST_F(RecordTamperTest, droppedTriggersStopTheHubUntilInitRestoresThemAfterAVerify)
{
    ASSERT_EQ(sqlite("DROP TRIGGER amendments_append_only_delete;").code, 0);
    const auto refused = hub();
    EXPECT_EQ(refused.code, 4) << refused.output;
    EXPECT_NE(refused.output.find("amendments_append_only_delete"), std::string::npos) << refused.output;

    const auto init = ctl({"init"});
    EXPECT_EQ(init.code, 0) << init.output;
    EXPECT_NE(init.output.find("restored 1 trigger(s)"), std::string::npos) << init.output;
    test::HubProcess started(db_); // listens: the record is whole again
    EXPECT_EQ(ctl({"verify"}).code, 0);
}

TEST_F(RecordTamperTest, verifyConfirmsAPrintedHeadAndRejectsAnUnknownOne)
{
    const auto first = ctl({"verify"});
    const auto at = first.output.find("chain head ");
    ASSERT_NE(at, std::string::npos) << first.output;
    const auto head = first.output.substr(at + 11, 64);
    const auto confirmed = ctl({"verify", "--head", head});
    EXPECT_EQ(confirmed.code, 0) << confirmed.output;
    EXPECT_NE(confirmed.output.find("is chain position 3 of 3"), std::string::npos) << confirmed.output;
    const auto unknown = ctl({"verify", "--head", std::string(64, 'f')});
    EXPECT_EQ(unknown.code, 4) << unknown.output;
    EXPECT_NE(unknown.output.find("is not a link"), std::string::npos) << unknown.output;
    const auto bad = ctl({"verify", "--head", "xyz"});
    EXPECT_EQ(bad.code, 1) << bad.output;
}
