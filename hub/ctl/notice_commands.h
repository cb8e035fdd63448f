#pragma once
// The notice register on the command line: notices issue|list|show|withdraw
// and person history (docs/cli.md). The register itself and the documents are
// rollcall_reports' (hub/reports/notice_register.h, notice_issuer.h,
// official_pdf.h). Also the withdrawal an upheld appeal makes
// (report_commands.cpp calls it inside its transaction).
#include "common/database.h"
#include "hub/ctl/report_commands.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace rollcall::ctl {

/// Adds issue, list, show and withdraw under the `notices` command and
/// `history` under `person` (both must exist already); returns each leaf with
/// its action.
[[nodiscard]] std::vector<std::pair<CLI::App*, ReportCommand>> addNoticeCommands(CLI::App& app);

/// Withdraws every notice of `person` in force that cites `meeting`, each by a
/// withdrawal entry naming the appeal, numbered in `numberFormat`; returns
/// the lines to print.
std::vector<std::string> withdrawForAppeal(common::Database& db, const std::string& numberFormat,
                                           const std::string& person, const std::string& meeting, std::int64_t appealId,
                                           const std::string& reason, const CommandContext& c);

/// The notice of `person` in force that cites `meeting`, if any: its number and issue time.
[[nodiscard]] std::optional<std::pair<std::string, common::TimePoint>>
noticeCiting(common::Database& db, const std::string& person, const std::string& meeting);

} // namespace rollcall::ctl
