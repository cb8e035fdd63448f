#pragma once
// An issued notice or withdrawal as the office sends it: the 公文 layout of
// GB/T 9704 as a guide (发文机关标志 in red, 发文字号, red separator line,
// 标题, 主送机关, 正文, 附件说明, 落款 and 成文日期, page numbers "— 1 —"),
// with the evidence table as 附件 on its own page; and the same document as
// plain text. Made from the register entry alone, so it reads the same
// whenever it is printed.
#include "hub/reports/notice_register.h"

#include <string>

namespace rollcall::reports {

/// The 附件's title.
inline constexpr const char* kEvidenceAttachment = "会议出勤情况证据表";

/// Writes the entry as a PDF (A4); throws InputError naming the path.
void writeNoticePdf(const RegisterEntry& entry, const core::Zone& zone, const std::string& path);

/// The entry as plain UTF-8 text, in the order of the paper.
[[nodiscard]] std::string noticePlainText(const RegisterEntry& entry, const core::Zone& zone);

} // namespace rollcall::reports
