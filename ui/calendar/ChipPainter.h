#pragma once

#include "calendar/CalendarEntry.h"

#include <QPixmap>
#include <QRect>
#include <QTimeZone>

class QFontMetrics;
class QPainter;
class QPalette;

namespace cq::ui {

// "18:30": `atUtc` in `zone`, on the locale's short clock.
QString chipClock(const QDateTime &atUtc, const QTimeZone &zone);
// What a chip says, for its tooltip and accessible text: "18:30 · Ana (@ana) · Scheduled · caption".
QString chipDescription(const CalendarEntry &entry, const QTimeZone &zone);

// Draws the calendar's chips: a post (status colour as a stripe and tint, thumbnail, time, account
// and the status in words, so that colour is never the only signal) and an empty posting time.
// Colours come from the palette (StatusBadgeDelegate's tones), so a dark theme works.
class ChipPainter {
public:
    ChipPainter(QPainter &painter, const QPalette &palette, const QTimeZone &viewZone);

    // `twoLines`: the week view has room for the account on a line of its own.
    void paintPost(const QRect &rect, const CalendarEntry &entry, const QPixmap &thumbnail, bool twoLines,
                   bool selected) const;
    void paintSlot(const QRect &rect, const CalendarSlot &slot) const;
    // The thumbnail's side in a chip of `chipHeight`, so that it can be scaled once to exactly that.
    static int pictureSide(int chipHeight, bool twoLines, const QFontMetrics &metrics);
    // "+12 more" below a month cell's chips.
    void paintMore(const QRect &rect, int count) const;

private:
    QPainter &m_painter;
    const QPalette &m_palette;
    QTimeZone m_zone;
};

} // namespace cq::ui
