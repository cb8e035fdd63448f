#pragma once
// A small RFC 4180 CSV reader that keeps line numbers, so every bad row can
// be reported as FILE:LINE. Accepts a UTF-8 BOM, CRLF or LF, quoted fields
// with embedded commas, quotes and newlines. Text must be UTF-8 (anything
// else, e.g. GBK, is refused naming the line); bytes are passed through
// unchanged (names in any script survive).

#include <istream>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace rollcall::ctl {

struct CsvRow {
    int line = 0; // line number where the row starts (1-based)
    std::vector<std::string> fields;
};

class CsvReader {
public:
    /// Reads the whole file; throws InputError for unreadable files, text that
    /// is not UTF-8 or an unterminated quote.
    explicit CsvReader(const std::string& path);

    [[nodiscard]] const std::string& path() const noexcept { return path_; }
    /// Header names (trimmed, lower-case ASCII) to column index.
    [[nodiscard]] const std::map<std::string, std::size_t>& header() const noexcept { return header_; }
    [[nodiscard]] const std::vector<CsvRow>& rows() const noexcept { return rows_; }

    /// Throws InputError naming the file if a required column is missing.
    void requireColumns(const std::vector<std::string>& names) const;
    /// The field of `row` in `column` (trimmed of ASCII spaces), or nullopt if the column is absent.
    [[nodiscard]] std::optional<std::string> field(const CsvRow& row, const std::string& column) const;
    /// "FILE:LINE: field NAME" prefix for messages.
    [[nodiscard]] std::string where(const CsvRow& row, const std::string& column = {}) const;

private:
    std::string path_;
    std::map<std::string, std::size_t> header_;
    std::vector<CsvRow> rows_;
};

} // namespace rollcall::ctl
