// The board page rendered in process (QML, offscreen): a revoked badge tapped
// at a door shows as an alert banner, in Chinese, until it leaves the feed,
// and says 已处理 by whom once a desk acknowledged it;
// the venue screen pages its long lists so every row reaches the wall; the
// overdue panel and the tiles agree.
#include "dashboard/src/dashboard.h"
#include "tests/dashboard/support/board_fixture.h"

#include <QBuffer>
#include <QColor>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QImage>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTranslator>
#include <cmath>
#include <functional>
#include <gtest/gtest.h>
#include <memory>
#include <set>

using namespace rollcall::dashboard;
using namespace rollcall::dashboard::test;

namespace {

/// Main.qml rendered offscreen at 1920×1080 in Chinese, showing `dashboard`.
struct RenderedBoard {
    QTranslator translator;
    bool translated = false;
    QQmlApplicationEngine engine;
    QQuickWindow* window = nullptr;

    explicit RenderedBoard(Dashboard& dashboard)
    {
        translated = translator.load(QStringLiteral(":/i18n/rollcall_dashboard_zh_CN.qm"));
        QCoreApplication::installTranslator(&translator);
        engine.addImportPath(QStringLiteral("qrc:/"));
        engine.setInitialProperties({{QStringLiteral("dashboard"), QVariant::fromValue(&dashboard)}});
        engine.load(QUrl(QStringLiteral("qrc:/Rollcall/Dashboard/Main.qml")));
        if (engine.rootObjects().isEmpty()) return;
        window = qobject_cast<QQuickWindow*>(engine.rootObjects().constFirst());
        window->resize(1920, 1080);
        window->show();
    }
    ~RenderedBoard() { QCoreApplication::removeTranslator(&translator); }
    RenderedBoard(const RenderedBoard&) = delete;
    RenderedBoard& operator=(const RenderedBoard&) = delete;

    [[nodiscard]] QQuickItem* item(const char* name) const
    {
        return window ? window->findChild<QQuickItem*>(QString::fromLatin1(name)) : nullptr;
    }
};

/// A board of 40 at 20 minutes past the start, rendered, and its lost-card bar.
struct LostCardBoard {
    HubSim sim{40};
    Dashboard dashboard{[] { return kStartMs + 20 * kMinute; }};
    RenderedBoard rendered{(dashboard.applySnapshot(sim.snapshot()), dashboard)};
    QQuickItem* alert = rendered.item("lostCardAlert");
    QQuickItem* text = rendered.item("lostCardAlertText");

    [[nodiscard]] bool ready() const { return rendered.translated && alert && text; }
    [[nodiscard]] QString shown() const { return text->property("text").toString(); }
};

} // namespace

TEST(BoardPage, aRevokedBadgeTapShowsTheLostCardAlert)
{
    LostCardBoard b;
    ASSERT_TRUE(b.ready());
    EXPECT_FALSE(b.alert->isVisible()); // no lost card tapped yet

    for (const auto& u : b.sim.revokedBadge("04A1B2C2", kStartMs + 12 * kMinute)) b.dashboard.applyUpdate(u);
    EXPECT_TRUE(b.alert->isVisible());
    EXPECT_TRUE(b.shown().contains(QStringLiteral("挂失卡 04A1B2C2"))) << b.shown().toStdString();
    EXPECT_TRUE(b.shown().contains(QStringLiteral("door-2"))) << b.shown().toStdString();
    EXPECT_EQ(b.dashboard.board()->unknownBadges(), 1);
}

TEST(BoardPage, aLostCardAcknowledgedAtADeskSaysHandledByWhomOnTheBanner)
{
    LostCardBoard b;
    ASSERT_TRUE(b.ready());
    for (const auto& u : b.sim.revokedBadge("04A1B2C2", kStartMs + 12 * kMinute)) b.dashboard.applyUpdate(u);
    const auto openColor = b.alert->property("color").value<QColor>();
    rollcall::protocol::Alarm ack{"04A1B2C2", "告警已确认：huiwuzu-1（已收卡）", false, "revoked_badge", {"04A1B2C2"}};
    ack.ack_by = "huiwuzu-1";
    ack.ack_note = "已收卡";
    ack.ack_ms = kStartMs + 14 * kMinute; // 15:14 in Asia/Shanghai
    b.dashboard.applyUpdate(b.sim.publish(ack));

    EXPECT_TRUE(b.alert->isVisible()) << "handled, it stays, dimmed, until a new one comes";
    EXPECT_TRUE(b.shown().contains(QStringLiteral("挂失卡 04A1B2C2"))) << b.shown().toStdString();
    EXPECT_TRUE(b.shown().contains(QStringLiteral("已处理：huiwuzu-1 15:14（已收卡）"))) << b.shown().toStdString();
    EXPECT_NE(b.alert->property("color").value<QColor>(), openColor);
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

/// The 300-person plenary over three venues (threeVenuePlenary) on the venue
/// screen at 1920×1080, in Chinese.
struct PlenaryScreen {
    QTranslator translator;
    bool translated = translator.load(QStringLiteral(":/i18n/rollcall_dashboard_zh_CN.qm"));
    const p::Snapshot snapshot = threeVenuePlenary(300);
    Dashboard dashboard{[] { return kStartMs + 20 * kMinute; }};
    std::unique_ptr<VenueScreen> screen;
    PlenaryScreen()
    {
        QCoreApplication::installTranslator(&translator);
        dashboard.applySnapshot(snapshot);
        screen = std::make_unique<VenueScreen>(dashboard, QSize(1920, 1080));
    }
    ~PlenaryScreen() { QCoreApplication::removeTranslator(&translator); }
    PlenaryScreen(const PlenaryScreen&) = delete;
    PlenaryScreen& operator=(const PlenaryScreen&) = delete;
    [[nodiscard]] QQuickItem* root() const { return screen->window ? screen->window->contentItem() : nullptr; }
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

TEST(BoardPage, venueScreenShowsEveryReaderWithinOnePagingCycle)
{
    QTranslator translator;
    ASSERT_TRUE(translator.load(QStringLiteral(":/i18n/rollcall_dashboard_zh_CN.qm")));
    QCoreApplication::installTranslator(&translator);
    // Four doors at each of the three venues: more readers than the panel holds at 1366×768.
    auto snapshot = threeVenuePlenary(300);
    snapshot.readers.clear();
    for (int i = 0; i < 12; ++i) {
        rollcall::protocol::ReaderHealth r;
        r.reader_id = "door-" + std::to_string(i + 1);
        r.venue_id = snapshot.meeting.venues[static_cast<std::size_t>(i % 3)];
        r.online = i != 7;
        r.last_seen_ms = kStartMs + 19 * kMinute;
        r.agent_version = "0.1.0";
        r.reader_state = rollcall::protocol::ReaderState::Ok;
        snapshot.readers.push_back(r);
    }
    Dashboard dashboard([] { return kStartMs + 20 * kMinute; });
    dashboard.applySnapshot(snapshot);
    VenueScreen screen(dashboard, QSize(1366, 768));
    ASSERT_NE(screen.window, nullptr);
    auto* panel = findItem(screen.window->contentItem(), QStringLiteral("readerPanel"));
    ASSERT_NE(panel, nullptr);
    int pages = 0;
    const QList<QByteArray> roles = {"readerId", "venueId"};
    const auto shown = shownInOneCycle(panel, QStringLiteral("readerList"), roles, &pages);
    EXPECT_GT(pages, 1);
    const auto all = rowsOfModel(*dashboard.readers(), roles);
    EXPECT_EQ(all.size(), 12u);
    EXPECT_TRUE(shown == all) << missing(all, shown);

    // On the desktop board the panel scrolls instead, with no page indicator.
    dashboard.setVenueMode(false);
    EXPECT_EQ(findItem(panel, QStringLiteral("pager"))->property("indicator").toString(), QString());
    QCoreApplication::removeTranslator(&translator);
}

TEST(BoardPage, venueCountsShowEachVenueAndTheFilterNarrowsTheListsAndTheFeed)
{
    PlenaryScreen plenary;
    ASSERT_TRUE(plenary.translated);
    ASSERT_NE(plenary.root(), nullptr);
    const auto& snapshot = plenary.snapshot;
    auto& dashboard = plenary.dashboard;
    auto* root = plenary.root();
    auto* bar = findItem(root, QStringLiteral("venueCounts"));
    ASSERT_NE(bar, nullptr);
    EXPECT_TRUE(bar->isVisible());
    auto* yining = findItem(bar, QStringLiteral("venueCount_cb-yining"));
    ASSERT_NE(yining, nullptr);
    const auto& counts = snapshot.summary.venues[1];
    const auto figures = findItem(yining, QStringLiteral("venueFigures"))->property("text").toString();
    EXPECT_TRUE(figures.startsWith(QString::fromUtf8("应到 %1 · 到会 %2 · 迟到 %3 · 未到 %4")
                                       .arg(counts.expected)
                                       .arg(counts.present)
                                       .arg(counts.late)
                                       .arg(counts.not_arrived)))
        << figures.toStdString();
    EXPECT_TRUE(findItem(yining, QStringLiteral("venueName"))
                    ->property("text")
                    .toString()
                    .contains(QString::fromUtf8("伊宁市分会场")));

    // A tap at another venue than the person's says where they belong.
    bool marked = false;
    std::function<void(QQuickItem*)> visit = [&](QQuickItem* item) {
        if (item->objectName() == QLatin1String("tapWrongVenue") && item->isVisible()
            && item->property("text").toString().contains(QString::fromUtf8("应到 ")))
            marked = true;
        for (auto* c : item->childItems()) visit(c);
    };
    visit(root);
    EXPECT_TRUE(marked) << "a wrong-venue tap in the feed is marked";

    // The desktop board's filter: only that venue's members and taps.
    dashboard.setVenueMode(false);
    const int allLate = dashboard.lates()->count();
    dashboard.setVenueFilter(QStringLiteral("cb-yining"));
    EXPECT_EQ(dashboard.lates()->count(), counts.late);
    EXPECT_LT(dashboard.lates()->count(), allLate);
    EXPECT_EQ(dashboard.absentees()->count(), counts.not_arrived);
    for (int r = 0; r < dashboard.tapFeedShown()->count(); ++r)
        EXPECT_EQ(dashboard.tapFeedShown()->index(r, 0).data(TapFeedModel::VenueIdRole).toString(),
                  QStringLiteral("cb-yining"));
    EXPECT_GT(dashboard.tapFeedShown()->count(), 0);
    auto* lates = findItem(root, QStringLiteral("lates"));
    EXPECT_TRUE(lates->property("title").toString().endsWith(QString::fromUtf8(" · 伊宁市分会场")))
        << lates->property("title").toString().toStdString();
    EXPECT_EQ(lates->property("badge").toString(), QString::number(counts.late));
    dashboard.setVenueFilter({});
    EXPECT_EQ(dashboard.lates()->count(), allLate);
}

TEST(BoardPage, theVenueFilterNarrowsTheTilesAndTheUnitsAndLabelsWhatStaysMeetingWide)
{
    PlenaryScreen plenary;
    ASSERT_TRUE(plenary.translated);
    ASSERT_NE(plenary.root(), nullptr);
    const auto& snapshot = plenary.snapshot;
    auto& dashboard = plenary.dashboard;
    dashboard.setVenueMode(false); // the desktop board: the filter is there
    auto* root = plenary.root();
    auto* expected = findItem(root, QStringLiteral("expectedTile"));
    ASSERT_NE(expected, nullptr);
    EXPECT_EQ(expected->property("value").toString(), QString::number(snapshot.summary.expected));
    const int allUnits = dashboard.units()->rowCount();

    // An organizer at the 伊宁市 door: every count is that venue's, as its cell in the strip says.
    dashboard.setVenueFilter(QStringLiteral("cb-yining"));
    const auto& yining = snapshot.summary.venues[1];
    EXPECT_EQ(expected->property("value").toString(), QString::number(yining.expected));
    EXPECT_TRUE(expected->property("label").toString().endsWith(QString::fromUtf8(" · 伊宁市分会场")))
        << expected->property("label").toString().toStdString();
    EXPECT_TRUE(expected->property("detail").toString().startsWith(QString::fromUtf8("全会\n列席 ")))
        << "walk-ins and unknown badges have no venue: " << expected->property("detail").toString().toStdString();
    // Laid out as written: 全会 above the counts, not a line broken inside 未知卡.
    auto* detail = findItem(expected, QStringLiteral("countDetail"));
    ASSERT_NE(detail, nullptr);
    EXPECT_EQ(detail->property("lineCount").toInt(), 2) << detail->property("text").toString().toStdString();
    EXPECT_EQ(dashboard.board()->present(), yining.present);
    EXPECT_EQ(dashboard.board()->late(), yining.late);
    EXPECT_EQ(dashboard.board()->notArrived(), yining.not_arrived);
    const auto rate = findItem(root, QStringLiteral("rateTile"))->property("value").toString();
    const auto strip = findItem(findItem(root, QStringLiteral("venueCount_cb-yining")), QStringLiteral("venueRate"));
    EXPECT_EQ(rate, strip->property("text").toString()) << "the rate tile is the venue's rate";

    // The unit panel: only the units whose members are expected there (伊宁市's).
    EXPECT_LT(dashboard.units()->rowCount(), allUnits);
    for (int r = 0; r < dashboard.units()->rowCount(); ++r) {
        const auto i = dashboard.units()->index(r);
        if (i.data(UnitTreeModel::DepthRole).toInt() == 0) {
            EXPECT_EQ(i.data(UnitTreeModel::NameRole).toString(), QString::fromUtf8("伊宁市"));
        }
    }
    EXPECT_TRUE(findItem(root, QStringLiteral("unitPanel"))
                    ->property("title")
                    .toString()
                    .endsWith(QString::fromUtf8(" · 伊宁市分会场")));

    if (qEnvironmentVariableIsSet("ROLLCALL_SCREENSHOT_DIR")) {
        // docs/dashboard-venue-filter-zh.png, with a lost card's standing alarm and a reader's acknowledgement too.
        const auto update = [](p::Alarm a) {
            p::Update u;
            u.payload = std::move(a);
            return u;
        };
        dashboard.applyUpdate(
            update({"04A1B2C9",
                    "挂失卡 04A1B2C9（吴敏） 在读卡器 yining-1 使用",
                    true,
                    "revoked_badge",
                    {"04A1B2C9", "吴敏", "lost", "yining-1", "cb-yining", std::to_string(kStartMs + 15 * kMinute)}}));
        p::Alarm ack{"kuitun-2", "告警已确认：huiwuzu-1（已派人查看）", true, "reader_offline", {"kuitun-2"}};
        ack.ack_by = "huiwuzu-1";
        ack.ack_note = "已派人查看";
        ack.ack_ms = kStartMs + 18 * kMinute;
        dashboard.applyUpdate(update(ack));
        const auto image = plenary.screen->window->grabWindow();
        EXPECT_TRUE(image.save(QDir(qEnvironmentVariable("ROLLCALL_SCREENSHOT_DIR"))
                                   .filePath(QStringLiteral("dashboard-venue-filter-zh.png"))));
    }

    dashboard.setVenueFilter({});
    EXPECT_EQ(expected->property("value").toString(), QString::number(snapshot.summary.expected));
    EXPECT_EQ(dashboard.units()->rowCount(), allUnits);
}

TEST(BoardPage, venueScreenShowsThePhotoOfWhoeverJustCheckedIn)
{
    QTranslator translator;
    ASSERT_TRUE(translator.load(QStringLiteral(":/i18n/rollcall_dashboard_zh_CN.qm")));
    QCoreApplication::installTranslator(&translator);
    // A photo of one colour no board draws: its pixels on the screen are the photo's.
    const QColor magenta(255, 0, 255);
    QImage image(90, 120, QImage::Format_RGB32);
    image.fill(magenta);
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    ASSERT_TRUE(image.save(&buffer, "PNG"));

    HubSim sim(40);
    Dashboard dashboard([] { return kStartMs + 20 * kMinute; });
    dashboard.applySnapshot(sim.snapshot());
    VenueScreen screen(dashboard, QSize(1920, 1080));
    ASSERT_NE(screen.window, nullptr);
    auto countMagenta = [&] {
        const QImage shot = screen.window->grabWindow();
        int n = 0;
        for (int y = 0; y < shot.height(); ++y)
            for (int x = 0; x < shot.width(); ++x)
                if (shot.pixelColor(x, y) == magenta) ++n;
        return n;
    };
    auto* card = findItem(screen.window->contentItem(), QStringLiteral("tapPhotoCard"));
    ASSERT_NE(card, nullptr);
    EXPECT_FALSE(card->isVisible());
    EXPECT_EQ(countMagenta(), 0);

    // The photo arrived from the hub (photo_request), then the person taps in.
    dashboard.tapPhoto()->setPhoto(QString::fromStdString(personId(15)), QStringLiteral("image/png"), png);
    for (const auto& u : sim.tapIn(15, kStartMs + 21 * kMinute)) dashboard.applyUpdate(u);
    EXPECT_TRUE(card->isVisible());
    EXPECT_EQ(findItem(card, QStringLiteral("tapPhotoName"))->property("text").toString(),
              QString::fromStdString(personName(15)));
    // A data: URL loads on Qt Quick's image reader thread: wait until it is ready (1 = Image.Ready).
    auto* img = findItem(card, QStringLiteral("tapPhotoImage"));
    ASSERT_NE(img, nullptr);
    QElapsedTimer waited;
    waited.start();
    while (img->property("status").toInt() != 1 && waited.elapsed() < 10000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    ASSERT_EQ(img->property("status").toInt(), 1) << "the photo did not load";
    // 90×120 scaled into 120×160 (aspect kept): 120×160 pixels of the photo.
    EXPECT_GT(countMagenta(), 90 * 120);

    // Someone without a photo taps next: no card, no stale photo.
    for (const auto& u : sim.tapIn(16, kStartMs + 22 * kMinute)) dashboard.applyUpdate(u);
    EXPECT_FALSE(card->isVisible());
    EXPECT_EQ(countMagenta(), 0);

    // The desktop board shows no photo.
    for (const auto& u : sim.tapIn(15, kStartMs + 23 * kMinute)) dashboard.applyUpdate(u);
    dashboard.setVenueMode(false);
    EXPECT_FALSE(card->isVisible());
    QCoreApplication::removeTranslator(&translator);
}
