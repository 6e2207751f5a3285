#include "calendar/CalendarGeometry.h"

#include <algorithm>

namespace cq::ui {

namespace {
constexpr int Columns = 7;
constexpr int MonthRows = 6;
} // namespace

CalendarGeometry::CalendarGeometry(Mode mode, const QRect &area, const QDate &firstDay, int lineHeight)
    : m_mode(mode)
    , m_area(area)
    , m_firstDay(firstDay)
    , m_header(mode == Mode::Month ? lineHeight * 3 / 2 : lineHeight * 5 / 2)
    , m_gutter(mode == Mode::Month ? 0 : lineHeight * 4)
    , m_hour(lineHeight * 3) {
}

int CalendarGeometry::weekHeight(int lineHeight) {
    return lineHeight * 5 / 2 + 24 * lineHeight * 3 + 1;
}

QRect CalendarGeometry::headerRect(int column) const {
    const int width = m_area.width() - m_gutter;
    const int left = m_area.left() + m_gutter + width * column / Columns;
    const int right = m_area.left() + m_gutter + width * (column + 1) / Columns;
    return QRect(left, m_area.top(), right - left, m_header);
}

QRect CalendarGeometry::dayRect(const QDate &day) const {
    const qint64 index = m_firstDay.daysTo(day);
    if (index < 0 || index >= dayCount()) {
        return {};
    }
    const int column = int(index % Columns);
    const QRect head = headerRect(column);
    if (m_mode == Mode::Week) {
        return QRect(head.left(), m_area.top() + m_header, head.width(), 24 * m_hour);
    }
    const int row = int(index / Columns);
    const int height = m_area.height() - m_header;
    const int top = m_area.top() + m_header + height * row / MonthRows;
    const int bottom = m_area.top() + m_header + height * (row + 1) / MonthRows;
    return QRect(head.left(), top, head.width(), bottom - top);
}

std::optional<QDate> CalendarGeometry::dayAt(const QPoint &point) const {
    for (int i = 0; i < dayCount(); ++i) {
        const QDate day = m_firstDay.addDays(i);
        if (dayRect(day).contains(point)) {
            return day;
        }
    }
    return std::nullopt;
}

QTime CalendarGeometry::timeAt(int y, int stepMinutes) const {
    const int offset = std::clamp(y - m_area.top() - m_header, 0, 24 * m_hour - 1);
    // To the nearest step: yOf() rounds down, and a time must survive the way there and back.
    const int steps = qRound(double(offset) * 60 / m_hour / stepMinutes);
    const int snapped = std::min(steps * stepMinutes, 24 * 60 - stepMinutes);
    return QTime(snapped / 60, snapped % 60);
}

int CalendarGeometry::yOf(const QTime &time) const {
    return m_area.top() + m_header + (time.hour() * 60 + time.minute()) * m_hour / 60;
}

} // namespace cq::ui
