#include "review/ReviewItemDelegate.h"

#include "review/ReviewListModel.h"

#include <QApplication>
#include <QPainter>

namespace cq::ui {

namespace {
// Lines of text beside the picture: caption, account, time, findings.
constexpr int TextLines = 4;

int paddingOf(const QFontMetrics &metrics) {
    return metrics.height() / 2;
}

int thumbnailSideOf(const QFontMetrics &metrics) {
    return metrics.lineSpacing() * TextLines;
}

QPalette::ColorRole textRole(const QStyleOptionViewItem &option) {
    return option.state & QStyle::State_Selected ? QPalette::HighlightedText : QPalette::Text;
}
} // namespace

QSize ReviewItemDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const {
    const QFontMetrics metrics(option.font);
    const int padding = paddingOf(metrics);
    return {metrics.averageCharWidth() * 30, thumbnailSideOf(metrics) + 2 * padding};
}

void ReviewItemDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                               const QModelIndex &index) const {
    QStyleOptionViewItem panel = option;
    initStyleOption(&panel, index);
    panel.text.clear(); // the text is drawn below, in lines
    panel.icon = QIcon();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &panel, painter, widget);

    const QFontMetrics metrics(option.font);
    const int padding = paddingOf(metrics);
    const int side = thumbnailSideOf(metrics);
    const QRect area = option.rect.adjusted(padding, padding, -padding, -padding);
    paintThumbnail(painter, option, index, QRect(area.topLeft(), QSize(side, side)));

    QRect line(area.left() + side + padding, area.top(), area.width() - side - padding,
               metrics.lineSpacing());
    painter->save();
    painter->setPen(option.palette.color(QPalette::Active, textRole(option)));
    QFont bold = option.font;
    bold.setBold(true);
    painter->setFont(bold);
    painter->drawText(line, Qt::AlignLeft | Qt::AlignVCenter,
                      QFontMetrics(bold).elidedText(index.data().toString(), Qt::ElideRight, line.width()));
    painter->setFont(option.font);
    for (const int role : {ReviewListModel::AccountRole, ReviewListModel::TimeRole}) {
        line.translate(0, metrics.lineSpacing());
        painter->drawText(line, Qt::AlignLeft | Qt::AlignVCenter,
                          metrics.elidedText(index.data(role).toString(), Qt::ElideRight, line.width()));
    }
    painter->restore();
    line.translate(0, metrics.lineSpacing());
    paintFindings(painter, option, index, line);
}

void ReviewItemDelegate::paintThumbnail(QPainter *painter, const QStyleOptionViewItem &option,
                                        const QModelIndex &index, const QRect &box) const {
    const QImage image = index.data(ReviewListModel::ThumbnailRole).value<QImage>();
    painter->save();
    painter->setRenderHint(QPainter::SmoothPixmapTransform);
    painter->fillRect(box, option.palette.color(QPalette::Active, QPalette::Mid));
    if (image.isNull()) {
        const QStyle *style = option.widget ? option.widget->style() : QApplication::style();
        const int iconSide = box.width() / 2;
        const QRect iconBox(box.center() - QPoint(iconSide / 2, iconSide / 2), QSize(iconSide, iconSide));
        style->standardIcon(QStyle::SP_FileIcon, nullptr, option.widget).paint(painter, iconBox);
    } else {
        const QSize fitted = image.size().scaled(box.size(), Qt::KeepAspectRatio);
        const QRect target(box.center() - QPoint(fitted.width() / 2, fitted.height() / 2), fitted);
        painter->drawImage(target, image);
    }
    const int count = index.data(ReviewListModel::MediaCountRole).toInt();
    if (count > 1) { // a carousel: say how many photos
        const QString text = QString::number(count);
        const QFontMetrics metrics(option.font);
        QRect badge(0, 0, metrics.horizontalAdvance(text) + metrics.height() / 2, metrics.height());
        badge.moveBottomRight(box.bottomRight());
        painter->fillRect(badge, option.palette.color(QPalette::Active, QPalette::Window));
        painter->setPen(option.palette.color(QPalette::Active, QPalette::WindowText));
        painter->drawText(badge, Qt::AlignCenter, text);
    }
    painter->restore();
}

void ReviewItemDelegate::paintFindings(QPainter *painter, const QStyleOptionViewItem &option,
                                       const QModelIndex &index, const QRect &line) const {
    const int errors = index.data(ReviewListModel::ErrorCountRole).toInt();
    const int warnings = index.data(ReviewListModel::WarningCountRole).toInt();
    QRect text = line;
    if (errors > 0 || warnings > 0) {
        const QStyle *style = option.widget ? option.widget->style() : QApplication::style();
        const QIcon icon =
            style->standardIcon(errors > 0 ? QStyle::SP_MessageBoxCritical : QStyle::SP_MessageBoxWarning,
                                nullptr, option.widget);
        const int side = QFontMetrics(option.font).height();
        icon.paint(painter, QRect(line.left(), line.center().y() - side / 2, side, side));
        text.setLeft(line.left() + side + side / 3);
    }
    painter->save();
    painter->setPen(option.palette.color(QPalette::Active, textRole(option)));
    painter->drawText(
        text, Qt::AlignLeft | Qt::AlignVCenter,
        QFontMetrics(option.font)
            .elidedText(index.data(ReviewListModel::FindingsRole).toString(), Qt::ElideRight, text.width()));
    painter->restore();
}

} // namespace cq::ui
