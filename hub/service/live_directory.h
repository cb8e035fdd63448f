#pragma once
// LiveDirectory: who is who, as the hub needs it tap by tap — the registered
// readers, the badge holdings and the people — loaded from the record in one
// go, so recording a tap looks nothing up in SQLite. Part of the hub's live
// state; reloaded with it (another writer's change, the periodic reload).
#include "common/database.h"
#include "hub/core/badge_holdings.h"
#include "hub/core/record.h"

#include <optional>
#include <string>
#include <unordered_map>

namespace rollcall::service {

class LiveDirectory {
public:
    /// Replaces everything with what the record holds now.
    void load(common::Database& db);

    /// The registered reader, or nullptr for one nobody registered.
    [[nodiscard]] const core::Reader* reader(const std::string& id) const;
    [[nodiscard]] const std::unordered_map<std::string, core::Reader>& readers() const noexcept { return readers_; }
    /// The badge's holder and state at `at` (semantics.md §10).
    [[nodiscard]] core::BadgeAt badgeAt(const std::string& uid, common::TimePoint at) const
    {
        return badges_.at(uid, at);
    }
    [[nodiscard]] const core::BadgeHoldings& badges() const noexcept { return badges_; }
    /// The person, or nullptr for an id the record does not know.
    [[nodiscard]] const core::Person* person(const std::string& id) const;
    /// The person's name, or empty when there is no such person.
    [[nodiscard]] std::string nameOf(const std::optional<std::string>& personId) const;

private:
    std::unordered_map<std::string, core::Reader> readers_;
    core::BadgeHoldings badges_;
    std::unordered_map<std::string, core::Person> people_;
};

} // namespace rollcall::service
