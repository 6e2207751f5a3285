#include "calendar/CalendarGrid.h"

#include "calendar/ChipPainter.h"

#include <QAccessible>
#include <QApplication>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QLocale>
#include <QPainter>
#include <QToolTip>

#include <algorithm>

namespace cq::ui {

namespace {
// The first day of the week `day` is in, as the locale counts weeks.
QDate weekStart(const QDate &day) {
    const int first = int(QLocale().firstDayOfWeek());
    return day.addDays(-((day.dayOfWeek() - first + 7) % 7));
}

} // namespace

int CalendarGrid::chipHeight(const QFontMetrics &metrics, Mode mode) {
    return mode == Mode::Month ? metrics.height() + 6 : metrics.height() * 2 + 6;
}

CalendarGrid::CalendarGrid(QWidget *parent)
    : QWidget(parent)
    , m_current(QDate::currentDate()) {
    setObjectName(QStringLiteral("calendarGrid"));
    setAccessibleName(tr("Calendar"));
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(false);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setToolTip(QString()); // per chip, from event()
}

void CalendarGrid::setMode(Mode mode) {
    if (m_mode == mode) {
        return;
    }
    m_mode = mode;
    updateGeometry();
    relayout();
}

void CalendarGrid::setViewZone(const QTimeZone &zone) {
    m_zone = zone.isValid() ? zone : QTimeZone::utc();
    setEntries(m_entries); // days and times are read in the zone
    setSlots(m_slots);
}

void CalendarGrid::setCurrentDate(const QDate &date) {
    if (!date.isValid() || date == m_current) {
        return;
    }
    m_current = date;
    relayout();
    updateAccessibleText();
    Q_EMIT currentDateChanged(date);
}

void CalendarGrid::setToday(const QDate &today) {
    m_today = today;
    update();
}

QDate CalendarGrid::today() const {
    return m_today.isValid() ? m_today : QDateTime::currentDateTimeUtc().toTimeZone(m_zone).date();
}

QDate CalendarGrid::firstVisibleDay() const {
    if (m_mode == Mode::Week) {
        return weekStart(m_current);
    }
    return weekStart(QDate(m_current.year(), m_current.month(), 1));
}

QDate CalendarGrid::lastVisibleDay() const {
    return firstVisibleDay().addDays(m_mode == Mode::Month ? 41 : 6);
}

std::pair<QDateTime, QDateTime> CalendarGrid::visibleRangeUtc() const {
    return {QDateTime(firstVisibleDay(), QTime(0, 0), m_zone).toUTC(),
            QDateTime(lastVisibleDay().addDays(1), QTime(0, 0), m_zone).toUTC()};
}

bool CalendarGrid::earlier(int a, int b) const {
    return std::pair(m_entries.at(a).atUtc, m_entries.at(a).id)
           < std::pair(m_entries.at(b).atUtc, m_entries.at(b).id);
}

void CalendarGrid::setEntries(const QList<CalendarEntry> &entries) {
    m_entries = entries;
    m_entriesByDay.clear();
    m_indexById.clear();
    for (int i = 0; i < m_entries.size(); ++i) {
        m_entriesByDay[m_entries.at(i).atUtc.toTimeZone(m_zone).date()] << i;
        m_indexById.insert(m_entries.at(i).id, i);
    }
    for (QList<int> &day : m_entriesByDay) {
        std::sort(day.begin(), day.end(), [this](int a, int b) { return earlier(a, b); });
    }
    relayout();
    updateAccessibleText();
}

void CalendarGrid::setEntry(const CalendarEntry &entry) {
    const auto found = m_indexById.constFind(entry.id);
    int index = found == m_indexById.cend() ? -1 : found.value();
    if (index >= 0) {
        m_entriesByDay[m_entries.at(index).atUtc.toTimeZone(m_zone).date()].removeOne(index);
        m_entries[index] = entry;
    } else {
        index = int(m_entries.size());
        m_entries << entry;
        m_indexById.insert(entry.id, index);
    }
    // One post moved or changed: into its day's list in order, without sorting the others again.
    QList<int> &day = m_entriesByDay[entry.atUtc.toTimeZone(m_zone).date()];
    day.insert(
        std::lower_bound(day.begin(), day.end(), index, [this](int a, int b) { return earlier(a, b); }),
        index);
    relayout();
    updateAccessibleText();
}

void CalendarGrid::removeEntry(const QString &id) {
    if (!m_indexById.contains(id)) {
        return;
    }
    QList<CalendarEntry> rest = m_entries;
    rest.removeAt(m_indexById.value(id));
    setEntries(rest); // indices shift: rare enough to rebuild
}

void CalendarGrid::setSlots(const QList<CalendarSlot> &slots) {
    m_slots = slots;
    m_slotsByDay.clear();
    for (int i = 0; i < m_slots.size(); ++i) {
        m_slotsByDay[m_slots.at(i).atUtc.toTimeZone(m_zone).date()] << i;
    }
    relayout();
}

void CalendarGrid::setThumbnailSource(std::function<QImage(const StoredMedia &)> source) {
    m_thumbnails = std::move(source);
    m_scaled.clear();
    update();
}

void CalendarGrid::forgetThumbnail(const QString &sha256) {
    m_scaled.removeIf([&sha256](const auto &entry) { return entry.key().startsWith(sha256); });
    update();
}

CalendarGeometry CalendarGrid::geometryNow() const {
    return CalendarGeometry(m_mode, rect(), firstVisibleDay(), fontMetrics().height());
}

QRect CalendarGrid::chipRect(const QString &id) const {
    for (const Placed &placed : m_placed) {
        if (placed.entry >= 0 && m_entries.at(placed.entry).id == id) {
            return placed.rect;
        }
    }
    return {};
}

QPoint CalendarGrid::pointFor(const QDate &day, const QTime &time) const {
    const CalendarGeometry geometry = geometryNow();
    const QRect cell = geometry.dayRect(day);
    if (m_mode == Mode::Week) {
        return QPoint(cell.center().x(), geometry.yOf(time) + 2);
    }
    return QPoint(cell.center().x(), cell.bottom() - 3); // below the chips, above the next row
}

QSize CalendarGrid::sizeHint() const {
    const int line = fontMetrics().height();
    return m_mode == Mode::Month ? QSize(line * 70, line * 40)
                                 : QSize(line * 70, CalendarGeometry::weekHeight(line));
}

QSize CalendarGrid::minimumSizeHint() const {
    const int line = fontMetrics().height();
    return m_mode == Mode::Month ? QSize(line * 35, line * 24)
                                 : QSize(line * 35, CalendarGeometry::weekHeight(line));
}

void CalendarGrid::resizeEvent(QResizeEvent *event) {
    QWidget::resizeEvent(event);
    relayout();
}

void CalendarGrid::relayout() {
    m_placed.clear();
    m_hidden.clear();
    const CalendarGeometry geometry = geometryNow();
    for (int i = 0; i < geometry.dayCount(); ++i) {
        if (m_mode == Mode::Month) {
            layoutMonthDay(geometry, geometry.firstDay().addDays(i));
        } else {
            layoutWeekDay(geometry, geometry.firstDay().addDays(i));
        }
    }
    update();
}

void CalendarGrid::layoutMonthDay(const CalendarGeometry &geometry, const QDate &day) {
    const QRect cell = geometry.dayRect(day);
    const int line = fontMetrics().height();
    const int height = chipHeight(fontMetrics(), Mode::Month);
    const QList<int> posts = m_entriesByDay.value(day);
    const QList<int> slots = m_slotsByDay.value(day);
    const int total = int(posts.size() + slots.size());
    // Posts first, then the free slots; "+N more" takes the last line when not all fit.
    const int room = std::max(0, (cell.height() - line * 5 / 4 - 2) / (height + 2));
    const int shown = total <= room ? total : std::max(0, room - 1);
    int top = cell.top() + line * 5 / 4;
    for (int i = 0; i < shown; ++i) {
        Placed placed;
        placed.rect = QRect(cell.left() + 3, top, cell.width() - 6, height);
        if (i < posts.size()) {
            placed.entry = posts.at(i);
        } else {
            placed.slot = slots.at(i - posts.size());
        }
        m_placed << placed;
        top += height + 2;
    }
    if (shown < total) {
        m_hidden.insert(day, total - shown);
    }
}

void CalendarGrid::layoutWeekDay(const CalendarGeometry &geometry, const QDate &day) {
    const QRect column = geometry.dayRect(day);
    const int height = chipHeight(fontMetrics(), Mode::Week);
    // Lanes side by side for posts whose chips would overlap.
    struct Item {
        int top;
        int entry;
        int slot;
    };
    QList<Item> items;
    for (int index : m_entriesByDay.value(day)) {
        items << Item{geometry.yOf(m_entries.at(index).atUtc.toTimeZone(m_zone).time()), index, -1};
    }
    for (int index : m_slotsByDay.value(day)) {
        items << Item{geometry.yOf(m_slots.at(index).atUtc.toTimeZone(m_zone).time()), -1, index};
    }
    std::stable_sort(items.begin(), items.end(), [](const Item &a, const Item &b) { return a.top < b.top; });
    QList<int> laneBottoms;
    QList<int> lanes;
    for (const Item &item : items) {
        int lane = 0;
        while (lane < laneBottoms.size() && laneBottoms.at(lane) > item.top) {
            ++lane;
        }
        if (lane == laneBottoms.size()) {
            laneBottoms << 0;
        }
        laneBottoms[lane] = item.top + height;
        lanes << lane;
    }
    const int laneCount = std::max(1, int(laneBottoms.size()));
    const int laneWidth = (column.width() - 4) / laneCount;
    for (int i = 0; i < items.size(); ++i) {
        const int top = std::min(items.at(i).top, column.bottom() - height);
        m_placed << Placed{QRect(column.left() + 2 + lanes.at(i) * laneWidth, top, laneWidth - 2, height),
                           items.at(i).entry, items.at(i).slot};
    }
}

const CalendarGrid::Placed *CalendarGrid::placedAt(const QPoint &point) const {
    // Last drawn is on top.
    for (auto it = m_placed.crbegin(); it != m_placed.crend(); ++it) {
        if (it->rect.contains(point)) {
            return &*it;
        }
    }
    return nullptr;
}

QPixmap CalendarGrid::thumbnailFor(const StoredMedia &media, int side) const {
    if (!m_thumbnails || media.sha256.isEmpty() || side <= 4) {
        return {};
    }
    // Scaled once to the exact square the chip shows, so that painting only copies pixels.
    const QString key = media.sha256 + u':' + QString::number(side);
    auto found = m_scaled.constFind(key);
    if (found != m_scaled.cend()) {
        return *found;
    }
    const QImage image = m_thumbnails(media);
    if (image.isNull()) {
        return {};
    }
    const int pixels = int(side * devicePixelRatio());
    const QImage covered =
        image.scaled(pixels, pixels, Qt::KeepAspectRatioByExpanding, Qt::SmoothTransformation);
    QPixmap square = QPixmap::fromImage(
        covered.copy((covered.width() - pixels) / 2, (covered.height() - pixels) / 2, pixels, pixels));
    square.setDevicePixelRatio(devicePixelRatio());
    m_scaled.insert(key, square);
    return square;
}

} // namespace cq::ui
