// Which units a ranking lists (one level of the tree, in groups; every unit
// once) and how they rank (exact fractions, shared ranks 1, 2, 2, 4), on a
// small tree built in memory.
#include "hub/reports/labels.h"
#include "hub/reports/unit_ranking.h"

#include <gtest/gtest.h>

using namespace rollcall;
using namespace rollcall::reports;

namespace {

/// 州直机关 (order 1) with three departments, 县市 (order 2) with two counties (甲县 1, 乙县 2),
/// 州委 (no order) with a single sub-unit 州委办.
class UnitRankingTest : public ::testing::Test {
protected:
    UnitRankingTest()
    {
        add(1, std::nullopt, "州直机关", 1);
        add(2, 1, "州直机关/州发改委", 2);
        add(3, 1, "州直机关/州财政局", 1);
        add(4, 1, "州直机关/州自然资源局", std::nullopt);
        add(5, std::nullopt, "县市", 2);
        add(6, 5, "县市/甲县", 1); // by code point 乙 (U+4E59) would come before 甲 (U+7532)
        add(7, 5, "县市/乙县", 2);
        add(8, std::nullopt, "州委", std::nullopt);
        add(9, 8, "州委/州委办", std::nullopt);
        // Expected: the leaves 10 each, parents the sum (州委 = its one sub-unit).
        for (auto id : {2, 3, 4, 6, 7, 9}) expected_[id] = 10;
        expected_[1] = 30;
        expected_[5] = 20;
        expected_[8] = 10;
    }
    void add(std::int64_t id, std::optional<std::int64_t> parent, const std::string& path,
             std::optional<std::int64_t> order)
    {
        units_[id] = UnitInfo{id,    parent,
                              path,  path.substr(path.rfind('/') == std::string::npos ? 0 : path.rfind('/') + 1),
                              order, std::nullopt};
    }
    std::vector<std::vector<std::string>> groups(const UnitScope& scope)
    {
        std::vector<std::vector<std::string>> out;
        for (const auto& g : unitGroups(
                 units_, [&](std::int64_t id) { return expected_.count(id) ? expected_.at(id) : 0L; }, scope)) {
            out.emplace_back();
            if (g.unit) out.back().push_back("[" + units_.at(*g.unit).path + "]");
            for (auto id : g.members) out.back().push_back(units_.at(id).path);
        }
        return out;
    }
    UnitMap units_;
    std::map<std::int64_t, long> expected_;
};

using Groups = std::vector<std::vector<std::string>>;

} // namespace

TEST_F(UnitRankingTest, everyUnitIsListedOnceAndAUnitWithASingleSubUnitStandsAside)
{
    // 州委 has the same people as 州委办: listed once, as 州委办. Office order: 州直机关 (1), 县市 (2), then 州委.
    EXPECT_EQ(groups({}), (Groups{{"州直机关", "州直机关/州财政局", "州直机关/州发改委", "州直机关/州自然资源局",
                                   "县市", "县市/甲县", "县市/乙县", "州委/州委办"}}));
}

TEST_F(UnitRankingTest, aLevelListsOnlyItsUnitsGroupedUnderTheUnitAbove)
{
    EXPECT_EQ(groups({2, std::nullopt}),
              (Groups{{"[州直机关]", "州直机关/州财政局", "州直机关/州发改委", "州直机关/州自然资源局"},
                      {"[县市]", "县市/甲县", "县市/乙县"},
                      {"[州委]", "州委/州委办"}}));
    EXPECT_EQ(groups({1, std::nullopt}), (Groups{{"州直机关", "县市", "州委"}}));
}

TEST_F(UnitRankingTest, aGroupListsTheUnitsUnderIt)
{
    EXPECT_EQ(groups({std::nullopt, "县市"}), (Groups{{"[县市]", "县市/甲县", "县市/乙县"}}));
    EXPECT_EQ(groups({2, "州直机关"}),
              (Groups{{"[州直机关]", "州直机关/州财政局", "州直机关/州发改委", "州直机关/州自然资源局"}}));
}

TEST_F(UnitRankingTest, aLevelOrGroupOutsideTheTreeIsRefusedNamingTheOption)
{
    const struct {
        const char* name;
        UnitScope scope;
        const char* message;
    } rows[] = {
        {"level too deep", {3, std::nullopt}, "--level: 3 is not a level of the unit tree (1 to 2)"},
        {"level zero", {0, std::nullopt}, "--level: 0"},
        {"unknown group", {std::nullopt, "州直机关/州教育局"}, "--group: unit \"州直机关/州教育局\" does not exist"},
        {"level not below the group", {1, "县市"}, "--level: 1 is not below --group 县市"},
    };
    for (const auto& row : rows) {
        try {
            (void)groups(row.scope);
            ADD_FAILURE() << row.name << ": accepted";
        } catch (const common::InputError& e) {
            EXPECT_NE(std::string(e.what()).find(row.message), std::string::npos) << row.name << ": " << e.what();
        }
    }
}

TEST(UnitRankingRanks, equalFractionsShareARankAndRoundingDecidesNothing)
{
    // attended / denominator per unit; 55/56 and 110/112 are equal, 54/55 shows the same 98.2 % but is less.
    const std::map<std::int64_t, std::pair<long, long>> rates{{1, {55, 56}}, {2, {110, 112}}, {3, {54, 55}},
                                                              {4, {7, 7}},   {5, {0, 0}},     {6, {54, 55}}};
    ASSERT_EQ(formatRate(55.0 / 56), formatRate(54.0 / 55)); // both "98.2%"
    const auto ranked = rankUnitsBy(
        {1, 2, 3, 4, 5, 6}, [&](std::int64_t id) { return rates.at(id).second > 0; },
        [&](std::int64_t x, std::int64_t y) {
            const auto a = rates.at(x).first * rates.at(y).second;
            const auto b = rates.at(y).first * rates.at(x).second;
            return a > b ? -1 : a < b ? 1 : 0;
        });
    std::vector<std::pair<std::int64_t, std::optional<int>>> got;
    for (const auto& r : ranked) got.emplace_back(r.unitId, r.rank);
    const std::vector<std::pair<std::int64_t, std::optional<int>>> expected{{4, 1}, {1, 2}, {2, 2},
                                                                            {3, 4}, {6, 4}, {5, std::nullopt}};
    EXPECT_EQ(got, expected);
}

TEST(UnitRankingNames, theOfficialNameElseTheDisplayNameNeverThePath)
{
    UnitInfo unit{7, 1, "州直机关/州自然资源局", "州自然资源局", std::nullopt, std::nullopt};
    EXPECT_EQ(officialUnitName(unit), "州自然资源局");
    unit.officialName = "某州自然资源局";
    EXPECT_EQ(officialUnitName(unit), "某州自然资源局");
}
