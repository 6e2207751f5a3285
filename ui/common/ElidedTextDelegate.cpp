#include "common/ElidedTextDelegate.h"

#include <QApplication>
#include <QPainter>

namespace cq::ui {

namespace {
constexpr int CachedLines = 1000; // a few screens of rows at a few column widths
} // namespace

ElidedTextDelegate::ElidedTextDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
    , m_lines(CachedLines) {
}

const QStaticText &ElidedTextDelegate::line(const QString &text, const QFont &font,
                                            const QFontMetrics &metrics, int width) const {
    const QString key = QString::number(width) + u'\x1f' + font.key() + u'\x1f' + text;
    if (const QStaticText *cached = m_lines.object(key)) {
        return *cached;
    }
    const auto laidOut = [&font](const QString &line) {
        auto *result = new QStaticText(line);
        result->setTextFormat(Qt::PlainText);
        result->setPerformanceHint(QStaticText::AggressiveCaching);
        result->prepare(QTransform(), font);
        return result;
    };
    // Most lines fit: laying the whole one out measures it too, and eliding would shape it again.
    QStaticText *whole = laidOut(text);
    if (whole->size().width() > width) {
        delete whole;
        whole = laidOut(metrics.elidedText(text, Qt::ElideRight, width));
    }
    m_lines.insert(key, whole);
    return *whole;
}

void ElidedTextDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                               const QModelIndex &index) const {
    QStyleOptionViewItem cell = option;
    initStyleOption(&cell, index);
    const QString text = cell.text;
    cell.text.clear(); // the style draws the rest
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &cell, painter, widget);
    if (text.isEmpty()) {
        return;
    }
    // The margins the style gives item text (QCommonStyle's viewItemDrawText).
    const int margin = style->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, widget) + 1;
    const QRect area =
        style->subElementRect(QStyle::SE_ItemViewItemText, &cell, widget).adjusted(margin, 0, -margin, 0);
    if (area.width() <= 0) {
        return;
    }
    const QStaticText &laidOut = line(text.section(u'\n', 0, 0), cell.font, cell.fontMetrics, area.width());
    const QPalette::ColorGroup group = !(cell.state & QStyle::State_Enabled) ? QPalette::Disabled
                                       : (cell.state & QStyle::State_Active) ? QPalette::Normal
                                                                             : QPalette::Inactive;
    const bool selected = cell.state & QStyle::State_Selected;
    painter->save();
    painter->setFont(cell.font);
    painter->setPen(cell.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text));
    // Centred like the style centres one line of item text: by the font's line height.
    painter->drawStaticText(
        QPointF(area.left(), area.top() + (area.height() - cell.fontMetrics.height()) / 2), laidOut);
    painter->restore();
}

} // namespace cq::ui
