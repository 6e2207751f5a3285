#include "composer/MediaItemDelegate.h"

#include <algorithm>

#include <QApplication>
#include <QIcon>
#include <QImage>
#include <QPainter>
#include <QPainterPath>

#include "composer/MediaListModel.h"
#include "composer/MediaRowActions.h"
#include "composer/PaletteTones.h"

namespace cq::ui {

namespace {
// Spacing follows the font, so the row scales with the user's font size and the screen's DPI.
int paddingPx(const QFontMetrics &metrics) {
    return metrics.height() / 3;
}
int gapPx(const QFontMetrics &metrics) {
    return metrics.height() * 2 / 3;
}
int lineGapPx(const QFontMetrics &metrics) {
    return std::max(1, metrics.height() / 8);
}
int minTextWidthPx(const QFontMetrics &metrics) {
    return metrics.averageCharWidth() * 30;
}

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
    const QFontMetrics &metrics = option.fontMetrics;
    const int padding = paddingPx(metrics);
    const int lineGap = lineGapPx(metrics);
    const int textLeft = rect.left() + padding + side.width() + gapPx(metrics);
    const int actions = hasActions(index) ? MediaRowActions::widthPx(metrics) + gapPx(metrics) : 0;
    const int textWidth = std::max(minTextWidthPx(metrics), rect.right() - padding - actions - textLeft + 1);
    const int nameHeight = QFontMetrics(boldFont(option.font)).height();
    const QRect summaryBounds = option.fontMetrics.boundingRect(
        QRect(0, 0, textWidth, 10000), Qt::TextWordWrap, index.data(MediaListModel::SummaryRole).toString());
    const QString notes = index.data(MediaListModel::NotesRole).toString();
    const QRect notesBounds = notes.isEmpty() ? QRect()
                                              : option.fontMetrics.boundingRect(QRect(0, 0, textWidth, 10000),
                                                                                Qt::TextWordWrap, notes);
    const int notesHeight = notes.isEmpty() ? 0 : lineGap + notesBounds.height();
    const int textHeight = nameHeight + lineGap + summaryBounds.height() + notesHeight;
    const int contentHeight = std::max(side.height(), textHeight);
    const int top = rect.top() + padding;

    Layout result;
    result.thumbnail = QRect(QPoint(rect.left() + padding, top + (contentHeight - side.height()) / 2), side);
    const int textTop = top + (contentHeight - textHeight) / 2;
    result.name = QRect(textLeft, textTop, textWidth, nameHeight);
    result.summary = QRect(textLeft, textTop + nameHeight + lineGap, textWidth, summaryBounds.height());
    if (!notes.isEmpty()) {
        result.notes =
            QRect(textLeft, result.summary.bottom() + 1 + lineGap, textWidth, notesBounds.height());
    }
    return result;
}

bool MediaItemDelegate::hasActions(const QModelIndex &index) {
    return !index.data(MediaListModel::FixRole).toString().isEmpty()
           || index.data(MediaListModel::ConformProgressRole).isValid();
}

void MediaItemDelegate::updateEditorGeometry(QWidget *editor, const QStyleOptionViewItem &option,
                                             const QModelIndex &) const {
    const QFontMetrics &metrics = option.fontMetrics;
    const int width = MediaRowActions::widthPx(metrics);
    const int height = std::min(editor->sizeHint().height(), option.rect.height());
    editor->setGeometry(option.rect.right() - paddingPx(metrics) - width + 1,
                        option.rect.top() + (option.rect.height() - height) / 2, width, height);
}

QSize MediaItemDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const {
    // The view passes the width available for the row; before it is known, assume a narrow one.
    const QSize side = thumbnailSize(option);
    const QFontMetrics &metrics = option.fontMetrics;
    const int width = option.rect.width() > 0
                          ? option.rect.width()
                          : side.width() + gapPx(metrics) + minTextWidthPx(metrics) + 2 * paddingPx(metrics);
    const Layout parts = layout(option, index, QRect(0, 0, width, 0));
    const int textBottom = parts.notes.isEmpty() ? parts.summary.bottom() : parts.notes.bottom();
    int bottom = std::max(parts.thumbnail.bottom(), textBottom);
    if (hasActions(index)) { // "Converting…", the progress bar and Cancel, one above the other
        bottom = std::max(bottom, paddingPx(metrics) + metrics.height() * 5);
    }
    return {width, bottom + 1 + paddingPx(metrics)};
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
        const int iconSide = parts.thumbnail.width() * 5 / 12;
        QRect target(0, 0, iconSide, iconSide);
        target.moveCenter(parts.thumbnail.center());
        decoration.value<QIcon>().paint(painter, target);
    }

    const QColor textColor = opt.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text);
    painter->setPen(textColor);
    painter->setFont(boldFont(opt.font));
    QString name = index.data(Qt::DisplayRole).toString();
    if (index.data(MediaListModel::IsCoverRole).toBool() && index.model()->rowCount() > 1
        && index.data(MediaListModel::TypeRole).toString() == u"photo") {
        name = tr("★ Cover · %1").arg(name);
    }
    painter->drawText(parts.name, Qt::AlignLeft | Qt::AlignVCenter,
                      QFontMetrics(painter->font()).elidedText(name, Qt::ElideMiddle, parts.name.width()));

    const auto state = index.data(MediaListModel::StateRole).value<MediaListModel::State>();
    QColor summaryColor = opt.palette.color(group, QPalette::PlaceholderText);
    if (selected) {
        summaryColor = textColor;
    } else if (state == MediaListModel::State::Unreadable) {
        summaryColor = errorTone(opt.palette);
    }
    painter->setPen(summaryColor);
    painter->setFont(opt.font);
    painter->drawText(parts.summary, Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap,
                      index.data(MediaListModel::SummaryRole).toString());
    if (!parts.notes.isEmpty()) {
        painter->setPen(selected ? textColor : errorTone(opt.palette));
        painter->drawText(parts.notes, Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap,
                          index.data(MediaListModel::NotesRole).toString());
    }
    painter->restore();
}

} // namespace cq::ui
