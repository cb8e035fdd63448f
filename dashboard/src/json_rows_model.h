#pragma once
// Rows a rollcallctl command printed as a JSON array of objects (`report
// period --json`, `notices list --json`, `appeal list --json`), as a list
// model whose roles are the objects' keys, so a desk shows real columns and
// QML binds each cell by name (`model.rate`). Sortable by any key: numbers
// (and numeric text such as a rate "98.2") by value, other text by its
// characters; values that are not numbers ("n/a", null) sort last either way.

#include <QAbstractListModel>
#include <QJsonArray>
#include <QStringList>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>
#include <vector>

namespace rollcall::dashboard {

class JsonRowsModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by a desk")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(QString sortKey READ sortKey NOTIFY sortChanged)
    Q_PROPERTY(bool descending READ descending NOTIFY sortChanged)

public:
    /// `keys` are the roles, in order; a key an object lacks reads as an undefined value.
    explicit JsonRowsModel(QStringList keys, QObject* parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    /// Replaces every row (kept in the sort order chosen, if any).
    void setRows(const QJsonArray& rows);
    /// The row's value of `key`, for tests and for QML actions on a row.
    [[nodiscard]] Q_INVOKABLE QVariant value(int row, const QString& key) const;
    [[nodiscard]] Q_INVOKABLE QVariantMap row(int row) const;
    /// Sorts by `key`; the same key again turns the order round. "" restores the command's order.
    Q_INVOKABLE void sortBy(const QString& key);
    [[nodiscard]] QString sortKey() const { return sortKey_; }
    [[nodiscard]] bool descending() const { return descending_; }

signals:
    void countChanged();
    void sortChanged();

private:
    void sortRows();

    QStringList keys_;
    std::vector<QVariantMap> rows_;
    std::vector<QVariantMap> original_; // as the command printed them
    QString sortKey_;
    bool descending_ = false;
};

} // namespace rollcall::dashboard
