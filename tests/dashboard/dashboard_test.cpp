#include "dashboard/src/dashboard.h"
#include "tests/dashboard/support/board_fixture.h"

#include <QProcess>
#include <QSignalSpy>
#include <gtest/gtest.h>

using namespace rollcall::dashboard;
using namespace rollcall::dashboard::test;

namespace {
Dashboard::Clock fixedClock(std::int64_t ms)
{
    return [ms] { return ms; };
}

void expectSameBoard(const Dashboard& a, const Dashboard& b)
{
    EXPECT_EQ(rowsOf(*a.attendees()), rowsOf(*b.attendees()));
    EXPECT_EQ(rowsOf(*a.absentees()), rowsOf(*b.absentees()));
    EXPECT_EQ(rowsOf(*a.lates()), rowsOf(*b.lates()));
    EXPECT_EQ(rowsOf(*a.units()), rowsOf(*b.units()));
    EXPECT_EQ(rowsOf(*a.tapFeed(), static_cast<int>(p::kMaxRecentTaps)), rowsOf(*b.tapFeed()));
    EXPECT_EQ(rowsOf(*a.readers()), rowsOf(*b.readers()));
    EXPECT_EQ(a.board()->summary(), b.board()->summary());
    EXPECT_EQ(a.board()->meeting(), b.board()->meeting());
    EXPECT_EQ(a.board()->rateText(), b.board()->rateText());
    EXPECT_EQ(a.readers()->alarmText(), b.readers()->alarmText());
}
} // namespace

TEST(Dashboard, snapshotThenUpdatesEqualsFreshSnapshotOfFinalState)
{
    HubSim sim(500);
    const auto now = kStartMs + 20 * kMinute;
    Dashboard live(fixedClock(now));
    live.applySnapshot(sim.snapshot());
    std::vector<p::Update> updates;
    for (int i = 15; i < 500; i += 20)
        for (auto& u : sim.tapIn(i, kStartMs + (i % 40) * kMinute)) updates.push_back(u);
    for (auto& u : sim.unknownBadge("DEADBEEF", kStartMs + 31 * kMinute)) updates.push_back(u);
    updates.push_back(sim.readerState("door-3", true, now));
    updates.push_back(sim.readerState("door-2", false, now - 5 * kMinute));
    for (const auto& u : updates) live.applyUpdate(u);

    Dashboard fresh(fixedClock(now));
    fresh.applySnapshot(sim.snapshot());
    expectSameBoard(live, fresh);
    EXPECT_EQ(live.board()->unknownBadges(), 1);
    EXPECT_EQ(live.readers()->alarmCount(), 1);
}

TEST(Dashboard, snapshotReplacesEverything)
{
    HubSim big(300);
    HubSim small(20);
    Dashboard d(fixedClock(kStartMs));
    QSignalSpy applied(&d, &Dashboard::snapshotApplied);
    d.applySnapshot(big.snapshot());
    d.applySnapshot(small.snapshot());
    EXPECT_EQ(applied.count(), 2);
    EXPECT_EQ(d.attendees()->rowCount(), 20);
    EXPECT_EQ(d.board()->expected(), 20);
    EXPECT_FALSE(d.pickerVisible());
}

TEST(Dashboard, clockFollowsTheHubNotTheLocalMachine)
{
    HubSim sim(10);
    sim.setNow(kStartMs + 10 * kMinute);
    // The local clock is 3 minutes behind the hub.
    Dashboard d(fixedClock(kStartMs + 7 * kMinute));
    d.applySnapshot(sim.snapshot());
    EXPECT_EQ(d.hubNow(), kStartMs + 10 * kMinute);
    EXPECT_EQ(d.board()->countdownText(), "1:50:00");
}

TEST(Dashboard, hubStreamUpdatesOnlyKnownReaders)
{
    HubSim sim(10);
    Dashboard d(fixedClock(kStartMs));
    d.applySnapshot(sim.snapshot());
    p::ReaderHealth other;
    other.reader_id = "door-77";
    other.venue_id = "venue.elsewhere";
    p::Update u;
    u.seq = 1;
    u.payload = other;
    d.applyHubUpdate(u);
    EXPECT_EQ(d.readers()->rowCount(), 3);
    p::Update alarm;
    alarm.seq = 2;
    alarm.payload = p::Alarm{"door-1", "读卡器离线 5 分钟", true};
    d.applyHubUpdate(alarm);
    EXPECT_TRUE(d.readers()->alarmText().contains(QString::fromUtf8("读卡器离线 5 分钟")));
}

TEST(Dashboard, meetingUpdateChangesTheHeader)
{
    HubSim sim(10);
    Dashboard d(fixedClock(kStartMs));
    d.applySnapshot(sim.snapshot());
    auto m = sim.snapshot().meeting;
    m.title = "全州效能建设推进会（延期）";
    m.end_ms += 30 * kMinute;
    d.applyUpdate(sim.publish(m));
    EXPECT_EQ(d.board()->title(), QString::fromUtf8("全州效能建设推进会（延期）"));
    EXPECT_EQ(d.board()->timeWindowText(), QString::fromUtf8("15:00 – 17:30"));
}

TEST(Dashboard, switchingMeetingsClearsThePreviousBoard)
{
    HubSim sim(30);
    Dashboard d(fixedClock(kStartMs));
    d.applySnapshot(sim.snapshot());
    d.selectMeeting(QString::fromLatin1(kMeetingId)); // the same meeting: nothing changes
    EXPECT_EQ(d.attendees()->rowCount(), 30);
    QSignalSpy picker(&d, &Dashboard::pickerVisibleChanged);
    d.showPicker();
    EXPECT_TRUE(d.pickerVisible());
    d.selectMeeting(QStringLiteral("m-other"));
    EXPECT_FALSE(d.pickerVisible());
    EXPECT_FALSE(d.board()->hasMeeting());
    EXPECT_EQ(d.attendees()->rowCount(), 0);
    EXPECT_EQ(d.units()->rowCount(), 0);
    EXPECT_EQ(d.tapFeed()->rowCount(), 0);
    EXPECT_EQ(d.readers()->rowCount(), 0);
}

TEST(Dashboard, helpAndVersionAnswerWithNoDisplay)
{
    // The xcb platform with no display aborts a GUI application; --help and
    // --version must not need one.
    for (const auto& [arg, expected] : {std::pair{"--help", "--distance"}, std::pair{"--version", "0.1.0"}}) {
        QProcess proc;
        auto env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("xcb"));
        env.remove(QStringLiteral("DISPLAY"));
        env.remove(QStringLiteral("WAYLAND_DISPLAY"));
        proc.setProcessEnvironment(env);
        proc.start(QStringLiteral(ROLLCALL_DASHBOARD_BIN), {QString::fromLatin1(arg)});
        ASSERT_TRUE(proc.waitForFinished(30000)) << arg;
        EXPECT_EQ(proc.exitStatus(), QProcess::NormalExit) << arg;
        EXPECT_EQ(proc.exitCode(), 0) << arg << ": " << proc.readAllStandardError().toStdString();
        EXPECT_TRUE(proc.readAllStandardOutput().contains(expected)) << arg;
    }
}
