#pragma once
// The rollcallctl commands of the general office: report meeting|period,
// notices, disclosure, appeal add|resolve, absence confirm, report cache.
// The command line (options, messages, amendments) is here; the documents and
// files come from the rollcall_reports library (hub/reports). ctl_app.cpp
// registers them; each runs with the global --db/--zone/--operator.
#include "common/cancel_token.h"
#include "common/progress_listener.h"
#include "hub/core/time_util.h"
#include "hub/reports/progress.h"

#include <functional>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

namespace CLI {
class App;
} // namespace CLI

namespace rollcall::ctl {

struct CommandContext {
    std::string db;
    std::string zone;
    std::string author;
    std::ostream& out;
    std::ostream& err;
    const common::Clock& clock;
    common::CancelToken cancel;        ///< long reports check it between meetings (admin_cancel over the wire)
    common::ProgressListener progress; ///< hears long reports' figures (admin_progress over the wire)
    bool showProgress = false;         ///< --progress: draw them on stderr even when it is not a terminal
};

/// The progress of a long report run by `c`: drawn on a terminal (or with
/// --progress), told to c.progress, stopped by c.cancel. Never drawn when
/// someone listens: at the hub, the figures go over the wire, not to its log.
[[nodiscard]] reports::Progress commandProgress(const CommandContext& c);

using ReportCommand = std::function<void(const CommandContext&)>;

/// Adds the commands to `app`; returns each leaf subcommand with its action.
/// Actions throw InputError (bad input, named) or db::DatabaseError.
[[nodiscard]] std::vector<std::pair<CLI::App*, ReportCommand>> addReportCommands(CLI::App& app);

} // namespace rollcall::ctl
