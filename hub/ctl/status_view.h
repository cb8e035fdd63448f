#pragma once
// Renders a MeetingResult as the table a person reads or as JSON
// (the `rollcallctl status` format, documented in docs/cli.md).
#include "hub/core/meeting_evaluator.h"

#include <nlohmann/json.hpp>
#include <ostream>

namespace rollcall::ctl {

[[nodiscard]] nlohmann::ordered_json statusJson(const core::MeetingResult& result, const core::Zone& zone);
void printStatusTable(std::ostream& out, const core::MeetingResult& result, const core::Zone& zone);

} // namespace rollcall::ctl
