#include "dashboard/src/pdf_page_view.h"

#include <QPainter>
#include <algorithm>
#include <memory>
#include <poppler-qt6.h>

namespace rollcall::dashboard {
namespace {

std::unique_ptr<Poppler::Document> load(const QByteArray& pdf)
{
    if (pdf.isEmpty()) return nullptr;
    auto doc = Poppler::Document::loadFromData(pdf);
    if (!doc || doc->isLocked()) return nullptr;
    // Antialiased text and lines: a preview is read, not printed.
    doc->setRenderHint(Poppler::Document::Antialiasing);
    doc->setRenderHint(Poppler::Document::TextAntialiasing);
    return doc;
}

} // namespace

PdfPageView::PdfPageView(QQuickItem* parent) : QQuickPaintedItem(parent) { setFillColor(Qt::white); }

void PdfPageView::setDocument(const QByteArray& pdf)
{
    if (pdf == document_) return;
    document_ = pdf;
    pageCount_ = countPages(pdf);
    page_ = 0;
    cached_ = {};
    measure();
    emit documentChanged();
    emit pageChanged();
    update();
}

void PdfPageView::setPage(int page)
{
    page = std::clamp(page, 0, std::max(0, pageCount_ - 1));
    if (page == page_) return;
    page_ = page;
    cached_ = {};
    measure();
    emit pageChanged();
    update();
}

void PdfPageView::measure()
{
    const auto doc = load(document_);
    const std::unique_ptr<Poppler::Page> p(doc ? doc->page(page_) : nullptr);
    if (!p) return;
    const auto size = p->pageSizeF();
    if (size.width() > 0) aspect_ = size.height() / size.width();
}

void PdfPageView::paint(QPainter* painter)
{
    const int w = static_cast<int>(width());
    if (w <= 0 || document_.isEmpty()) return;
    if (cached_.width() != w) cached_ = render(document_, page_, w);
    if (!cached_.isNull()) painter->drawImage(QPointF(0, 0), cached_);
}

QImage PdfPageView::render(const QByteArray& pdf, int page, int widthPx)
{
    const auto doc = load(pdf);
    if (!doc || widthPx <= 0) return {};
    const std::unique_ptr<Poppler::Page> p(doc->page(page));
    if (!p) return {};
    // Points are 1/72 in: this resolution makes the page widthPx wide.
    const double dpi = 72.0 * widthPx / p->pageSizeF().width();
    return p->renderToImage(dpi, dpi);
}

int PdfPageView::countPages(const QByteArray& pdf)
{
    const auto doc = load(pdf);
    return doc ? doc->numPages() : 0;
}

} // namespace rollcall::dashboard
