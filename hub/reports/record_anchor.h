#pragma once
// The line every document prints about the record it was made from: the head
// of the record's hash chain and how many rows it covers (docs/security.md).
// `rollcallctl verify --head H` confirms later that H is part of the record,
// so a posted disclosure anchors the record publicly each month.
#include "hub/core/hash_chain.h"

#include <string>

namespace rollcall::reports {

/// "记录链头：<64 hex>（共 N 条记录，可用 rollcallctl verify --head 核对）"
[[nodiscard]] std::string recordAnchorLine(const core::ChainHead& head);

/// The line for the record as it is now. Read after the document's data: the
/// chain only grows, so this head covers every row the document used.
[[nodiscard]] std::string recordAnchorLine(common::Database& db);

} // namespace rollcall::reports
