#pragma once
// A group of rollcallctl subcommands ("person", "unit", "reader") that several
// command files add leaves to: the first to ask creates it, the others find it.

#include <string>

namespace CLI {
class App;
} // namespace CLI

namespace rollcall::ctl {

/// The subcommand `name` of `app`, created with `help` (and one leaf required)
/// if no command file has added it yet.
[[nodiscard]] CLI::App* commandGroup(CLI::App& app, const std::string& name, const std::string& help);

} // namespace rollcall::ctl
