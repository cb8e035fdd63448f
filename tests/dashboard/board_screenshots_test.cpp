// Screenshots of the board a room would see: a 300-person plenary over a main
// hall and two branch venues, at 1366×768 (a common projector), 1920×1080 and
// 3840×2160, in Chinese and English, on the desktop board and the venue screen.
// Each is rendered in process (offscreen) and checked: one scale factor for
// the whole layout, and no name or number cut off. With ROLLCALL_SCREENSHOT_DIR
// set the PNGs are kept there (docs/ keeps the 1920×1080 ones).
#include "dashboard/src/dashboard.h"
#include "dashboard/src/screenshot.h"
#include "tests/dashboard/support/board_fixture.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFont>
#include <QGuiApplication>
#include <QImage>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTranslator>
#include <cmath>
#include <functional>
#include <gtest/gtest.h>
#include <set>

using namespace rollcall::dashboard;
using namespace rollcall::dashboard::test;

namespace {

struct Shot {
    QString lang;
    bool venueScreen;
    QSize size;
};

std::string nameOf(const Shot& s)
{
    return QStringLiteral("board-%1-%2-%3x%4")
        .arg(s.venueScreen ? QStringLiteral("venue") : QStringLiteral("desk"), s.lang)
        .arg(s.size.width())
        .arg(s.size.height())
        .toStdString();
}

/// Texts that carry a name or a number: none of them may be cut off.
const std::set<QString>& mustNotBeCut()
{
    static const std::set<QString> names = {
        QStringLiteral("meetingTitle"), QStringLiteral("timeWindowText"), QStringLiteral("graceText"),
        QStringLiteral("countLabel"),   QStringLiteral("countValue"),     QStringLiteral("countDetail"),
        QStringLiteral("unitName"),     QStringLiteral("personName"),     QStringLiteral("tapWho"),
        QStringLiteral("verdictText"),  QStringLiteral("readerVenue"),    QStringLiteral("pageIndicator"),
        QStringLiteral("venueName"),    QStringLiteral("venueFigures"),   QStringLiteral("venueRate"),
        QStringLiteral("tapWrongVenue")};
    return names;
}

void visit(QQuickItem* item, const std::function<void(QQuickItem*)>& f)
{
    f(item);
    for (auto* child : item->childItems()) visit(child, f);
}

class BoardScreenshots : public ::testing::TestWithParam<Shot> {};

TEST_P(BoardScreenshots, layoutScalesWithTheScreenAndCutsNoNameOrNumber)
{
    const Shot shot = GetParam();
    QTranslator translator;
    if (shot.lang == QLatin1String("zh")) {
        ASSERT_TRUE(translator.load(QStringLiteral(":/i18n/rollcall_dashboard_zh_CN.qm")));
        QCoreApplication::installTranslator(&translator);
    }
    QFont font(QStringLiteral("WenQuanYi Micro Hei"));
    font.setFamilies({QStringLiteral("WenQuanYi Micro Hei"), QStringLiteral("DejaVu Sans")});
    QGuiApplication::setFont(font);

    Dashboard dashboard([] { return kStartMs + 20 * kMinute; });
    dashboard.applySnapshot(threeVenuePlenary(300));
    dashboard.setVenueMode(shot.venueScreen);
    QQmlApplicationEngine engine;
    engine.addImportPath(QStringLiteral("qrc:/"));
    engine.setInitialProperties({{QStringLiteral("dashboard"), QVariant::fromValue(&dashboard)}});
    engine.load(QUrl(QStringLiteral("qrc:/Rollcall/Dashboard/Main.qml")));
    ASSERT_FALSE(engine.rootObjects().isEmpty());
    auto* window = qobject_cast<QQuickWindow*>(engine.rootObjects().constFirst());
    window->resize(shot.size);
    window->show();
    // The platform resizes the window asynchronously: shoot once the board is
    // laid out at this size (its one scale factor follows the window).
    const double scale = std::min(shot.size.width() / 1920.0, shot.size.height() / 1080.0);
    QElapsedTimer waited;
    waited.start();
    while (std::abs(window->property("layoutScale").toDouble() - scale) > 1e-6 && waited.elapsed() < 10000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    ASSERT_DOUBLE_EQ(window->property("layoutScale").toDouble(), scale);

    QTemporaryDir tmp;
    const QString dir = qEnvironmentVariableIsSet("ROLLCALL_SCREENSHOT_DIR")
                            ? qEnvironmentVariable("ROLLCALL_SCREENSHOT_DIR")
                            : tmp.path();
    QDir().mkpath(dir);
    const QString png = QDir(dir).filePath(QString::fromStdString(nameOf(shot)) + QStringLiteral(".png"));
    Screenshot screenshot(*window, png);
    QSignalSpy saved(&screenshot, &Screenshot::saved);
    screenshot.takeAfterNextFrame();
    ASSERT_TRUE(saved.wait(20000));
    const QImage image(png);
    ASSERT_EQ(image.size(), shot.size);

    // One factor for the whole board: the title grows with the screen.
    auto* title = window->findChild<QQuickItem*>(QStringLiteral("meetingTitle"));
    ASSERT_NE(title, nullptr);
    EXPECT_NEAR(title->property("font").value<QFont>().pixelSize(), 44 * scale, 1.0);

    int checked = 0;
    visit(window->contentItem(), [&](QQuickItem* item) {
        if (!mustNotBeCut().count(item->objectName()) || !item->isVisible()) return;
        ++checked;
        const QString text = item->property("text").toString();
        EXPECT_FALSE(item->property("truncated").toBool())
            << item->objectName().toStdString() << " '" << text.toStdString() << "' is cut off";
        if (item->objectName() == QLatin1String("verdictText")) {
            // The chip is as wide as its verdict ("Unknown badge").
            EXPECT_LE(item->property("implicitWidth").toDouble(), item->parentItem()->width()) << text.toStdString();
        }
    });
    EXPECT_GT(checked, 40);
    QCoreApplication::removeTranslator(&translator);
}

std::vector<Shot> everyShot()
{
    std::vector<Shot> shots;
    for (const char* lang : {"zh", "en"})
        for (bool venue : {false, true})
            for (QSize size : {QSize(1366, 768), QSize(1920, 1080), QSize(3840, 2160)})
                shots.push_back({QString::fromLatin1(lang), venue, size});
    return shots;
}

INSTANTIATE_TEST_SUITE_P(EverySizeLanguageAndMode, BoardScreenshots, ::testing::ValuesIn(everyShot()),
                         [](const ::testing::TestParamInfo<Shot>& info) {
                             auto name = nameOf(info.param);
                             for (auto& c : name)
                                 if (c == '-') c = '_';
                             return name;
                         });

} // namespace
