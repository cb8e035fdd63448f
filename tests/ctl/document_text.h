#pragma once
// Comparing two runs of the same document: what may differ between them is
// when each was made (and the disclosure's 公示期, which starts that day) and
// the record chain head it cites (the record keeps
// growing between the runs, so the head moves on by design; that a printed
// head belongs to the record is `verify --head`'s test). Everything else —
// every name, status and figure — must be byte for byte the same.
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace rollcall::test {

inline std::string readFile(const std::filesystem::path& p)
{
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

inline std::string withoutMadeAtOrChainHead(std::string text, const std::vector<std::string>& madeAt)
{
    for (const auto& stamp : madeAt) {
        for (auto pos = text.find(stamp); pos != std::string::npos; pos = text.find(stamp, pos))
            text.replace(pos, stamp.size(), "<made>");
    }
    // "记录链头：<64 hex>（共 N 条记录…": the hash and the count go, the rest stays.
    const std::string label = "记录链头：", end = " 条记录";
    for (auto pos = text.find(label); pos != std::string::npos; pos = text.find(label, pos + label.size())) {
        const auto from = pos + label.size();
        const auto to = text.find(end, from);
        if (to == std::string::npos) break;
        text.replace(from, to - from, "<head>");
    }
    // "公示期：2026年11月25日至2026年11月29日（5 天）": the dates go, the length stays.
    const std::string period = "公示期：", days = "（";
    for (auto pos = text.find(period); pos != std::string::npos; pos = text.find(period, pos + period.size())) {
        const auto from = pos + period.size();
        const auto to = text.find(days, from);
        if (to == std::string::npos) break;
        text.replace(from, to - from, "<made>");
    }
    return text;
}

} // namespace rollcall::test
