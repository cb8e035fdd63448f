#include "dashboard/src/meeting_board.h"
#include "tests/dashboard/support/board_fixture.h"

#include <QSignalSpy>
#include <gtest/gtest.h>

using namespace rollcall::dashboard;
using namespace rollcall::dashboard::test;

TEST(MeetingBoard, countsAndRateFromSummary)
{
    MeetingBoard b;
    b.setMeeting(makeMeeting());
    QSignalSpy counts(&b, &MeetingBoard::countsChanged);
    p::Summary s;
    s.expected = 120;
    s.present = 90;
    s.late = 7;
    s.excused = 4;
    s.substituted = 3;
    s.absent = 5;
    b.setSummary(s);
    EXPECT_EQ(counts.count(), 1);
    EXPECT_EQ(b.attended(), 100);
    EXPECT_NEAR(b.rate(), 100.0 / 116.0, 1e-9);
    EXPECT_EQ(b.rateText(), "86.2%");
    b.setSummary(s);
    EXPECT_EQ(counts.count(), 1); // unchanged summary: no signal
}

TEST(MeetingBoard, rateIsUndefinedWhenEveryoneIsExcused)
{
    MeetingBoard b;
    p::Summary s;
    s.expected = 3;
    s.excused = 3;
    b.setSummary(s);
    EXPECT_LT(b.rate(), 0);
    EXPECT_EQ(b.rateText(), QString::fromUtf8("—"));
}

TEST(MeetingBoard, phaseAndCountdownFollowTheHubClock)
{
    MeetingBoard b;
    EXPECT_EQ(b.phase(), MeetingBoard::Phase::NoMeeting);
    b.setMeeting(makeMeeting());
    b.setNow(kStartMs - 90 * kMinute);
    EXPECT_EQ(b.phase(), MeetingBoard::Phase::NotOpen);
    EXPECT_EQ(b.countdownText(), "30:00");
    b.setNow(kStartMs - 12 * kMinute - 5000);
    EXPECT_EQ(b.phase(), MeetingBoard::Phase::CheckInOpen);
    EXPECT_EQ(b.countdownText(), "12:05");
    b.setNow(kStartMs + 35 * kMinute);
    EXPECT_EQ(b.phase(), MeetingBoard::Phase::InProgress);
    EXPECT_EQ(b.countdownText(), "1:25:00");
    EXPECT_EQ(b.phaseText(), "Time left");
    b.setNow(kStartMs + 121 * kMinute);
    EXPECT_EQ(b.phase(), MeetingBoard::Phase::Ended);
    auto m = makeMeeting();
    m.finalized = true;
    b.setMeeting(m);
    EXPECT_EQ(b.phase(), MeetingBoard::Phase::Finalized);
}

TEST(MeetingBoard, headerTexts)
{
    MeetingBoard b;
    QSignalSpy meeting(&b, &MeetingBoard::meetingChanged);
    b.setMeeting(makeMeeting());
    EXPECT_EQ(meeting.count(), 1);
    EXPECT_EQ(b.title(), QString::fromUtf8("全州效能建设推进会"));
    EXPECT_EQ(b.venuesText(), QString::fromUtf8("venue.main · venue.yining"));
    EXPECT_EQ(b.timeWindowText(), QString::fromUtf8("15:00 – 17:00"));
    EXPECT_EQ(b.graceText(), "Late after 15:05");
}

TEST(MeetingBoard, venueCountsFollowTheSummaryWithTheVenuesNames)
{
    MeetingBoard b;
    auto m = makeMeeting(); // venue.main, venue.yining
    m.venue_names = {"州会议中心", "伊宁县分会场"};
    b.setMeeting(m);
    p::Summary s;
    s.expected = 10;
    s.venues = {p::VenueCount{"venue.main", 6, 4, 1, 0, 0, 0, 1}, p::VenueCount{"venue.yining", 4, 2, 0, 0, 2, 0, 0}};
    b.setSummary(s);
    const auto venues = b.venueCounts();
    ASSERT_EQ(venues.size(), 2);
    const auto main = venues[0].toMap();
    EXPECT_EQ(main.value("venueId").toString(), "venue.main");
    EXPECT_EQ(main.value("name").toString(), QString::fromUtf8("州会议中心"));
    EXPECT_TRUE(main.value("main").toBool());
    EXPECT_EQ(main.value("expected").toInt(), 6);
    EXPECT_EQ(main.value("rateText").toString(), "83.3%");
    const auto branch = venues[1].toMap();
    EXPECT_FALSE(branch.value("main").toBool());
    EXPECT_EQ(branch.value("rateText").toString(), "100.0%") << "on leave leaves the denominator";
    // A meeting with one venue has no venue counts.
    m.venues = {"venue.main"};
    m.venue_names = {"州会议中心"};
    b.setMeeting(m);
    EXPECT_TRUE(b.venueCounts().isEmpty());
}

TEST(MeetingBoard, theVenueFilterShowsThatVenuesCountsAndTheMeetingsWalkIns)
{
    MeetingBoard b;
    b.setMeeting(makeMeeting()); // venue.main, venue.yining
    p::Summary s;
    s.expected = 10;
    s.present = 6;
    s.late = 1;
    s.excused = 2;
    s.not_arrived = 1;
    s.left_early = 3;
    s.walk_ins = 2;
    s.unknown_badges = 1;
    s.venues = {p::VenueCount{"venue.main", 6, 4, 1, 0, 0, 0, 1}, p::VenueCount{"venue.yining", 4, 2, 0, 0, 2, 0, 0}};
    b.setSummary(s);
    QSignalSpy counts(&b, &MeetingBoard::countsChanged);
    b.setVenue(QStringLiteral("venue.yining"), 1, 0);
    EXPECT_EQ(counts.count(), 1);
    EXPECT_TRUE(b.venueScoped());
    EXPECT_EQ(b.expected(), 4);
    EXPECT_EQ(b.present(), 2);
    EXPECT_EQ(b.excused(), 2);
    EXPECT_EQ(b.notArrived(), 0);
    EXPECT_EQ(b.leftEarly(), 1) << "counted by the board among the venue's members";
    EXPECT_EQ(b.rateText(), "100.0%");
    EXPECT_EQ(b.walkIns(), 2) << "walk-ins have no venue: the meeting's";
    EXPECT_EQ(b.unknownBadges(), 1);

    b.setVenue(QStringLiteral("venue.elsewhere"), 0, 0); // a venue the hub does not count
    EXPECT_FALSE(b.venueScoped());
    EXPECT_EQ(b.expected(), 10);
    b.setVenue({}, 0, 0);
    EXPECT_FALSE(b.venueScoped());
    EXPECT_EQ(b.leftEarly(), 3);
}
