#include "dashboard/src/display_text.h"
#include "dashboard/src/tap_feed_model.h"
#include "tests/dashboard/support/board_fixture.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <gtest/gtest.h>

using namespace rollcall::dashboard;
using namespace rollcall::dashboard::test;

namespace {
p::TapEvent tap(std::uint64_t id, std::int64_t at, p::Verdict v = p::Verdict::Present)
{
    p::TapEvent t;
    t.tap_id = id;
    t.reader_id = "door-1";
    t.venue_id = "venue.main";
    t.badge_uid = "04A22B1C";
    t.name = "张三";
    t.person_id = "P-1";
    t.at_ms = at;
    t.direction = p::Direction::In;
    t.verdict = v;
    return t;
}
std::vector<qulonglong> ids(const TapFeedModel& m)
{
    std::vector<qulonglong> out;
    for (int r = 0; r < m.rowCount(); ++r) out.push_back(m.data(m.index(r), TapFeedModel::TapIdRole).toULongLong());
    return out;
}
} // namespace

TEST(TapFeedModel, newestFirst)
{
    TapFeedModel m(10);
    QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::Fatal);
    m.reset({tap(2, kStartMs + 2000), tap(1, kStartMs + 1000)});
    m.add(tap(3, kStartMs + 3000));
    m.add(tap(4, kStartMs + 4000));
    EXPECT_EQ(ids(m), (std::vector<qulonglong>{4, 3, 2, 1}));
}

TEST(TapFeedModel, cappedDroppingTheOldest)
{
    TapFeedModel m(5);
    QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::Fatal);
    for (std::uint64_t i = 1; i <= 12; ++i) m.add(tap(i, kStartMs + static_cast<std::int64_t>(i) * 1000));
    EXPECT_EQ(ids(m), (std::vector<qulonglong>{12, 11, 10, 9, 8}));
}

TEST(TapFeedModel, lateDeliveredTapTakesItsPlaceInTime)
{
    TapFeedModel m(5);
    m.reset({tap(10, kStartMs + 10000), tap(8, kStartMs + 8000)});
    m.add(tap(11, kStartMs + 9000)); // stored offline at the agent, delivered later
    EXPECT_EQ(ids(m), (std::vector<qulonglong>{10, 11, 8}));
    m.add(tap(11, kStartMs + 9000)); // the same tap again changes nothing
    EXPECT_EQ(m.rowCount(), 3);
}

TEST(TapFeedModel, tapOlderThanAFullFeedIsNotShown)
{
    TapFeedModel m(2);
    m.reset({tap(10, kStartMs + 10000), tap(9, kStartMs + 9000)});
    m.add(tap(3, kStartMs + 3000));
    EXPECT_EQ(ids(m), (std::vector<qulonglong>{10, 9}));
}

TEST(TapFeedModel, verdictInWordsAndColour)
{
    TapFeedModel m;
    auto unknown = tap(1, kStartMs, p::Verdict::UnknownBadge);
    unknown.name.reset();
    unknown.person_id.reset();
    unknown.badge_uid = "DEADBEEF";
    m.reset({unknown, tap(2, kStartMs + 1000, p::Verdict::Late)});
    EXPECT_EQ(m.data(m.index(0), TapFeedModel::VerdictTextRole).toString(), "Late");
    EXPECT_EQ(m.data(m.index(0), TapFeedModel::VerdictColorRole).value<QColor>(), QColor("#f59e0b"));
    EXPECT_EQ(m.data(m.index(0), TapFeedModel::TimeTextRole).toString(), "15:00:01");
    EXPECT_EQ(m.data(m.index(1), TapFeedModel::WhoRole).toString(), "Badge DEADBEEF");
    EXPECT_EQ(m.data(m.index(1), TapFeedModel::VerdictColorRole).value<QColor>(), QColor("#ef4444"));
}

TEST(TapFeedModel, aRevokedBadgeInTheFeedIsAnAlertUntilItLeavesTheFeed)
{
    TapFeedModel m(2);
    QSignalSpy changed(&m, &TapFeedModel::lostCardAlertChanged);
    m.reset({tap(1, kStartMs + 1000)});
    EXPECT_TRUE(m.lostCardAlert().isEmpty());
    auto lost = tap(2, kStartMs + 2000, p::Verdict::RevokedBadge);
    lost.name.reset();
    lost.person_id.reset();
    m.add(lost);
    EXPECT_TRUE(m.lostCardAlert().contains(QStringLiteral("04A22B1C"))) << m.lostCardAlert().toStdString();
    EXPECT_TRUE(m.lostCardAlert().contains(QStringLiteral("door-1")));
    EXPECT_EQ(m.data(m.index(0), TapFeedModel::WhoRole).toString(), QStringLiteral("Revoked badge 04A22B1C"));
    EXPECT_EQ(changed.count(), 1);
    m.add(tap(3, kStartMs + 3000));
    m.add(tap(4, kStartMs + 4000)); // the lost card's tap falls out of the feed
    EXPECT_TRUE(m.lostCardAlert().isEmpty());
    EXPECT_EQ(changed.count(), 2);
}

TEST(TapFeedModel, checkOutThatLeavesEarlyLooksLikeLeavingEarly)
{
    TapFeedModel m(10);
    auto onTime = tap(1, kStartMs + 125 * kMinute, p::Verdict::CheckedOut);
    onTime.direction = p::Direction::Out;
    auto early = tap(2, kStartMs + 35 * kMinute, p::Verdict::CheckedOut);
    early.direction = p::Direction::Out;
    early.early_minutes = 85;
    m.reset({onTime, early});
    // Newest first: the on-time check-out, then the early one.
    EXPECT_EQ(m.data(m.index(0), TapFeedModel::VerdictTextRole).toString(), "Checked out");
    EXPECT_EQ(m.data(m.index(1), TapFeedModel::VerdictTextRole).toString(), "Left early");
    EXPECT_EQ(m.data(m.index(1), TapFeedModel::VerdictColorRole).value<QColor>(), DisplayText::kEarly);
    EXPECT_NE(m.data(m.index(0), TapFeedModel::VerdictColorRole).value<QColor>(), DisplayText::kEarly);
}

TEST(TapFeedModel, aTapAtAnotherVenueThanThePersonsNamesTheirVenue)
{
    TapFeedModel m(10);
    auto wrong = tap(2, kStartMs + 2000);
    wrong.expected_venue_id = "venue.yining";
    m.reset({tap(1, kStartMs + 1000), wrong});
    EXPECT_TRUE(m.data(m.index(0), TapFeedModel::WrongVenueRole).toBool());
    EXPECT_EQ(m.data(m.index(0), TapFeedModel::ExpectedVenueRole).toString(), "venue.yining");
    EXPECT_FALSE(m.data(m.index(1), TapFeedModel::WrongVenueRole).toBool());
    EXPECT_EQ(m.data(m.index(1), TapFeedModel::ExpectedVenueRole).toString(), "");
}
