#include "hub/ctl/unit_commands.h"

#include "hub/core/record.h"
#include "hub/core/unit_details.h"
#include "hub/ctl/command_group.h"
#include "hub/ctl/database_file.h"
#include "hub/ctl/wire_fields.h"

#include <CLI/CLI.hpp>
#include <memory>

namespace rollcall::ctl {
namespace {

struct UnitCommandOptions {
    std::string unit, officialName;
    std::optional<std::int64_t> order;
};

void cmdUnitSet(const UnitCommandOptions& o, const CommandContext& c)
{
    if (!o.order && o.officialName.empty()) throw common::InputError("give --order, --official-name or both");
    if (o.order && (*o.order < 0 || *o.order > 999999))
        throw common::InputError("--order: " + std::to_string(*o.order) + " is not a whole number from 0 to 999999");
    if (!o.officialName.empty()) requireWireName(o.officialName, "--official-name");
    auto db = openDatabaseFile(c.db, false);
    core::Record record(db);
    const auto unit = record.findUnit(o.unit);
    if (!unit) throw common::InputError("unit \"" + o.unit + "\" does not exist");
    core::UnitDetails details;
    details.officialOrder = o.order;
    if (!o.officialName.empty()) details.officialName = o.officialName;
    common::Transaction tx(db);
    core::setUnitDetails(db, *unit, details);
    tx.commit();
    const auto now = core::unitDetails(db, *unit);
    c.out << "unit " << o.unit << ": order "
          << (now.officialOrder ? std::to_string(*now.officialOrder) : std::string("(none)")) << ", official name "
          << now.officialName.value_or("(none)") << "\n";
}

} // namespace

std::vector<std::pair<CLI::App*, ReportCommand>> addUnitCommands(CLI::App& app)
{
    auto o = std::make_shared<UnitCommandOptions>();
    auto* set = commandGroup(app, "unit", "units")
                    ->add_subcommand("set", "a unit's official order (reports sort by it) and official name");
    set->add_option("unit", o->unit, "unit path, e.g. 州直机关")->required();
    set->add_option("--order", o->order, "official order: smaller first (0 to 999999)");
    set->add_option("--official-name", o->officialName, "the name documents address the unit by (主送)");
    return {{set, [o](const CommandContext& c) { cmdUnitSet(*o, c); }}};
}

} // namespace rollcall::ctl
