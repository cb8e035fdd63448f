// Headless screenshots of the board: the real rollcall-dashboard binary
// against a hub served by the test, and checks that Chinese text is drawn
// with the CJK font (ink where the title is, shaped like real glyphs and
// not like the empty boxes drawn when no font has them).
#include "dashboard/src/dashboard.h"
#include "dashboard/src/screenshot.h"
#include "tests/dashboard/support/board_fixture.h"
#include "tests/dashboard/support/test_hub.h"

#include <QFontDatabase>
#include <QImage>
#include <QPainter>
#include <QProcess>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QRawFont>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTextLayout>
#include <QTranslator>
#include <gtest/gtest.h>
#include <set>

using namespace rollcall::dashboard;
using namespace rollcall::dashboard::test;

namespace {

const QString kCjkFamily = QStringLiteral("WenQuanYi Micro Hei");
const QString kTitle = QString::fromUtf8("全州效能建设推进会");

/// Pixels brighter than the dark board background (light text on dark panels).
int ink(const QImage& image, const QRect& rect)
{
    int n = 0;
    const QRect r = rect.intersected(image.rect());
    for (int y = r.top(); y <= r.bottom(); ++y)
        for (int x = r.left(); x <= r.right(); ++x) n += qGray(image.pixel(x, y)) > 110 ? 1 : 0;
    return n;
}

/// `text` drawn like the board's title, with or without the fonts that have the glyphs.
QImage render(const QString& text, const QFont& font, QSize size)
{
    QImage img(size, QImage::Format_ARGB32);
    img.fill(QColor("#0b1220"));
    QPainter painter(&img);
    painter.setFont(font);
    painter.setPen(QColor("#e6edf7"));
    painter.drawText(QRect(QPoint(0, 0), size), Qt::AlignLeft | Qt::AlignVCenter, text);
    return img;
}

QFont titleFont(const QString& family, bool merging)
{
    QFont f(family);
    f.setPixelSize(44);
    f.setBold(true);
    if (!merging) f.setStyleStrategy(QFont::NoFontMerging);
    return f;
}

/// Geometry of the title in a 1920x1080 board, and an in-process screenshot of it.
struct InProcessBoard {
    QRect titleRect;
    QImage image;
    QFont titleFont;
    // The first reader's clock offset as the reader panel draws it.
    QString clockOffsetText;
    QRect clockOffsetRect;
    QColor clockOffsetColor;
};

/// The first item named `name` under `item`, delegates included (they are child items, not child objects).
QQuickItem* findItem(QQuickItem* item, const QString& name)
{
    if (!item) return nullptr;
    if (item->objectName() == name) return item;
    for (auto* child : item->childItems()) {
        if (auto* found = findItem(child, name)) return found;
    }
    return nullptr;
}

InProcessBoard renderInProcess(const QString& pngPath, std::int64_t firstReaderOffsetMs = 0)
{
    InProcessBoard out;
    QTranslator translator;
    EXPECT_TRUE(translator.load(QStringLiteral(":/i18n/rollcall_dashboard_zh_CN.qm")));
    QCoreApplication::installTranslator(&translator);
    HubSim sim(300);
    Dashboard dashboard([] { return kStartMs + 20 * kMinute; });
    auto snapshot = sim.snapshot();
    if (!snapshot.readers.empty()) snapshot.readers.front().clock_offset_ms = firstReaderOffsetMs;
    dashboard.applySnapshot(snapshot);
    QQmlApplicationEngine engine;
    engine.addImportPath(QStringLiteral("qrc:/"));
    engine.setInitialProperties({{QStringLiteral("dashboard"), QVariant::fromValue(&dashboard)}});
    engine.load(QUrl(QStringLiteral("qrc:/Rollcall/Dashboard/Main.qml")));
    EXPECT_FALSE(engine.rootObjects().isEmpty());
    if (engine.rootObjects().isEmpty()) return out;
    auto* window = qobject_cast<QQuickWindow*>(engine.rootObjects().constFirst());
    window->resize(1920, 1080);
    window->show();
    Screenshot shot(*window, pngPath);
    QSignalSpy saved(&shot, &Screenshot::saved);
    shot.takeAfterNextFrame();
    EXPECT_TRUE(saved.wait(10000));
    out.image.load(pngPath);
    auto* title = window->findChild<QQuickItem*>(QStringLiteral("meetingTitle"));
    EXPECT_NE(title, nullptr);
    if (title) {
        out.titleRect = title->mapRectToScene(QRectF(0, 0, title->width(), title->height())).toAlignedRect();
        out.titleFont = title->property("font").value<QFont>();
    }
    if (auto* offset = findItem(window->contentItem(), QStringLiteral("clockOffset"))) {
        out.clockOffsetText = offset->property("text").toString();
        out.clockOffsetRect = offset->mapRectToScene(QRectF(0, 0, offset->width(), offset->height())).toAlignedRect();
        out.clockOffsetColor = offset->property("color").value<QColor>();
    }
    QCoreApplication::removeTranslator(&translator);
    return out;
}

} // namespace

TEST(Screenshot, cjkFontIsInstalledAndHasTheGlyphs)
{
    ASSERT_TRUE(QFontDatabase::families().contains(kCjkFamily)) << "install fonts-wqy-microhei";
    const QRawFont raw = QRawFont::fromFont(titleFont(kCjkFamily, false));
    ASSERT_TRUE(raw.isValid());
    for (const QChar c : QString::fromUtf8("全州效能建设推进会应到迟到缺席请假出勤率"))
        EXPECT_TRUE(raw.supportsCharacter(c)) << QString(c).toStdString();
}

TEST(Screenshot, chineseRendersAsGlyphsNotEmptyBoxes)
{
    const QSize size(520, 70);
    const QImage cjk = render(kTitle, titleFont(kCjkFamily, true), size);
    const QImage tofu = render(kTitle, titleFont(QStringLiteral("DejaVu Sans"), false), size);
    EXPECT_GT(ink(cjk, cjk.rect()), 2000);
    EXPECT_NE(cjk, tofu);
    // The same string in the board's font: each Han character maps to a real glyph of the CJK font.
    QTextLayout layout(kTitle, titleFont(kCjkFamily, true));
    layout.beginLayout();
    layout.createLine();
    layout.endLayout();
    for (const auto& run : layout.glyphRuns()) {
        EXPECT_EQ(run.rawFont().familyName(), kCjkFamily);
        for (auto g : run.glyphIndexes()) EXPECT_NE(g, 0u) << "glyph 0 is the .notdef box";
    }
}

TEST(Screenshot, readerPanelShowsTheClockSkewOfAReaderAnHourFast)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    // The hub's welcome to an agent an hour fast: clock_offset_ms = hub − agent.
    const auto board = renderInProcess(dir.filePath(QStringLiteral("board.png")), -3'599'999);
    ASSERT_FALSE(board.image.isNull());
    EXPECT_EQ(board.clockOffsetText, QString::fromUtf8("时钟偏差 +60 分钟"));
    ASSERT_TRUE(board.clockOffsetRect.isValid());
    EXPECT_TRUE(board.image.rect().contains(board.clockOffsetRect)) << "on the board, not scrolled away";
    EXPECT_EQ(board.clockOffsetColor, QColor(QStringLiteral("#f59e0b"))) << "in the warning colour";
    // Drawn: the warning colour's ink where the text is.
    int warnInk = 0;
    for (int y = board.clockOffsetRect.top(); y <= board.clockOffsetRect.bottom(); ++y) {
        for (int x = board.clockOffsetRect.left(); x <= board.clockOffsetRect.right(); ++x) {
            const QColor c = board.image.pixelColor(x, y);
            warnInk += c.red() > 150 && c.green() > 90 && c.blue() < 90 ? 1 : 0;
        }
    }
    EXPECT_GT(warnInk, 50);
}

TEST(Screenshot, boardTitleIsDrawnWithTheCjkFont)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const auto board = renderInProcess(dir.filePath(QStringLiteral("board.png")));
    ASSERT_FALSE(board.image.isNull());
    ASSERT_EQ(board.image.size(), QSize(1920, 1080));
    ASSERT_TRUE(board.titleRect.isValid());

    // The title item uses a font whose Han glyphs come from the CJK font.
    QTextLayout layout(kTitle, board.titleFont);
    layout.beginLayout();
    layout.createLine();
    layout.endLayout();
    for (const auto& run : layout.glyphRuns())
        for (auto g : run.glyphIndexes()) EXPECT_NE(g, 0u);

    // Its pixels look like the CJK rendering, not like the tofu rendering.
    const int shown = ink(board.image, board.titleRect);
    const QSize size = board.titleRect.size();
    const int cjk = ink(render(kTitle, titleFont(kCjkFamily, true), size), QRect(QPoint(0, 0), size));
    const int tofu =
        ink(render(kTitle, titleFont(QStringLiteral("DejaVu Sans"), false), size), QRect(QPoint(0, 0), size));
    EXPECT_GT(shown, 1500);
    EXPECT_LT(std::abs(shown - cjk), std::abs(shown - tofu)) << "shown " << shown << " cjk " << cjk << " tofu " << tofu;
}

TEST(Screenshot, dashboardBinaryWritesTheBoardAgainstAHub)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    HubSim sim(300);
    TestHub hub(sim);
    const QString png = dir.filePath(QStringLiteral("venue-board.png"));
    QProcess proc;
    proc.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    auto env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    proc.setProcessEnvironment(env);
    proc.start(QStringLiteral(ROLLCALL_DASHBOARD_BIN),
               {QStringLiteral("--live"), QString::fromStdString(hub.liveEndpoint()), QStringLiteral("--query"),
                QString::fromStdString(hub.queryEndpoint()), QStringLiteral("--meeting"),
                QString::fromLatin1(kMeetingId), QStringLiteral("--fullscreen"), QStringLiteral("--screenshot"), png,
                QStringLiteral("--quit-after"), QStringLiteral("30"), QStringLiteral("--insecure")});
    ASSERT_TRUE(proc.waitForFinished(60000));
    ASSERT_EQ(proc.exitStatus(), QProcess::NormalExit);
    EXPECT_EQ(proc.exitCode(), 0);
    EXPECT_GE(hub.snapshotRequests(), 1);

    QImage image(png);
    ASSERT_FALSE(image.isNull()) << "no PNG at " << png.toStdString();
    ASSERT_EQ(image.size(), QSize(1920, 1080));
    std::set<QRgb> colours;
    for (int y = 0; y < image.height(); y += 7)
        for (int x = 0; x < image.width(); x += 7) colours.insert(image.pixel(x, y));
    EXPECT_GT(colours.size(), 50u) << "a blank or flat image";
    // Run --insecure: the red banner across the bottom says so.
    int bannerRed = 0;
    for (int x = 0; x < image.width(); x += 4)
        bannerRed += image.pixelColor(x, image.height() - 6) == QColor("#b91c1c");
    EXPECT_GT(bannerRed, image.width() / 8) << "no insecure banner";

    // Same layout as the in-process board: the title region holds CJK-like ink.
    const auto board = renderInProcess(dir.filePath(QStringLiteral("ref.png")));
    ASSERT_TRUE(board.titleRect.isValid());
    const int shown = ink(image, board.titleRect);
    const QSize size = board.titleRect.size();
    const int cjk = ink(render(kTitle, titleFont(kCjkFamily, true), size), QRect(QPoint(0, 0), size));
    const int tofu =
        ink(render(kTitle, titleFont(QStringLiteral("DejaVu Sans"), false), size), QRect(QPoint(0, 0), size));
    EXPECT_LT(std::abs(shown - cjk), std::abs(shown - tofu)) << "shown " << shown << " cjk " << cjk << " tofu " << tofu;
    if (qEnvironmentVariableIsSet("ROLLCALL_SCREENSHOT_OUT"))
        QFile::copy(png, qEnvironmentVariable("ROLLCALL_SCREENSHOT_OUT"));
}
