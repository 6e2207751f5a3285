#pragma once

#include "calendar/CalendarEntry.h"
#include "calendar/CalendarGeometry.h"

#include <QHash>
#include <QPixmap>
#include <QTimeZone>
#include <QWidget>

#include <functional>
#include <optional>

namespace cq::ui {

// The calendar itself: a month (six weeks) or a week of days, each post a chip, the free posting
// times as dashed slots, today marked. Painted by hand rather than with a widget per chip, so that a
// month with thousands of posts paints in a frame.
//
// Keys: arrows move the current day (Up/Down by a week), Page Up/Down by a month or week, Home to
// today, Return opens the current day's first post. The mouse drags a chip to another day (month)
// or time (week): moveRequested() says where; the grid itself changes nothing. Double-clicking an
// empty place asks to compose a post for that time.
class CalendarGrid : public QWidget {
    Q_OBJECT

public:
    using Mode = CalendarGeometry::Mode;
    // Minutes a drop in the week view snaps to.
    static constexpr int WeekStepMinutes = 15;

    explicit CalendarGrid(QWidget *parent = nullptr);

    void setMode(Mode mode);
    Mode mode() const { return m_mode; }
    // The zone days and times are shown in.
    void setViewZone(const QTimeZone &zone);
    const QTimeZone &viewZone() const { return m_zone; }
    // The day the keyboard is on; the view shows its month or week.
    void setCurrentDate(const QDate &date);
    QDate currentDate() const { return m_current; }
    // Which day is today (tests pin it; otherwise today in the view's zone).
    void setToday(const QDate &today);
    QDate today() const;
    QDate firstVisibleDay() const;
    QDate lastVisibleDay() const;
    // The visible days as instants: from the first day's midnight to after the last, in the view's zone.
    std::pair<QDateTime, QDateTime> visibleRangeUtc() const;

    void setEntries(const QList<CalendarEntry> &entries);
    // One post added or changed (a move): cheaper than setEntries() for a month of thousands.
    void setEntry(const CalendarEntry &entry);
    void removeEntry(const QString &id);
    const QList<CalendarEntry> &entries() const { return m_entries; }
    void setSlots(const QList<CalendarSlot> &slots);
    // Where pictures of media come from (a null image while one is made); call update() when one is ready.
    void setThumbnailSource(std::function<QImage(const StoredMedia &)> source);
    void forgetThumbnail(const QString &sha256);

    // Where a post's chip is drawn now (empty when it is not shown): for tests and tooltips.
    QRect chipRect(const QString &id) const;
    // The middle of a day's empty area (month), or of `time` on a day (week): where a drop lands.
    QPoint pointFor(const QDate &day, const QTime &time = QTime(12, 0)) const;
    CalendarGeometry geometryNow() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    void currentDateChanged(const QDate &date);
    // A chip was dropped somewhere else: the post should go out at `newUtc` (the same wall-clock time
    // in the view's zone on another day, or the time dropped on).
    void moveRequested(const QString &id, const QDateTime &newUtc);
    // A chip that cannot move was dragged.
    void moveRefused(const QString &id);
    void openRequested(const QString &id);
    // Compose a post for this moment (a free slot's time, or the time double-clicked), read in `zone`.
    void composeRequested(const QDateTime &atUtc, const QString &zone);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    bool event(QEvent *event) override;

private:
    struct Placed {
        QRect rect;
        int entry = -1; // index into m_entries; -1 for a slot
        int slot = -1;  // index into m_slots
    };
    static int chipHeight(const QFontMetrics &metrics, Mode mode); // one line (month) or two (week)
    bool earlier(int a, int b) const;                              // entries by time, then id
    void relayout();
    void layoutMonthDay(const CalendarGeometry &geometry, const QDate &day);
    void layoutWeekDay(const CalendarGeometry &geometry, const QDate &day);
    void paintHeader(QPainter &painter, const CalendarGeometry &geometry) const;
    void paintDays(QPainter &painter, const CalendarGeometry &geometry) const;
    void paintHours(QPainter &painter, const CalendarGeometry &geometry) const;
    void paintDrag(QPainter &painter, const CalendarGeometry &geometry) const;
    QPixmap thumbnailFor(const StoredMedia &media, int side) const;
    const Placed *placedAt(const QPoint &point) const;
    std::optional<QDateTime> dropTarget(const QPoint &point) const;
    void moveCurrent(int days);
    void updateAccessibleText();

    Mode m_mode = Mode::Month;
    QTimeZone m_zone = QTimeZone::utc();
    QDate m_current;
    QDate m_today; // invalid: the real today
    QList<CalendarEntry> m_entries;
    QList<CalendarSlot> m_slots;
    QHash<QDate, QList<int>> m_entriesByDay; // in the view's zone, by time
    QHash<QString, int> m_indexById;
    QHash<QDate, QList<int>> m_slotsByDay;
    QList<Placed> m_placed;
    QHash<QDate, int> m_hidden; // month view: chips that did not fit, per day
    std::function<QImage(const StoredMedia &)> m_thumbnails;
    mutable QHash<QString, QPixmap> m_scaled; // sha256 → picture at chip size

    // A press on a chip, and the drag it becomes.
    QString m_pressedId;
    QPoint m_pressPoint;
    QPoint m_grabOffset; // where in the chip it was taken
    bool m_dragging = false;
    QPoint m_dragPoint;
};

} // namespace cq::ui
