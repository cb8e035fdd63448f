// LiveDirectory in process, on a real SQLite record: the readers, badge
// holdings and people a tap is resolved with, and a reload that sees changes.
#include "hub/service/live_directory.h"
#include "tests/support/seeded_hub_record.h"

#include <gtest/gtest.h>

using namespace rollcall;
using namespace rollcall::test;
using namespace std::chrono_literals;

namespace {

class LiveDirectoryTest : public SeededHubRecord {
protected:
    void SetUp() override { directory_.load(*db_); }
    service::LiveDirectory directory_;
};

TEST_F(LiveDirectoryTest, registeredReadersAreFoundWithTheirVenueAndOthersAreNot)
{
    ASSERT_NE(directory_.reader("r-hall"), nullptr);
    EXPECT_EQ(directory_.reader("r-hall")->venueId, "hall");
    EXPECT_EQ(directory_.reader("r-annex")->direction, core::ReaderDirection::In);
    EXPECT_EQ(directory_.reader("r-ghost"), nullptr);
    EXPECT_EQ(directory_.readers().size(), 2u);
}

TEST_F(LiveDirectoryTest, badgeResolvesToItsHolderAndItsHoldersName)
{
    struct Case {
        const char* name;
        std::string uid;
        common::TimePoint at;
        std::optional<std::string> holder;
        std::string holderName;
    };
    const std::vector<Case> cases{
        {"a badge held now", "04A1B2C1", t0_, "p1", "张三"},
        {"a name in another script", "04A1B2C3", t0_, "p3", "ئابدۇرېھىم"},
        {"before its issue nobody held it", "04A1B2C1", t0_ - 48h, std::nullopt, ""},
        {"a badge nobody was given", "FFFFFFFF", t0_, std::nullopt, ""},
    };
    for (const auto& c : cases) {
        const auto badge = directory_.badgeAt(c.uid, c.at);
        EXPECT_EQ(badge.personId, c.holder) << c.name;
        EXPECT_EQ(directory_.nameOf(badge.personId), c.holderName) << c.name;
    }
    EXPECT_EQ(directory_.person("p-nobody"), nullptr);
    EXPECT_EQ(directory_.nameOf(std::string("p-nobody")), "");
}

TEST_F(LiveDirectoryTest, loadReplacesWhatWasLoadedWithTheRecordAsItStandsNow)
{
    core::Record r(*db_);
    r.addPerson({"p5", "李四", directory_.person("p1")->unitId, "州直机关/州发改委", std::nullopt});
    r.addBadge("04A1B2C5", "p5", t0_ - 1h);
    r.addReader({"r-side", "hall", core::ReaderDirection::Out}, t0_);
    EXPECT_EQ(directory_.reader("r-side"), nullptr) << "not before the next load";
    directory_.load(*db_);
    ASSERT_NE(directory_.reader("r-side"), nullptr);
    EXPECT_EQ(directory_.nameOf(directory_.badgeAt("04A1B2C5", t0_).personId), "李四");
    EXPECT_EQ(directory_.readers().size(), 3u);
}

} // namespace
