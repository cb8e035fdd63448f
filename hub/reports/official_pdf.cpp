// cairo + Pango, like pdf_writer.cpp, but laid out as a 公文 rather than a
// table report: sizes follow GB/T 9704 (版心 156 × 225 mm, 天头 37 mm,
// 订口 28 mm; 3号 text, 22 lines of 28 characters; 2号 title). The serif and
// 仿宋 faces are asked for first; WenQuanYi (shipped with the hub) stands in.
#include "hub/reports/official_pdf.h"

#include "hub/reports/cairo_handles.h"

#include <algorithm>
#include <array>
#include <cairo-pdf.h>
#include <chrono>
#include <ctime>
#include <memory>
#include <pango/pangocairo.h>
#include <vector>

namespace rollcall::reports {
namespace {

constexpr double kMm = 72.0 / 25.4;
constexpr double kPageW = 210 * kMm, kPageH = 297 * kMm;
constexpr double kLeft = 28 * kMm, kTop = 37 * kMm;
constexpr double kTextW = 156 * kMm, kTextH = 225 * kMm;
constexpr double kBody = 16.0;        // 3号
constexpr double kLine = kTextH / 22; // 22 lines a page
constexpr const char* kSong = "Noto Serif CJK SC, SimSun, AR PL UMing CN, WenQuanYi Micro Hei, serif";
constexpr const char* kFang = "FangSong, FangSong_GB2312, STFangsong, Noto Serif CJK SC, WenQuanYi Micro Hei, serif";
constexpr const char* kHei = "SimHei, Noto Sans CJK SC, WenQuanYi Micro Hei, sans-serif";

Font makeFont(const char* family, double size, bool bold = false)
{
    Font f(pango_font_description_from_string(family));
    pango_font_description_set_absolute_size(f.get(), size * PANGO_SCALE);
    if (bold) pango_font_description_set_weight(f.get(), PANGO_WEIGHT_BOLD);
    return f;
}

class NoticeRenderer {
public:
    NoticeRenderer(cairo_t* cr, const RegisterEntry& e, const core::Zone& zone)
        : cr_(cr), e_(e), zone_(zone), context_(pango_cairo_create_context(cr))
    {
        pango_cairo_context_set_resolution(context_.get(), 72);
    }

    int run(bool draw, int total)
    {
        draw_ = draw;
        total_ = total;
        page_ = 0;
        startPage();
        // 发文机关标志: red, centred, 30 mm from the top of the page as in the
        // standard's letter form (信函格式), which leaves a one-page notice
        // room for its 落款 (the standard asks to close up rather than let the
        // date stand alone on a page).
        y_ = 30 * kMm;
        text(e_.text.office, makeFont(kSong, 30, true), PANGO_ALIGN_CENTER, kTextW, 0, {0.86, 0.08, 0.09});
        y_ += 2 * kLine * 0.6;
        text(e_.number, makeFont(kFang, kBody), PANGO_ALIGN_CENTER, kTextW, 0);
        y_ += 4 * kMm;
        if (draw_) { // the red separator line, the width of the text area
            cairo_set_source_rgb(cr_, 0.86, 0.08, 0.09);
            cairo_set_line_width(cr_, 1.2);
            cairo_move_to(cr_, kLeft, y_);
            cairo_line_to(cr_, kLeft + kTextW, y_);
            cairo_stroke(cr_);
        }
        y_ += 1.5 * kLine;
        text(e_.text.title, makeFont(kSong, 22, true), PANGO_ALIGN_CENTER, kTextW, 0);
        y_ += kLine * 0.6;
        text(e_.text.addressee + "：", makeFont(kFang, kBody), PANGO_ALIGN_LEFT, kTextW, 0);
        for (const auto& p : e_.text.paragraphs) paragraph(p);
        if (!e_.evidence.empty()) {
            y_ += kLine * 0.5;
            paragraph(std::string("附件：") + kEvidenceAttachment);
        }
        // 落款 and 成文日期: the date four characters from the right, the
        // issuer centred over it.
        y_ += kLine;
        const double dateW = 10 * kBody;
        const double dateX = kTextW - 4 * kBody - dateW;
        keep(2 * kLine);
        text(e_.text.office, makeFont(kFang, kBody), PANGO_ALIGN_CENTER, dateW + 4 * kBody, dateX - 2 * kBody);
        text(chineseDate(e_.issued, zone_), makeFont(kFang, kBody), PANGO_ALIGN_CENTER, dateW, dateX);
        if (!e_.evidence.empty()) attachment();
        endPage();
        return page_;
    }

private:
    Layout layout(const std::string& s, const PangoFontDescription* font, double width, PangoAlignment align)
    {
        Layout l(pango_layout_new(context_.get()));
        pango_layout_set_font_description(l.get(), font);
        pango_layout_set_text(l.get(), s.c_str(), static_cast<int>(s.size()));
        pango_layout_set_width(l.get(), static_cast<int>(width * PANGO_SCALE));
        pango_layout_set_wrap(l.get(), PANGO_WRAP_WORD_CHAR);
        pango_layout_set_alignment(l.get(), align);
        return l;
    }

    static double height(PangoLayout* l)
    {
        int w = 0, h = 0;
        pango_layout_get_size(l, &w, &h);
        return static_cast<double>(h) / PANGO_SCALE;
    }

    void startPage()
    {
        ++page_;
        y_ = kTop;
    }

    void endPage()
    {
        if (draw_) {
            // "— 1 —": odd pages on the right, even on the left, one character in.
            const std::string n = "— " + std::to_string(page_) + " —";
            auto font = makeFont(kSong, 14);
            auto l = layout(n, font.get(), kTextW - 14, page_ % 2 ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
            cairo_set_source_rgb(cr_, 0, 0, 0);
            cairo_move_to(cr_, kLeft + 7, kTop + kTextH + 7 * kMm);
            pango_cairo_show_layout(cr_, l.get());
            cairo_show_page(cr_);
        }
    }

    void keep(double h)
    {
        if (y_ + h > kTop + kTextH) {
            endPage();
            startPage();
        }
    }

    void text(const std::string& s, const Font& font, PangoAlignment align, double width, double x,
              std::array<double, 3> rgb = {0, 0, 0})
    {
        auto l = layout(s, font.get(), width, align);
        const double h = height(l.get());
        keep(h);
        if (draw_) {
            cairo_set_source_rgb(cr_, rgb[0], rgb[1], rgb[2]);
            cairo_move_to(cr_, kLeft + x, y_);
            pango_cairo_show_layout(cr_, l.get());
        }
        y_ += h;
    }

    /// A 正文 paragraph: first line indented two characters, 22 lines a page.
    void paragraph(const std::string& s)
    {
        auto font = makeFont(kFang, kBody);
        auto l = layout(s, font.get(), kTextW, PANGO_ALIGN_LEFT);
        pango_layout_set_indent(l.get(), static_cast<int>(2 * kBody * PANGO_SCALE));
        pango_layout_set_spacing(l.get(), static_cast<int>((kLine - kBody * 1.3) * PANGO_SCALE));
        // Line by line, so a long paragraph runs on to the next page.
        PangoLayoutIter* it = pango_layout_get_iter(l.get());
        double base = -1;
        do {
            PangoRectangle logical;
            pango_layout_iter_get_line_extents(it, nullptr, &logical);
            const double top = static_cast<double>(logical.y) / PANGO_SCALE;
            if (base < 0) base = top;
            keep(kLine);
            if (draw_) {
                PangoLayoutLine* line = pango_layout_iter_get_line_readonly(it);
                const double baseline = static_cast<double>(pango_layout_iter_get_baseline(it)) / PANGO_SCALE - top;
                cairo_set_source_rgb(cr_, 0, 0, 0);
                cairo_move_to(cr_, kLeft + static_cast<double>(logical.x) / PANGO_SCALE, y_ + baseline);
                pango_cairo_show_layout_line(cr_, line);
            }
            y_ += kLine;
        } while (pango_layout_iter_next_line(it));
        pango_layout_iter_free(it);
    }

    /// 附件 on a page of its own: its label, title, and the evidence table.
    void attachment()
    {
        endPage();
        startPage();
        text("附件", makeFont(kHei, kBody), PANGO_ALIGN_LEFT, kTextW, 0);
        y_ += kLine * 0.5;
        text(kEvidenceAttachment, makeFont(kSong, 20, true), PANGO_ALIGN_CENTER, kTextW, 0);
        y_ += kLine * 0.5;
        const std::vector<std::pair<std::string, double>> columns{
            {"序号", 0.7},     {"会议", 2.0},     {"时间", 1.5},    {"会场", 1.2},
            {"刷卡记录", 1.8}, {"更正记录", 1.8}, {"认定情况", 1.1}};
        double weights = 0;
        for (const auto& c : columns) weights += c.second;
        std::vector<double> widths;
        for (const auto& c : columns) widths.push_back(kTextW * c.second / weights);
        std::vector<std::string> header;
        for (const auto& c : columns) header.push_back(c.first);
        row(header, widths, true);
        int n = 0;
        for (const auto& r : e_.evidence) {
            row({std::to_string(++n), r.meeting, r.date, r.venue, r.taps, r.amendments, r.finding}, widths, false);
        }
    }

    void row(const std::vector<std::string>& cells, const std::vector<double>& widths, bool header)
    {
        auto font = header ? makeFont(kHei, 10) : makeFont(kFang, 10);
        std::vector<Layout> ls;
        double h = 0;
        for (std::size_t i = 0; i < cells.size(); ++i) {
            ls.push_back(
                layout(cells[i], font.get(), widths[i] - 6, header || i == 0 ? PANGO_ALIGN_CENTER : PANGO_ALIGN_LEFT));
            h = std::max(h, height(ls.back().get()));
        }
        h += 8;
        if (y_ + h > kTop + kTextH) {
            endPage();
            startPage();
        }
        if (draw_) {
            double x = kLeft;
            cairo_set_source_rgb(cr_, 0, 0, 0);
            cairo_set_line_width(cr_, 0.6);
            for (std::size_t i = 0; i < cells.size(); ++i) {
                cairo_rectangle(cr_, x, y_, widths[i], h);
                cairo_stroke(cr_);
                cairo_move_to(cr_, x + 3, y_ + 4);
                pango_cairo_show_layout(cr_, ls[i].get());
                x += widths[i];
            }
        }
        y_ += h;
    }

    cairo_t* cr_;
    const RegisterEntry& e_;
    const core::Zone& zone_;
    std::unique_ptr<PangoContext, GObjectDeleter> context_;
    bool draw_ = false;
    int page_ = 0, total_ = 0;
    double y_ = 0;
};

} // namespace

void writeNoticePdf(const RegisterEntry& entry, const core::Zone& zone, const std::string& path)
{
    std::unique_ptr<cairo_surface_t, SurfaceDeleter> surface(cairo_pdf_surface_create(path.c_str(), kPageW, kPageH));
    if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) {
        throw common::InputError("cannot write " + path + ": "
                                 + cairo_status_to_string(cairo_surface_status(surface.get())));
    }
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE, entry.text.title.c_str());
    // Dated when the notice was issued, not when the file was written: the same
    // register entry gives the same bytes, at the hub or on a desk (issue 16).
    const auto issued = std::chrono::system_clock::to_time_t(
        std::chrono::time_point_cast<std::chrono::system_clock::duration>(entry.issued));
    std::tm utc{};
    gmtime_r(&issued, &utc);
    char created[32];
    std::strftime(created, sizeof created, "%Y-%m-%dT%H:%M:%SZ", &utc);
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATE_DATE, created);
    {
        std::unique_ptr<cairo_t, CairoDeleter> cr(cairo_create(surface.get()));
        NoticeRenderer renderer(cr.get(), entry, zone);
        const int pages = renderer.run(false, 0);
        (void)renderer.run(true, pages);
    }
    cairo_surface_finish(surface.get());
    if (const auto status = cairo_surface_status(surface.get()); status != CAIRO_STATUS_SUCCESS) {
        throw common::InputError("cannot write " + path + ": " + cairo_status_to_string(status));
    }
}

std::string noticePlainText(const RegisterEntry& e, const core::Zone& zone)
{
    std::string s = e.text.office + "\n" + e.number + "\n\n" + e.text.title + "\n\n" + e.text.addressee + "：\n";
    for (const auto& p : e.text.paragraphs) s += "　　" + p + "\n";
    if (!e.evidence.empty()) s += std::string("\n　　附件：") + kEvidenceAttachment + "\n";
    s += "\n" + e.text.office + "\n" + chineseDate(e.issued, zone) + "\n";
    if (!e.evidence.empty()) {
        s += std::string("\n附件\n") + kEvidenceAttachment + "\n";
        int n = 0;
        for (const auto& r : e.evidence) {
            s += std::to_string(++n) + ". " + r.meeting + "｜" + r.date + "｜会场 " + r.venue + "｜刷卡 " + r.taps
                 + "｜更正 " + r.amendments + "｜" + r.finding + "\n";
        }
    }
    return s;
}

} // namespace rollcall::reports
