#pragma once
// The figure columns of every table that counts attendance — the sign-in
// sheet's unit subtotals, the period report, the disclosure list and the
// 绩效考评 — in one order, so a reader finds 缺席 in the same place on each:
// 应到, 出席, 迟到, 代会, 请假, 缺席, 待核实, 早退, 出勤率.
#include "hub/core/status_tally.h"
#include "hub/reports/document.h"

#include <optional>
#include <vector>

namespace rollcall::reports {

/// The columns; without 待核实 where held absences are left out (disclosure).
[[nodiscard]] std::vector<Column> figureColumns(bool withVerify = true);

/// Appends the tally's cells in figureColumns' order; `verify` only when the
/// columns have 待核实. The rate is a number cell with a percent format.
void appendFigures(std::vector<Cell>& row, const core::StatusTally& tally, std::optional<long> verify);

} // namespace rollcall::reports
