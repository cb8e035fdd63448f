#pragma once
// Chinese wording shared by sheets, reports and notices, and number formats.
#include "hub/core/attendance_result.h"

#include <optional>
#include <string>
#include <vector>

namespace rollcall::reports {

/// "早退、中途离场"; empty when no flags.
[[nodiscard]] std::string flagsZh(unsigned flags);
[[nodiscard]] std::string amendmentKindZh(core::AmendmentKind k);
/// "95.0%", or "n/a" for no rate.
[[nodiscard]] std::string formatRate(std::optional<double> rate);
/// One amendment as a sheet line: "#12 请假（办公室 张三，2026-11-27 16:00）：出差".
[[nodiscard]] std::string describeAmendment(const core::Amendment& a, const core::Zone& zone);
/// What paper lists for a member, in amendment order: the corrections in
/// force, revoked ones and their revocations (an amendment is never hidden).
[[nodiscard]] std::vector<core::Amendment> amendmentsShown(const core::AttendeeResult& a);

inline constexpr const char* kReaderOfflineVerify = "读卡器离线—待核实";

} // namespace rollcall::reports
