// XLSX through libxlsxwriter: one worksheet holding the same grid as the CSV,
// numbers as numbers (rates with a percent format), bordered table cells, A4
// fitted to the page width, the first table's header row frozen on screen and
// repeated on every printed page, page numbers in the footer.
#include "common/utf8.h"
#include "hub/reports/document.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <xlsxwriter.h>

namespace rollcall::reports {
namespace {

struct WorkbookCloser {
    void operator()(lxw_workbook* wb) const noexcept
    {
        if (wb) (void)workbook_close(wb);
    }
};

/// How wide a cell's text is in spreadsheet columns (the width of "0" in the
/// default font): CJK characters two, other letters — Latin, and the
/// Arabic-script letters of Uyghur and Kazakh names — one; Arabic vowel marks
/// and the joiners, which sit on or between letters, none.
double columnWidth(std::string_view text)
{
    double width = 0;
    for (std::size_t i = 0; i < text.size();) {
        const auto ch = common::decodeUtf8(text, i);
        if (ch.length == 0) {
            width += 1;
            ++i;
            continue;
        }
        const auto cp = ch.codePoint;
        const bool arabicMark = (cp >= 0x064B && cp <= 0x065F) || cp == 0x0670 || (cp >= 0x06D6 && cp <= 0x06ED);
        if (!arabicMark && cp != 0x200C && cp != 0x200D) width += common::displayWidth(text.substr(i, ch.length));
        i += ch.length;
    }
    return width;
}

} // namespace

void writeXlsx(const Document& doc, const std::string& path)
{
    std::unique_ptr<lxw_workbook, WorkbookCloser> wb(workbook_new(path.c_str()));
    if (!wb) throw common::InputError("cannot create " + path);
    lxw_worksheet* ws = workbook_add_worksheet(wb.get(), "报表");
    if (!ws) throw common::InputError("cannot create a worksheet in " + path);

    auto fmt = [&](auto&& configure) {
        lxw_format* f = workbook_add_format(wb.get());
        format_set_font_name(f, "等线");
        format_set_font_size(f, 10);
        configure(f);
        return f;
    };
    lxw_format* title = fmt([](lxw_format* f) {
        format_set_bold(f);
        format_set_font_size(f, 16);
    });
    lxw_format* heading = fmt([](lxw_format* f) {
        format_set_bold(f);
        format_set_font_size(f, 12);
    });
    lxw_format* header = fmt([](lxw_format* f) {
        format_set_bold(f);
        format_set_border(f, LXW_BORDER_THIN);
        format_set_bg_color(f, 0xE7E6E6);
        format_set_align(f, LXW_ALIGN_CENTER);
        format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
        format_set_text_wrap(f);
    });
    lxw_format* text = fmt([](lxw_format* f) {
        format_set_border(f, LXW_BORDER_THIN);
        format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
        format_set_text_wrap(f);
    });
    lxw_format* number = fmt([](lxw_format* f) {
        format_set_border(f, LXW_BORDER_THIN);
        format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
    });
    lxw_format* plain = fmt([](lxw_format*) {});

    // One format per number format of formatted cells (rates: "0.0%").
    std::map<std::string, lxw_format*> numberFormats;
    auto formatted = [&](const std::string& numFormat) {
        auto& f = numberFormats[numFormat];
        if (!f) {
            f = fmt([&](lxw_format* x) {
                format_set_border(x, LXW_BORDER_THIN);
                format_set_align(x, LXW_ALIGN_VERTICAL_CENTER);
                format_set_num_format(x, numFormat.c_str());
            });
        }
        return f;
    };

    std::vector<double> widths;
    std::optional<lxw_row_t> firstHeader;
    std::size_t firstWidth = 0;
    bool secondTable = false;
    const auto grid = documentGrid(doc);
    lxw_row_t r = 0;
    for (const auto& row : grid) {
        if (row.kind == GridRow::Kind::Header && !firstHeader) {
            firstHeader = r;
            firstWidth = row.cells.size();
        } else if (row.kind == GridRow::Kind::Header && r > *firstHeader) {
            secondTable = true;
        }
        lxw_format* f = plain;
        switch (row.kind) {
        case GridRow::Kind::Title: f = title; break;
        case GridRow::Kind::Heading: f = heading; break;
        case GridRow::Kind::Header: f = header; break;
        case GridRow::Kind::Data: f = text; break;
        default: break;
        }
        for (std::size_t c = 0; c < row.cells.size(); ++c) {
            const auto& cell = row.cells[c];
            const auto col = static_cast<lxw_col_t>(c);
            lxw_error e;
            if (cell.isNumber()) {
                e = worksheet_write_number(ws, r, col, static_cast<double>(std::get<std::int64_t>(cell.value)),
                                           row.kind == GridRow::Kind::Data ? number : f);
            } else if (const auto* n = std::get_if<FormattedNumber>(&cell.value)) {
                e = worksheet_write_number(ws, r, col, n->value, formatted(n->format));
            } else {
                e = worksheet_write_string(ws, r, col, std::get<std::string>(cell.value).c_str(), f);
            }
            if (e != LXW_NO_ERROR) throw common::InputError("cannot write " + path + ": " + lxw_strerror(e));
            // The first table (the sheet's roster, the ranking) sets the widths; a later, smaller table
            // (venues, walk-ins) only widens columns the first one does not have, and wraps otherwise.
            const bool sizes = !secondTable || c >= firstWidth;
            if (sizes && (row.kind == GridRow::Kind::Header || row.kind == GridRow::Kind::Data)) {
                if (widths.size() <= c) widths.resize(c + 1, 6);
                // Long texts (corrections, notes) wrap at 48 rather than widen the page.
                widths[c] = std::max(widths[c], std::min(std::ceil(columnWidth(cell.text())) + 2, 48.0));
            }
        }
        ++r;
    }
    for (std::size_t c = 0; c < widths.size(); ++c) {
        worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), widths[c], nullptr);
    }
    if (firstHeader) {
        // Title and header stay in view while scrolling; the header row heads every printed page.
        worksheet_freeze_panes(ws, *firstHeader + 1, 0);
        worksheet_repeat_rows(ws, *firstHeader, *firstHeader);
    }
    worksheet_set_paper(ws, 9); // A4
    if (doc.landscape) worksheet_set_landscape(ws);
    worksheet_fit_to_pages(ws, 1, 0); // as wide as the page, as many pages down as it takes
    worksheet_set_footer(ws, "&C第 &P 页 / 共 &N 页");

    lxw_doc_properties props{};
    props.title = const_cast<char*>(doc.title.c_str());
    props.author = const_cast<char*>("Rollcall");
    (void)workbook_set_properties(wb.get(), &props);

    const lxw_error e = workbook_close(wb.release());
    if (e != LXW_NO_ERROR) throw common::InputError("cannot write " + path + ": " + lxw_strerror(e));
}

} // namespace rollcall::reports
