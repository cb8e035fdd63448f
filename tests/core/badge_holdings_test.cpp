// Badges over time (docs/semantics.md §10): who held a UID at a tap's time,
// and the record's rules for issuing and revoking, on a real SQLite record.
#include "hub/core/badge_holdings.h"
#include "hub/core/record.h"
#include "hub/core/schema.h"

#include <gtest/gtest.h>

using namespace rollcall;
using namespace std::chrono_literals;

namespace {

const common::TimePoint kT0 = core::parseTime("2026-11-02T00:00:00+08:00", "test");

class BadgeHoldingsTest : public ::testing::Test {
protected:
    BadgeHoldingsTest() : db_(":memory:"), record_(db_)
    {
        core::migrate(db_);
        for (const char* id : {"p1", "p2"}) {
            core::Person p;
            p.id = id;
            p.name = std::string("Name of ") + id;
            p.unitId = record_.ensureUnitPath("州直机关");
            record_.addPerson(p);
        }
    }
    common::Database db_;
    core::Record record_;
};

} // namespace

// One UID: p1 from T0, lost at T0 + 10 d; p2 (the card found and re-issued) from T0 + 20 d.
TEST(BadgeHoldings, aTapResolvesToWhoeverHeldTheBadgeThen)
{
    core::BadgeHoldings h;
    h.add({"04A23BC1", "p2", kT0 + 480h, std::nullopt, std::nullopt});
    h.add({"04A23BC1", "p1", kT0, kT0 + 240h, "lost"});
    struct Row {
        const char* name;
        common::TimePoint at;
        std::optional<std::string> holder;
        std::optional<std::string> revoked;
    };
    const Row rows[] = {
        {"beforeIssue", kT0 - 1ms, std::nullopt, std::nullopt},   {"atIssue", kT0, "p1", std::nullopt},
        {"lastMomentHeld", kT0 + 240h - 1ms, "p1", std::nullopt}, {"atRevocation", kT0 + 240h, std::nullopt, "lost"},
        {"betweenHoldings", kT0 + 300h, std::nullopt, "lost"},    {"reissued", kT0 + 480h, "p2", std::nullopt},
    };
    for (const auto& r : rows) {
        const auto got = h.at("04A23BC1", r.at);
        EXPECT_EQ(got.personId, r.holder) << r.name;
        EXPECT_EQ(got.revokedReason, r.revoked) << r.name;
        // Whose card it was: the lost-card alarm names that holder.
        EXPECT_EQ(got.revokedHolder, r.revoked ? std::optional<std::string>("p1") : std::nullopt) << r.name;
    }
    EXPECT_FALSE(h.at("DEADBEEF", kT0).personId);
    EXPECT_FALSE(h.at("DEADBEEF", kT0).revokedReason);
}

TEST_F(BadgeHoldingsTest, aReplacedBadgeKeepsOldTapsWithItsHolderAndNewTapsGoToTheNewCard)
{
    record_.addBadge("04A23BC1", "p1", kT0);
    record_.revokeBadge("04A23BC1", kT0 + 24h, "broken");
    record_.addBadge("04A23BC9", "p1", kT0 + 24h);
    EXPECT_EQ(record_.badgeHolder("04A23BC1", kT0 + 1h), "p1");
    EXPECT_FALSE(record_.badgeHolder("04A23BC1", kT0 + 25h));
    EXPECT_FALSE(record_.badgeHolder("04A23BC9", kT0 + 1h)); // not issued yet
    EXPECT_EQ(record_.badgeHolder("04A23BC9", kT0 + 25h), "p1");
    const auto all = core::BadgeHoldings::load(db_);
    EXPECT_EQ(all.at("04A23BC1", kT0 + 25h).revokedReason, "broken");
    ASSERT_EQ(record_.badgesOf("p1").size(), 2u);
    EXPECT_EQ(record_.badgesOf("p1")[0].revokeReason, "broken");
}

TEST_F(BadgeHoldingsTest, aRevokedBadgeCanBeIssuedAgainOnlyFromItsRevocationOn)
{
    record_.addBadge("04A23BC1", "p1", kT0);
    EXPECT_THROW(record_.addBadge("04A23BC1", "p2", kT0 + 1h), common::InputError); // held by p1
    record_.revokeBadge("04A23BC1", kT0 + 48h, "left");
    try {
        record_.addBadge("04A23BC1", "p2", kT0 + 24h);
        FAIL() << "an issue overlapping p1's holding was accepted";
    } catch (const common::InputError& e) {
        EXPECT_NE(std::string(e.what()).find("was held by person p1"), std::string::npos) << e.what();
    }
    record_.addBadge("04A23BC1", "p2", kT0 + 48h);
    EXPECT_EQ(record_.badgeHolder("04A23BC1", kT0 + 47h), "p1");
    EXPECT_EQ(record_.badgeHolder("04A23BC1", kT0 + 48h), "p2");
}

TEST_F(BadgeHoldingsTest, badRevocationsNameTheBadgeAndChangeNothing)
{
    record_.addBadge("04A23BC1", "p1", kT0);
    struct Row {
        const char* name;
        const char* uid;
        common::TimePoint on;
        const char* reason;
        const char* message;
    };
    const Row rows[] = {
        {"neverIssued", "0B000001", kT0 + 1h, "lost", "badge 0B000001 was never issued"},
        {"unknownReason", "04A23BC1", kT0 + 1h, "stolen", "\"stolen\" is not lost, broken or left"},
        {"beforeIssue", "04A23BC1", kT0, "lost", "issued on or after that date"},
    };
    for (const auto& r : rows) {
        try {
            record_.revokeBadge(r.uid, r.on, r.reason);
            ADD_FAILURE() << r.name << " was accepted";
        } catch (const common::InputError& e) {
            EXPECT_NE(std::string(e.what()).find(r.message), std::string::npos) << r.name << ": " << e.what();
        }
    }
    EXPECT_EQ(record_.badgeHolder("04A23BC1", kT0 + 2h), "p1");
    record_.revokeBadge("04A23BC1", kT0 + 1h, "lost");
    EXPECT_THROW(record_.revokeBadge("04A23BC1", kT0 + 2h, "lost"), common::InputError); // already revoked
}

TEST_F(BadgeHoldingsTest, holdingsKeepTheirHistory)
{
    record_.addBadge("04A23BC1", "p1", kT0);
    EXPECT_THROW(db_.exec("DELETE FROM badges"), common::DatabaseError);
    EXPECT_THROW(db_.exec("UPDATE badges SET person_id = 'p2'"), common::DatabaseError);
    EXPECT_THROW(db_.exec("UPDATE badges SET issued_ms = 5"), common::DatabaseError);
    record_.revokeBadge("04A23BC1", kT0 + 1h, "lost");
    EXPECT_THROW(db_.exec("UPDATE badges SET revoked_ms = revoked_ms + 1"), common::DatabaseError); // set once
    // Two open holdings of one UID cannot exist.
    db_.exec("INSERT INTO badges(uid, person_id, issued_ms) VALUES ('0B000001', 'p1', 0)");
    EXPECT_THROW(db_.exec("INSERT INTO badges(uid, person_id, issued_ms) VALUES ('0B000001', 'p2', 0)"),
                 common::DatabaseError);
}
