#include "MediaItemDelegate.h"

#include <algorithm>

#include <QApplication>
#include <QIcon>
#include <QImage>
#include <QPainter>
#include <QPainterPath>

#include "MediaListModel.h"

namespace cq::ui {

namespace {
constexpr int PaddingPx = 6;
constexpr int GapPx = 12;
constexpr int LineGapPx = 2;
constexpr int StatusIconPx = 40;
constexpr int MinTextWidthPx = 240;
const QColor ErrorColor(0xc6, 0x28, 0x28);

QFont boldFont(QFont font) {
    font.setBold(true);
    return font;
}

// The square every picture sits in: the view's icon size. Read it before initStyleOption(), which
// replaces decorationSize with the size of this row's own picture.
QSize thumbnailSize(const QStyleOptionViewItem &viewOption) {
    const QSize size = viewOption.decorationSize;
    return size.isValid() && !size.isEmpty() ? size : QSize(96, 96);
}
} // namespace

MediaItemDelegate::Layout MediaItemDelegate::layout(const QStyleOptionViewItem &option,
                                                    const QModelIndex &index, const QRect &rect) const {
    const QSize side = thumbnailSize(option);
    const int textLeft = rect.left() + PaddingPx + side.width() + GapPx;
    const int textWidth = std::max(MinTextWidthPx, rect.right() - PaddingPx - textLeft + 1);
    const int nameHeight = QFontMetrics(boldFont(option.font)).height();
    const QRect summaryBounds = option.fontMetrics.boundingRect(
        QRect(0, 0, textWidth, 10000), Qt::TextWordWrap, index.data(MediaListModel::SummaryRole).toString());
    const int textHeight = nameHeight + LineGapPx + summaryBounds.height();
    const int contentHeight = std::max(side.height(), textHeight);
    const int top = rect.top() + PaddingPx;

    Layout result;
    result.thumbnail =
        QRect(QPoint(rect.left() + PaddingPx, top + (contentHeight - side.height()) / 2), side);
    const int textTop = top + (contentHeight - textHeight) / 2;
    result.name = QRect(textLeft, textTop, textWidth, nameHeight);
    result.summary = QRect(textLeft, textTop + nameHeight + LineGapPx, textWidth, summaryBounds.height());
    return result;
}

QSize MediaItemDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const {
    // The view passes the width available for the row; before it is known, assume a narrow one.
    const QSize side = thumbnailSize(option);
    const int width =
        option.rect.width() > 0 ? option.rect.width() : side.width() + GapPx + MinTextWidthPx + 2 * PaddingPx;
    const Layout parts = layout(option, index, QRect(0, 0, width, 0));
    const int bottom = std::max(parts.thumbnail.bottom(), parts.summary.bottom());
    return {width, bottom + 1 + PaddingPx};
}

void MediaItemDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                              const QModelIndex &index) const {
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QWidget *widget = opt.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &opt, painter, widget);

    const Layout parts = layout(option, index, option.rect);
    const bool selected = opt.state.testFlag(QStyle::State_Selected);
    const QPalette::ColorGroup group =
        opt.state.testFlag(QStyle::State_Enabled) ? QPalette::Normal : QPalette::Disabled;
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setRenderHint(QPainter::SmoothPixmapTransform);

    // A quiet square behind every picture, so portrait, landscape and icons line up.
    QPainterPath square;
    square.addRoundedRect(QRectF(parts.thumbnail), 6, 6);
    painter->fillPath(square, opt.palette.color(group, QPalette::Window));
    const QVariant decoration = index.data(Qt::DecorationRole);
    if (decoration.typeId() == QMetaType::QImage) {
        const QImage image = decoration.value<QImage>();
        const QSize fitted = image.size().scaled(parts.thumbnail.size(), Qt::KeepAspectRatio);
        QRect target(QPoint(), fitted);
        target.moveCenter(parts.thumbnail.center());
        painter->setClipPath(square);
        painter->drawImage(target, image);
        painter->setClipping(false);
    } else if (decoration.typeId() == QMetaType::QIcon) {
        QRect target(0, 0, StatusIconPx, StatusIconPx);
        target.moveCenter(parts.thumbnail.center());
        decoration.value<QIcon>().paint(painter, target);
    }

    const QColor textColor = opt.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text);
    painter->setPen(textColor);
    painter->setFont(boldFont(opt.font));
    const QString name = index.data(Qt::DisplayRole).toString();
    painter->drawText(parts.name, Qt::AlignLeft | Qt::AlignVCenter,
                      QFontMetrics(painter->font()).elidedText(name, Qt::ElideMiddle, parts.name.width()));

    const auto state = index.data(MediaListModel::StateRole).value<MediaListModel::State>();
    QColor summaryColor = opt.palette.color(group, QPalette::PlaceholderText);
    if (selected) {
        summaryColor = textColor;
    } else if (state == MediaListModel::State::Unreadable) {
        summaryColor = ErrorColor;
    }
    painter->setPen(summaryColor);
    painter->setFont(opt.font);
    painter->drawText(parts.summary, Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap,
                      index.data(MediaListModel::SummaryRole).toString());
    painter->restore();
}

} // namespace cq::ui
