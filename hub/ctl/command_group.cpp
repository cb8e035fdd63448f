#include "hub/ctl/command_group.h"

#include <CLI/CLI.hpp>

namespace rollcall::ctl {

CLI::App* commandGroup(CLI::App& app, const std::string& name, const std::string& help)
{
    for (auto* existing : app.get_subcommands({})) {
        if (existing->get_name() == name) return existing;
    }
    return app.add_subcommand(name, help)->require_subcommand(1);
}

} // namespace rollcall::ctl
