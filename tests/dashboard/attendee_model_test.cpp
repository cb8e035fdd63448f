#include "dashboard/src/attendee_model.h"
#include "tests/dashboard/support/board_fixture.h"

#include <QSignalSpy>
#include <gtest/gtest.h>

using namespace rollcall::dashboard;
using namespace rollcall::dashboard::test;

TEST(AttendeeModel, snapshotThenUpdatesEqualsFreshSnapshotOfFinalState)
{
    HubSim sim(200);
    AttendeeModel live;
    live.reset(sim.snapshot().attendees);
    for (int i = 15; i < 200; i += 20) // the overdue ones arrive late
        for (const auto& u : sim.tapIn(i, kStartMs + 25 * kMinute))
            if (auto* a = std::get_if<p::AttendeeState>(&u.payload)) live.upsert(*a);
    AttendeeModel fresh;
    fresh.reset(sim.snapshot().attendees);
    EXPECT_EQ(rowsOf(live), rowsOf(fresh));
}

TEST(AttendeeModel, updateChangesOneRowInPlace)
{
    HubSim sim(40);
    AttendeeModel m;
    m.reset(sim.snapshot().attendees);
    QSignalSpy changed(&m, &QAbstractItemModel::dataChanged);
    QSignalSpy inserted(&m, &QAbstractItemModel::rowsInserted);
    const auto updates = sim.tapIn(15, kStartMs + 9 * kMinute);
    m.upsert(std::get<p::AttendeeState>(updates[0].payload));
    ASSERT_EQ(changed.count(), 1);
    EXPECT_EQ(inserted.count(), 0);
    const int row = m.rowOf(QString::fromStdString(personId(15)));
    EXPECT_EQ(changed.at(0).at(0).toModelIndex().row(), row);
    EXPECT_EQ(m.data(m.index(row), AttendeeModel::StatusRole).toString(), "late");
    EXPECT_EQ(m.data(m.index(row), AttendeeModel::LateMinutesRole).toInt(), 9);
    EXPECT_EQ(m.data(m.index(row), AttendeeModel::FirstInTextRole).toString(), "15:09");
}

TEST(AttendeeModel, unchangedUpdateEmitsNothing)
{
    HubSim sim(10);
    AttendeeModel m;
    m.reset(sim.snapshot().attendees);
    QSignalSpy changed(&m, &QAbstractItemModel::dataChanged);
    m.upsert(sim.snapshot().attendees[3]);
    EXPECT_EQ(changed.count(), 0);
}

TEST(AttendeeModel, unknownPersonIsAppended)
{
    HubSim sim(10);
    AttendeeModel m;
    m.reset(sim.snapshot().attendees);
    QSignalSpy count(&m, &AttendeeModel::countChanged);
    auto a = sim.snapshot().attendees[0];
    a.person_id = "P-NEW";
    a.name = "ئالىم نىياز";
    m.upsert(a);
    EXPECT_EQ(m.rowCount(), 11);
    EXPECT_EQ(count.count(), 1);
    EXPECT_EQ(m.data(m.index(10), AttendeeModel::NameRole).toString(), QString::fromUtf8("ئالىم نىياز"));
}

TEST(AttendeeModel, rolesAreDisplayReady)
{
    HubSim sim(20);
    AttendeeModel m;
    m.reset(sim.snapshot().attendees);
    const auto idx = m.index(17); // substituted
    EXPECT_EQ(m.data(idx, AttendeeModel::StatusTextRole).toString(), "Substituted");
    EXPECT_TRUE(m.data(idx, AttendeeModel::DetailTextRole).toString().startsWith("Substitute: "));
    EXPECT_EQ(m.data(m.index(0), AttendeeModel::UnitLeafRole).toString(),
              QString::fromUtf8("州卫健委")); // "州直机关/州卫健委"
    EXPECT_TRUE(m.data(m.index(15), AttendeeModel::MissingRole).toBool());
    EXPECT_FALSE(m.data(m.index(16), AttendeeModel::MissingRole).toBool()); // excused
}
