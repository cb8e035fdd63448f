#include "dashboard/src/json_rows_model.h"

#include <QJsonObject>
#include <algorithm>
#include <optional>

namespace rollcall::dashboard {
namespace {

/// A number, or text that is one ("98.2"); nullopt for anything else ("n/a", null, a name).
std::optional<double> numberOf(const QVariant& v)
{
    if (v.typeId() == QMetaType::Double || v.typeId() == QMetaType::Int || v.typeId() == QMetaType::LongLong)
        return v.toDouble();
    if (v.typeId() == QMetaType::QString) {
        bool ok = false;
        const double d = v.toString().toDouble(&ok);
        if (ok) return d;
    }
    return std::nullopt;
}

} // namespace

JsonRowsModel::JsonRowsModel(QStringList keys, QObject* parent) : QAbstractListModel(parent), keys_(std::move(keys)) {}

int JsonRowsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

QVariant JsonRowsModel::data(const QModelIndex& index, int role) const
{
    const int key = role - Qt::UserRole - 1;
    if (!index.isValid() || index.row() >= rowCount() || key < 0 || key >= keys_.size()) return {};
    return rows_[static_cast<std::size_t>(index.row())].value(keys_[key]);
}

QHash<int, QByteArray> JsonRowsModel::roleNames() const
{
    QHash<int, QByteArray> names;
    for (int i = 0; i < keys_.size(); ++i) names.insert(Qt::UserRole + 1 + i, keys_[i].toUtf8());
    return names;
}

void JsonRowsModel::setRows(const QJsonArray& rows)
{
    beginResetModel();
    original_.clear();
    for (const auto& r : rows) original_.push_back(r.toObject().toVariantMap());
    rows_ = original_;
    sortRows();
    endResetModel();
    emit countChanged();
}

QVariant JsonRowsModel::value(int row, const QString& key) const
{
    if (row < 0 || row >= rowCount()) return {};
    return rows_[static_cast<std::size_t>(row)].value(key);
}

QVariantMap JsonRowsModel::row(int row) const
{
    if (row < 0 || row >= rowCount()) return {};
    return rows_[static_cast<std::size_t>(row)];
}

void JsonRowsModel::sortBy(const QString& key)
{
    descending_ = key == sortKey_ && !key.isEmpty() && !descending_;
    sortKey_ = key;
    beginResetModel();
    rows_ = original_;
    sortRows();
    endResetModel();
    emit sortChanged();
}

void JsonRowsModel::sortRows()
{
    if (sortKey_.isEmpty()) return;
    // Stable, so rows equal in the key keep the command's order (a report's office order).
    std::stable_sort(rows_.begin(), rows_.end(), [this](const QVariantMap& a, const QVariantMap& b) {
        const auto x = a.value(sortKey_);
        const auto y = b.value(sortKey_);
        const auto nx = numberOf(x);
        const auto ny = numberOf(y);
        if (nx && ny) return descending_ ? *nx > *ny : *nx < *ny;
        if (nx || ny) return nx.has_value(); // numbers before "n/a" and nulls, whichever the direction
        const int c = QString::localeAwareCompare(x.toString(), y.toString());
        return descending_ ? c > 0 : c < 0;
    });
}

} // namespace rollcall::dashboard
