// CalendarGrid: painting.
#include "calendar/CalendarGrid.h"

#include "calendar/ChipPainter.h"
#include "composer/WhenPicker.h"

#include <QLocale>
#include <QPaintEvent>
#include <QPainter>

namespace cq::ui {

void CalendarGrid::paintEvent(QPaintEvent *event) {
    QPainter painter(this);
    painter.fillRect(event->rect(), palette().color(QPalette::Base));
    const CalendarGeometry geometry = geometryNow();
    paintDays(painter, geometry);
    if (m_mode == Mode::Week) {
        paintHours(painter, geometry);
    }
    const ChipPainter chips(painter, palette(), m_zone);
    const int side =
        ChipPainter::pictureSide(chipHeight(fontMetrics(), m_mode), m_mode == Mode::Week, fontMetrics());
    for (const Placed &placed : m_placed) {
        if (!placed.rect.intersects(event->rect())) {
            continue;
        }
        if (placed.entry >= 0) {
            const CalendarEntry &entry = m_entries.at(placed.entry);
            const bool dragged = m_dragging && entry.id == m_pressedId;
            painter.setOpacity(dragged ? 0.4 : 1.0);
            chips.paintPost(placed.rect, entry, thumbnailFor(entry.cover, side), m_mode == Mode::Week,
                            entry.id == m_pressedId);
            painter.setOpacity(1.0);
        } else {
            chips.paintSlot(placed.rect, m_slots.at(placed.slot));
        }
    }
    if (m_mode == Mode::Month) {
        const int line = fontMetrics().height();
        for (auto it = m_hidden.cbegin(); it != m_hidden.cend(); ++it) {
            const QRect cell = geometry.dayRect(it.key());
            chips.paintMore(QRect(cell.left(), cell.bottom() - line - 2, cell.width(), line), it.value());
        }
    }
    paintDrag(painter, geometry);
    paintHeader(painter, geometry);
}

// The weekday names; in the week view they stay at the top of the visible part while the hours scroll.
void CalendarGrid::paintHeader(QPainter &painter, const CalendarGeometry &geometry) const {
    const QPalette &colours = palette();
    const QLocale locale;
    const QDate now = today();
    const int top = m_mode == Mode::Week ? visibleRegion().boundingRect().top() : 0;
    painter.fillRect(QRect(0, top, width(), geometry.headerHeight()), colours.color(QPalette::Base));
    for (int column = 0; column < 7; ++column) {
        const QDate day = geometry.firstDay().addDays(column);
        const QRect head = geometry.headerRect(column).translated(0, top);
        painter.setPen(colours.color(QPalette::Text));
        const QString name =
            m_mode == Mode::Month
                ? locale.dayName(day.dayOfWeek(), QLocale::ShortFormat)
                : locale.toString(day, tr("ddd d MMM", "QDate format: a week column's heading"));
        QFont font = painter.font();
        font.setBold(m_mode == Mode::Week && day == now);
        painter.setFont(font);
        painter.drawText(head, Qt::AlignCenter, name);
        painter.setFont(this->font());
    }
    painter.setPen(colours.color(QPalette::Mid));
    painter.drawLine(0, top + geometry.headerHeight() - 1, width(), top + geometry.headerHeight() - 1);
}

void CalendarGrid::paintDays(QPainter &painter, const CalendarGeometry &geometry) const {
    const QPalette &colours = palette();
    const QDate now = today();
    const int line = fontMetrics().height();
    for (int i = 0; i < geometry.dayCount(); ++i) {
        const QDate day = geometry.firstDay().addDays(i);
        const QRect cell = geometry.dayRect(day);
        const bool outside = m_mode == Mode::Month && day.month() != m_current.month();
        if (outside) {
            painter.fillRect(cell, colours.color(QPalette::AlternateBase));
        }
        if (day == now) {
            QColor tint = colours.color(QPalette::Highlight);
            tint.setAlphaF(0.10f);
            painter.fillRect(cell, tint);
        }
        painter.setPen(colours.color(QPalette::Mid));
        painter.drawRect(cell.adjusted(0, 0, -1, -1));
        if (day == m_current && hasFocus()) {
            painter.setPen(QPen(colours.color(QPalette::Highlight), 2));
            painter.drawRect(cell.adjusted(1, 1, -2, -2));
        }
        if (m_mode == Mode::Month) {
            const QRect number(cell.left() + 4, cell.top() + 2, cell.width() - 8, line);
            painter.setPen(colours.color(outside ? QPalette::PlaceholderText : QPalette::Text));
            QFont font = painter.font();
            font.setBold(day == now);
            painter.setFont(font);
            painter.drawText(number, Qt::AlignLeft | Qt::AlignVCenter,
                             day == now ? tr("%1 · Today").arg(day.day()) : QString::number(day.day()));
            painter.setFont(this->font());
        }
    }
}

void CalendarGrid::paintHours(QPainter &painter, const CalendarGeometry &geometry) const {
    const QLocale locale;
    const QRect area = geometry.area();
    for (int hour = 0; hour < 24; ++hour) {
        const int y = geometry.yOf(QTime(hour, 0));
        painter.setPen(palette().color(QPalette::Midlight));
        painter.drawLine(area.left() + geometry.gutterWidth(), y, area.right(), y);
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(QRect(area.left(), y, geometry.gutterWidth() - 4, fontMetrics().height()),
                         Qt::AlignRight | Qt::AlignTop,
                         locale.toString(QTime(hour, 0), WhenPicker::clockFormat()));
    }
}

void CalendarGrid::paintDrag(QPainter &painter, const CalendarGeometry &geometry) const {
    if (!m_dragging) {
        return;
    }
    const QRect from = chipRect(m_pressedId);
    const auto target = dropTarget(m_dragPoint);
    if (target) {
        const QRect cell = geometry.dayRect(target->toTimeZone(m_zone).date());
        painter.setPen(QPen(palette().color(QPalette::Highlight), 2, Qt::DashLine));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(m_mode == Mode::Month
                             ? cell.adjusted(1, 1, -2, -2)
                             : QRect(cell.left() + 1, geometry.yOf(target->toTimeZone(m_zone).time()),
                                     cell.width() - 2, from.height()));
    }
    for (const CalendarEntry &entry : m_entries) {
        if (entry.id == m_pressedId) {
            CalendarEntry moved = entry;
            if (target) {
                moved.atUtc = *target; // the ghost tells the new time
            }
            painter.setOpacity(0.85);
            ChipPainter(painter, palette(), m_zone)
                .paintPost(QRect(m_dragPoint - m_grabOffset, from.size()), moved, QPixmap(),
                           m_mode == Mode::Week, true);
            painter.setOpacity(1.0);
            break;
        }
    }
}

} // namespace cq::ui
