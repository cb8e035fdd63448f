#include "dashboard/src/absentee_model.h"
#include "dashboard/src/attendee_model.h"
#include "tests/dashboard/support/board_fixture.h"

#include <gtest/gtest.h>

using namespace rollcall::dashboard;
using namespace rollcall::dashboard::test;

TEST(AbsenteeModel, listsAbsentAndOverdueGroupedByUnit)
{
    HubSim sim(100); // 20 min in: indexes 15, 18, 19 of every 20 are overdue
    AttendeeModel source;
    source.reset(sim.snapshot().attendees);
    AbsenteeModel m(source);
    EXPECT_EQ(m.count(), 15);
    QString lastUnit;
    for (int r = 0; r < m.rowCount(); ++r) {
        const auto status = m.data(m.index(r, 0), AttendeeModel::StatusRole).toString();
        EXPECT_TRUE(status == "overdue" || status == "absent") << status.toStdString();
        const auto unit = m.data(m.index(r, 0), AttendeeModel::UnitRole).toString();
        EXPECT_LE(lastUnit, unit);
        lastUnit = unit;
    }
}

TEST(AbsenteeModel, personWhoArrivesLeavesTheList)
{
    HubSim sim(40);
    AttendeeModel source;
    source.reset(sim.snapshot().attendees);
    AbsenteeModel m(source);
    const int before = m.count();
    source.upsert(std::get<p::AttendeeState>(sim.tapIn(15, kStartMs + 21 * kMinute)[0].payload));
    EXPECT_EQ(m.count(), before - 1);
}

TEST(AbsenteeModel, beforeGraceNobodyIsAbsent)
{
    HubSim sim(40, kStartMs - 10 * kMinute);
    AttendeeModel source;
    source.reset(sim.snapshot().attendees);
    AbsenteeModel m(source);
    EXPECT_EQ(m.count(), 0);
}
