// The office's desk at the model layer against the real rollcall-hub over
// TCP on 127.0.0.1 with CURVE keys (issue 16): with an office key it ranks
// the units of a period, issues the notice the policy finds, saves the
// notice's PDF made at the hub, and opens a person's history; a request
// cancelled is dropped without blocking anything.
#include "dashboard/src/admin_client.h"
#include "dashboard/src/office_desk.h"
#include "tests/support/child_process.h"
#include "tests/support/hub_process.h"
#include "tests/support/hub_seed.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_keys.h"

#include <QDateTime>
#include <QFile>
#include <QSignalSpy>
#include <QTest>
#include <gtest/gtest.h>

using namespace rollcall::dashboard;
namespace rt = rollcall::test;

namespace {

constexpr int kWaitMs = 20000;

/// UTC now + `hours`, as ISO 8601.
std::string isoIn(int hours)
{
    return QDateTime::currentDateTimeUtc().addSecs(hours * 3600LL).toString(Qt::ISODate).toStdString();
}

int ctl(const std::string& db, std::vector<std::string> args)
{
    args.insert(args.begin(), {std::string(ROLLCALL_BINARY_DIR) + "/hub/rollcallctl", "--db", db});
    rt::ChildProcess p(std::move(args));
    return p.wait();
}

TEST(OfficeDesk, ranksIssuesSavesAndShowsHistoryOverTheWire)
{
    rt::TempDir dir;
    const auto db = dir.file("record.sqlite");
    rt::seedHubRecord(db);
    // p9 is absent from a finalized meeting two days ago.
    ASSERT_EQ(ctl(db, {"meeting", "add", "--id", "m-past", "--title", "上周例会", "--venue", "hall", "--start",
                       isoIn(-48), "--end", isoIn(-47), "--invite-person", "p9"}),
              0);
    ASSERT_EQ(ctl(db, {"meeting", "finalize", "--id", "m-past"}), 0);
    rt::TestKeys keys;
    rt::HubProcess hub(db, keys.hubArgs());
    const auto office = keys.office("office-1");
    AdminClient client(QString::fromStdString(hub.endpoints().query), {office.cert, office.serverPublicKey});
    OfficeDesk desk(client);
    // Asia/Shanghai's month of the meeting.
    desk.setPeriod(QDateTime::currentDateTimeUtc().addSecs((-48 + 8) * 3600LL).toString(QStringLiteral("yyyy-MM")));

    desk.refresh();
    ASSERT_TRUE(QTest::qWaitFor([&] { return !desk.busy(); }, kWaitMs));
    ASSERT_FALSE(desk.lastFailed()) << desk.message().toStdString();
    EXPECT_TRUE(desk.rankingColumns().contains(QStringLiteral("出勤率")))
        << desk.rankingColumns().join(',').toStdString();
    ASSERT_FALSE(desk.ranking().isEmpty());
    EXPECT_EQ(desk.ranking().front().toMap().value(QStringLiteral("单位")).toString(), QStringLiteral("某县"));
    EXPECT_TRUE(desk.notices().isEmpty());

    desk.issueNotices();
    ASSERT_TRUE(QTest::qWaitFor([&] { return !desk.busy() && !desk.notices().isEmpty(); }, kWaitMs))
        << desk.message().toStdString();
    const auto notice = desk.notices().front().toMap();
    EXPECT_EQ(notice.value(QStringLiteral("person_id")).toString(), QStringLiteral("p9"));
    EXPECT_EQ(notice.value(QStringLiteral("issued_by")).toString(), QStringLiteral("office-1"));

    QSignalSpy saved(&desk, &OfficeDesk::saved);
    const auto pdf = QString::fromStdString(dir.file("notice.pdf"));
    desk.save(QStringLiteral("notice:") + notice.value(QStringLiteral("number")).toString(), pdf);
    ASSERT_TRUE(QTest::qWaitFor([&] { return saved.count() == 1; }, kWaitMs));
    ASSERT_TRUE(saved.front().at(0).toBool()) << desk.message().toStdString();
    QFile file(pdf);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    EXPECT_TRUE(file.read(5) == "%PDF-");

    desk.openHistory(QStringLiteral("p9"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return !desk.history().isEmpty(); }, kWaitMs));
    EXPECT_TRUE(desk.history().contains(notice.value(QStringLiteral("number")).toString()))
        << desk.history().toStdString();

    // Cancelled: nothing waits, and the late reply changes nothing.
    desk.save(QStringLiteral("period"), QString::fromStdString(dir.file("period.pdf")));
    EXPECT_TRUE(desk.busy());
    desk.cancel();
    EXPECT_FALSE(desk.busy());
    QTest::qWait(1000);
    EXPECT_EQ(saved.count(), 1);
    EXPECT_FALSE(QFile::exists(QString::fromStdString(dir.file("period.pdf"))));
}

TEST(OfficeDeskPeriods, aPeriodIsItsFirstAndLastDate)
{
    using P = std::pair<QString, QString>;
    EXPECT_EQ(OfficeDesk::periodDates(QStringLiteral("2026-11")),
              P(QStringLiteral("2026-11-01"), QStringLiteral("2026-11-30")));
    EXPECT_EQ(OfficeDesk::periodDates(QStringLiteral("2024-02")),
              P(QStringLiteral("2024-02-01"), QStringLiteral("2024-02-29")));
    EXPECT_EQ(OfficeDesk::periodDates(QStringLiteral("2026-Q4")),
              P(QStringLiteral("2026-10-01"), QStringLiteral("2026-12-31")));
    EXPECT_EQ(OfficeDesk::periodDates(QStringLiteral("2026")),
              P(QStringLiteral("2026-01-01"), QStringLiteral("2026-12-31")));
    EXPECT_EQ(OfficeDesk::periodDates(QStringLiteral("2026-13")).first, QString());
    EXPECT_EQ(OfficeDesk::periodDates(QStringLiteral("11/2026")).first, QString());
}

} // namespace
