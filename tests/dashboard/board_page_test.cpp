// The board page rendered in process (QML, offscreen): a revoked badge tapped
// at a door shows as an alert banner, in Chinese, until it leaves the feed;
// the venue screen pages its long lists so every row reaches the wall; the
// overdue panel and the tiles agree.
#include "dashboard/src/dashboard.h"
#include "tests/dashboard/support/board_fixture.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTranslator>
#include <cmath>
#include <functional>
#include <gtest/gtest.h>
#include <set>

using namespace rollcall::dashboard;
using namespace rollcall::dashboard::test;

TEST(BoardPage, aRevokedBadgeTapShowsTheLostCardAlert)
{
    QTranslator translator;
    ASSERT_TRUE(translator.load(QStringLiteral(":/i18n/rollcall_dashboard_zh_CN.qm")));
    QCoreApplication::installTranslator(&translator);
    HubSim sim(40);
    Dashboard dashboard([] { return kStartMs + 20 * kMinute; });
    dashboard.applySnapshot(sim.snapshot());
    QQmlApplicationEngine engine;
    engine.addImportPath(QStringLiteral("qrc:/"));
    engine.setInitialProperties({{QStringLiteral("dashboard"), QVariant::fromValue(&dashboard)}});
    engine.load(QUrl(QStringLiteral("qrc:/Rollcall/Dashboard/Main.qml")));
    ASSERT_FALSE(engine.rootObjects().isEmpty());
    auto* window = qobject_cast<QQuickWindow*>(engine.rootObjects().constFirst());
    window->resize(1920, 1080);
    window->show();
    auto* alert = window->findChild<QQuickItem*>(QStringLiteral("lostCardAlert"));
    auto* text = window->findChild<QQuickItem*>(QStringLiteral("lostCardAlertText"));
    ASSERT_NE(alert, nullptr);
    ASSERT_NE(text, nullptr);
    EXPECT_FALSE(alert->isVisible()); // no lost card tapped yet

    for (const auto& u : sim.revokedBadge("04A1B2C2", kStartMs + 12 * kMinute)) dashboard.applyUpdate(u);
    EXPECT_TRUE(alert->isVisible());
    const auto shown = text->property("text").toString();
    EXPECT_TRUE(shown.contains(QStringLiteral("挂失卡 04A1B2C2"))) << shown.toStdString();
    EXPECT_TRUE(shown.contains(QStringLiteral("door-2"))) << shown.toStdString();
    EXPECT_EQ(dashboard.board()->unknownBadges(), 1);
    QCoreApplication::removeTranslator(&translator);
}

namespace {

/// The first item named `name` under `item`, delegates included (they are child items, not child objects).
QQuickItem* findItem(QQuickItem* item, const QString& name)
{
    if (!item) return nullptr;
    if (item->objectName() == name) return item;
    for (auto* child : item->childItems())
        if (auto* found = findItem(child, name)) return found;
    return nullptr;
}

/// "name|unit|detail" of the delegates of `list` wholly inside its viewport (what the wall shows).
std::set<std::string> rowsShown(QQuickItem* list, const QList<QByteArray>& roles)
{
    std::set<std::string> shown;
    const double top = list->property("contentY").toDouble();
    const double bottom = top + list->height();
    auto* content = list->property("contentItem").value<QQuickItem*>();
    for (auto* row : content->childItems()) {
        if (!row->isVisible() || !row->property(roles.front().constData()).isValid()) continue;
        if (row->y() < top - 0.5 || row->y() + row->height() > bottom + 0.5) continue;
        QStringList key;
        for (const auto& role : roles) key << row->property(role.constData()).toString();
        shown.insert(key.join(QLatin1Char('|')).toStdString());
    }
    return shown;
}

/// The same keys for every row of the model behind the list.
std::set<std::string> rowsOfModel(const QAbstractItemModel& model, const QList<QByteArray>& roles)
{
    std::set<std::string> all;
    const auto names = model.roleNames();
    for (int r = 0; r < model.rowCount(); ++r) {
        QStringList key;
        for (const auto& role : roles) key << model.data(model.index(r, 0), names.key(role)).toString();
        all.insert(key.join(QLatin1Char('|')).toStdString());
    }
    return all;
}

/// A window showing `dashboard` at `size`, in venue-screen mode.
struct VenueScreen {
    QQmlApplicationEngine engine;
    QQuickWindow* window = nullptr;

    VenueScreen(Dashboard& dashboard, QSize size)
    {
        dashboard.setVenueMode(true);
        engine.addImportPath(QStringLiteral("qrc:/"));
        engine.setInitialProperties({{QStringLiteral("dashboard"), QVariant::fromValue(&dashboard)}});
        engine.load(QUrl(QStringLiteral("qrc:/Rollcall/Dashboard/Main.qml")));
        if (engine.rootObjects().isEmpty()) return;
        window = qobject_cast<QQuickWindow*>(engine.rootObjects().constFirst());
        window->resize(size);
        window->show();
        // The platform resizes the window asynchronously: wait until the board
        // is laid out at this size (its one scale factor follows the window).
        const double scale = std::min(size.width() / 1920.0, size.height() / 1080.0);
        QElapsedTimer waited;
        waited.start();
        while (std::abs(window->property("layoutScale").toDouble() - scale) > 1e-6 && waited.elapsed() < 10000)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        (void)window->grabWindow(); // polish and lay out once: the views create their rows
    }
};

/// Drives a panel's pager through one whole cycle (by hand, not by its
/// timer) and returns every row wholly shown on some page.
std::set<std::string> shownInOneCycle(QQuickItem* panel, const QString& listName, const QList<QByteArray>& roles,
                                      int* pageCount)
{
    auto* pager = findItem(panel, QStringLiteral("pager"));
    auto* list = findItem(panel, listName);
    EXPECT_NE(pager, nullptr);
    EXPECT_NE(list, nullptr);
    if (!pager || !list) return {};
    const int expectedPages = pager->property("pageCount").toInt();
    EXPECT_EQ(pager->property("page").toInt(), 0);
    std::set<std::string> shown;
    int pages = 0;
    do {
        EXPECT_EQ(pager->property("indicator").toString(),
                  QString::fromUtf8("第 %1/%2 页").arg(pages + 1).arg(expectedPages));
        const auto rows = rowsShown(list, roles);
        EXPECT_FALSE(rows.empty()) << "page " << pages << " shows nothing";
        shown.insert(rows.begin(), rows.end());
        QMetaObject::invokeMethod(pager, "nextPage");
        QCoreApplication::processEvents();
        ++pages;
    } while (pager->property("page").toInt() != 0 && pages < 100);
    EXPECT_EQ(pages, expectedPages) << "the indicator counts the pages there are";
    *pageCount = pages;
    return shown;
}

/// The rows of `all` missing from `shown`, one a line, for a failure message.
std::string missing(const std::set<std::string>& all, const std::set<std::string>& shown)
{
    std::string out;
    for (const auto& row : all)
        if (!shown.count(row)) out += "\n  never shown: " + row;
    return out;
}

} // namespace

TEST(BoardPage, venueScreenShowsEveryUnitAndEveryLatecomerWithinOnePagingCycle)
{
    QTranslator translator;
    ASSERT_TRUE(translator.load(QStringLiteral(":/i18n/rollcall_dashboard_zh_CN.qm")));
    QCoreApplication::installTranslator(&translator);
    Dashboard dashboard([] { return kStartMs + 20 * kMinute; });
    dashboard.applySnapshot(threeVenuePlenary(300));
    VenueScreen screen(dashboard, QSize(1366, 768)); // a common projector
    ASSERT_NE(screen.window, nullptr);
    auto* root = screen.window->contentItem();

    // 24 units under 4 parents: more rows than the panel holds at once.
    int pages = 0;
    auto* units = findItem(root, QStringLiteral("unitPanel"));
    const QList<QByteArray> unitRoles = {"name", "expected", "attended"};
    const auto unitsShown = shownInOneCycle(units, QStringLiteral("unitList"), unitRoles, &pages);
    EXPECT_GT(pages, 1);
    const auto allUnits = rowsOfModel(*dashboard.units(), unitRoles);
    EXPECT_TRUE(unitsShown == allUnits) << missing(allUnits, unitsShown);
    EXPECT_EQ(dashboard.units()->rowCount(), 28);

    // The late list (30 people) and the overdue list page the same way.
    const QList<QByteArray> personRoles = {"name", "unit", "detailText"};
    for (const auto& [panelName, model] :
         {std::pair<QString, QAbstractItemModel*>{QStringLiteral("lates"), dashboard.lates()},
          std::pair<QString, QAbstractItemModel*>{QStringLiteral("absentees"), dashboard.absentees()}}) {
        auto* panel = findItem(root, panelName);
        const auto shown = shownInOneCycle(panel, QStringLiteral("personList"), personRoles, &pages);
        EXPECT_GT(pages, 1) << panelName.toStdString();
        const auto all = rowsOfModel(*model, personRoles);
        EXPECT_TRUE(shown == all) << panelName.toStdString() << missing(all, shown);
    }

    // The timer that turns the pages on the wall runs only in venue-screen mode.
    auto* timer = units->findChild<QObject*>(QStringLiteral("pageTimer"));
    ASSERT_NE(timer, nullptr);
    EXPECT_TRUE(timer->property("running").toBool());
    dashboard.setVenueMode(false);
    EXPECT_FALSE(timer->property("running").toBool());
    QCoreApplication::removeTranslator(&translator);
}

TEST(BoardPage, overduePanelHeaderAndNotArrivedTileAgreeDuringTheMeeting)
{
    QTranslator translator;
    ASSERT_TRUE(translator.load(QStringLiteral(":/i18n/rollcall_dashboard_zh_CN.qm")));
    QCoreApplication::installTranslator(&translator);
    HubSim sim(100); // 20 min in: 15 overdue, nobody absent yet
    Dashboard dashboard([] { return kStartMs + 20 * kMinute; });
    dashboard.applySnapshot(sim.snapshot());
    VenueScreen screen(dashboard, QSize(1920, 1080));
    ASSERT_NE(screen.window, nullptr);
    auto* panel = findItem(screen.window->contentItem(), QStringLiteral("absentees"));
    ASSERT_NE(panel, nullptr);
    EXPECT_EQ(panel->property("title").toString(), QString::fromUtf8("未到（已超时）"));
    EXPECT_EQ(panel->property("badge").toString(), QStringLiteral("15"));
    EXPECT_EQ(dashboard.board()->absent(), 0);
    bool tileSaysSo = false;
    std::function<void(QQuickItem*)> visit = [&](QQuickItem* item) {
        if (item->objectName() == QLatin1String("countDetail")
            && item->property("text").toString() == QString::fromUtf8("其中超时 15"))
            tileSaysSo = true;
        for (auto* c : item->childItems()) visit(c);
    };
    visit(screen.window->contentItem());
    EXPECT_TRUE(tileSaysSo) << "the 未到 tile names the same 15";

    // Someone overdue arrives: header and tile move together.
    for (const auto& u : sim.tapIn(15, kStartMs + 21 * kMinute)) dashboard.applyUpdate(u);
    EXPECT_EQ(panel->property("badge").toString(), QStringLiteral("14"));
    tileSaysSo = false;
    visit(screen.window->contentItem());
    EXPECT_FALSE(tileSaysSo);
    QCoreApplication::removeTranslator(&translator);
}
