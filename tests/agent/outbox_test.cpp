// Outbox: durable taps with per-reader sequence numbers that are never reused.
#include "reader-agent/outbox.h"
#include "tests/support/temp_dir.h"

#include <gtest/gtest.h>
#include <type_traits>

using namespace rollcall;
using rollcall::test::TempDir;

static_assert(!std::is_copy_constructible_v<agent::Outbox> && !std::is_copy_assignable_v<agent::Outbox>);

namespace {

class OutboxTest : public ::testing::Test {
protected:
    TempDir dir_;
    std::string path_ = dir_.file("outbox.db");
};

TEST_F(OutboxTest, sequenceStartsAtOneAndGrowsByOne)
{
    agent::Outbox box(path_, "door-1");
    EXPECT_EQ(box.nextSeq(), 1u);
    EXPECT_EQ(box.add("04A1B2C1", std::nullopt, 1000, std::nullopt).seq, 1u);
    EXPECT_EQ(box.add("04A1B2C2", std::nullopt, 2000, 5).seq, 2u);
    EXPECT_EQ(box.nextSeq(), 3u);
}

TEST_F(OutboxTest, counterMovesForwardOnlyAndSurvivesReopening)
{
    {
        agent::Outbox box(path_, "door-1");
        (void)box.add("04A1B2C1", std::nullopt, 1000, std::nullopt);
        EXPECT_TRUE(box.advanceTo(42));
        EXPECT_FALSE(box.advanceTo(10)); // never back
        EXPECT_EQ(box.nextSeq(), 42u);
    }
    agent::Outbox box(path_, "door-1");
    EXPECT_EQ(box.add("04A1B2C2", std::nullopt, 2000, std::nullopt).seq, 42u);
}

TEST_F(OutboxTest, storedTapsSurviveReopening)
{
    {
        agent::Outbox box(path_, "door-1");
        (void)box.add("04A1B2C1", protocol::Direction::In, 1000, -350);
        (void)box.add("04A1B2C2", std::nullopt, 2000, std::nullopt);
    }
    agent::Outbox box(path_, "door-1");
    const auto pending = box.pending(10);
    ASSERT_EQ(pending.size(), 2u);
    EXPECT_EQ(pending[0].tap.seq, 1u);
    EXPECT_EQ(pending[0].tap.reader_id, "door-1");
    EXPECT_EQ(pending[0].tap.badge_uid, "04A1B2C1");
    EXPECT_EQ(pending[0].tap.direction, protocol::Direction::In);
    EXPECT_EQ(pending[0].tap.at_ms, 1000);
    EXPECT_EQ(pending[0].tap.clock_offset_ms, -350);
    EXPECT_TRUE(pending[0].offsetKnown);
    EXPECT_FALSE(pending[1].offsetKnown);
    EXPECT_EQ(pending[1].tap.direction, std::nullopt);
    EXPECT_EQ(box.add("04A1B2C3", std::nullopt, 3000, std::nullopt).seq, 3u);
}

TEST_F(OutboxTest, sequenceIsNotReusedAfterEveryTapWasAcknowledgedAndReopened)
{
    {
        agent::Outbox box(path_, "door-1");
        for (int i = 0; i < 3; ++i) (void)box.add("04A1B2C1", std::nullopt, 1000 + i, std::nullopt);
        for (std::uint64_t s = 1; s <= 3; ++s) EXPECT_TRUE(box.remove(s));
        EXPECT_EQ(box.depth(), 0u);
    }
    agent::Outbox box(path_, "door-1");
    EXPECT_EQ(box.nextSeq(), 4u);
    EXPECT_EQ(box.add("04A1B2C1", std::nullopt, 5000, std::nullopt).seq, 4u);
}

TEST_F(OutboxTest, onlyTheAcknowledgedTapIsDeleted)
{
    agent::Outbox box(path_, "door-1");
    for (int i = 0; i < 3; ++i) (void)box.add("04A1B2C1", std::nullopt, 1000 + i, std::nullopt);
    EXPECT_TRUE(box.remove(2));
    const auto pending = box.pending(10);
    ASSERT_EQ(pending.size(), 2u);
    EXPECT_EQ(pending[0].tap.seq, 1u);
    EXPECT_EQ(pending[1].tap.seq, 3u);
    EXPECT_FALSE(box.find(2).has_value());
    EXPECT_TRUE(box.find(3).has_value());
}

TEST_F(OutboxTest, repeatedAckDeletesNothingMore)
{
    agent::Outbox box(path_, "door-1");
    (void)box.add("04A1B2C1", std::nullopt, 1000, std::nullopt);
    (void)box.add("04A1B2C2", std::nullopt, 1001, std::nullopt);
    EXPECT_TRUE(box.remove(1));
    EXPECT_FALSE(box.remove(1));
    EXPECT_FALSE(box.remove(99));
    EXPECT_EQ(box.depth(), 1u);
}

TEST_F(OutboxTest, depthCountsUnacknowledgedTaps)
{
    agent::Outbox box(path_, "door-1");
    EXPECT_EQ(box.depth(), 0u);
    for (int i = 0; i < 5; ++i) (void)box.add("04A1B2C1", std::nullopt, 1000 + i, std::nullopt);
    EXPECT_EQ(box.depth(), 5u);
    (void)box.remove(1);
    (void)box.remove(4);
    EXPECT_EQ(box.depth(), 3u);
}

TEST_F(OutboxTest, pendingIsOldestFirstAndLimited)
{
    agent::Outbox box(path_, "door-1");
    for (int i = 0; i < 10; ++i) (void)box.add("04A1B2C1", std::nullopt, 1000 + i, std::nullopt);
    (void)box.remove(1);
    const auto first = box.pending(3);
    ASSERT_EQ(first.size(), 3u);
    EXPECT_EQ(first[0].tap.seq, 2u);
    EXPECT_EQ(first[2].tap.seq, 4u);
}

TEST_F(OutboxTest, outboxOfAnotherReaderIsRefused)
{
    {
        agent::Outbox box(path_, "door-1");
        (void)box.add("04A1B2C1", std::nullopt, 1000, std::nullopt);
    }
    try {
        agent::Outbox other(path_, "door-2");
        FAIL() << "opened another reader's outbox";
    } catch (const agent::OutboxError& e) {
        EXPECT_NE(std::string(e.what()).find("door-1"), std::string::npos) << e.what();
    }
}

TEST_F(OutboxTest, outboxIsWalWithFullSync)
{
    agent::Outbox box(path_, "door-1");
    common::Database check(path_, common::Database::Mode::ReadOnly);
    auto mode = check.prepare("PRAGMA journal_mode");
    ASSERT_TRUE(mode.step());
    EXPECT_EQ(mode.getText(0), "wal");
}

TEST_F(OutboxTest, acknowledgedTapsAreKeptUntilPrunedAndCanBeReopened)
{
    agent::Outbox box(path_, "door-1");
    for (int i = 0; i < 5; ++i) (void)box.add("04A1B2C1", std::nullopt, 1000 + i, -7);
    EXPECT_FALSE(box.highestAcknowledged().has_value());
    for (std::uint64_t s = 1; s <= 4; ++s) EXPECT_TRUE(box.remove(s, 10'000 + static_cast<std::int64_t>(s)));
    EXPECT_EQ(box.depth(), 1u);
    EXPECT_EQ(box.highestAcknowledged(), 4u);
    // The hub says it has only up to seq 2: 3 and 4 are pending again, with what they were stored with.
    EXPECT_EQ(box.reopenAfter(2), 2u);
    const auto pending = box.pending(10);
    ASSERT_EQ(pending.size(), 3u);
    EXPECT_EQ(pending[0].tap.seq, 3u);
    EXPECT_EQ(pending[0].tap.clock_offset_ms, -7);
    EXPECT_EQ(box.highestAcknowledged(), 2u);
    // Pruning deletes acknowledged taps older than the cut, never pending ones.
    EXPECT_EQ(box.prune(10'002), 1u);
    EXPECT_EQ(box.prune(1'000'000), 1u);
    EXPECT_EQ(box.depth(), 3u);
    EXPECT_FALSE(box.highestAcknowledged().has_value());
}

TEST_F(OutboxTest, versionOneOutboxIsMigratedKeepingItsTaps)
{
    {
        common::Database db(path_);
        db.exec(
            "CREATE TABLE outbox_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
            "CREATE TABLE outbox (seq INTEGER PRIMARY KEY, badge_uid TEXT NOT NULL, direction TEXT, at_ms INTEGER NOT NULL,"
            " clock_offset_ms INTEGER);"
            "INSERT INTO outbox_meta VALUES ('schema_version', '1'), ('reader_id', 'door-1'), ('next_seq', '3');"
            "INSERT INTO outbox VALUES (2, '04A1B2C1', NULL, 1000, NULL);");
    }
    agent::Outbox box(path_, "door-1");
    EXPECT_EQ(box.depth(), 1u);
    EXPECT_EQ(box.nextSeq(), 3u);
    EXPECT_TRUE(box.remove(2, 5000));
    EXPECT_EQ(box.highestAcknowledged(), 2u);
}

TEST_F(OutboxTest, tapStoredWithoutAnOffsetKeepsItsPlaceOnTheMonotonicClockAcrossReopening)
{
    {
        agent::Outbox box(path_, "door-1");
        (void)box.add("04A1B2C1", std::nullopt, 1000, std::nullopt, agent::SteadyStamp{"boot-a", 123456});
        (void)box.add("04A1B2C2", std::nullopt, 2000, std::nullopt);
    }
    agent::Outbox box(path_, "door-1");
    const auto pending = box.pending(10);
    ASSERT_EQ(pending.size(), 2u);
    ASSERT_TRUE(pending[0].steady);
    EXPECT_EQ(pending[0].steady->bootId, "boot-a");
    EXPECT_EQ(pending[0].steady->steadyMs, 123456);
    EXPECT_FALSE(pending[1].steady);
}

TEST_F(OutboxTest, versionTwoOutboxIsMigratedKeepingItsTapsWithoutSteadyStamps)
{
    {
        common::Database db(path_);
        db.exec(
            "CREATE TABLE outbox_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
            "CREATE TABLE outbox (seq INTEGER PRIMARY KEY, badge_uid TEXT NOT NULL, direction TEXT, at_ms INTEGER NOT NULL,"
            " clock_offset_ms INTEGER, acked_ms INTEGER);"
            "INSERT INTO outbox_meta VALUES ('schema_version', '2'), ('reader_id', 'door-1'), ('next_seq', '4');"
            "INSERT INTO outbox VALUES (2, '04A1B2C1', NULL, 1000, NULL, 900), (3, '04A1B2C2', NULL, 2000, NULL, NULL);");
    }
    agent::Outbox box(path_, "door-1");
    EXPECT_EQ(box.depth(), 1u);
    EXPECT_EQ(box.highestAcknowledged(), 2u);
    const auto pending = box.pending(10);
    ASSERT_EQ(pending.size(), 1u);
    EXPECT_EQ(pending[0].tap.seq, 3u);
    EXPECT_FALSE(pending[0].steady);
    EXPECT_EQ(box.add("04A1B2C3", std::nullopt, 3000, std::nullopt, agent::SteadyStamp{"b", 1}).seq, 4u);
    common::Database db(path_, common::Database::Mode::ReadOnly);
    auto v = db.prepare("SELECT value FROM outbox_meta WHERE key = 'schema_version'");
    ASSERT_TRUE(v.step());
    EXPECT_EQ(v.getText(0), "3");
}

} // namespace

TEST_F(OutboxTest, aCounterBeyondAnyUsableNumberIsNotTaken)
{
    agent::Outbox box(path_, "door-1");
    EXPECT_FALSE(box.advanceTo(agent::Outbox::kMaxSeq + 1));
    EXPECT_FALSE(box.advanceTo(9223372036854775807ULL));
    EXPECT_EQ(box.nextSeq(), 1u);
    EXPECT_TRUE(box.advanceTo(agent::Outbox::kMaxSeq));
    EXPECT_EQ(box.add("04A1B2C1", std::nullopt, 1000, std::nullopt).seq, agent::Outbox::kMaxSeq);
    EXPECT_THROW((void)box.add("04A1B2C2", std::nullopt, 2000, std::nullopt), agent::OutboxError); // used up
}

TEST_F(OutboxTest, anOutboxLeftWithACounterPast2To63IsRepairedOnOpening)
{
    // What an agent before the fix stored after a hub said last_seq 2^63 − 1.
    {
        agent::Outbox box(path_, "door-1");
        (void)box.add("04A1B2C1", std::nullopt, 1000, std::nullopt);
        (void)box.add("04A1B2C2", std::nullopt, 2000, std::nullopt);
    }
    {
        common::Database db(path_);
        db.exec("UPDATE outbox_meta SET value = '9223372036854775808' WHERE key = 'next_seq'");
    }
    agent::Outbox box(path_, "door-1");
    EXPECT_EQ(box.nextSeq(), 3u);
    EXPECT_EQ(box.add("04A1B2C3", std::nullopt, 3000, std::nullopt).seq, 3u);
    EXPECT_EQ(box.depth(), 3u);
}

TEST_F(OutboxTest, aDamagedSchemaVersionIsRefusedNamingTheFileAndTheValueAndChangesNothing)
{
    struct Damaged {
        const char* name;
        std::string value;
        std::string shownAs;
    };
    const std::vector<Damaged> rows{
        {"text", "three", "\"three\""},
        {"empty", "", "\"\""},
        {"twoTo63", "9223372036854775808", "\"9223372036854775808\""},
        {"negative", "-1", "\"-1\""},
        {"numberThenText", "3abc", "\"3abc\""},
        {"controlBytes", "3\n4", "\"3\\x0A4\""},
    };
    for (const auto& row : rows) {
        SCOPED_TRACE(row.name);
        TempDir dir;
        const auto path = dir.file("outbox.db");
        {
            agent::Outbox box(path, "door-1");
            (void)box.add("04A1B2C1", std::nullopt, 1000, std::nullopt);
        }
        {
            common::Database db(path);
            auto set = db.prepare("UPDATE outbox_meta SET value = ? WHERE key = 'schema_version'");
            set.bind(1, row.value).run();
        }
        try {
            agent::Outbox box(path, "door-1");
            ADD_FAILURE() << "opened an outbox whose schema_version is \"" << row.value << "\"";
        } catch (const agent::OutboxError& e) {
            EXPECT_EQ(std::string(e.what()), path + ": outbox schema_version " + row.shownAs
                                                 + " is not a version number (the file is damaged, or not an outbox)");
        }
        common::Database db(path, common::Database::Mode::ReadOnly);
        auto kept = db.prepare("SELECT (SELECT value FROM outbox_meta WHERE key = 'schema_version'), "
                               "(SELECT count(*) FROM outbox)");
        ASSERT_TRUE(kept.step());
        EXPECT_EQ(kept.getText(0), row.value);
        EXPECT_EQ(kept.getInt(1), 1);
    }
}

TEST_F(OutboxTest, aSchemaVersionFromALaterAgentIsRefusedAsNewer)
{
    {
        agent::Outbox box(path_, "door-1");
    }
    {
        common::Database db(path_);
        db.exec("UPDATE outbox_meta SET value = '9223372036854775807' WHERE key = 'schema_version'");
    }
    try {
        agent::Outbox box(path_, "door-1");
        ADD_FAILURE() << "opened an outbox of schema 2^63 - 1";
    } catch (const agent::OutboxError& e) {
        EXPECT_NE(std::string(e.what()).find(path_ + ": outbox schema 9223372036854775807 is newer than this agent"),
                  std::string::npos)
            << e.what();
    }
}
