#pragma once
// Owning handles for the cairo and Pango objects the PDF writers create
// (pdf_writer.cpp for tables, official_pdf.cpp for 公文): each is released
// with its own library's call when the handle goes.
#include <cairo.h>
#include <memory>
#include <pango/pangocairo.h>

namespace rollcall::reports {

struct SurfaceDeleter {
    void operator()(cairo_surface_t* s) const noexcept { cairo_surface_destroy(s); }
};
struct CairoDeleter {
    void operator()(cairo_t* c) const noexcept { cairo_destroy(c); }
};
struct GObjectDeleter {
    void operator()(void* o) const noexcept
    {
        if (o) g_object_unref(o);
    }
};
struct FontDeleter {
    void operator()(PangoFontDescription* f) const noexcept { pango_font_description_free(f); }
};
using Layout = std::unique_ptr<PangoLayout, GObjectDeleter>;
using Font = std::unique_ptr<PangoFontDescription, FontDeleter>;

} // namespace rollcall::reports
