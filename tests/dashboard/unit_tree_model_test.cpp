#include "dashboard/src/unit_tree_model.h"
#include "tests/dashboard/support/board_fixture.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <gtest/gtest.h>

using namespace rollcall::dashboard;
using namespace rollcall::dashboard::test;

namespace {
p::AttendeeState person(const std::string& id, const std::string& unit, p::AttendanceStatus status,
                        const std::string& name = "")
{
    p::AttendeeState a;
    a.person_id = id;
    a.name = name.empty() ? id : name;
    a.unit = unit;
    a.status = status;
    return a;
}
QVariant at(const UnitTreeModel& m, const QString& path, int role)
{
    const int row = m.rowOfPath(path);
    return row < 0 ? QVariant() : m.data(m.index(row), role);
}
using S = p::AttendanceStatus;
} // namespace

TEST(UnitTreeModel, buildsTreeFromPathsWithSubUnitCounts)
{
    UnitTreeModel m;
    QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::Fatal);
    m.reset({person("a", "州直机关/州发改委", S::Present), person("b", "州直机关/州发改委", S::Overdue, "张三"),
             person("c", "州直机关/州财政局", S::Late), person("d", "州直机关/州财政局", S::Excused),
             person("e", "伊宁市/市政府办", S::Substituted),
             person("f", "伊宁市/市政府办", S::Absent, "ئەخمەت قادىر")});
    EXPECT_EQ(m.unitCount(), 5);
    // Top-level units are expanded by default; their children are visible.
    ASSERT_EQ(m.rowCount(), 5);
    EXPECT_EQ(m.data(m.index(0), UnitTreeModel::NameRole).toString(), QString::fromUtf8("州直机关"));
    EXPECT_EQ(m.data(m.index(0), UnitTreeModel::DepthRole).toInt(), 0);
    EXPECT_EQ(m.data(m.index(1), UnitTreeModel::DepthRole).toInt(), 1);

    const QString top = QString::fromUtf8("州直机关");
    EXPECT_EQ(at(m, top, UnitTreeModel::ExpectedRole).toInt(), 4);
    EXPECT_EQ(at(m, top, UnitTreeModel::AttendedRole).toInt(), 2);
    EXPECT_EQ(at(m, top, UnitTreeModel::ExcusedRole).toInt(), 1);
    EXPECT_EQ(at(m, top, UnitTreeModel::MissingCountRole).toInt(), 1);
    EXPECT_EQ(at(m, top, UnitTreeModel::RateTextRole).toString(), "66.7%");
    EXPECT_EQ(at(m, top, UnitTreeModel::MissingNamesRole).toString(), QString::fromUtf8("张三"));
    EXPECT_EQ(at(m, QString::fromUtf8("州直机关/州财政局"), UnitTreeModel::RateTextRole).toString(), "100.0%");
    EXPECT_EQ(at(m, QString::fromUtf8("伊宁市/市政府办"), UnitTreeModel::MissingNamesRole).toString(),
              QString::fromUtf8("ئەخمەت قادىر"));
}

TEST(UnitTreeModel, walkInsRegisteredForAUnitAreListedUnderItAndCountForNothing)
{
    UnitTreeModel m;
    QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::Fatal);
    p::WalkIn forNdrc{"w1", "王五", "某县", 1718000500000, std::string("州直机关/州发改委")};
    p::WalkIn forCounty{"w2", "赵六", "州直机关/州财政局", 1718000600000, std::string("霍城县")};
    p::WalkIn justCame{"w3", "孙悦", "某县", 1718000700000, std::nullopt};
    m.reset({person("a", "州直机关/州发改委", S::Present), person("b", "州直机关/州发改委", S::Overdue)},
            {forNdrc, forCounty, justCame});
    const QString ndrc = QString::fromUtf8("州直机关/州发改委");
    EXPECT_EQ(at(m, ndrc, UnitTreeModel::WalkInNamesRole).toString(), QString::fromUtf8("王五"));
    EXPECT_EQ(at(m, ndrc, UnitTreeModel::ExpectedRole).toInt(), 2);
    EXPECT_EQ(at(m, ndrc, UnitTreeModel::AttendedRole).toInt(), 1);
    // A unit nobody on the roster belongs to gets a row of its own, expecting nobody.
    const QString county = QString::fromUtf8("霍城县");
    EXPECT_EQ(at(m, county, UnitTreeModel::WalkInNamesRole).toString(), QString::fromUtf8("赵六"));
    EXPECT_EQ(at(m, county, UnitTreeModel::ExpectedRole).toInt(), 0);
    EXPECT_EQ(at(m, county, UnitTreeModel::RateTextRole).toString(), QString::fromUtf8("—"));
    EXPECT_EQ(m.rowOfPath(QString::fromUtf8("某县")), -1) << "a walk-in for no unit is under none";
}

TEST(UnitTreeModel, snapshotThenUpdatesEqualsFreshSnapshotOfFinalState)
{
    HubSim sim(300);
    UnitTreeModel live;
    QAbstractItemModelTester tester(&live, QAbstractItemModelTester::FailureReportingMode::Fatal);
    live.reset(sim.snapshot().attendees);
    live.setSortMode(UnitTreeModel::SortMode::RateAscending);
    for (int i = 15; i < 300; i += 20)
        for (const auto& u : sim.tapIn(i, kStartMs + 30 * kMinute))
            if (auto* a = std::get_if<p::AttendeeState>(&u.payload)) live.upsert(*a);
    UnitTreeModel fresh;
    fresh.setSortMode(UnitTreeModel::SortMode::RateAscending);
    fresh.reset(sim.snapshot().attendees);
    EXPECT_EQ(rowsOf(live), rowsOf(fresh));
}

TEST(UnitTreeModel, statusChangeUpdatesUnitAndAncestors)
{
    UnitTreeModel m;
    m.reset({person("a", "州直机关/州发改委", S::Overdue, "李四"), person("b", "州直机关/州发改委", S::Present)});
    QSignalSpy changed(&m, &QAbstractItemModel::dataChanged);
    auto a = person("a", "州直机关/州发改委", S::Late, "李四");
    m.upsert(a);
    EXPECT_EQ(changed.count(), 2); // the unit and its parent
    const QString leaf = QString::fromUtf8("州直机关/州发改委");
    EXPECT_EQ(at(m, leaf, UnitTreeModel::AttendedRole).toInt(), 2);
    EXPECT_EQ(at(m, leaf, UnitTreeModel::MissingNamesRole).toString(), QString());
    EXPECT_EQ(at(m, QString::fromUtf8("州直机关"), UnitTreeModel::RateTextRole).toString(), "100.0%");
}

TEST(UnitTreeModel, collapseAndExpandHideAndShowSubUnits)
{
    UnitTreeModel m;
    QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::Fatal);
    m.reset({person("a", "州直机关/州发改委", S::Present), person("b", "州直机关/州财政局", S::Present),
             person("c", "伊宁市/市政府办", S::Present)});
    ASSERT_EQ(m.rowCount(), 5);
    QSignalSpy removed(&m, &QAbstractItemModel::rowsRemoved);
    m.toggle(0);
    EXPECT_EQ(m.rowCount(), 3);
    EXPECT_EQ(removed.count(), 1);
    EXPECT_FALSE(m.data(m.index(0), UnitTreeModel::ExpandedRole).toBool());
    EXPECT_EQ(m.rowOfPath(QString::fromUtf8("州直机关/州发改委")), -1);
    m.toggle(0);
    EXPECT_EQ(m.rowCount(), 5);
    m.collapseAll();
    EXPECT_EQ(m.rowCount(), 2);
    m.expandAll();
    EXPECT_EQ(m.rowCount(), 5);
}

TEST(UnitTreeModel, expansionSurvivesReSnapshot)
{
    UnitTreeModel m;
    const std::vector<p::AttendeeState> roster = {person("a", "州直机关/州发改委", S::Present),
                                                  person("b", "伊宁市/市政府办", S::Present)};
    m.reset(roster);
    m.toggle(0);
    m.reset(roster);
    EXPECT_EQ(m.rowCount(), 3);
    EXPECT_FALSE(m.data(m.index(0), UnitTreeModel::ExpandedRole).toBool());
}

TEST(UnitTreeModel, sortsSiblingsByRate)
{
    UnitTreeModel m;
    QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::Fatal);
    m.reset({person("a", "甲", S::Present), person("b", "乙", S::Absent), person("c", "乙", S::Present),
             person("d", "丙", S::Absent), person("e", "丁", S::Excused)});
    auto names = [&] {
        QStringList out;
        for (int r = 0; r < m.rowCount(); ++r) out << m.data(m.index(r), UnitTreeModel::NameRole).toString();
        return out.join(',');
    };
    EXPECT_EQ(names(), QString::fromUtf8("甲,乙,丙,丁"));
    m.setSortMode(UnitTreeModel::SortMode::RateAscending);
    EXPECT_EQ(names(), QString::fromUtf8("丙,乙,甲,丁")); // n/a (all excused) last
    m.setSortMode(UnitTreeModel::SortMode::RateDescending);
    EXPECT_EQ(names(), QString::fromUtf8("甲,乙,丙,丁"));
    // A change of rate moves the unit.
    m.setSortMode(UnitTreeModel::SortMode::RateAscending);
    QSignalSpy layout(&m, &QAbstractItemModel::layoutChanged);
    m.upsert(person("d", "丙", S::Late));
    EXPECT_EQ(layout.count(), 1);
    EXPECT_EQ(names(), QString::fromUtf8("乙,甲,丙,丁"));
}

TEST(UnitTreeModel, newUnitInAnUpdateAppearsInTheTree)
{
    UnitTreeModel m;
    QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::Fatal);
    m.reset({person("a", "州直机关/州发改委", S::Present)});
    QSignalSpy structure(&m, &UnitTreeModel::structureChanged);
    m.upsert(person("b", "霍城县/县政府办", S::Overdue));
    EXPECT_EQ(structure.count(), 1);
    EXPECT_EQ(m.unitCount(), 4);
    EXPECT_EQ(at(m, QString::fromUtf8("霍城县"), UnitTreeModel::MissingCountRole).toInt(), 1);
}

TEST(UnitTreeModel, missingNamesAreCappedWithTheTotal)
{
    std::vector<p::AttendeeState> roster;
    for (int i = 0; i < 30; ++i)
        roster.push_back(person("p" + std::to_string(i), "伊宁市/市教育局", S::Overdue, "人" + std::to_string(i)));
    UnitTreeModel m;
    m.reset(roster);
    const auto text = at(m, QString::fromUtf8("伊宁市/市教育局"), UnitTreeModel::MissingNamesRole).toString();
    EXPECT_TRUE(text.startsWith(QString::fromUtf8("人0、人1、"))) << text.toStdString();
    EXPECT_TRUE(text.contains(QString::fromUtf8("人23"))) << text.toStdString();
    EXPECT_FALSE(text.contains(QString::fromUtf8("人24"))) << text.toStdString();
    EXPECT_TRUE(text.endsWith("(30 in all)")) << text.toStdString();
}

TEST(UnitTreeModel, delayedResortCoalescesRateOrderChanges)
{
    UnitTreeModel m;
    QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::Fatal);
    m.setResortDelay(50);
    m.reset({person("a", "甲", S::Present), person("b", "乙", S::Absent), person("c", "乙", S::Present),
             person("d", "丙", S::Absent)});
    m.setSortMode(UnitTreeModel::SortMode::RateAscending);
    auto names = [&] {
        QStringList out;
        for (int r = 0; r < m.rowCount(); ++r) out << m.data(m.index(r), UnitTreeModel::NameRole).toString();
        return out.join(',');
    };
    ASSERT_EQ(names(), QString::fromUtf8("丙,乙,甲"));
    QSignalSpy layout(&m, &QAbstractItemModel::layoutChanged);
    QSignalSpy changed(&m, &QAbstractItemModel::dataChanged);
    m.upsert(person("d", "丙", S::Late));
    m.upsert(person("b", "乙", S::Late));
    EXPECT_EQ(changed.count(), 2); // counts at once
    EXPECT_EQ(layout.count(), 0);  // order later
    EXPECT_EQ(at(m, QString::fromUtf8("丙"), UnitTreeModel::RateTextRole).toString(), "100.0%");
    ASSERT_TRUE(layout.wait(5000));
    EXPECT_EQ(layout.count(), 1);
    EXPECT_EQ(names(), QString::fromUtf8("甲,乙,丙"));
}
