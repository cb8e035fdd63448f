#include "hub/reports/record_anchor.h"

namespace rollcall::reports {

std::string recordAnchorLine(const core::ChainHead& head)
{
    return "记录链头：" + head.hash + "（共 " + std::to_string(head.rows)
           + " 条记录，可用 rollcallctl verify --head 核对）";
}

std::string recordAnchorLine(common::Database& db) { return recordAnchorLine(core::chainHead(db)); }

} // namespace rollcall::reports
