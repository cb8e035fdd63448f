#include "dashboard/src/unit_tree_model.h"

#include "common/attendance_rate.h"
#include "dashboard/src/display_text.h"

#include <algorithm>

namespace rollcall::dashboard {

struct UnitTreeModel::Node {
    QString name;
    QString path;
    int depth = -1; // root: -1
    int order = 0;  // first appearance in the roster
    Node* parent = nullptr;
    std::vector<std::unique_ptr<Node>> children;
    bool expanded = false;
    int attended = 0;
    int excused = 0;
    int missing = 0;
    std::map<int, QString> missingNames; // by roster order
    QStringList walkIns;                 // registered at the door for this unit
    mutable QString missingText;
    mutable bool missingDirty = true;

    [[nodiscard]] int expected() const { return attended + excused + missing; }
    [[nodiscard]] double rate() const { return common::attendanceRate(attended, expected(), excused).value_or(-1.0); }
};

UnitTreeModel::UnitTreeModel(QObject* parent) : QAbstractListModel(parent), root_(std::make_unique<Node>())
{
    resortTimer_.setSingleShot(true);
    resortTimer_.setInterval(0);
    connect(&resortTimer_, &QTimer::timeout, this, &UnitTreeModel::resortNow);
}

void UnitTreeModel::setResortDelay(int ms) { resortTimer_.setInterval(std::max(0, ms)); }

void UnitTreeModel::resortNow()
{
    if (sortMode_ == SortMode::RosterOrder) return;
    std::vector<const Node*> before(rows_.begin(), rows_.end());
    sortAll(*root_);
    std::vector<Node*> order;
    std::vector<Node*> stack;
    // Only signal a layout change if the visible order really changed.
    for (auto it = root_->children.rbegin(); it != root_->children.rend(); ++it) stack.push_back(it->get());
    while (!stack.empty()) {
        Node* n = stack.back();
        stack.pop_back();
        order.push_back(n);
        if (n->expanded)
            for (auto it = n->children.rbegin(); it != n->children.rend(); ++it) stack.push_back(it->get());
    }
    if (!std::equal(before.begin(), before.end(), order.begin(), order.end())) relayout();
}
UnitTreeModel::~UnitTreeModel() = default;

UnitTreeModel::Category UnitTreeModel::categoryOf(protocol::AttendanceStatus s)
{
    using S = protocol::AttendanceStatus;
    switch (s) {
    case S::Present:
    case S::Late:
    case S::Substituted: return Category::Attended;
    case S::Excused: return Category::Excused;
    case S::Absent:
    case S::NotArrived:
    case S::Overdue: return Category::Missing;
    }
    return Category::Missing;
}

int UnitTreeModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

QVariant UnitTreeModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) return {};
    const Node& n = *rows_[static_cast<std::size_t>(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case NameRole: return n.name;
    case PathRole: return n.path;
    case DepthRole: return n.depth;
    case HasChildrenRole: return !n.children.empty();
    case ExpandedRole: return n.expanded;
    case ExpectedRole: return n.expected();
    case AttendedRole: return n.attended;
    case ExcusedRole: return n.excused;
    case MissingCountRole: return n.missing;
    case RateRole: return n.rate();
    case RateTextRole: return DisplayText::ratePercent(common::attendancePercent(n.attended, n.expected(), n.excused));
    case RateColorRole: return DisplayText::rateColor(n.rate());
    case MissingNamesRole:
        if (n.missingDirty) {
            // A line on a screen: the first names in roster order, then the total.
            QStringList names;
            for (const auto& [order, name] : n.missingNames) {
                if (names.size() == kMaxMissingNames) break;
                names << name;
            }
            n.missingText = names.join(QStringLiteral("、"));
            if (n.missingNames.size() > static_cast<std::size_t>(kMaxMissingNames))
                n.missingText = tr("%1 … (%2 in all)").arg(n.missingText).arg(n.missingNames.size());
            n.missingDirty = false;
        }
        return n.missingText;
    case WalkInNamesRole: return n.walkIns.join(QStringLiteral("、"));
    default: return {};
    }
}

QHash<int, QByteArray> UnitTreeModel::roleNames() const
{
    return {
        {NameRole, "name"},
        {PathRole, "path"},
        {DepthRole, "depth"},
        {HasChildrenRole, "hasChildren"},
        {ExpandedRole, "expanded"},
        {ExpectedRole, "expected"},
        {AttendedRole, "attended"},
        {ExcusedRole, "excused"},
        {MissingCountRole, "missingCount"},
        {RateRole, "rate"},
        {RateTextRole, "rateText"},
        {RateColorRole, "rateColor"},
        {MissingNamesRole, "missingNames"},
        {WalkInNamesRole, "walkInNames"},
    };
}

UnitTreeModel::Node* UnitTreeModel::ensureNode(const QString& unitPath, bool* created)
{
    auto parts = unitPath.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    if (parts.isEmpty()) parts << tr("(no unit)");
    Node* node = root_.get();
    QString path;
    for (const auto& part : parts) {
        path = path.isEmpty() ? part : path + QLatin1Char('/') + part;
        auto it =
            std::find_if(node->children.begin(), node->children.end(), [&](const auto& c) { return c->name == part; });
        if (it == node->children.end()) {
            auto child = std::make_unique<Node>();
            child->name = part;
            child->path = path;
            child->depth = node->depth + 1;
            child->order = nextOrder_++;
            child->parent = node;
            child->expanded = expandedByPath_.value(path, child->depth == 0);
            node->children.push_back(std::move(child));
            ++unitCount_;
            *created = true;
            node = node->children.back().get();
        } else {
            node = it->get();
        }
    }
    return node;
}

void UnitTreeModel::addContribution(const Member& m, int sign)
{
    for (Node* n = m.unit; n != nullptr; n = n->parent) {
        switch (m.category) {
        case Category::Attended: n->attended += sign; break;
        case Category::Excused: n->excused += sign; break;
        case Category::Missing:
            n->missing += sign;
            if (sign > 0)
                n->missingNames.emplace(m.order, m.name);
            else
                n->missingNames.erase(m.order);
            n->missingDirty = true;
            break;
        }
    }
}

void UnitTreeModel::sortChildren(Node& node) const
{
    auto key = [this](const Node& n) {
        // Units with no rate (everyone excused) go last in rate orders.
        const double r = n.rate();
        switch (sortMode_) {
        case SortMode::RosterOrder: return 0.0;
        case SortMode::RateAscending: return r < 0 ? 2.0 : r;
        case SortMode::RateDescending: return r < 0 ? 2.0 : 1.0 - r;
        }
        return 0.0;
    };
    std::stable_sort(node.children.begin(), node.children.end(), [&](const auto& a, const auto& b) {
        const double ka = key(*a), kb = key(*b);
        if (ka != kb) return ka < kb;
        return a->order < b->order;
    });
}

void UnitTreeModel::sortAll(Node& node) const
{
    sortChildren(node);
    for (auto& c : node.children) sortAll(*c);
}

void UnitTreeModel::rebuildRows()
{
    rows_.clear();
    rowOf_.clear();
    std::vector<Node*> stack;
    for (auto it = root_->children.rbegin(); it != root_->children.rend(); ++it) stack.push_back(it->get());
    while (!stack.empty()) {
        Node* n = stack.back();
        stack.pop_back();
        rowOf_.insert(n, static_cast<int>(rows_.size()));
        rows_.push_back(n);
        if (n->expanded)
            for (auto it = n->children.rbegin(); it != n->children.rend(); ++it) stack.push_back(it->get());
    }
}

void UnitTreeModel::relayout()
{
    emit layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const auto before = persistentIndexList();
    std::vector<const Node*> nodes;
    nodes.reserve(static_cast<std::size_t>(before.size()));
    for (const auto& idx : before) nodes.push_back(rows_[static_cast<std::size_t>(idx.row())]);
    rebuildRows();
    QModelIndexList after;
    after.reserve(before.size());
    for (const Node* n : nodes) after << index(rowOf_.value(n, 0));
    changePersistentIndexList(before, after);
    emit layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

bool UnitTreeModel::resortAround(const std::vector<Node*>& touched)
{
    if (sortMode_ == SortMode::RosterOrder) return false;
    bool moved = false;
    QSet<Node*> parents;
    for (Node* n : touched)
        for (Node* p = n->parent; p != nullptr; p = p->parent) parents.insert(p);
    for (Node* p : parents) {
        std::vector<const Node*> before;
        before.reserve(p->children.size());
        for (const auto& c : p->children) before.push_back(c.get());
        sortChildren(*p);
        for (std::size_t i = 0; i < before.size() && !moved; ++i) moved = before[i] != p->children[i].get();
    }
    return moved;
}

void UnitTreeModel::reset(const std::vector<protocol::AttendeeState>& attendees,
                          const std::vector<protocol::WalkIn>& walkIns)
{
    beginResetModel();
    root_ = std::make_unique<Node>();
    members_.clear();
    unitCount_ = 0;
    nextOrder_ = 0;
    members_.reserve(static_cast<qsizetype>(attendees.size()));
    for (const auto& a : attendees) {
        bool created = false;
        Member m;
        m.unit = ensureNode(DisplayText::fromStd(a.unit), &created);
        m.category = categoryOf(a.status);
        m.name = DisplayText::fromStd(a.name);
        m.order = nextOrder_++;
        addContribution(m, +1);
        members_.insert(DisplayText::fromStd(a.person_id), m);
    }
    for (const auto& w : walkIns) {
        if (!w.for_unit || w.for_unit->empty()) continue;
        bool created = false;
        Node* unit = ensureNode(DisplayText::fromStd(*w.for_unit), &created);
        unit->walkIns << DisplayText::fromStd(w.name);
    }
    sortAll(*root_);
    rebuildRows();
    endResetModel();
    emit structureChanged();
}

void UnitTreeModel::upsert(const protocol::AttendeeState& a)
{
    const auto id = DisplayText::fromStd(a.person_id);
    const auto unitPath = DisplayText::fromStd(a.unit);
    const auto name = DisplayText::fromStd(a.name);
    const auto category = categoryOf(a.status);
    auto it = members_.find(id);
    if (it != members_.end() && it->unit->path == unitPath && it->category == category && it->name == name)
        return; // nothing this view shows changed

    std::vector<Node*> touched;
    bool created = false;
    // Build the new path first so a structural change is one model reset.
    const bool unitKnown = [&] {
        Node* node = root_.get();
        for (const auto& part : unitPath.split(QLatin1Char('/'), Qt::SkipEmptyParts)) {
            auto c = std::find_if(node->children.begin(), node->children.end(),
                                  [&](const auto& ch) { return ch->name == part; });
            if (c == node->children.end()) return false;
            node = c->get();
        }
        return node != root_.get();
    }();
    if (!unitKnown) beginResetModel();

    Member m;
    if (it != members_.end()) {
        addContribution(*it, -1);
        touched.push_back(it->unit);
        m.order = it->order;
    } else {
        m.order = nextOrder_++;
    }
    m.unit = ensureNode(unitPath, &created);
    m.category = category;
    m.name = name;
    addContribution(m, +1);
    touched.push_back(m.unit);
    members_.insert(id, m);

    if (!unitKnown) {
        sortAll(*root_);
        rebuildRows();
        endResetModel();
        emit structureChanged();
        return;
    }
    if (resortTimer_.interval() > 0) {
        if (sortMode_ != SortMode::RosterOrder && !resortTimer_.isActive()) resortTimer_.start();
    } else if (resortAround(touched)) {
        relayout();
    }
    QSet<const Node*> seen;
    for (Node* t : touched)
        for (Node* n = t; n != nullptr && n != root_.get(); n = n->parent) {
            if (seen.contains(n)) continue;
            seen.insert(n);
            const int row = rowOf_.value(n, -1);
            if (row >= 0) emit dataChanged(index(row), index(row));
        }
}

void UnitTreeModel::setSortMode(SortMode mode)
{
    if (mode == sortMode_) return;
    sortMode_ = mode;
    emit layoutAboutToBeChanged();
    sortAll(*root_);
    const auto before = persistentIndexList();
    std::vector<const Node*> nodes;
    for (const auto& idx : before) nodes.push_back(rows_[static_cast<std::size_t>(idx.row())]);
    rebuildRows();
    QModelIndexList after;
    for (const Node* n : nodes) after << index(rowOf_.value(n, 0));
    changePersistentIndexList(before, after);
    emit layoutChanged();
    emit sortModeChanged();
}

int UnitTreeModel::visibleDescendants(const Node& node) const
{
    int n = 0;
    for (const auto& c : node.children) n += 1 + (c->expanded ? visibleDescendants(*c) : 0);
    return n;
}

void UnitTreeModel::toggle(int row)
{
    if (row < 0 || row >= static_cast<int>(rows_.size())) return;
    Node& n = *rows_[static_cast<std::size_t>(row)];
    if (n.children.empty()) return;
    if (n.expanded) {
        const int hidden = visibleDescendants(n);
        beginRemoveRows({}, row + 1, row + hidden);
        n.expanded = false;
        rebuildRows();
        endRemoveRows();
    } else {
        n.expanded = true;
        const int shown = visibleDescendants(n);
        n.expanded = false;
        beginInsertRows({}, row + 1, row + shown);
        n.expanded = true;
        rebuildRows();
        endInsertRows();
    }
    expandedByPath_.insert(n.path, n.expanded);
    emit dataChanged(index(row), index(row), {ExpandedRole});
}

void UnitTreeModel::setExpandedRecursive(Node& node, bool expanded)
{
    for (auto& c : node.children) {
        if (!c->children.empty()) {
            c->expanded = expanded;
            expandedByPath_.insert(c->path, expanded);
        }
        setExpandedRecursive(*c, expanded);
    }
}

void UnitTreeModel::expandAll()
{
    beginResetModel();
    setExpandedRecursive(*root_, true);
    rebuildRows();
    endResetModel();
}

void UnitTreeModel::collapseAll()
{
    beginResetModel();
    setExpandedRecursive(*root_, false);
    rebuildRows();
    endResetModel();
}

int UnitTreeModel::rowOfPath(const QString& path) const
{
    for (std::size_t i = 0; i < rows_.size(); ++i)
        if (rows_[i]->path == path) return static_cast<int>(i);
    return -1;
}

} // namespace rollcall::dashboard
