#include "dashboard/src/tap_photo.h"

#include "dashboard/src/display_text.h"

namespace rollcall::dashboard {

TapPhoto::TapPhoto(QObject* parent) : QObject(parent) {}

void TapPhoto::showTap(const protocol::TapEvent& tap)
{
    using V = protocol::Verdict;
    const bool checkIn = tap.direction == protocol::Direction::In
                         && (tap.verdict == V::Present || tap.verdict == V::Late || tap.verdict == V::WalkIn);
    if (!checkIn || !tap.person_id) return;
    personId_ = DisplayText::fromStd(*tap.person_id);
    name_ = tap.name ? DisplayText::fromStd(*tap.name) : personId_;
    timeText_ = DisplayText::clockSeconds(tap.at_ms);
    verdictText_ = DisplayText::tapVerdict(tap);
    verdictColor_ = DisplayText::tapVerdictColor(tap);
    if (!photos_.contains(personId_) && !asked_.contains(personId_) && requester_ && requester_(personId_))
        asked_.insert(personId_);
    emit changed();
}

void TapPhoto::setPhoto(const QString& personId, const QString& mime, const QByteArray& bytes)
{
    asked_.insert(personId);
    photos_.insert(personId, QStringLiteral("data:%1;base64,%2").arg(mime, QString::fromLatin1(bytes.toBase64())));
    if (personId == personId_) emit changed();
}

void TapPhoto::setMissing(const QString& personId) { asked_.insert(personId); }

void TapPhoto::clear()
{
    personId_.clear();
    name_.clear();
    timeText_.clear();
    verdictText_.clear();
    emit changed();
}

} // namespace rollcall::dashboard
