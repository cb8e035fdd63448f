// XLSX through libxlsxwriter: one worksheet holding the same grid as the CSV,
// numbers as numbers, bordered table cells, A4, page numbers in the footer.
#include "common/utf8.h"
#include "hub/reports/document.h"

#include <algorithm>
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

    std::vector<int> widths;
    const auto grid = documentGrid(doc);
    lxw_row_t r = 0;
    for (const auto& row : grid) {
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
            } else {
                e = worksheet_write_string(ws, r, col, std::get<std::string>(cell.value).c_str(), f);
            }
            if (e != LXW_NO_ERROR) throw common::InputError("cannot write " + path + ": " + lxw_strerror(e));
            if (row.kind == GridRow::Kind::Header || row.kind == GridRow::Kind::Data) {
                if (widths.size() <= c) widths.resize(c + 1, 6);
                widths[c] = std::max(widths[c], std::min(common::displayWidth(cell.text()) + 2, 48));
            }
        }
        ++r;
    }
    for (std::size_t c = 0; c < widths.size(); ++c) {
        worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), widths[c], nullptr);
    }
    worksheet_set_paper(ws, 9); // A4
    if (doc.landscape) worksheet_set_landscape(ws);
    worksheet_set_footer(ws, "&C第 &P 页 / 共 &N 页");

    lxw_doc_properties props{};
    props.title = const_cast<char*>(doc.title.c_str());
    props.author = const_cast<char*>("Rollcall");
    (void)workbook_set_properties(wb.get(), &props);

    const lxw_error e = workbook_close(wb.release());
    if (e != LXW_NO_ERROR) throw common::InputError("cannot write " + path + ": " + lxw_strerror(e));
}

} // namespace rollcall::reports
