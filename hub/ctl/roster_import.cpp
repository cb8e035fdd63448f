#include "hub/ctl/roster_import.h"

#include "hub/core/unit_details.h"
#include "hub/ctl/badge_commands.h"
#include "hub/ctl/csv_reader.h"
#include "hub/ctl/wire_fields.h"
#include "protocol/badge_uid.h"

#include <map>
#include <set>
#include <sstream>

namespace rollcall::ctl {
namespace {

/// One row, checked, before anything is applied.
struct Entry {
    const CsvRow* row = nullptr;
    core::Person person;
    std::string unit;
    std::vector<std::string> badges; // normalized, in file order
};

/// The official order and name a file gives a unit, and the line that gave each.
struct ListedUnit {
    core::UnitDetails details;
    int orderLine = 0, nameLine = 0;
};

/// unit_order: a whole number from 0 to 999999, or empty.
std::optional<std::int64_t> parseUnitOrder(const std::string& text, const std::string& where)
{
    if (text.empty()) return std::nullopt;
    if (text.size() > 6 || text.find_first_not_of("0123456789") != std::string::npos) {
        throw common::InputError(where + ": \"" + text + "\" is not a whole number from 0 to 999999");
    }
    return std::stoll(text);
}

std::string badgeList(const std::vector<std::string>& uids)
{
    std::string s;
    for (const auto& u : uids) s += (s.empty() ? "" : ";") + u;
    return s;
}

} // namespace

RosterImportResult importRoster(core::Record& record, const std::string& path, const RosterImportOptions& o)
{
    CsvReader csv(path);
    csv.requireColumns({"person_id", "name", "unit", "badge_uid"});
    RosterImportResult result;

    auto countUnits = [&] {
        auto s = record.database().prepare("SELECT count(*) FROM units");
        (void)s.step();
        return static_cast<int>(s.getInt(0));
    };
    const int unitsBefore = countUnits();
    std::map<std::int64_t, ListedUnit> listedUnits; // unit id -> official order and name from the file

    // 1. Every row checked: fields, units, badges, no person or badge twice in the file.
    std::vector<Entry> entries;
    std::map<std::string, int> badgeLines;  // uid -> line, to name both lines of a clash in the file
    std::map<std::string, int> personLines; // person_id -> line
    for (const auto& row : csv.rows()) {
        Entry e;
        e.row = &row;
        const auto id = *csv.field(row, "person_id");
        const auto name = *csv.field(row, "name");
        e.unit = *csv.field(row, "unit");
        if (id.empty()) throw common::InputError(csv.where(row, "person_id") + ": is empty");
        if (name.empty()) throw common::InputError(csv.where(row, "name") + ": is empty");
        if (e.unit.empty()) throw common::InputError(csv.where(row, "unit") + ": is empty");
        // What the hub records goes on the wire to boards: the same rules.
        requireWireId(id, csv.where(row, "person_id"));
        requireWireName(name, csv.where(row, "name"));
        requireWireName(e.unit, csv.where(row, "unit"));
        if (auto title = csv.field(row, "title"); title && !title->empty())
            requireWireName(*title, csv.where(row, "title"));
        if (auto prev = personLines.find(id); prev != personLines.end()) {
            throw common::InputError(csv.where(row, "person_id") + ": person_id \"" + id
                                     + "\" already exists in this file (line " + std::to_string(prev->second) + ")");
        }
        personLines.emplace(id, row.line);
        e.person.id = id;
        e.person.name = name;
        if (auto title = csv.field(row, "title"); title && !title->empty()) e.person.title = *title;
        try {
            e.person.unitId = record.ensureUnitPath(e.unit);
            e.person.unitPath = e.unit;
        } catch (const common::InputError& err) {
            throw common::InputError(csv.where(row, "unit") + ": " + err.what());
        }
        // Optional columns: the unit's official order and name; rows of one unit must agree.
        auto& listed = listedUnits[e.person.unitId];
        if (auto text = csv.field(row, "unit_order")) {
            if (auto order = parseUnitOrder(*text, csv.where(row, "unit_order"))) {
                if (listed.details.officialOrder && *listed.details.officialOrder != *order) {
                    throw common::InputError(csv.where(row, "unit_order") + ": unit " + e.unit + " has order "
                                             + std::to_string(*listed.details.officialOrder) + " on line "
                                             + std::to_string(listed.orderLine));
                }
                listed.details.officialOrder = order;
                listed.orderLine = row.line;
            }
        }
        if (auto name = csv.field(row, "unit_official_name"); name && !name->empty()) {
            requireWireName(*name, csv.where(row, "unit_official_name"));
            if (listed.details.officialName && *listed.details.officialName != *name) {
                throw common::InputError(csv.where(row, "unit_official_name") + ": unit " + e.unit + " is named \""
                                         + *listed.details.officialName + "\" on line "
                                         + std::to_string(listed.nameLine));
            }
            listed.details.officialName = *name;
            listed.nameLine = row.line;
        }
        std::stringstream badges(*csv.field(row, "badge_uid"));
        std::string raw;
        while (std::getline(badges, raw, ';')) {
            if (raw.find_first_not_of(" \t") == std::string::npos) continue;
            const auto uid = protocol::normalizeBadgeUid(raw);
            if (!uid) {
                throw common::InputError(csv.where(row, "badge_uid") + ": \"" + raw
                                         + "\" is not a badge UID (4, 7 or 10 bytes of hex, ':' allowed)");
            }
            if (auto prev = badgeLines.find(*uid); prev != badgeLines.end()) {
                throw common::InputError(csv.where(row, "badge_uid") + ": badge " + *uid + " is also given on line "
                                         + std::to_string(prev->second));
            }
            badgeLines.emplace(*uid, row.line);
            e.badges.push_back(*uid);
        }
        entries.push_back(std::move(e));
    }

    // 2. Units' official order and name, where the file gives them and they differ.
    for (const auto& [unitId, listed] : listedUnits) {
        const auto recorded = core::unitDetails(record.database(), unitId);
        core::UnitDetails change;
        if (listed.details.officialOrder && listed.details.officialOrder != recorded.officialOrder)
            change.officialOrder = listed.details.officialOrder;
        if (listed.details.officialName && listed.details.officialName != recorded.officialName)
            change.officialName = listed.details.officialName;
        if (!change.officialOrder && !change.officialName) continue;
        core::setUnitDetails(record.database(), unitId, change);
        auto path = record.database().prepare("SELECT path FROM units WHERE id = ?");
        path.bind(1, unitId);
        (void)path.step();
        std::string line = "unit " + path.getText(0);
        if (change.officialOrder) line += " order " + std::to_string(*change.officialOrder);
        if (change.officialName) line += " official name " + *change.officialName;
        result.changes.push_back(line);
        ++result.unitsListed;
    }

    // 3. Joins and moves.
    std::vector<std::pair<const Entry*, std::string>> revocations; // entry, uid
    std::vector<std::pair<const Entry*, std::string>> issues;
    std::set<std::string> joined; // their join line names their badges
    for (const auto& e : entries) {
        const auto& id = e.person.id;
        const auto existing = record.findPerson(id);
        if (!existing) {
            try {
                record.addPerson(e.person, o.effective);
            } catch (const common::InputError& err) {
                throw common::InputError(csv.where(*e.row, "person_id") + ": " + err.what());
            }
            ++result.persons;
            joined.insert(id);
            result.changes.push_back("join " + id + " " + e.person.name + " → " + e.unit
                                     + (e.badges.empty() ? "" : " (badge " + badgeList(e.badges) + ")"));
            for (const auto& uid : e.badges) issues.emplace_back(&e, uid);
            continue;
        }
        const auto ms = record.memberships(id);
        if (ms.empty() || ms.back().to) {
            throw common::InputError(csv.where(*e.row, "person_id") + ": person \"" + id
                                     + "\" has left; the roster file lists them as in service");
        }
        if (ms.back().unitId != e.person.unitId) {
            try {
                record.movePerson(id, e.person.unitId, o.effective);
            } catch (const common::InputError& err) {
                throw common::InputError(csv.where(*e.row, "unit") + ": " + err.what());
            }
            ++result.moves;
            result.changes.push_back("move " + id + " " + existing->name + " " + ms.back().unitPath + " → " + e.unit);
        }
        if (e.badges.empty()) continue; // a file without badges changes none
        std::set<std::string> held;
        for (const auto& b : record.badgesOf(id)) {
            if (!b.revoked) held.insert(b.uid);
        }
        const std::set<std::string> listed(e.badges.begin(), e.badges.end());
        for (const auto& uid : held) {
            if (!listed.count(uid)) revocations.emplace_back(&e, uid);
        }
        for (const auto& uid : e.badges) {
            if (!held.count(uid)) issues.emplace_back(&e, uid);
        }
    }

    // 4. Badges: revocations first, so a badge can pass from one person to another in one file.
    for (const auto& [e, uid] : revocations) {
        try {
            guardFinalizedTaps(record, uid, o.effective, o.zone);
            record.revokeBadge(uid, o.effective, o.badgeReason);
        } catch (const common::InputError& err) {
            throw common::InputError(csv.where(*e->row, "badge_uid") + ": " + err.what());
        }
        ++result.badgesRevoked;
        result.changes.push_back("badge " + uid + " of " + e->person.id + " revoked (" + o.badgeReason + ")");
    }
    for (const auto& [e, uid] : issues) {
        try {
            guardFinalizedTaps(record, uid, o.effective, o.zone);
            record.addBadge(uid, e->person.id, o.effective);
        } catch (const common::InputError& err) {
            throw common::InputError(csv.where(*e->row, "badge_uid") + ": " + err.what());
        }
        ++result.badges;
        if (!joined.count(e->person.id)) result.changes.push_back("badge " + uid + " issued to " + e->person.id);
    }

    // 5. Persons in service missing from the file.
    if (o.missingLeave) {
        auto s = record.database().prepare(
            "SELECT m.person_id, p.name FROM memberships m JOIN persons p ON p.id = m.person_id "
            "WHERE m.to_ms IS NULL ORDER BY m.person_id");
        std::vector<std::pair<std::string, std::string>> inService;
        while (s.step()) inService.emplace_back(s.getText(0), s.getText(1));
        for (const auto& [id, name] : inService) {
            if (personLines.count(id)) continue;
            try {
                record.personLeaves(id, o.effective);
            } catch (const common::InputError& err) {
                throw common::InputError(path + ": --missing leave: " + err.what());
            }
            ++result.leaves;
            result.changes.push_back("leave " + id + " " + name);
        }
    }
    result.unitsCreated = countUnits() - unitsBefore;
    return result;
}

} // namespace rollcall::ctl
