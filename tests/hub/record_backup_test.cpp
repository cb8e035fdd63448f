// rollcallctl backup and restore on a real record, with the real hub taking
// taps over TCP while the backup is made (issue 15, "Operating it"): the copy
// is one consistent snapshot that passes its own checks, a restore is refused
// while the hub runs, and a restored record starts a hub that has every tap
// of the backup and takes new ones.
#include "tests/support/child_process.h"
#include "tests/support/hub_process.h"
#include "tests/support/hub_seed.h"
#include "tests/support/temp_dir.h"

#include <atomic>
#include <filesystem>
#include <gtest/gtest.h>
#include <thread>

using namespace rollcall;

namespace {

struct CtlRun {
    int code = -1;
    std::string output;
};

class RecordBackupTest : public ::testing::Test {
protected:
    void SetUp() override { test::seedHubRecord(db_); }

    CtlRun ctl(std::vector<std::string> args)
    {
        std::vector<std::string> argv{std::string(ROLLCALL_BINARY_DIR) + "/hub/rollcallctl", "--db", db_};
        argv.insert(argv.end(), args.begin(), args.end());
        test::ChildProcess p(std::move(argv));
        CtlRun r;
        r.code = p.wait();
        r.output = p.output();
        return r;
    }

    test::TempDir dir_;
    std::string db_ = dir_.file("record.sqlite");
    zmq::context_t ctx_;
};

TEST_F(RecordBackupTest, aBackupMadeWhileTapsFlowIsOneCheckedSnapshot)
{
    test::HubProcess hub(db_);
    std::atomic<bool> stop{false};
    std::atomic<std::uint64_t> acked{0};
    std::thread reader([&] {
        test::AgentClient agent(ctx_, hub.endpoints().taps);
        for (std::uint64_t seq = 1; !stop; ++seq) {
            (void)agent.tap(test::makeTap("r-hall", seq, seq % 2 ? "04A1B2C1" : "04A1B2C2"));
            acked = seq;
        }
    });
    while (acked < 50) std::this_thread::yield();

    const auto backup = dir_.file("copy.sqlite");
    const auto r = ctl({"backup", "--to", backup});
    const auto ackedAfterBackup = acked.load();
    stop = true;
    reader.join();

    ASSERT_EQ(r.code, 0) << r.output;
    EXPECT_NE(r.output.find("checked: integrity ok"), std::string::npos) << r.output;
    const auto copied = test::countRows(backup, "SELECT count(*) FROM taps");
    EXPECT_GE(copied, 50);
    EXPECT_LE(copied, static_cast<std::int64_t>(ackedAfterBackup));
    EXPECT_NE(r.output.find("taps " + std::to_string(copied)), std::string::npos) << r.output;
    EXPECT_FALSE(std::filesystem::exists(backup + "-wal")) << "a backup is one self-contained file";
    EXPECT_FALSE(std::filesystem::exists(backup + ".partial"));
}

TEST_F(RecordBackupTest, aBackupNeverOverwritesAFile)
{
    const auto backup = dir_.file("copy.sqlite");
    ASSERT_EQ(ctl({"backup", "--to", backup}).code, 0);

    const auto again = ctl({"backup", "--to", backup});

    EXPECT_EQ(again.code, 1);
    EXPECT_NE(again.output.find("backup file " + backup + " exists"), std::string::npos) << again.output;
}

TEST_F(RecordBackupTest, backupsIntoADirectoryKeepTheNewestN)
{
    const auto dir = dir_.path() / "daily";
    std::filesystem::create_directories(dir);
    for (const char* old :
         {"rollcall-20260101-010000.sqlite", "rollcall-20260102-010000.sqlite", "rollcall-20260103-010000.sqlite"}) {
        ASSERT_EQ(ctl({"backup", "--to", (dir / old).string()}).code, 0);
    }

    const auto r = ctl({"backup", "--to-dir", dir.string(), "--keep", "2"});

    ASSERT_EQ(r.code, 0) << r.output;
    std::vector<std::string> left;
    for (const auto& e : std::filesystem::directory_iterator(dir)) left.push_back(e.path().filename().string());
    std::sort(left.begin(), left.end());
    ASSERT_EQ(left.size(), 2U);
    EXPECT_EQ(left[0], "rollcall-20260103-010000.sqlite");
    EXPECT_NE(r.output.find("removed old backup: " + (dir / "rollcall-20260101-010000.sqlite").string()),
              std::string::npos)
        << r.output;
}

TEST_F(RecordBackupTest, restoreIsRefusedWhileTheHubRuns)
{
    const auto backup = dir_.file("copy.sqlite");
    ASSERT_EQ(ctl({"backup", "--to", backup}).code, 0);
    test::HubProcess hub(db_);

    const auto r = ctl({"restore", "--from", backup});

    EXPECT_EQ(r.code, 1);
    EXPECT_NE(r.output.find("stop it before restoring"), std::string::npos) << r.output;
}

TEST_F(RecordBackupTest, aRestoredRecordStartsAHubWithTheBackupsTaps)
{
    {
        test::HubProcess hub(db_);
        test::AgentClient agent(ctx_, hub.endpoints().taps);
        for (std::uint64_t seq = 1; seq <= 5; ++seq) (void)agent.tap(test::makeTap("r-hall", seq, "04A1B2C1"));
    }
    const auto backup = dir_.file("copy.sqlite");
    ASSERT_EQ(ctl({"backup", "--to", backup}).code, 0);
    {
        test::HubProcess hub(db_);
        test::AgentClient agent(ctx_, hub.endpoints().taps);
        for (std::uint64_t seq = 6; seq <= 8; ++seq) (void)agent.tap(test::makeTap("r-hall", seq, "04A1B2C2"));
    }
    ASSERT_EQ(test::countRows(db_, "SELECT count(*) FROM taps"), 8);

    const auto r = ctl({"restore", "--from", backup});

    ASSERT_EQ(r.code, 0) << r.output;
    EXPECT_EQ(test::countRows(db_, "SELECT count(*) FROM taps"), 5);
    EXPECT_EQ(ctl({"verify"}).code, 0);
    test::HubProcess hub(db_);
    test::AgentClient agent(ctx_, hub.endpoints().taps);
    const auto ack = agent.tap(test::makeTap("r-hall", 6, "04A1B2C3"));
    EXPECT_EQ(ack.seq, 6U);
    EXPECT_EQ(test::countRows(db_, "SELECT count(*) FROM taps"), 6);
}

TEST_F(RecordBackupTest, aDamagedBackupIsNotRestored)
{
    const auto backup = dir_.file("copy.sqlite");
    ASSERT_EQ(ctl({"backup", "--to", backup}).code, 0);
    {
        std::FILE* f = std::fopen(backup.c_str(), "r+b");
        ASSERT_NE(f, nullptr);
        std::fseek(f, 4096, SEEK_SET); // the whole second page: a b-tree page of the schema's tables
        const std::string junk(4096, '\x5a');
        std::fwrite(junk.data(), 1, junk.size(), f);
        std::fclose(f);
    }
    const auto before = test::countRows(db_, "SELECT count(*) FROM persons");

    const auto r = ctl({"restore", "--from", backup});

    EXPECT_NE(r.code, 0);
    EXPECT_NE(r.output.find(backup), std::string::npos) << r.output;
    EXPECT_EQ(test::countRows(db_, "SELECT count(*) FROM persons"), before);
}

TEST_F(RecordBackupTest, checkOnlyReportsABackupWithoutTouchingTheRecord)
{
    const auto backup = dir_.file("copy.sqlite");
    ASSERT_EQ(ctl({"backup", "--to", backup}).code, 0);

    const auto r = ctl({"restore", "--from", backup, "--check-only"});

    ASSERT_EQ(r.code, 0) << r.output;
    EXPECT_NE(r.output.find("chain head"), std::string::npos) << r.output;
    EXPECT_EQ(r.output.find("restored"), std::string::npos) << r.output;
}

} // namespace
