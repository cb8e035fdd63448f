// The record's hash chain (hub/core/hash_chain.h): rows are chained as they
// are written, whoever writes them, and a walk names the first row that was
// altered, inserted or deleted behind the triggers' back.
#include "hub/core/hash_chain.h"
#include "hub/core/record.h"
#include "hub/core/schema.h"
#include "tests/support/temp_dir.h"

#include <gtest/gtest.h>

using namespace rollcall;

namespace {

class HashChainTest : public ::testing::Test {
protected:
    HashChainTest()
    {
        core::migrate(db_);
        common::Transaction tx(db_);
        const auto unit = record_.ensureUnitPath("州直机关");
        record_.addPerson({"p1", "张三", unit, "州直机关", std::nullopt});
        record_.addVenue("hall", "主会场");
        record_.addReader({"r1", "hall", core::ReaderDirection::In}, t(0));
        core::Meeting m;
        m.id = "m1";
        m.title = "例会";
        m.venues = {"hall"};
        m.times.start = t(3600);
        m.times.end = t(7200);
        m.times.opening = t(0);
        record_.addMeeting(m, t(0));
        for (int seq = 1; seq <= 3; ++seq) tap(seq);
        core::Amendment leave;
        leave.kind = core::AmendmentKind::Leave;
        leave.meetingId = "m1";
        leave.personId = "p1";
        leave.author = "会务组";
        leave.reason = "病假";
        leave.createdAt = t(100);
        record_.addAmendment(leave);
        tap(4);
        tx.commit();
    }

    static common::TimePoint t(int seconds) { return common::fromMillis(1'790'000'000'000 + seconds * 1000LL); }

    void tap(int seq)
    {
        core::TapRecord r;
        r.readerId = "r1";
        r.seq = seq;
        r.badgeUid = "04A23BC1";
        r.at = t(seq * 60);
        r.venueId = "hall";
        r.receivedAt = r.at;
        r.agentAtMs = common::toMillis(r.at) - 5;
        r.clockOffsetMs = 5;
        ASSERT_EQ(record_.insertTap(r), core::InsertOutcome::Inserted);
    }

    /// What an editor with the sqlite3 shell does: the guards dropped first.
    void dropGuards()
    {
        db_.exec("DROP TRIGGER taps_append_only_update; DROP TRIGGER taps_append_only_delete; "
                 "DROP TRIGGER taps_chain; DROP TRIGGER amendments_append_only_update;");
    }

    test::TempDir dir_;
    common::Database db_{dir_.file("record.sqlite")};
    core::Record record_{db_};
};

} // namespace

TEST_F(HashChainTest, everyTapAndAmendmentIsChainedInTheOrderWritten)
{
    const auto v = core::verifyChain(db_);
    EXPECT_FALSE(v.problem) << v.problem->describe();
    EXPECT_EQ(v.head.rows, 5);
    EXPECT_EQ(v.head.hash.size(), 64u);
    auto s = db_.prepare(
        "SELECT group_concat(link, ' ') FROM (SELECT row_table || ':' || row_id AS link FROM record_chain ORDER BY pos)");
    ASSERT_TRUE(s.step());
    EXPECT_EQ(s.getText(0), "taps:1 taps:2 taps:3 amendments:1 taps:4");
}

TEST_F(HashChainTest, aTapAlreadyRecordedIsNotChainedTwice)
{
    core::TapRecord again;
    again.readerId = "r1";
    again.seq = 1;
    again.badgeUid = "04A23BC1";
    again.at = t(60);
    again.venueId = "hall";
    again.receivedAt = t(60);
    EXPECT_EQ(record_.insertTap(again), core::InsertOutcome::AlreadyRecorded);
    EXPECT_EQ(core::chainHead(db_).rows, 5);
}

TEST_F(HashChainTest, theHeadChangesWithEveryRowAndAnEmptyChainHasAZeroHead)
{
    const auto before = core::chainHead(db_);
    tap(5);
    const auto after = core::chainHead(db_);
    EXPECT_NE(before.hash, after.hash);
    EXPECT_EQ(after.rows, before.rows + 1);
    common::Database empty(":memory:");
    core::migrate(empty);
    EXPECT_EQ(core::chainHead(empty).hash, std::string(64, '0'));
    EXPECT_EQ(core::chainHead(empty).rows, 0);
}

TEST_F(HashChainTest, theChainItselfIsAppendOnly)
{
    EXPECT_THROW(db_.exec("UPDATE record_chain SET hash = zeroblob(32) WHERE pos = 2"), common::DatabaseError);
    EXPECT_THROW(db_.exec("DELETE FROM record_chain WHERE pos = 5"), common::DatabaseError);
}

TEST_F(HashChainTest, anAlteredTapIsNamed)
{
    dropGuards();
    db_.exec("UPDATE taps SET at_ms = at_ms - 600000 WHERE id = 2"); // a late arrival made punctual
    const auto v = core::verifyChain(db_);
    ASSERT_TRUE(v.problem);
    EXPECT_EQ(v.problem->table, "taps");
    EXPECT_EQ(v.problem->rowId, 2);
    EXPECT_EQ(v.problem->what, "altered");
    EXPECT_EQ(v.problem->describe(), "taps id 2 (chain position 2) was altered: its content no longer matches the "
                                     "hash chained when it was written");
}

TEST_F(HashChainTest, anEmptyTextWhereThereWasNothingCountsAsAnAlteration)
{
    dropGuards();
    db_.exec("UPDATE amendments SET status = '' WHERE id = 1");
    const auto v = core::verifyChain(db_);
    ASSERT_TRUE(v.problem);
    EXPECT_EQ(v.problem->table, "amendments");
}

TEST_F(HashChainTest, aDeletedTapIsNamed)
{
    dropGuards();
    db_.exec("DELETE FROM taps WHERE id = 3");
    const auto v = core::verifyChain(db_);
    ASSERT_TRUE(v.problem);
    EXPECT_EQ(v.problem->describe(),
              "taps id 3 (chain position 3) was deleted: the chain names it but the row is gone");
}

TEST_F(HashChainTest, anInsertedTapIsNamed)
{
    dropGuards();
    db_.exec("INSERT INTO taps(reader_id, seq, badge_uid, at_ms, venue_id, source, received_ms) "
             "VALUES ('r1', 99, '04A23BC1', 1790000000000, 'hall', 'reader', 1790000000000)");
    const auto v = core::verifyChain(db_);
    ASSERT_TRUE(v.problem);
    EXPECT_EQ(v.problem->describe(), "taps id 5 was inserted: no link of the chain names it");
    EXPECT_EQ(core::verifyChainTail(db_)->rowId, 5);
}

TEST_F(HashChainTest, anAlteredAmendmentIsNamed)
{
    dropGuards();
    db_.exec("UPDATE amendments SET reason = '事假' WHERE id = 1");
    const auto v = core::verifyChain(db_);
    ASSERT_TRUE(v.problem);
    EXPECT_EQ(v.problem->table, "amendments");
    EXPECT_EQ(v.problem->position, 4);
}

TEST_F(HashChainTest, aRemovedOrRewrittenLinkIsNamed)
{
    db_.exec("DROP TRIGGER record_chain_append_only_delete; DROP TRIGGER record_chain_append_only_update");
    db_.exec("UPDATE record_chain SET hash = zeroblob(32) WHERE pos = 2");
    auto v = core::verifyChain(db_);
    ASSERT_TRUE(v.problem);
    EXPECT_EQ(v.problem->describe(), "record_chain position 2 was altered: its hash was rewritten: neither it nor the "
                                     "next link follows from the rows");
    db_.exec("DELETE FROM record_chain WHERE pos = 1");
    v = core::verifyChain(db_);
    ASSERT_TRUE(v.problem);
    EXPECT_EQ(v.problem->describe(), "record_chain position 1 was deleted: the chain jumps from position 0 to 2");
}

TEST_F(HashChainTest, aPrintedHeadIsFoundLaterInTheChain)
{
    const auto printed = core::chainHead(db_);
    tap(5);
    tap(6);
    auto upper = printed.hash;
    for (auto& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    const auto v = core::verifyChain(db_, upper);
    EXPECT_FALSE(v.problem);
    ASSERT_TRUE(v.headPosition);
    EXPECT_EQ(*v.headPosition, 5);
    EXPECT_FALSE(core::verifyChain(db_, std::string(64, 'a')).headPosition);
}

TEST_F(HashChainTest, aHeadThatIsNotSixtyFourHexDigitsIsRefused)
{
    for (const std::string& bad : std::vector<std::string>{"", "abc", std::string(64, 'g'), std::string(66, '0')}) {
        try {
            (void)core::verifyChain(db_, bad);
            ADD_FAILURE() << "accepted \"" << bad << "\"";
        } catch (const common::InputError& e) {
            EXPECT_NE(std::string(e.what()).find("--head"), std::string::npos) << e.what();
        }
    }
}

TEST_F(HashChainTest, theTailCheckSeesRowsRemovedInTheMiddle)
{
    EXPECT_FALSE(core::verifyChainTail(db_));
    db_.exec("DROP TRIGGER taps_append_only_delete; DROP TRIGGER record_chain_append_only_delete");
    db_.exec("DELETE FROM taps WHERE id = 1");
    const auto p = core::verifyChainTail(db_, 2); // position 1 is outside the links walked
    ASSERT_TRUE(p);
    EXPECT_EQ(p->describe(), "taps and amendments was deleted: 4 rows, but the chain names 5; rollcallctl verify names "
                             "the row");
}
