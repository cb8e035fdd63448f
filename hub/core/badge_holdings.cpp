#include "hub/core/badge_holdings.h"

#include <algorithm>

namespace rollcall::core {
namespace {

constexpr const char* kHoldingColumns = "SELECT uid, person_id, issued_ms, revoked_ms, revoke_reason FROM badges ";

BadgeHolding readHolding(common::Statement& s)
{
    BadgeHolding h{s.getText(0), s.getText(1), common::fromMillis(s.getInt(2)), std::nullopt, s.getOptionalText(4)};
    if (auto r = s.getOptionalInt(3)) h.revoked = common::fromMillis(*r);
    return h;
}

} // namespace

BadgeHoldings BadgeHoldings::load(common::Database& db)
{
    BadgeHoldings out;
    auto s = db.prepare(std::string(kHoldingColumns) + "ORDER BY uid, issued_ms, id");
    while (s.step()) out.byUid_[s.getText(0)].push_back(readHolding(s));
    return out;
}

std::vector<BadgeHolding> BadgeHoldings::loadUid(common::Database& db, const std::string& uid)
{
    std::vector<BadgeHolding> out;
    auto s = db.prepare(std::string(kHoldingColumns) + "WHERE uid = ? ORDER BY issued_ms, id");
    s.bind(1, uid);
    while (s.step()) out.push_back(readHolding(s));
    return out;
}

void BadgeHoldings::add(BadgeHolding holding)
{
    auto& list = byUid_[holding.uid];
    const auto pos = std::upper_bound(list.begin(), list.end(), holding,
                                      [](const auto& a, const auto& b) { return a.issued < b.issued; });
    list.insert(pos, std::move(holding));
}

BadgeAt BadgeHoldings::at(const std::string& uid, common::TimePoint at) const
{
    BadgeAt out;
    const auto it = byUid_.find(uid);
    if (it == byUid_.end()) return out;
    const BadgeHolding* before = nullptr; // the latest holding that ended at or before `at`
    for (const auto& h : it->second) {
        if (h.coversTime(at)) {
            out.personId = h.personId;
            return out;
        }
        if (h.revoked && *h.revoked <= at && (!before || *before->revoked <= *h.revoked)) before = &h;
    }
    if (before) {
        out.revokedReason = before->revokeReason.value_or("");
        out.revokedHolder = before->personId;
    }
    return out;
}

} // namespace rollcall::core
