// The office's desk at the model layer against the real rollcall-hub over
// TCP on 127.0.0.1 with CURVE keys (issue 16): with an office key it ranks
// the units of a period, lists the people with their absences, issues the
// notice the policy finds (named, not only numbered), saves the notice's PDF
// made at the hub and previews it (rendered, its pixels looked at), opens a
// person's history, records and resolves an appeal; a request cancelled is
// dropped without blocking anything; a long report shows how many meetings
// of how many the hub has evaluated, and can still be cancelled.
#include "dashboard/src/admin_client.h"
#include "dashboard/src/office_desk.h"
#include "dashboard/src/pdf_page_view.h"
#include "tests/dashboard/board_wait.h"
#include "tests/support/busy_record.h"
#include "tests/support/child_process.h"
#include "tests/support/hub_process.h"
#include "tests/support/hub_seed.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_keys.h"

#include <QDateTime>
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>
#include <algorithm>
#include <gtest/gtest.h>

using namespace rollcall::dashboard;
namespace rt = rollcall::test;

namespace {

using rollcall::test::kWaitMs;

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

/// The hub's record with p9 (王五) absent from a finalized meeting two days ago.
void seedAbsence(const std::string& db)
{
    rt::seedHubRecord(db);
    ASSERT_EQ(ctl(db, {"meeting", "add", "--id", "m-past", "--title", "上周例会", "--venue", "hall", "--start",
                       isoIn(-48), "--end", isoIn(-47), "--invite-person", "p9"}),
              0);
    ASSERT_EQ(ctl(db, {"meeting", "finalize", "--id", "m-past"}), 0);
}

/// Asia/Shanghai's month of the meeting two days ago.
QString periodOfAbsence()
{
    return QDateTime::currentDateTimeUtc().addSecs((-48 + 8) * 3600LL).toString(QStringLiteral("yyyy-MM"));
}

TEST(OfficeDesk, ranksIssuesSavesAndShowsHistoryOverTheWire)
{
    rt::TempDir dir;
    const auto db = dir.file("record.sqlite");
    seedAbsence(db);
    ASSERT_FALSE(testing::Test::HasFatalFailure());
    rt::TestKeys keys;
    rt::HubProcess hub(db, keys.hubArgs());
    const auto office = keys.office("office-1");
    AdminClient client(QString::fromStdString(hub.endpoints().query), {office.cert, office.serverPublicKey});
    OfficeDesk desk(client);
    desk.setPeriod(periodOfAbsence());

    desk.refresh();
    ASSERT_TRUE(QTest::qWaitFor([&] { return !desk.busy(); }, kWaitMs));
    ASSERT_FALSE(desk.lastFailed()) << desk.message().toStdString();
    EXPECT_TRUE(desk.rankingColumns().contains(QStringLiteral("出勤率")))
        << desk.rankingColumns().join(',').toStdString();
    ASSERT_GT(desk.ranking()->rowCount(), 0);
    EXPECT_EQ(desk.ranking()->value(0, QStringLiteral("unit")).toString(), QStringLiteral("某县"));
    EXPECT_EQ(desk.ranking()->value(0, QStringLiteral("rate")).toString(), QStringLiteral("0.0"));
    EXPECT_EQ(desk.notices()->rowCount(), 0);
    // The people of the period, with their figures by name: p9 (王五) was absent.
    ASSERT_EQ(desk.people()->rowCount(), 1);
    EXPECT_EQ(desk.people()->value(0, QStringLiteral("name")).toString(), QStringLiteral("王五"));
    EXPECT_EQ(desk.people()->value(0, QStringLiteral("absent")).toInt(), 1);
    EXPECT_EQ(desk.people()->value(0, QStringLiteral("notices")).toInt(), 0);

    desk.issueNotices();
    ASSERT_TRUE(QTest::qWaitFor([&] { return !desk.busy() && desk.notices()->rowCount() > 0; }, kWaitMs))
        << desk.message().toStdString();
    const auto notice = desk.notices()->row(0);
    EXPECT_EQ(notice.value(QStringLiteral("person_id")).toString(), QStringLiteral("p9"));
    EXPECT_EQ(notice.value(QStringLiteral("name")).toString(), QStringLiteral("王五"));
    EXPECT_EQ(notice.value(QStringLiteral("issued_by")).toString(), QStringLiteral("office-1"));

    QSignalSpy saved(&desk, &OfficeDesk::saved);
    const auto pdf = QString::fromStdString(dir.file("notice.pdf"));
    desk.save(QStringLiteral("notice:") + notice.value(QStringLiteral("number")).toString(), pdf);
    ASSERT_TRUE(QTest::qWaitFor([&] { return saved.count() == 1; }, kWaitMs));
    ASSERT_TRUE(saved.front().at(0).toBool()) << desk.message().toStdString();
    QFile file(pdf);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    EXPECT_TRUE(file.read(5) == "%PDF-");

    // The preview is the same notice, rendered in the window: an A4 page with ink on it, and the red of the
    // 发文机关标志 (GB/T 9704) at its head.
    desk.showPreview(QStringLiteral("notice:") + notice.value(QStringLiteral("number")).toString());
    ASSERT_TRUE(QTest::qWaitFor([&] { return !desk.preview().isEmpty(); }, kWaitMs)) << desk.message().toStdString();
    EXPECT_TRUE(desk.preview() == file.readAll().prepend("%PDF-")) << "the preview is not the notice as saved";
    EXPECT_EQ(desk.previewTitle(), notice.value(QStringLiteral("number")).toString());
    EXPECT_EQ(PdfPageView::countPages(desk.preview()), 2); // the notice and its 附件
    const auto page = PdfPageView::render(desk.preview(), 0, 800);
    ASSERT_FALSE(page.isNull());
    EXPECT_EQ(page.width(), 800);
    EXPECT_NEAR(page.height(), 800 * 297 / 210, 3) << "not an A4 page";
    long ink = 0, red = 0;
    for (int y = 0; y < page.height(); ++y) {
        for (int x = 0; x < page.width(); ++x) {
            const QColor c = page.pixelColor(x, y);
            if (c.lightness() < 200) ++ink;
            if (c.red() > 180 && c.green() < 90 && c.blue() < 90) ++red;
        }
    }
    EXPECT_GT(ink, 2000) << "the page is blank";
    EXPECT_LT(ink, page.width() * page.height() / 3) << "the page is mostly dark";
    EXPECT_GT(red, 200) << "no red 发文机关标志";

    desk.openHistory(QStringLiteral("p9"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return !desk.history().isEmpty(); }, kWaitMs));
    EXPECT_TRUE(desk.history().contains(notice.value(QStringLiteral("number")).toString()))
        << desk.history().toStdString();

    // An appeal recorded, then upheld: the appeal leaves the list and the notice citing the meeting is withdrawn.
    desk.addAppeal(QStringLiteral("m-past"), QStringLiteral("p9"), QStringLiteral("当日住院"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return !desk.busy() && desk.appeals()->rowCount() == 1; }, kWaitMs))
        << desk.message().toStdString();
    EXPECT_FALSE(desk.lastFailed()) << desk.message().toStdString();
    EXPECT_TRUE(desk.message().startsWith(QStringLiteral("Done: record the appeal of p9 at meeting m-past (appeal #")))
        << "the desk's line, not the CLI's: " << desk.message().toStdString();
    EXPECT_EQ(desk.appeals()->value(0, QStringLiteral("name")).toString(), QStringLiteral("王五"));
    EXPECT_EQ(desk.appeals()->value(0, QStringLiteral("clerk")).toString(), QStringLiteral("office-1"));
    desk.resolveAppeal(QStringLiteral("m-past"), QStringLiteral("p9"), true, QStringLiteral("住院证明属实"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return !desk.busy() && desk.appeals()->rowCount() == 0; }, kWaitMs))
        << desk.message().toStdString();
    EXPECT_FALSE(desk.lastFailed()) << desk.message().toStdString();
    EXPECT_TRUE(desk.notices()->value(0, QStringLiteral("state")).toString().startsWith(QStringLiteral("withdrawn by")))
        << desk.notices()->value(0, QStringLiteral("state")).toString().toStdString();
    // A refused change shows the hub's own message: there is no open appeal to resolve now.
    desk.resolveAppeal(QStringLiteral("m-past"), QStringLiteral("p9"), false, QStringLiteral("再议"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return !desk.busy(); }, kWaitMs));
    EXPECT_TRUE(desk.lastFailed());
    EXPECT_TRUE(desk.message().contains(QStringLiteral("no open appeal"))) << desk.message().toStdString();
    EXPECT_TRUE(desk.message().startsWith(QStringLiteral("Could not reject the appeal of p9 at meeting m-past: ")))
        << desk.message().toStdString();

    // Cancelled: nothing waits, the hub is told to stop (admin_cancel right behind the request on the same
    // socket: it finds it queued or running), and the late reply changes nothing.
    const auto logFrom = hub.process().lineCount();
    desk.save(QStringLiteral("period"), QString::fromStdString(dir.file("period.pdf")));
    EXPECT_TRUE(desk.busy());
    desk.cancel();
    EXPECT_FALSE(desk.busy());
    EXPECT_TRUE(hub.process().waitForLine("key office-1 cancels request desk-", std::chrono::seconds(10), logFrom))
        << hub.process().output();
    QTest::qWait(1000);
    EXPECT_EQ(saved.count(), 1);
    EXPECT_FALSE(QFile::exists(QString::fromStdString(dir.file("period.pdf"))));
}

TEST(OfficeDesk, aLongReportShowsHowManyMeetingsOfHowManyAndCanStillBeCancelled)
{
    rt::TempDir dir;
    const auto db = dir.file("record.sqlite");
    rt::seedHubRecord(db);
    rt::seedBusyDays(db, 600, 120);
    rt::TestKeys keys;
    rt::HubProcess hub(db, keys.hubArgs());
    const auto office = keys.office("office-1");
    AdminClient client(QString::fromStdString(hub.endpoints().query), {office.cert, office.serverPublicKey});
    OfficeDesk desk(client);
    // The busy days' meetings run from 40 to 10 hours ago: the year of 25 hours ago holds at least half of them.
    desk.setPeriod(QDateTime::currentDateTimeUtc().addSecs((8 - 25) * 3600LL).toString(QStringLiteral("yyyy")));
    std::vector<std::pair<int, int>> figures;
    QObject::connect(&desk, &OfficeDesk::progressChanged,
                     [&] { figures.emplace_back(desk.progressDone(), desk.progressTotal()); });

    desk.showPreview(QStringLiteral("period"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return !desk.busy(); }, 120000)) << desk.message().toStdString();
    ASSERT_FALSE(desk.lastFailed()) << desk.message().toStdString();
    const auto whole =
        std::find_if(figures.begin(), figures.end(), [](const auto& f) { return f.second > 0 && f.first == f.second; });
    ASSERT_NE(whole, figures.end()) << "no figure reached the whole";
    EXPECT_GE(whole->second, 300); // the busy days' meetings, all evaluated
    EXPECT_TRUE(
        std::any_of(figures.begin(), figures.end(), [](const auto& f) { return f.second > 0 && f.first == 0; }));
    EXPECT_EQ(desk.progressTotal(), 0) << "the figure outlived its request";
    EXPECT_TRUE(desk.progressText().isEmpty());

    // Again, cancelled half-way: the figure goes with the request, and the hub stops.
    const auto logFrom = hub.process().lineCount();
    desk.showPreview(QStringLiteral("period"));
    // Its first figure (0 of them) comes as the hub starts evaluating: the cancel lands among the meetings.
    ASSERT_TRUE(QTest::qWaitFor([&] { return desk.progressTotal() > 0; }, 60000));
    EXPECT_TRUE(desk.busy());
    EXPECT_EQ(desk.progressText(),
              QStringLiteral("Meeting %1 of %2").arg(desk.progressDone()).arg(desk.progressTotal()))
        << desk.progressText().toStdString();
    desk.cancel();
    EXPECT_FALSE(desk.busy());
    EXPECT_EQ(desk.progressTotal(), 0);
    EXPECT_TRUE(hub.process().waitForLine("-> exit 7", std::chrono::seconds(20), logFrom)) << hub.process().output();
}

TEST(OfficeDeskScreenshot, theBinaryShowsTheTablesAndAPreviewedNotice)
{
    rt::TempDir dir;
    const auto db = dir.file("record.sqlite");
    seedAbsence(db);
    ASSERT_FALSE(testing::Test::HasFatalFailure());
    const auto period = periodOfAbsence().toStdString();
    ASSERT_EQ(ctl(db, {"--operator", "办公室", "notices", "issue", "--period", period}), 0);
    rt::TestKeys keys;
    rt::HubProcess hub(db, keys.hubArgs());
    (void)keys.office("office-1");
    const auto png = QString::fromStdString(dir.file("office-desk.png"));
    const auto year = QDateTime::currentDateTimeUtc().addSecs(8 * 3600LL).toString(QStringLiteral("yyyy"));
    QProcess proc;
    auto env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    proc.setProcessEnvironment(env);
    proc.start(QStringLiteral(ROLLCALL_DASHBOARD_BIN),
               {QStringLiteral("--query"), QString::fromStdString(hub.endpoints().query), QStringLiteral("--live"),
                QString::fromStdString(hub.endpoints().live), QStringLiteral("--key"),
                QString::fromStdString(keys.secretFile("office-1")), QStringLiteral("--server-key"),
                QString::fromStdString(keys.serverPublicFile()), QStringLiteral("--desk"), QStringLiteral("office"),
                QStringLiteral("--desk-period"), QString::fromStdString(period), QStringLiteral("--desk-preview"),
                QStringLiteral("notice:") + year + QStringLiteral("-1"), QStringLiteral("--screenshot"), png,
                QStringLiteral("--quit-after"), QStringLiteral("30")});
    ASSERT_TRUE(proc.waitForFinished(60000));
    EXPECT_EQ(proc.exitCode(), 0);
    // The tables with rows, their buttons and the preview bind without a QML warning.
    const auto log = QString::fromUtf8(proc.readAllStandardError());
    EXPECT_FALSE(log.contains(QStringLiteral("qrc:/"))) << log.toStdString();
    QImage image(png);
    ASSERT_FALSE(image.isNull());
    EXPECT_EQ(image.size(), QSize(1920, 1080));
    // The right-hand column holds the previewed notice: a white page, with the red 发文机关标志 on it.
    long white = 0, red = 0;
    for (int x = 1200; x < 1900; x += 2) {
        for (int y = 100; y < 900; y += 2) {
            const QColor c = image.pixelColor(x, y);
            if (c.red() > 245 && c.green() > 245 && c.blue() > 245) ++white;
            if (c.red() > 180 && c.green() < 90 && c.blue() < 90) ++red;
        }
    }
    EXPECT_GT(white, 40000) << "no page previewed";
    EXPECT_GT(red, 20) << "the previewed page has no red heading";
    // The left holds the tables on the board's dark background, not a white page.
    long darkLeft = 0;
    for (int x = 40; x < 1100; x += 4) {
        for (int y = 300; y < 900; y += 4) darkLeft += image.pixelColor(x, y).lightness() < 60 ? 1 : 0;
    }
    EXPECT_GT(darkLeft, 20000);
    if (qEnvironmentVariableIsSet("ROLLCALL_OFFICE_DESK_SCREENSHOT_OUT"))
        QFile::copy(png, qEnvironmentVariable("ROLLCALL_OFFICE_DESK_SCREENSHOT_OUT"));
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
