#pragma once
// One page of a PDF drawn in the window (issue 16: the office previews a
// sheet, a period report, the 绩效考评 table, a notice or the disclosure
// before saving it). Rendered with Poppler's Qt 6 binding (libpoppler-qt6,
// the engine poppler-utils already brings), at the item's size, so text
// stays sharp at any scale; XLSX and CSV are saved, not previewed.

#include <QByteArray>
#include <QImage>
#include <QQuickPaintedItem>
#include <QtQml/qqmlregistration.h>

namespace rollcall::dashboard {

class PdfPageView : public QQuickPaintedItem {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QByteArray document READ document WRITE setDocument NOTIFY documentChanged)
    Q_PROPERTY(int page READ page WRITE setPage NOTIFY pageChanged)
    Q_PROPERTY(int pageCount READ pageCount NOTIFY documentChanged)
    /// The page's height ÷ width (A4 portrait ≈ 1.414), for the layout to size the item.
    Q_PROPERTY(double aspect READ aspect NOTIFY pageChanged)

public:
    explicit PdfPageView(QQuickItem* parent = nullptr);

    [[nodiscard]] QByteArray document() const { return document_; }
    void setDocument(const QByteArray& pdf);
    [[nodiscard]] int page() const { return page_; }
    void setPage(int page);
    [[nodiscard]] int pageCount() const { return pageCount_; }
    [[nodiscard]] double aspect() const { return aspect_; }

    void paint(QPainter* painter) override;

    /// Page `page` (0-based) of `pdf` rendered `widthPx` wide; a null image if it is not a PDF or has no such page.
    [[nodiscard]] static QImage render(const QByteArray& pdf, int page, int widthPx);
    /// The number of pages of `pdf` (0: not a PDF).
    [[nodiscard]] static int countPages(const QByteArray& pdf);

signals:
    void documentChanged();
    void pageChanged();

private:
    void measure();

    QByteArray document_;
    int page_ = 0;
    int pageCount_ = 0;
    double aspect_ = 1.414;
    QImage cached_; // the page at the size last painted
};

} // namespace rollcall::dashboard
