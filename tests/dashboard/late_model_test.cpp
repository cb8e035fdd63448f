#include "dashboard/src/attendee_model.h"
#include "dashboard/src/late_model.h"
#include "tests/dashboard/support/board_fixture.h"

#include <gtest/gtest.h>

using namespace rollcall::dashboard;
using namespace rollcall::dashboard::test;

TEST(LateModel, listsLateMembersMostMinutesFirst)
{
    HubSim sim(200);
    AttendeeModel source;
    source.reset(sim.snapshot().attendees);
    LateModel m(source);
    EXPECT_EQ(m.count(), 20);
    int last = 1 << 30;
    for (int r = 0; r < m.rowCount(); ++r) {
        EXPECT_EQ(m.data(m.index(r, 0), AttendeeModel::StatusRole).toString(), "late");
        const int minutes = m.data(m.index(r, 0), AttendeeModel::LateMinutesRole).toInt();
        EXPECT_LE(minutes, last);
        last = minutes;
    }
}

TEST(LateModel, lateArrivalIsInsertedAtItsPlace)
{
    HubSim sim(40);
    AttendeeModel source;
    source.reset(sim.snapshot().attendees);
    LateModel m(source);
    const int before = m.count();
    source.upsert(std::get<p::AttendeeState>(sim.tapIn(18, kStartMs + 59 * kMinute)[0].payload));
    ASSERT_EQ(m.count(), before + 1);
    EXPECT_EQ(m.data(m.index(0, 0), AttendeeModel::PersonIdRole).toString().toStdString(), personId(18));
    EXPECT_EQ(m.data(m.index(0, 0), AttendeeModel::DetailTextRole).toString(), "59 min late (15:59)");
}
