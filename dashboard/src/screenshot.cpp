#include "dashboard/src/screenshot.h"

#include <QImage>
#include <QLoggingCategory>
#include <QQuickWindow>

Q_LOGGING_CATEGORY(lcShot, "rollcall.dashboard.screenshot")

namespace rollcall::dashboard {

Screenshot::Screenshot(QQuickWindow& window, QString path, QObject* parent)
    : QObject(parent), window_(window), path_(std::move(path))
{}

void Screenshot::takeAfterNextFrame()
{
    if (taken_ || waiting_) return;
    waiting_ = true;
    connect(
        &window_, &QQuickWindow::frameSwapped, this, [this] { takeNow(); }, Qt::SingleShotConnection);
    // update(), not requestUpdate(): the software render loop only swaps (and
    // emits frameSwapped) for a frame it was asked to update; a bare update
    // request on a scene with nothing dirty renders without a swap.
    window_.update();
}

bool Screenshot::takeNow()
{
    if (taken_) return true;
    taken_ = true;
    const QImage image = window_.grabWindow();
    const bool ok = !image.isNull() && image.save(path_, "PNG");
    if (ok)
        qCInfo(lcShot) << "saved" << path_ << image.size();
    else
        qCWarning(lcShot) << "could not save a screenshot to" << path_;
    emit saved(ok, path_);
    return ok;
}

} // namespace rollcall::dashboard
