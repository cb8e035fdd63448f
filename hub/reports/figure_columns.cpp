#include "hub/reports/figure_columns.h"

namespace rollcall::reports {

std::vector<Column> figureColumns(bool withVerify)
{
    std::vector<Column> columns = {{"应到", 1, true}, {"出席", 1, true}, {"迟到", 1, true},
                                   {"代会", 1, true}, {"请假", 1, true}, {"缺席", 1, true}};
    if (withVerify) columns.push_back({"待核实", 1, true});
    columns.push_back({"早退", 1, true});
    columns.push_back({"出勤率", 1.2, true});
    return columns;
}

void appendFigures(std::vector<Cell>& row, const core::StatusTally& t, std::optional<long> verify)
{
    row.insert(row.end(),
               {Cell(t.expected), Cell(t.present), Cell(t.late), Cell(t.substituted), Cell(t.excused), Cell(t.absent)});
    if (verify) row.emplace_back(*verify);
    row.emplace_back(t.leftEarly);
    row.push_back(Cell::rate(t.attendanceRate()));
}

} // namespace rollcall::reports
