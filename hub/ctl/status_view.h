#pragma once
// Renders a MeetingResult as the table a person reads or as JSON
// (the `rollcallctl status` format, documented in docs/cli.md).
#include "meeting_evaluator.h"

#include <nlohmann/json.hpp>
#include <ostream>

namespace rollcall::ctl {

[[nodiscard]] nlohmann::ordered_json statusJson(const MeetingResult& result, const Zone& zone);
void printStatusTable(std::ostream& out, const MeetingResult& result, const Zone& zone);

/// Terminal columns a UTF-8 string takes (East Asian wide characters count 2).
[[nodiscard]] int displayWidth(std::string_view utf8);

} // namespace rollcall::ctl
