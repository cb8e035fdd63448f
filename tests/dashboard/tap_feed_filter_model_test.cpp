// The live feed as shown under the desktop board's venue filter: only the
// taps at that venue, live ones included; "" shows them all again.
#include "dashboard/src/tap_feed_filter_model.h"
#include "dashboard/src/tap_feed_model.h"
#include "tests/dashboard/support/board_fixture.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <gtest/gtest.h>

using namespace rollcall::dashboard;
using namespace rollcall::dashboard::test;

namespace {
p::TapEvent tapAt(std::uint64_t id, const std::string& venue)
{
    p::TapEvent t;
    t.tap_id = id;
    t.reader_id = "door-" + venue;
    t.venue_id = venue;
    t.badge_uid = "04A22B1C";
    t.at_ms = kStartMs + static_cast<std::int64_t>(id) * 1000;
    t.verdict = p::Verdict::UnknownBadge;
    return t;
}
} // namespace

TEST(TapFeedFilterModel, showsOnlyTheTapsAtTheChosenVenue)
{
    TapFeedModel feed(10);
    TapFeedFilterModel shown(feed);
    QAbstractItemModelTester tester(&shown, QAbstractItemModelTester::FailureReportingMode::Fatal);
    feed.reset({tapAt(1, "hall"), tapAt(2, "yining"), tapAt(3, "hall")});
    EXPECT_EQ(shown.count(), 3);
    QSignalSpy count(&shown, &TapFeedFilterModel::countChanged);
    shown.setVenue(QStringLiteral("yining"));
    EXPECT_EQ(shown.count(), 1);
    EXPECT_GE(count.count(), 1);
    feed.add(tapAt(4, "yining"));
    feed.add(tapAt(5, "hall"));
    EXPECT_EQ(shown.count(), 2);
    EXPECT_EQ(shown.index(0, 0).data(TapFeedModel::TapIdRole).toULongLong(), 4u);
    shown.setVenue({});
    EXPECT_EQ(shown.count(), 5);
}
