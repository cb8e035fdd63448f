// The desks' tables (JsonRowsModel): a command's JSON rows with one role per
// key, sorted by any column — numbers and numeric text by value, "n/a" and
// nulls last either way, text by its characters — and back to the command's
// own order.
#include "dashboard/src/json_rows_model.h"

#include <QJsonDocument>
#include <gtest/gtest.h>

using namespace rollcall::dashboard;

namespace {

QJsonArray ranking()
{
    return QJsonDocument::fromJson(R"([
        {"rank": 2, "name": "州财政局", "absent": 3, "rate": "91.5"},
        {"rank": 1, "name": "州发改委", "absent": 0, "rate": "100.0"},
        {"rank": null, "name": "州统计局", "absent": 0, "rate": "n/a"},
        {"rank": 3, "name": "州教育局", "absent": 12, "rate": "88.0"}
    ])")
        .array();
}

QStringList names(const JsonRowsModel& m)
{
    QStringList out;
    for (int r = 0; r < m.rowCount(); ++r) out << m.value(r, QStringLiteral("name")).toString();
    return out;
}

struct SortRow {
    const char* name;
    std::vector<QString> clicks; // keys clicked in turn
    QStringList order;
};

TEST(JsonRowsModelSort, eachColumnSortsByItsValues)
{
    const QString fa = QStringLiteral("州发改委"), cz = QStringLiteral("州财政局"), tj = QStringLiteral("州统计局"),
                  jy = QStringLiteral("州教育局");
    const std::vector<SortRow> rows{
        {"asPrinted", {}, {cz, fa, tj, jy}},
        {"rankUpNullLast", {QStringLiteral("rank")}, {fa, cz, jy, tj}},
        {"rankDownNullStillLast", {QStringLiteral("rank"), QStringLiteral("rank")}, {jy, cz, fa, tj}},
        {"absentUpStable", {QStringLiteral("absent")}, {fa, tj, cz, jy}},
        {"rateTextByValue", {QStringLiteral("rate")}, {jy, cz, fa, tj}},
        {"rateDownNaLast", {QStringLiteral("rate"), QStringLiteral("rate")}, {fa, cz, jy, tj}},
        {"backToPrinted", {QStringLiteral("rate"), QStringLiteral("")}, {cz, fa, tj, jy}},
    };
    for (const auto& row : rows) {
        JsonRowsModel m(
            {QStringLiteral("rank"), QStringLiteral("name"), QStringLiteral("absent"), QStringLiteral("rate")});
        m.setRows(ranking());
        for (const auto& key : row.clicks) m.sortBy(key);
        EXPECT_EQ(names(m), row.order) << row.name << ": " << names(m).join(',').toStdString();
    }
}

TEST(JsonRowsModel, rolesAreTheKeysAndNewRowsKeepTheSortChosen)
{
    JsonRowsModel m({QStringLiteral("name"), QStringLiteral("absent")});
    EXPECT_EQ(m.roleNames().value(Qt::UserRole + 1), QByteArray("name"));
    EXPECT_EQ(m.roleNames().value(Qt::UserRole + 2), QByteArray("absent"));
    m.sortBy(QStringLiteral("absent"));
    m.sortBy(QStringLiteral("absent"));
    m.setRows(ranking());
    EXPECT_TRUE(m.descending());
    ASSERT_EQ(m.rowCount(), 4);
    EXPECT_EQ(m.data(m.index(0), Qt::UserRole + 1).toString(), QStringLiteral("州教育局"));
    EXPECT_EQ(m.data(m.index(0), Qt::UserRole + 2).toInt(), 12);
    EXPECT_EQ(m.row(0).value(QStringLiteral("rate")).toString(), QStringLiteral("88.0"));
    EXPECT_FALSE(m.value(9, QStringLiteral("name")).isValid());
}

} // namespace
