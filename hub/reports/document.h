#pragma once
// A report as the office reads it, independent of the file format: a title,
// lines under it, and sections each holding a table (with optional totals
// lines). The CSV, XLSX and PDF writers render the same Document, so a cell
// reads the same in every format.

#include "hub/core/time_util.h"

#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace rollcall::reports {

/// A number that is not whole, shown as `text` (CSV, PDF) and stored as
/// `value` with the spreadsheet number format `format` (XLSX), so a rate
/// sorts and sums as a number in a spreadsheet and reads the same everywhere.
struct FormattedNumber {
    double value = 0;
    std::string text;   // "98.2%", "96.5"
    std::string format; // "0.0%", "0.0#"
};

/// A cell: text, a whole number, or a formatted number (numbers are written
/// as numbers in XLSX).
struct Cell {
    std::variant<std::string, std::int64_t, FormattedNumber> value;
    Cell(std::string s) : value(std::move(s)) {}         // NOLINT(google-explicit-constructor)
    Cell(const char* s) : value(std::string(s)) {}       // NOLINT(google-explicit-constructor)
    Cell(std::int64_t n) : value(n) {}                   // NOLINT(google-explicit-constructor)
    Cell(int n) : value(static_cast<std::int64_t>(n)) {} // NOLINT(google-explicit-constructor)
    Cell(FormattedNumber n) : value(std::move(n)) {}     // NOLINT(google-explicit-constructor)
    /// An attendance rate: "98.2%" and the fraction 0.982…, or the text "n/a".
    [[nodiscard]] static Cell rate(std::optional<double> fraction);
    [[nodiscard]] bool isNumber() const { return std::holds_alternative<std::int64_t>(value); }
    [[nodiscard]] bool isFormattedNumber() const { return std::holds_alternative<FormattedNumber>(value); }
    [[nodiscard]] std::string text() const;
};

struct Column {
    std::string header;
    double weight = 1.0;  // share of the page width in PDF (wide for names and notes)
    bool numeric = false; // right-aligned
};

struct Section {
    std::string heading; // may be empty (single-table reports)
    std::vector<Column> columns;
    std::vector<std::vector<Cell>> rows;
    std::vector<std::string> notes;   // totals and remarks printed after the table
    std::string emptyText = "（无）"; // shown when there are no rows
};

struct Document {
    std::string title;                 // "州委常委会议 签到表"
    std::vector<std::string> subtitle; // period, venue, time made
    std::vector<Section> sections;
    std::string footer; // printed at the end (e.g. "制表：办公室")
    bool landscape = true;
};

/// The document laid out as rows of cells, as CSV and XLSX hold it (the same
/// grid in both, so a spreadsheet reads exactly like the CSV).
struct GridRow {
    enum class Kind { Title, Subtitle, Blank, Heading, Header, Data, Note, Footer };
    Kind kind = Kind::Data;
    std::vector<Cell> cells;
};
[[nodiscard]] std::vector<GridRow> documentGrid(const Document& doc);

enum class Format { Csv, Xlsx, Pdf };

/// "csv", "xlsx" or "pdf"; throws InputError naming --format.
[[nodiscard]] Format parseFormat(std::string_view text);
/// The format an output file name implies, if its extension is one of them.
[[nodiscard]] std::optional<Format> formatFromPath(const std::string& path);

/// Writes the document to `path` in `format`. The file appears whole or not
/// at all (written to a temporary name in the same directory, then renamed).
/// Throws InputError naming the path if it cannot be written.
void writeDocument(const Document& doc, Format format, const std::string& path);

// The writers (one file each). They write to exactly `path`.
void writeCsv(const Document& doc, const std::string& path);
void writeXlsx(const Document& doc, const std::string& path);
void writePdf(const Document& doc, const std::string& path);

/// Writes `text` to `path` atomically (temporary file + rename); throws InputError.
void writeTextFile(const std::string& path, const std::string& text);
/// Checks that a file can be created at `path` (its directory exists and is writable); throws InputError.
void checkWritable(const std::string& path, std::string_view option);

} // namespace rollcall::reports
