#pragma once
// Comparing two runs of the same document: what may differ between them is
// when each was made and the record chain head it cites (the record keeps
// growing between the runs, so the head moves on by design; that a printed
// head belongs to the record is `verify --head`'s test). Everything else —
// every name, status and figure — must be byte for byte the same.
#include <filesystem>
#include <fstream>
#include <regex>
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
    static const std::regex head("记录链头：[0-9a-f]{64}（共 [0-9]+ 条记录");
    return std::regex_replace(text, head, "记录链头：<head>");
}

} // namespace rollcall::test
