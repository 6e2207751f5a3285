#include "calendar/ChipPainter.h"

#include "common/PostText.h"
#include "common/StatusBadgeDelegate.h"
#include "common/StatusText.h"
#include "composer/WhenPicker.h"

#include <QCoreApplication>
#include <QLocale>
#include <QPainter>
#include <QPalette>

namespace cq::ui {

ChipPainter::ChipPainter(QPainter &painter, const QPalette &palette, const QTimeZone &viewZone)
    : m_painter(painter)
    , m_palette(palette)
    , m_zone(viewZone) {
}

QString chipClock(const QDateTime &atUtc, const QTimeZone &zone) {
    return QLocale().toString(atUtc.toTimeZone(zone).time(), WhenPicker::clockFormat());
}

QString chipDescription(const CalendarEntry &entry, const QTimeZone &zone) {
    QStringList parts{chipClock(entry.atUtc, zone), entry.account, statusLabel(entry.status)};
    if (!entry.caption.isEmpty()) {
        parts << captionPreview(entry.caption, 80);
    }
    parts.removeAll(QString());
    return parts.join(QStringLiteral(" · "));
}

void ChipPainter::paintPost(const QRect &rect, const CalendarEntry &entry, const QPixmap &thumbnail,
                            bool twoLines, bool selected) const {
    const StatusTone tone = statusTone(entry.status);
    const int radius = std::max(2, rect.height() / 6);
    m_painter.save();
    m_painter.setRenderHint(QPainter::Antialiasing);
    m_painter.setPen(selected ? QPen(m_palette.color(QPalette::Highlight), 2)
                              : QPen(StatusBadgeDelegate::outline(m_palette, tone)));
    m_painter.setBrush(StatusBadgeDelegate::background(m_palette, tone));
    m_painter.drawRoundedRect(QRectF(rect).adjusted(0.5, 0.5, -0.5, -0.5), radius, radius);
    // The status colour as a stripe on the left: visible even when the text is elided.
    const int stripe = std::max(3, rect.height() / 8);
    m_painter.fillRect(QRect(rect.left() + 1, rect.top() + 1, stripe, rect.height() - 2),
                       StatusBadgeDelegate::outline(m_palette, tone));
    int left = rect.left() + stripe + 3;
    const int side = pictureSide(rect.height(), twoLines, m_painter.fontMetrics());
    if (!thumbnail.isNull() && side > 4) {
        const QRect picture(left, rect.top() + 2, side, side);
        m_painter.drawPixmap(picture, thumbnail); // the grid keeps it at this size: a plain copy
        left += side + 3;
    }
    m_painter.setPen(m_palette.color(QPalette::Text));
    const QFontMetrics metrics = m_painter.fontMetrics();
    const QRect text(left, rect.top(), rect.right() - left - 2, rect.height());
    const QString first = chipClock(entry.atUtc, m_zone) + u' ' + statusLabel(entry.status);
    if (twoLines && rect.height() >= metrics.height() * 2) {
        const QRect top(text.left(), text.top() + 1, text.width(), metrics.height());
        const QRect bottom(text.left(), top.bottom() + 1, text.width(), metrics.height());
        m_painter.drawText(top, Qt::AlignLeft | Qt::AlignVCenter,
                           metrics.elidedText(first, Qt::ElideRight, top.width()));
        m_painter.drawText(bottom, Qt::AlignLeft | Qt::AlignVCenter,
                           metrics.elidedText(entry.account, Qt::ElideRight, bottom.width()));
    } else {
        const QString line = entry.account.isEmpty() ? first : first + QStringLiteral(" · ") + entry.account;
        m_painter.drawText(text, Qt::AlignLeft | Qt::AlignVCenter,
                           metrics.elidedText(line, Qt::ElideRight, text.width()));
    }
    m_painter.restore();
}

int ChipPainter::pictureSide(int chipHeight, bool twoLines, const QFontMetrics &metrics) {
    return twoLines ? std::min(chipHeight - 4, metrics.height() * 2) : chipHeight - 4;
}

void ChipPainter::paintSlot(const QRect &rect, const CalendarSlot &slot) const {
    m_painter.save();
    QPen pen(m_palette.color(QPalette::Mid));
    pen.setStyle(Qt::DashLine);
    m_painter.setPen(pen);
    m_painter.setBrush(Qt::NoBrush);
    m_painter.drawRect(rect.adjusted(0, 0, -1, -1));
    m_painter.setPen(m_palette.color(QPalette::PlaceholderText));
    const QString text = QCoreApplication::translate("CalendarGrid", "%1 free · %2")
                             .arg(chipClock(slot.atUtc, m_zone), slot.account);
    const QRect inner = rect.adjusted(4, 0, -4, 0);
    m_painter.drawText(inner, Qt::AlignLeft | Qt::AlignVCenter,
                       m_painter.fontMetrics().elidedText(text, Qt::ElideRight, inner.width()));
    m_painter.restore();
}

void ChipPainter::paintMore(const QRect &rect, int count) const {
    m_painter.save();
    m_painter.setPen(m_palette.color(QPalette::PlaceholderText));
    m_painter.drawText(rect.adjusted(4, 0, -4, 0), Qt::AlignLeft | Qt::AlignVCenter,
                       QCoreApplication::translate("CalendarGrid", "+%Ln more", nullptr, count));
    m_painter.restore();
}

} // namespace cq::ui
