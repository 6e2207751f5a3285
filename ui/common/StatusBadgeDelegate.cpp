#include "common/StatusBadgeDelegate.h"

#include <QApplication>
#include <QPainter>
#include <QStyleOptionProgressBar>

#include <algorithm>

namespace cq::ui {

namespace {

QColor mix(const QColor &from, const QColor &to, qreal amount) {
    return QColor::fromRgbF(float(from.redF() + (to.redF() - from.redF()) * amount),
                            float(from.greenF() + (to.greenF() - from.greenF()) * amount),
                            float(from.blueF() + (to.blueF() - from.blueF()) * amount));
}

// A hue at the strength of the theme's own highlight, so that green, amber and red sit beside it
// as equals (and are only ever mixed into the palette's base, never drawn pure).
QColor themedHue(const QPalette &palette, int hue) {
    const QColor highlight = palette.color(QPalette::Highlight);
    return QColor::fromHsv(hue, std::max(highlight.hsvSaturation(), 160), std::max(highlight.value(), 190));
}

QColor accent(const QPalette &palette, StatusTone tone) {
    switch (tone) {
    case StatusTone::Neutral:
        return palette.color(QPalette::Text);
    case StatusTone::Active:
        return palette.color(QPalette::Highlight);
    case StatusTone::Positive:
        return themedHue(palette, 130);
    case StatusTone::Warning:
        return themedHue(palette, 38);
    case StatusTone::Negative:
        return themedHue(palette, 0);
    }
    return palette.color(QPalette::Text);
}

StatusTone toneOf(const QModelIndex &index, int statusRole) {
    const QVariant status = index.data(statusRole);
    return status.isValid() ? statusTone(PostStatus(status.toInt())) : StatusTone::Neutral;
}

} // namespace

StatusBadgeDelegate::StatusBadgeDelegate(int statusRole, int progressRole, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_statusRole(statusRole)
    , m_progressRole(progressRole) {
}

QColor StatusBadgeDelegate::background(const QPalette &palette, StatusTone tone) {
    return mix(palette.color(QPalette::Base), accent(palette, tone),
               tone == StatusTone::Neutral ? 0.12 : 0.26);
}

QColor StatusBadgeDelegate::outline(const QPalette &palette, StatusTone tone) {
    return mix(palette.color(QPalette::Base), accent(palette, tone),
               tone == StatusTone::Neutral ? 0.35 : 0.6);
}

StatusBadgeDelegate::Layout StatusBadgeDelegate::layout(const QStyleOptionViewItem &option,
                                                        const QModelIndex &index) const {
    const QFontMetrics &metrics = option.fontMetrics;
    const int line = metrics.height();
    const int padding = std::max(2, line / 2);
    Layout result;
    result.text = index.data(Qt::DisplayRole).toString();
    const QVariant progress = index.data(m_progressRole);
    if (progress.isValid()) {
        result.text = tr("%1 · %2%").arg(result.text).arg(progress.toInt());
    }
    const QSize badgeSize(metrics.horizontalAdvance(result.text) + 2 * padding, line + std::max(2, line / 4));
    const int barHeight = progress.isValid() ? std::max(4, line / 3) : 0;
    const int gap = progress.isValid() ? std::max(2, line / 6) : 0;
    const QRect cell = option.rect.adjusted(padding / 2, 0, -padding / 2, 0);
    const int top = cell.top() + (cell.height() - badgeSize.height() - gap - barHeight) / 2;
    result.badge = QRect(QPoint(cell.left(), top), badgeSize);
    if (progress.isValid()) {
        result.progress = QRect(cell.left(), result.badge.bottom() + 1 + gap,
                                std::min(cell.width(), std::max(badgeSize.width(), 6 * line)), barHeight);
    }
    return result;
}

void StatusBadgeDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                const QModelIndex &index) const {
    QStyleOptionViewItem cell = option;
    initStyleOption(&cell, index);
    cell.text.clear(); // the badge draws the word
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &cell, painter, widget); // selection and focus

    const Layout parts = layout(option, index);
    const StatusTone tone = toneOf(index, m_statusRole);
    const QPalette &palette = option.palette;
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(QPen(outline(palette, tone), 1));
    painter->setBrush(background(palette, tone));
    const qreal radius = parts.badge.height() / 2.0;
    painter->drawRoundedRect(QRectF(parts.badge).adjusted(0.5, 0.5, -0.5, -0.5), radius, radius);
    painter->setPen(palette.color(QPalette::Text)); // the badge sits on the base colour, never the selection
    painter->setFont(option.font);
    painter->drawText(parts.badge, Qt::AlignCenter, parts.text);
    painter->restore();

    if (!parts.progress.isEmpty()) {
        QStyleOptionProgressBar bar;
        if (widget) {
            bar.initFrom(widget);
        } else {
            bar.palette = option.palette;
            bar.state = option.state & QStyle::State_Enabled;
        }
        bar.rect = parts.progress;
        bar.minimum = 0;
        bar.maximum = 100;
        bar.progress = index.data(m_progressRole).toInt();
        bar.textVisible = false;
        bar.state |= QStyle::State_Horizontal;
        style->drawControl(QStyle::CE_ProgressBar, &bar, painter, widget);
    }
}

QSize StatusBadgeDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const {
    const Layout parts = layout(option, index);
    const int line = option.fontMetrics.height();
    const int width = std::max(parts.badge.width(), parts.progress.width()) + line;
    const int height =
        parts.progress.isEmpty() ? parts.badge.height() : parts.progress.bottom() - parts.badge.top();
    return {width, height + line / 2};
}

} // namespace cq::ui
