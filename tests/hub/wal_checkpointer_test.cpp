// WalCheckpointer on a real SQLite file in WAL mode: it copies the frames a
// writer committed on another connection, and once it has caught up, the
// writer's next commit starts the WAL again from its beginning.
#include "common/database.h"
#include "hub/service/wal_checkpointer.h"
#include "tests/support/temp_dir.h"

#include <filesystem>
#include <gtest/gtest.h>
#include <sqlite3.h>

namespace rollcall::service {
namespace {

using namespace std::chrono_literals;

struct WalWriter {
    explicit WalWriter(const std::string& path) : db(path)
    {
        db.exec("PRAGMA wal_autocheckpoint = 0");
        db.exec("CREATE TABLE IF NOT EXISTS rows (id INTEGER PRIMARY KEY, body TEXT)");
        sqlite3_wal_hook(
            db.handle(),
            [](void* self, sqlite3*, const char*, int pages) {
                static_cast<WalWriter*>(self)->walFrames = pages;
                return SQLITE_OK;
            },
            this);
    }
    void commitRows(int n)
    {
        common::Transaction tx(db);
        auto ins = db.prepare("INSERT INTO rows(body) VALUES (?)");
        for (int i = 0; i < n; ++i) {
            ins.bind(1, std::string(900, 'x'));
            ins.run();
        }
        tx.commit();
    }
    common::Database db;
    int walFrames = 0;
};

TEST(WalCheckpointerTest, CopiesEveryCommittedFrameWhileTheWriterIsIdle)
{
    test::TempDir dir;
    WalWriter writer(dir.file("record.db"));
    writer.commitRows(2000);
    ASSERT_GT(writer.walFrames, 400);

    WalCheckpointer checkpointer(dir.file("record.db"));
    checkpointer.request();
    const auto result = checkpointer.waitAndTake(10s);

    ASSERT_TRUE(result.done);
    EXPECT_TRUE(result.error.empty()) << result.error;
    EXPECT_EQ(result.walFrames, writer.walFrames);
    EXPECT_EQ(result.backfilled, writer.walFrames);
}

TEST(WalCheckpointerTest, TheWritersNextCommitRestartsTheWalOnceCaughtUp)
{
    test::TempDir dir;
    WalWriter writer(dir.file("record.db"));
    writer.commitRows(2000);
    const int before = writer.walFrames;
    WalCheckpointer checkpointer(dir.file("record.db"));
    checkpointer.request();
    ASSERT_TRUE(checkpointer.waitAndTake(10s).done);

    writer.commitRows(1);

    EXPECT_LT(writer.walFrames, 10) << "the WAL kept growing from " << before << " frames";
}

TEST(WalCheckpointerTest, AskingAgainWhileOneRunsStartsNoSecond)
{
    test::TempDir dir;
    WalWriter writer(dir.file("record.db"));
    writer.commitRows(500);
    WalCheckpointer checkpointer(dir.file("record.db"));

    checkpointer.request();
    checkpointer.request();
    ASSERT_TRUE(checkpointer.waitAndTake(10s).done);

    EXPECT_FALSE(checkpointer.waitAndTake(200ms).done);
    EXPECT_FALSE(checkpointer.running());
}

TEST(WalCheckpointerTest, ReportsAFileItCannotOpenAndKeepsRunning)
{
    test::TempDir dir;
    WalCheckpointer checkpointer(dir.file("missing/record.db"));

    checkpointer.request();
    const auto result = checkpointer.waitAndTake(10s);

    ASSERT_TRUE(result.done);
    EXPECT_FALSE(result.error.empty());
    checkpointer.request(); // tried again, not stuck
    EXPECT_TRUE(checkpointer.waitAndTake(10s).done);
}

TEST(WalCheckpointerTest, GrowsTheDatabaseFileInWholeChunks)
{
    test::TempDir dir;
    struct Case {
        const char* name;
        bool chunked;
    };
    for (const auto& c : {Case{"a checkpoint by page", false}, Case{"a checkpoint in chunks", true}}) {
        const auto path = dir.file(std::string(c.chunked ? "chunked" : "paged") + ".db");
        {
            common::Database db(path);
            db.exec("PRAGMA journal_mode = WAL");
            db.exec("CREATE TABLE rows (id INTEGER PRIMARY KEY, body TEXT)");
            common::Transaction tx(db);
            auto ins = db.prepare("INSERT INTO rows(body) VALUES (?)");
            for (int i = 0; i < 2000; ++i) { // about 2 MB
                ins.bind(1, std::string(900, 'x'));
                ins.run();
            }
            tx.commit();
            if (c.chunked) growInChunks(db);
            db.exec("PRAGMA wal_checkpoint(PASSIVE)");
        }
        const auto size = std::filesystem::file_size(path);
        if (c.chunked) {
            EXPECT_EQ(size % kRecordChunkBytes, 0u) << c.name << ": " << size;
            EXPECT_GE(size, static_cast<std::uintmax_t>(kRecordChunkBytes)) << c.name;
        } else {
            EXPECT_LT(size, static_cast<std::uintmax_t>(kRecordChunkBytes)) << c.name << ": " << size;
        }
    }
}

} // namespace
} // namespace rollcall::service
