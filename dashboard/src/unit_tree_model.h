#pragma once
// Attendance by unit: the unit tree built from roster unit paths
// ("州直机关/州发改委"), flattened to the rows a collapsible tree view shows.
// Each unit counts its members including sub-units and lists who is missing;
// siblings can be ordered by attendance rate.

#include "protocol/messages.h"

#include <QAbstractListModel>
#include <QHash>
#include <QTimer>
#include <QtQml/qqmlregistration.h>
#include <map>
#include <memory>
#include <vector>

namespace rollcall::dashboard {

class UnitTreeModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by Dashboard")
    Q_PROPERTY(SortMode sortMode READ sortMode WRITE setSortMode NOTIFY sortModeChanged)
    Q_PROPERTY(int unitCount READ unitCount NOTIFY structureChanged)

public:
    enum class SortMode { RosterOrder, RateAscending, RateDescending };
    Q_ENUM(SortMode)

    enum Role {
        NameRole = Qt::UserRole + 1,
        PathRole,
        DepthRole,
        HasChildrenRole,
        ExpandedRole,
        ExpectedRole,
        AttendedRole, ///< present + late + substituted
        ExcusedRole,
        MissingCountRole, ///< expected − attended − excused
        RateRole,         ///< attended ÷ (expected − excused); −1 when undefined
        RateTextRole,
        RateColorRole,
        MissingNamesRole, ///< names of missing members (sub-units included), "、"-joined, at most kMaxMissingNames then
                          ///< the total
        WalkInNamesRole, ///< walk-ins registered at the door for this very unit (docs/semantics.md §7), "、"-joined
    };
    Q_ENUM(Role)

    /// Names listed per unit before "… (N in all)".
    static constexpr int kMaxMissingNames = 24;

    explicit UnitTreeModel(QObject* parent = nullptr);
    ~UnitTreeModel() override;

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    /// `walkIns`: those registered for a unit (for_unit) are listed under it; a
    /// unit nobody on the roster belongs to gets a row of its own (expected 0).
    /// They count for no figure.
    void reset(const std::vector<protocol::AttendeeState>& attendees,
               const std::vector<protocol::WalkIn>& walkIns = {});
    void upsert(const protocol::AttendeeState& attendee);

    [[nodiscard]] SortMode sortMode() const { return sortMode_; }
    void setSortMode(SortMode mode);
    [[nodiscard]] int unitCount() const { return unitCount_; }
    /// With a delay > 0, rate orders follow count changes at most once per
    /// `ms` (counts still change at once), so rows on a wall screen do not
    /// jump with every tap. 0 (default): re-order on every change.
    void setResortDelay(int ms);

    /// Expands or collapses the unit shown at `row`.
    Q_INVOKABLE void toggle(int row);
    Q_INVOKABLE void expandAll();
    Q_INVOKABLE void collapseAll();
    /// The visible row of a unit path, or -1 (collapsed or unknown).
    [[nodiscard]] Q_INVOKABLE int rowOfPath(const QString& path) const;

signals:
    void sortModeChanged();
    void structureChanged();

private:
    struct Node;
    enum class Category { Attended, Excused, Missing };
    struct Member {
        Node* unit = nullptr;
        Category category = Category::Missing;
        QString name;
        int order = 0;
    };

    Node* ensureNode(const QString& unitPath, bool* created);
    void addContribution(const Member& m, int sign);
    void sortChildren(Node& node) const;
    void sortAll(Node& node) const;
    [[nodiscard]] bool resortAround(const std::vector<Node*>& touched);
    void resortNow();
    void rebuildRows();
    void relayout();
    [[nodiscard]] int visibleDescendants(const Node& node) const;
    void setExpandedRecursive(Node& node, bool expanded);
    [[nodiscard]] static Category categoryOf(protocol::AttendanceStatus s);

    std::unique_ptr<Node> root_;
    std::vector<Node*> rows_;
    QHash<const Node*, int> rowOf_;
    QHash<QString, Member> members_;
    QHash<QString, bool> expandedByPath_; // survives re-snapshots
    SortMode sortMode_ = SortMode::RosterOrder;
    int unitCount_ = 0;
    int nextOrder_ = 0;
    QTimer resortTimer_;
};

} // namespace rollcall::dashboard
