#pragma once

#include <QDate>
#include <QRect>
#include <QTime>

#include <optional>

namespace cq::ui {

// Where the days (and, in the week view, the hours) of a calendar sit in a widget's rectangle, and
// which day or time lies under a point: one place for painting and for hit tests.
class CalendarGeometry {
public:
    enum class Mode { Month, Week };

    // `lineHeight` is the font's line height: every size follows from it.
    CalendarGeometry(Mode mode, const QRect &area, const QDate &firstDay, int lineHeight);

    Mode mode() const { return m_mode; }
    QDate firstDay() const { return m_firstDay; }
    int dayCount() const { return m_mode == Mode::Month ? 42 : 7; }
    QDate lastDay() const { return m_firstDay.addDays(dayCount() - 1); }
    int headerHeight() const { return m_header; }
    int gutterWidth() const { return m_gutter; }
    int hourHeight() const { return m_hour; }
    const QRect &area() const { return m_area; }

    // The whole cell of a day (month), or the day's column below the header (week).
    QRect dayRect(const QDate &day) const;
    // The weekday names' cell above column `column` (0…6).
    QRect headerRect(int column) const;
    // The day under `point`; nullopt outside the days.
    std::optional<QDate> dayAt(const QPoint &point) const;
    // Week view: the time at height `y`, to the nearest `stepMinutes`.
    QTime timeAt(int y, int stepMinutes) const;
    // Week view: the height of `time` in a day column.
    int yOf(const QTime &time) const;
    // Week view: the height the hours need (the widget's minimum).
    static int weekHeight(int lineHeight);

private:
    Mode m_mode;
    QRect m_area;
    QDate m_firstDay;
    int m_header;
    int m_gutter;
    int m_hour;
};

} // namespace cq::ui
