#pragma once
// The live feed as the board shows it: every tap, or with the desktop board's
// venue filter only the taps at that venue (the feed itself keeps them all, so
// clearing the filter shows them again at once).

#include <QSortFilterProxyModel>
#include <QtQml/qqmlregistration.h>

namespace rollcall::dashboard {

class TapFeedModel;

class TapFeedFilterModel : public QSortFilterProxyModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by Dashboard")
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    Q_PROPERTY(QString venue READ venue WRITE setVenue NOTIFY venueChanged)

public:
    TapFeedFilterModel(TapFeedModel& feed, QObject* parent = nullptr);

    [[nodiscard]] int count() const { return rowCount(); }
    [[nodiscard]] QString venue() const { return venue_; }
    /// Only taps at this venue id; "" = all.
    void setVenue(const QString& venueId);

signals:
    void countChanged();
    void venueChanged();

protected:
    [[nodiscard]] bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    QString venue_;
};

} // namespace rollcall::dashboard
