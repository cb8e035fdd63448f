// Benchmark: a 5,000-person meeting receiving 200 taps/s worth of live
// updates (each tap = attendee + tap + summary update, as the hub publishes
// them; every tap a first arrival). Prints the time the dashboard takes per tap to apply them to every
// model (p50/p99/max; target p99 < 2 ms), with the models alone and with the
// full QML board attached (offscreen). A benchmark that prints figures, not a test.
#include "dashboard/src/dashboard.h"
#include "tests/dashboard/support/board_fixture.h"

#include <QElapsedTimer>
#include <QFont>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQuickWindow>
#include <QtQml/qqmlextensionplugin.h>
#include <algorithm>
#include <cstdio>
#include <random>

Q_IMPORT_QML_PLUGIN(Rollcall_DashboardPlugin)

using namespace rollcall::dashboard;
using namespace rollcall::dashboard::test;

namespace {

constexpr int kPeople = 5000;
constexpr int kTapsPerSecond = 200;
constexpr int kSeconds = 15;

struct Workload {
    p::Snapshot snapshot;
    std::vector<std::vector<p::Update>> taps; // the updates of each tap
};

/// "filling": 45 minutes before the start nobody is in yet and every tap is
/// someone's first arrival, so each one changes a row, the unit counts and
/// rates up the tree, and the summary.
/// "running": 20 minutes in, 750 people overdue; taps from anyone (latecomers
/// leave the absentee list and join the late list, others tap again).
Workload makeWorkload(bool filling)
{
    HubSim sim(kPeople, filling ? kStartMs - 45 * kMinute : kStartMs + 20 * kMinute);
    Workload w;
    w.snapshot = sim.snapshot();
    std::mt19937 rng(20240610);
    std::vector<int> order(kPeople);
    for (int i = 0; i < kPeople; ++i) order[static_cast<std::size_t>(i)] = i;
    std::shuffle(order.begin(), order.end(), rng);
    std::uniform_int_distribution<int> anyone(0, kPeople - 1);
    const int n = kTapsPerSecond * kSeconds;
    const auto from = filling ? kStartMs - 30 * kMinute : kStartMs + 20 * kMinute;
    for (int i = 0; i < n; ++i) {
        const auto at = from + static_cast<std::int64_t>(i) * 1000 / kTapsPerSecond;
        w.taps.push_back(sim.tapIn(filling ? order[static_cast<std::size_t>(i)] : anyone(rng), at));
    }
    return w;
}

void report(const char* label, std::vector<double> us)
{
    std::sort(us.begin(), us.end());
    auto pct = [&](double q) { return us[static_cast<std::size_t>(q * static_cast<double>(us.size() - 1))]; };
    double total = 0;
    for (double v : us) total += v;
    std::printf("%-34s taps=%zu  p50=%.3f ms  p99=%.3f ms  max=%.3f ms  busy=%.1f%% of real time  p99<2ms: %s\n", label,
                us.size(), pct(0.5) / 1000, pct(0.99) / 1000, us.back() / 1000, 100.0 * total / (1e6 * kSeconds),
                pct(0.99) < 2000 ? "yes" : "NO");
}

/// Time per tap, and per update kind (attendee, tap, summary) when `perKind` is given.
std::vector<double> run(Dashboard& d, const Workload& w, std::vector<std::vector<double>>* perKind = nullptr)
{
    std::vector<double> us;
    us.reserve(w.taps.size());
    if (perKind) perKind->assign(3, {});
    QElapsedTimer t;
    QElapsedTimer k;
    for (const auto& tap : w.taps) {
        t.start();
        for (std::size_t i = 0; i < tap.size(); ++i) {
            k.start();
            d.applyUpdate(tap[i]);
            if (perKind && i < 3) (*perKind)[i].push_back(static_cast<double>(k.nsecsElapsed()) / 1000.0);
        }
        us.push_back(static_cast<double>(t.nsecsElapsed()) / 1000.0);
        QCoreApplication::processEvents(); // let views react as they would between taps
    }
    return us;
}

} // namespace

int main(int argc, char** argv)
{
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QGuiApplication::setFont(QFont(QStringLiteral("WenQuanYi Micro Hei")));
    std::printf("dashboard_model_bench: %d people, %d taps/s for %d s (3 updates per tap)\n", kPeople, kTapsPerSecond,
                kSeconds);
    for (const bool filling : {true, false}) {
        const Workload w = makeWorkload(filling);
        const std::int64_t now = filling ? kStartMs - 30 * kMinute : kStartMs + 25 * kMinute;
        const auto clock = [now] { return now; };
        std::printf("-- %s\n", filling ? "the meeting fills up (every tap a first arrival)"
                                       : "the meeting is running (latecomers and repeat taps)");
        {
            Dashboard d(clock);
            QElapsedTimer t;
            t.start();
            d.applySnapshot(w.snapshot);
            std::printf("%-34s %.1f ms\n", "snapshot (models only)", static_cast<double>(t.nsecsElapsed()) / 1e6);
            report("models only, roster order", run(d, w));
        }
        {
            Dashboard d(clock);
            d.units()->setSortMode(UnitTreeModel::SortMode::RateAscending);
            d.applySnapshot(w.snapshot);
            report("models only, units by rate", run(d, w));
        }
        {
            Dashboard d(clock);
            QQmlApplicationEngine engine;
            engine.addImportPath(QStringLiteral("qrc:/"));
            engine.setInitialProperties({{QStringLiteral("dashboard"), QVariant::fromValue(&d)}});
            engine.load(QUrl(QStringLiteral("qrc:/Rollcall/Dashboard/Main.qml")));
            if (engine.rootObjects().isEmpty()) return 1;
            auto* window = qobject_cast<QQuickWindow*>(engine.rootObjects().constFirst());
            window->resize(1920, 1080);
            window->show();
            d.units()->setSortMode(UnitTreeModel::SortMode::RateAscending);
            QElapsedTimer t;
            t.start();
            d.applySnapshot(w.snapshot);
            std::printf("%-34s %.1f ms\n", "snapshot (with QML board)", static_cast<double>(t.nsecsElapsed()) / 1e6);
            std::vector<std::vector<double>> perKind;
            report("QML board attached, units by rate", run(d, w, &perKind));
            report("  of which attendee updates", perKind[0]);
            report("  of which tap updates", perKind[1]);
            report("  of which summary updates", perKind[2]);
        }
    }
    return 0;
}
