// CSV: UTF-8 with a byte-order mark (so spreadsheet programs pick UTF-8),
// RFC 4180 quoting, CRLF line ends.
#include "hub/reports/csv_field.h"
#include "hub/reports/document.h"

#include <fstream>

namespace rollcall::reports {

void writeCsv(const Document& doc, const std::string& path)
{
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << "\xEF\xBB\xBF";
    for (const auto& row : documentGrid(doc)) {
        for (std::size_t i = 0; i < row.cells.size(); ++i) {
            if (i) out << ',';
            out << csvField(row.cells[i].text());
        }
        out << "\r\n";
    }
    out.flush();
    if (!out) throw common::InputError("cannot write " + path);
}

} // namespace rollcall::reports
