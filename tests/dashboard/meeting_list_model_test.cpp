#include "dashboard/src/meeting_list_model.h"
#include "tests/dashboard/support/board_fixture.h"

#include <QSignalSpy>
#include <gtest/gtest.h>

using namespace rollcall::dashboard;
using namespace rollcall::dashboard::test;

TEST(MeetingListModel, groupedByMainVenueThenStart)
{
    p::MeetingList list;
    list.meetings = {
        {"m3",
         "下午会",
         {"venue.main"},
         kStartMs + 3 * 60 * kMinute,
         kStartMs + 4 * 60 * kMinute,
         p::MeetingState::Scheduled},
        {"m2", "分会场会", {"venue.yining"}, kStartMs, kStartMs + 60 * kMinute, p::MeetingState::Open},
        {"m1",
         "上午会",
         {"venue.main", "venue.yining"},
         kStartMs,
         kStartMs + 60 * kMinute,
         p::MeetingState::InProgress},
    };
    MeetingListModel m;
    m.reset(list);
    ASSERT_EQ(m.rowCount(), 3);
    EXPECT_EQ(m.meetingIdAt(0), "m1");
    EXPECT_EQ(m.meetingIdAt(1), "m3");
    EXPECT_EQ(m.meetingIdAt(2), "m2");
    EXPECT_EQ(m.data(m.index(0), MeetingListModel::MainVenueRole).toString(), "venue.main");
    EXPECT_EQ(m.data(m.index(0), MeetingListModel::VenueHeadingRole).toString(), "Venue venue.main");
    EXPECT_EQ(m.data(m.index(1), MeetingListModel::VenueHeadingRole).toString(), "");
    EXPECT_EQ(m.data(m.index(2), MeetingListModel::VenueHeadingRole).toString(), "Venue venue.yining");
    EXPECT_EQ(m.data(m.index(0), MeetingListModel::TimeTextRole).toString(), QString::fromUtf8("15:00 – 16:00"));
    EXPECT_EQ(m.data(m.index(0), MeetingListModel::StateTextRole).toString(), "In progress");
    EXPECT_EQ(m.meetingIdAt(3), QString());
}

TEST(MeetingListModel, sameListAgainDoesNotResetViews)
{
    p::MeetingList list;
    list.meetings = {{"m1", "上午会", {"venue.main"}, kStartMs, kStartMs + 60 * kMinute, p::MeetingState::Open}};
    MeetingListModel m;
    m.reset(list);
    QSignalSpy reset(&m, &QAbstractItemModel::modelReset);
    m.reset(list);
    EXPECT_EQ(reset.count(), 0);
}

TEST(MeetingListModel, showsVenueNamesWhenTheHubSendsThem)
{
    MeetingListModel m;
    p::MeetingList list;
    p::MeetingListEntry e{"m1", "全州效能建设推进会", {"hall", "cb-fhc"}, 1, 2, p::MeetingState::Open};
    e.venue_names = {"州会议中心主会场", "霍城县分会场"};
    list.meetings.push_back(e);
    m.reset(list);
    EXPECT_EQ(m.data(m.index(0), MeetingListModel::VenueHeadingRole).toString(),
              QString::fromUtf8("Venue 州会议中心主会场"));
    EXPECT_EQ(m.data(m.index(0), MeetingListModel::VenuesTextRole).toString(),
              QString::fromUtf8("州会议中心主会场 · 霍城县分会场"));
    EXPECT_EQ(m.data(m.index(0), MeetingListModel::MainVenueRole).toString(), "hall") << "the id stays the key";
}
