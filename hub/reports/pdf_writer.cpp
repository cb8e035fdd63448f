// PDF through cairo's PDF surface and Pango: A4, the CJK font from
// fontconfig (WenQuanYi Micro Hei ships with the hub; cairo embeds the glyph
// subsets used), a bordered table whose header repeats on every page, and
// "第 1 页 / 共 3 页" at the foot of each page. Laid out twice: the first pass
// counts the pages, the second draws them.
#include "hub/reports/cairo_handles.h"
#include "hub/reports/document.h"

#include <algorithm>
#include <cairo-pdf.h>
#include <cmath>
#include <memory>
#include <numeric>
#include <pango/pangocairo.h>

namespace rollcall::reports {
namespace {

constexpr double kA4Short = 595.276; // points
constexpr double kA4Long = 841.890;
constexpr double kMargin = 42.0; // ~15 mm
constexpr double kFooterSpace = 24.0;
constexpr double kPadX = 3.0, kPadY = 2.5;
constexpr const char* kFamily = "WenQuanYi Micro Hei, Noto Sans CJK SC, sans-serif";

Font makeFont(double size, bool bold)
{
    Font f(pango_font_description_from_string(kFamily));
    pango_font_description_set_absolute_size(f.get(), size * PANGO_SCALE);
    if (bold) pango_font_description_set_weight(f.get(), PANGO_WEIGHT_BOLD);
    return f;
}

class Renderer {
public:
    Renderer(cairo_t* cr, const Document& doc, double width, double height)
        : cr_(cr), doc_(doc), pageW_(width), pageH_(height), contentW_(width - 2 * kMargin),
          context_(pango_cairo_create_context(cr)), title_(makeFont(18, true)), subtitle_(makeFont(10, false)),
          heading_(makeFont(12, true)), header_(makeFont(9, true)), body_(makeFont(9, false)),
          small_(makeFont(8, false))
    {
        pango_cairo_context_set_resolution(context_.get(), 72); // font sizes in points
        for (const auto& section : doc.sections) widths_.push_back(columnWidths(section));
    }

    /// Lays out (and, if `draw`, draws) the whole document; returns the page count.
    int run(bool draw, int totalPages)
    {
        draw_ = draw;
        total_ = totalPages;
        page_ = 0;
        startPage();
        paragraph(doc_.title, title_.get(), PANGO_ALIGN_CENTER, 10);
        for (const auto& line : doc_.subtitle) paragraph(line, subtitle_.get(), PANGO_ALIGN_CENTER, 2);
        y_ += 8;
        for (std::size_t i = 0; i < doc_.sections.size(); ++i) section(doc_.sections[i], widths_[i]);
        if (!doc_.footer.empty()) {
            y_ += 10;
            paragraph(doc_.footer, subtitle_.get(), PANGO_ALIGN_RIGHT, 0);
        }
        endPage();
        return page_;
    }

private:
    Layout layout(const std::string& text, const PangoFontDescription* font, double width, PangoAlignment align)
    {
        Layout l(pango_layout_new(context_.get()));
        pango_layout_set_font_description(l.get(), font);
        pango_layout_set_text(l.get(), text.c_str(), static_cast<int>(text.size()));
        if (width > 0) {
            pango_layout_set_width(l.get(), static_cast<int>(width * PANGO_SCALE));
            pango_layout_set_wrap(l.get(), PANGO_WRAP_WORD_CHAR);
        }
        pango_layout_set_alignment(l.get(), align);
        return l;
    }

    static std::pair<double, double> size(PangoLayout* l)
    {
        int w = 0, h = 0;
        pango_layout_get_size(l, &w, &h);
        return {static_cast<double>(w) / PANGO_SCALE, static_cast<double>(h) / PANGO_SCALE};
    }

    double bottom() const { return pageH_ - kMargin - kFooterSpace; }

    void startPage()
    {
        ++page_;
        y_ = kMargin;
    }

    void endPage()
    {
        if (!draw_) return;
        const std::string text = "第 " + std::to_string(page_) + " 页 / 共 " + std::to_string(total_) + " 页";
        auto l = layout(text, small_.get(), contentW_, PANGO_ALIGN_CENTER);
        cairo_set_source_rgb(cr_, 0, 0, 0);
        cairo_move_to(cr_, kMargin, pageH_ - kMargin - size(l.get()).second + 4);
        pango_cairo_show_layout(cr_, l.get());
        auto t = layout(doc_.title, small_.get(), contentW_, PANGO_ALIGN_LEFT);
        cairo_set_source_rgb(cr_, 0.4, 0.4, 0.4);
        cairo_move_to(cr_, kMargin, pageH_ - kMargin - size(t.get()).second + 4);
        if (page_ > 1) pango_cairo_show_layout(cr_, t.get());
        cairo_set_source_rgb(cr_, 0, 0, 0);
        cairo_show_page(cr_);
    }

    void newPage()
    {
        endPage();
        startPage();
    }

    void paragraph(const std::string& text, const PangoFontDescription* font, PangoAlignment align, double after)
    {
        auto l = layout(text, font, contentW_, align);
        const auto h = size(l.get()).second;
        if (y_ + h > bottom()) newPage();
        if (draw_) {
            cairo_move_to(cr_, kMargin, y_);
            pango_cairo_show_layout(cr_, l.get());
        }
        y_ += h + after;
    }

    std::vector<double> columnWidths(const Section& s)
    {
        const std::size_t n = s.columns.size();
        std::vector<double> natural(n, 0.0);
        auto measure = [&](const std::string& text, const PangoFontDescription* font, std::size_t c) {
            auto l = layout(text, font, -1, PANGO_ALIGN_LEFT);
            natural[c] = std::max(natural[c], size(l.get()).first + 2 * kPadX + 1);
        };
        for (std::size_t c = 0; c < n; ++c) measure(s.columns[c].header, header_.get(), c);
        for (const auto& row : s.rows) {
            for (std::size_t c = 0; c < n && c < row.size(); ++c) measure(row[c].text(), body_.get(), c);
        }
        const double total = std::accumulate(natural.begin(), natural.end(), 0.0);
        std::vector<double> width(n, 0.0);
        if (total <= contentW_) {
            for (std::size_t c = 0; c < n; ++c) width[c] = natural[c] + (contentW_ - total) * natural[c] / total;
            return width;
        }
        // Too wide: narrow columns keep their natural width, the rest share
        // what is left by weight and wrap.
        std::vector<bool> fixed(n, false);
        double remaining = contentW_;
        for (bool changed = true; changed;) {
            changed = false;
            double weights = 0;
            for (std::size_t c = 0; c < n; ++c) {
                if (!fixed[c]) weights += s.columns[c].weight;
            }
            for (std::size_t c = 0; c < n; ++c) {
                if (fixed[c]) continue;
                if (natural[c] <= remaining * s.columns[c].weight / weights) {
                    fixed[c] = true;
                    width[c] = natural[c];
                    remaining -= natural[c];
                    changed = true;
                }
            }
        }
        double weights = 0;
        for (std::size_t c = 0; c < n; ++c) {
            if (!fixed[c]) weights += s.columns[c].weight;
        }
        for (std::size_t c = 0; c < n; ++c) {
            if (!fixed[c]) width[c] = std::max(24.0, remaining * s.columns[c].weight / weights);
        }
        return width;
    }

    /// One table row: measures it, breaks the page if needed (repeating the
    /// header), draws the cells with borders.
    void row(const std::vector<std::string>& cells, const std::vector<double>& widths, const Section& s, bool isHeader)
    {
        std::vector<Layout> layouts;
        double h = 0;
        for (std::size_t c = 0; c < widths.size(); ++c) {
            const std::string text = c < cells.size() ? cells[c] : std::string();
            const bool numeric = !isHeader && s.columns[c].numeric;
            auto l = layout(text, isHeader ? header_.get() : body_.get(), widths[c] - 2 * kPadX,
                            isHeader  ? PANGO_ALIGN_CENTER
                            : numeric ? PANGO_ALIGN_RIGHT
                                      : PANGO_ALIGN_LEFT);
            h = std::max(h, size(l.get()).second);
            layouts.push_back(std::move(l));
        }
        h += 2 * kPadY;
        if (y_ + h > bottom() && y_ > kMargin + 1) {
            newPage();
            if (!isHeader) headerRow(s, widths);
        }
        if (draw_) {
            double x = kMargin;
            for (std::size_t c = 0; c < widths.size(); ++c) {
                if (isHeader) {
                    cairo_set_source_rgb(cr_, 0.88, 0.88, 0.88);
                    cairo_rectangle(cr_, x, y_, widths[c], h);
                    cairo_fill(cr_);
                }
                cairo_set_source_rgb(cr_, 0, 0, 0);
                cairo_set_line_width(cr_, 0.6);
                cairo_rectangle(cr_, x, y_, widths[c], h);
                cairo_stroke(cr_);
                const double th = size(layouts[c].get()).second;
                cairo_move_to(cr_, x + kPadX, y_ + (h - th) / 2);
                pango_cairo_show_layout(cr_, layouts[c].get());
                x += widths[c];
            }
        }
        y_ += h;
    }

    void headerRow(const Section& s, const std::vector<double>& widths)
    {
        std::vector<std::string> cells;
        for (const auto& c : s.columns) cells.push_back(c.header);
        row(cells, widths, s, true);
    }

    void section(const Section& s, const std::vector<double>& widths)
    {
        // Keep a heading with the header row and the first rows.
        if (y_ + 60 > bottom()) newPage();
        if (!s.heading.empty()) paragraph(s.heading, heading_.get(), PANGO_ALIGN_LEFT, 4);
        headerRow(s, widths);
        for (const auto& r : s.rows) {
            std::vector<std::string> cells;
            for (const auto& c : r) cells.push_back(c.text());
            row(cells, widths, s, false);
        }
        if (s.rows.empty() && !s.emptyText.empty()) {
            Section single;
            single.columns.push_back(Column{"", 1.0, false});
            row({s.emptyText}, {std::accumulate(widths.begin(), widths.end(), 0.0)}, single, false);
        }
        y_ += 6;
        for (const auto& note : s.notes) paragraph(note, body_.get(), PANGO_ALIGN_LEFT, 2);
        y_ += 10;
    }

    cairo_t* cr_;
    const Document& doc_;
    double pageW_, pageH_, contentW_;
    std::unique_ptr<PangoContext, GObjectDeleter> context_;
    Font title_, subtitle_, heading_, header_, body_, small_;
    std::vector<std::vector<double>> widths_;
    bool draw_ = false;
    int page_ = 0, total_ = 0;
    double y_ = 0;
};

} // namespace

void writePdf(const Document& doc, const std::string& path)
{
    const double w = doc.landscape ? kA4Long : kA4Short;
    const double h = doc.landscape ? kA4Short : kA4Long;
    std::unique_ptr<cairo_surface_t, SurfaceDeleter> surface(cairo_pdf_surface_create(path.c_str(), w, h));
    if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) {
        throw common::InputError("cannot write " + path + ": "
                                 + cairo_status_to_string(cairo_surface_status(surface.get())));
    }
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE, doc.title.c_str());
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, "Rollcall rollcallctl");
    {
        std::unique_ptr<cairo_t, CairoDeleter> cr(cairo_create(surface.get()));
        Renderer renderer(cr.get(), doc, w, h);
        const int pages = renderer.run(false, 0);
        (void)renderer.run(true, pages);
    }
    cairo_surface_finish(surface.get());
    if (const auto status = cairo_surface_status(surface.get()); status != CAIRO_STATUS_SUCCESS) {
        throw common::InputError("cannot write " + path + ": " + cairo_status_to_string(status));
    }
}

} // namespace rollcall::reports
