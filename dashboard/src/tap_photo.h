#pragma once
// The photo of whoever just checked in, for the venue screen: the door staff
// see at a glance whether the badge is in the right hands (代签). Photos come
// from the hub on request (photo_request, docs/protocol.md §5.11), once per
// person, and are kept for the session; a person without one shows no card.

#include "protocol/messages.h"

#include <QColor>
#include <QHash>
#include <QObject>
#include <QSet>
#include <QString>
#include <QtQml/qqmlregistration.h>
#include <functional>

namespace rollcall::dashboard {

class TapPhoto : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by Dashboard")
    /// Whether there is a photo to show for the newest check-in.
    Q_PROPERTY(bool shown READ shown NOTIFY changed)
    /// The photo as a data: URL (an Image's source).
    Q_PROPERTY(QString url READ url NOTIFY changed)
    Q_PROPERTY(QString name READ name NOTIFY changed)
    Q_PROPERTY(QString timeText READ timeText NOTIFY changed)
    Q_PROPERTY(QString verdictText READ verdictText NOTIFY changed)
    Q_PROPERTY(QColor verdictColor READ verdictColor NOTIFY changed)

public:
    /// Asks the hub for a person's photo; false when it could not be asked (no hub, not the venue screen).
    using Requester = std::function<bool(const QString& personId)>;

    explicit TapPhoto(QObject* parent = nullptr);

    /// How to ask the hub for a photo not seen yet (none: photos come only through setPhoto).
    void setRequester(Requester requester) { requester_ = std::move(requester); }

    /// A tap of the shown meeting: a check-in by a known person becomes the
    /// newest, and its photo is shown (or asked for); other taps change nothing.
    void showTap(const protocol::TapEvent& tap);
    /// A photo from the hub (image file bytes); shown at once if it is the newest tap's.
    void setPhoto(const QString& personId, const QString& mime, const QByteArray& bytes);
    /// The hub has no photo of this person: not asked again.
    void setMissing(const QString& personId);
    /// Nothing shown (another meeting).
    void clear();

    [[nodiscard]] bool shown() const { return !url().isEmpty(); }
    [[nodiscard]] QString url() const { return photos_.value(personId_); }
    [[nodiscard]] QString name() const { return name_; }
    [[nodiscard]] QString timeText() const { return timeText_; }
    [[nodiscard]] QString verdictText() const { return verdictText_; }
    [[nodiscard]] QColor verdictColor() const { return verdictColor_; }

signals:
    void changed();

private:
    Requester requester_;
    QHash<QString, QString> photos_; // person id -> data: URL
    QSet<QString> asked_;            // asked for (answered or not): never asked twice
    QString personId_, name_, timeText_, verdictText_;
    QColor verdictColor_;
};

} // namespace rollcall::dashboard
