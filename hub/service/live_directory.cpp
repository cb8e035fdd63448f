#include "hub/service/live_directory.h"

namespace rollcall::service {

void LiveDirectory::load(common::Database& db)
{
    readers_.clear();
    for (auto& r : core::Record(db).readers()) readers_.emplace(r.id, r);
    badges_ = core::BadgeHoldings::load(db);
    people_.clear();
    auto p =
        db.prepare("SELECT p.id, p.name, p.unit_id, u.path, p.title FROM persons p JOIN units u ON u.id = p.unit_id");
    while (p.step())
        people_.emplace(p.getText(0),
                        core::Person{p.getText(0), p.getText(1), p.getInt(2), p.getText(3), p.getOptionalText(4)});
}

const core::Reader* LiveDirectory::reader(const std::string& id) const
{
    const auto it = readers_.find(id);
    return it == readers_.end() ? nullptr : &it->second;
}

const core::Person* LiveDirectory::person(const std::string& id) const
{
    const auto it = people_.find(id);
    return it == people_.end() ? nullptr : &it->second;
}

std::string LiveDirectory::nameOf(const std::optional<std::string>& personId) const
{
    if (!personId) return {};
    const auto* p = person(*personId);
    return p ? p->name : std::string();
}

} // namespace rollcall::service
