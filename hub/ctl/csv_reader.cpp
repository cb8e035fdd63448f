#include "hub/ctl/csv_reader.h"

#include "common/utf8.h"
#include "hub/core/time_util.h"

#include <algorithm>
#include <fstream>
#include <sstream>

namespace rollcall::ctl {
namespace {

std::string trim(const std::string& s)
{
    const auto b = s.find_first_not_of(" \t");
    if (b == std::string::npos) return {};
    const auto e = s.find_last_not_of(" \t");
    return s.substr(b, e - b + 1);
}

} // namespace

CsvReader::CsvReader(const std::string& path) : path_(path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) throw common::InputError(path + ": cannot open file");
    std::stringstream buffer;
    buffer << in.rdbuf();
    std::string text = buffer.str();
    if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);
    // Names must reach the record (and JSON) intact; a GBK file from Excel
    // would be stored as garbage, so refuse it here, naming the line.
    if (const auto bad = common::invalidUtf8At(text); bad != std::string::npos) {
        const auto line = 1 + std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(bad), '\n');
        throw common::InputError(path + ":" + std::to_string(line)
                                 + ": text is not UTF-8 (save the file as UTF-8, not GBK)");
    }

    std::vector<CsvRow> records;
    CsvRow row;
    std::string field;
    bool quoted = false;
    bool fieldStarted = false;
    int line = 1;
    row.line = 1;
    auto endField = [&] {
        row.fields.push_back(field);
        field.clear();
        fieldStarted = false;
    };
    auto endRow = [&] {
        endField();
        const bool blank = row.fields.size() == 1 && trim(row.fields[0]).empty();
        if (!blank) records.push_back(std::move(row));
        row = CsvRow{};
        row.line = line;
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"') {
                if (i + 1 < text.size() && text[i + 1] == '"') {
                    field += '"';
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                if (c == '\n') ++line;
                field += c;
            }
            continue;
        }
        if (c == '"' && !fieldStarted) {
            quoted = true;
            fieldStarted = true;
        } else if (c == ',') {
            endField();
        } else if (c == '\r') {
            // part of CRLF; a lone CR is dropped too
        } else if (c == '\n') {
            ++line;
            endRow();
        } else {
            field += c;
            if (c != ' ' && c != '\t') fieldStarted = true;
        }
    }
    if (quoted) throw common::InputError(path + ":" + std::to_string(row.line) + ": unterminated quoted field");
    if (!field.empty() || !row.fields.empty()) endRow();

    if (records.empty()) throw common::InputError(path + ": file is empty, expected a header row");
    const auto& head = records.front();
    for (std::size_t i = 0; i < head.fields.size(); ++i) {
        std::string name = trim(head.fields[i]);
        for (auto& ch : name) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        if (name.empty()) continue;
        if (!header_.emplace(name, i).second) {
            throw common::InputError(path + ":" + std::to_string(head.line) + ": column \"" + name
                                     + "\" appears twice in the header");
        }
    }
    rows_.assign(records.begin() + 1, records.end());
    for (const auto& r : rows_) {
        if (r.fields.size() > head.fields.size()) {
            throw common::InputError(path + ":" + std::to_string(r.line) + ": row has "
                                     + std::to_string(r.fields.size()) + " fields but the header has "
                                     + std::to_string(head.fields.size()));
        }
    }
}

void CsvReader::requireColumns(const std::vector<std::string>& names) const
{
    for (const auto& n : names) {
        if (!header_.count(n)) throw common::InputError(path_ + ":1: missing required column \"" + n + "\"");
    }
}

std::optional<std::string> CsvReader::field(const CsvRow& row, const std::string& column) const
{
    const auto it = header_.find(column);
    if (it == header_.end()) return std::nullopt;
    if (it->second >= row.fields.size()) return std::string();
    return trim(row.fields[it->second]);
}

std::string CsvReader::where(const CsvRow& row, const std::string& column) const
{
    std::string s = path_ + ":" + std::to_string(row.line);
    if (!column.empty()) s += ": field " + column;
    return s;
}

} // namespace rollcall::ctl
