#pragma once
// Saves what a window shows to a PNG (the --screenshot mode and the tests):
// after the next frame the window renders, or at once.

#include <QObject>
#include <QString>

class QQuickWindow;

namespace rollcall::dashboard {

class Screenshot : public QObject {
    Q_OBJECT

public:
    Screenshot(QQuickWindow& window, QString path, QObject* parent = nullptr);

    /// Grabs after the window has rendered one more frame (so everything the
    /// latest model change caused is on screen); emits saved().
    void takeAfterNextFrame();
    /// Grabs now; returns whether the file was written. Emits saved().
    bool takeNow();
    [[nodiscard]] bool taken() const { return taken_; }

signals:
    void saved(bool ok, const QString& path);

private:
    QQuickWindow& window_;
    QString path_;
    bool taken_ = false;
    bool waiting_ = false;
};

} // namespace rollcall::dashboard
