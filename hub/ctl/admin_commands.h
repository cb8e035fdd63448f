#pragma once
// The commands people run over the wire (issue 16): which rollcallctl
// commands each key role may run at the hub, which of their options name
// files, and running one request in process against the hub's record with
// the CLI's own code, so validation, messages and output are the CLI's.
// The hub calls runAdminRequest(); `rollcallctl --hub` (remote_client.h)
// reads the same table to know what to upload and where returned files go.
#include "common/cancel_token.h"
#include "common/clock.h"
#include "common/progress_listener.h"
#include "protocol/messages.h"

#include <optional>
#include <string>
#include <vector>

namespace rollcall::ctl {

/// How an option's value is a path on the caller's machine.
enum class PathUse {
    InputFile,  ///< read by the command: uploaded with the request
    OutputFile, ///< written by the command: comes back in the reply
    OutputDir,  ///< a directory the command writes files into: they come back in the reply
};

struct PathOption {
    std::string option; ///< "--output"
    PathUse use = PathUse::InputFile;
};

/// One command allowed over the wire: its words, the roles that may run it
/// and its options that name files.
struct AdminCommand {
    std::vector<std::string> words; ///< {"leave", "add"}
    std::vector<std::string> roles; ///< "organizer", "office"
    std::vector<PathOption> paths;
};

/// Every command allowed over the wire (docs/security.md, "Commands over the wire").
[[nodiscard]] const std::vector<AdminCommand>& adminCommands();

/// The command `argv` (after the program name, global options first) names,
/// by its leading words; nullptr if it is not in the table.
[[nodiscard]] const AdminCommand* findAdminCommand(const std::vector<std::string>& argv);

/// For each occurrence of one of `command`'s path options in `argv`: the
/// index of its value and how it is used ("--output X" and "--output=X" alike).
struct PathArgument {
    std::size_t index = 0;
    std::string value;
    bool inlineValue = false; ///< "--output=X": argv[index] is the whole token
    PathUse use = PathUse::InputFile;
};
[[nodiscard]] std::vector<PathArgument> pathArguments(const AdminCommand& command,
                                                      const std::vector<std::string>& argv);

/// Who sent a request, as the hub's ZAP handler authenticated the key.
struct AdminCaller {
    std::string role;    ///< "organizer", "office", "viewer", "reader"
    std::string keyName; ///< the key's name: the "who" of whatever the command records
};

/// Runs `request` as rollcallctl against the record `db`: refuses (exit 5,
/// a message naming the key, its role and the command) what the caller's
/// role may not run, --db and --operator in the request, and an input file
/// that was not uploaded; records as `--operator` the key's name; writes
/// output files in a temporary directory and returns them under the names
/// the caller gave, with those names in place of the temporary paths in the
/// command's messages. Never throws for bad input: everything comes back in
/// the reply.
/// `cancel` stops a long command at its next safe point (exit kExitCancelled, nothing recorded);
/// `progress` hears a long command's figures (admin_progress).
[[nodiscard]] protocol::AdminReply runAdminRequest(const AdminCaller& caller, const protocol::AdminRequest& request,
                                                   const std::string& db, const common::Clock& clock,
                                                   const common::CancelToken& cancel = {},
                                                   const common::ProgressListener& progress = {});

} // namespace rollcall::ctl
