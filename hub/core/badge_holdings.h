#pragma once
// Who held a badge when (docs/semantics.md §10). A badge UID is held by one
// person over [issued, revoked); one UID may be held by several persons one
// after another, and a person may hold several badges at once. Loaded once
// by the places that resolve many taps: the replay of the record, the hub's
// live cache and the reports' ledger, so all three resolve a tap alike.

#include "common/clock.h"
#include "common/database.h"

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace rollcall::core {

/// One person's holding of a badge over [issued, revoked).
struct BadgeHolding {
    std::string uid;
    std::string personId;
    common::TimePoint issued;
    std::optional<common::TimePoint> revoked;
    std::optional<std::string> revokeReason; // lost, broken or left (none for records from before migration 6)
    [[nodiscard]] bool coversTime(common::TimePoint at) const { return issued <= at && (!revoked || at < *revoked); }
};

/// What a badge UID means at a tap's time.
struct BadgeAt {
    std::optional<std::string> personId; // the holder then, if anyone
    /// Set when nobody held it then because its last holding before then was
    /// revoked: the reason ("" when none was recorded). Such a tap gets the
    /// verdict revoked_badge: someone is carrying a card reported lost.
    std::optional<std::string> revokedReason;
    /// With revokedReason: whose holding that revocation ended (the lost card's owner).
    std::optional<std::string> revokedHolder;
};

class BadgeHoldings {
public:
    /// Every holding in the record.
    [[nodiscard]] static BadgeHoldings load(common::Database& db);
    /// The holdings of one UID (the replay of a few meetings needs only those tapped).
    [[nodiscard]] static std::vector<BadgeHolding> loadUid(common::Database& db, const std::string& uid);

    void add(BadgeHolding holding);
    [[nodiscard]] BadgeAt at(const std::string& uid, common::TimePoint at) const;
    [[nodiscard]] bool contains(const std::string& uid) const { return byUid_.count(uid) != 0; }
    [[nodiscard]] std::size_t size() const { return byUid_.size(); }

private:
    std::unordered_map<std::string, std::vector<BadgeHolding>> byUid_; // each by issue time
};

} // namespace rollcall::core
