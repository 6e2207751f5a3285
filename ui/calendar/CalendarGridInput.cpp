// CalendarGrid: mouse, keys, tooltips and accessible text.
#include "calendar/CalendarGrid.h"

#include "calendar/ChipPainter.h"

#include <QAccessible>
#include <QApplication>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

namespace cq::ui {

std::optional<QDateTime> CalendarGrid::dropTarget(const QPoint &point) const {
    const CalendarEntry *entry = nullptr;
    for (const CalendarEntry &candidate : m_entries) {
        if (candidate.id == m_pressedId) {
            entry = &candidate;
        }
    }
    if (!entry) {
        return std::nullopt;
    }
    const CalendarGeometry geometry = geometryNow();
    QDateTime target;
    if (m_mode == Mode::Month) {
        const auto day = geometry.dayAt(point);
        if (!day) {
            return std::nullopt;
        }
        // The same wall-clock time the user sees, on the other day: across a change to or from
        // daylight saving time the instant moves by an hour more or less, the clock does not.
        target = QDateTime(*day, entry->atUtc.toTimeZone(m_zone).time(), m_zone);
    } else {
        const QPoint top = point - QPoint(0, m_grabOffset.y());
        const auto day =
            geometry.dayAt(QPoint(point.x(), geometry.dayRect(geometry.firstDay()).center().y()));
        if (!day) {
            return std::nullopt;
        }
        target = QDateTime(*day, geometry.timeAt(top.y(), WeekStepMinutes), m_zone);
    }
    // A time the clocks skip does not exist: no drop there.
    if (!target.isValid() || target.toUTC() == entry->atUtc) {
        return std::nullopt;
    }
    return target.toUTC();
}

void CalendarGrid::mousePressEvent(QMouseEvent *event) {
    setFocus(Qt::MouseFocusReason);
    const QPoint point = event->position().toPoint();
    if (const auto day = geometryNow().dayAt(point)) {
        setCurrentDate(*day);
    }
    const Placed *placed = event->button() == Qt::LeftButton ? placedAt(point) : nullptr;
    m_pressedId = placed && placed->entry >= 0 ? m_entries.at(placed->entry).id : QString();
    m_pressPoint = point;
    m_grabOffset = placed ? point - placed->rect.topLeft() : QPoint();
    m_dragging = false;
    update();
}

void CalendarGrid::mouseMoveEvent(QMouseEvent *event) {
    const QPoint point = event->position().toPoint();
    if (m_pressedId.isEmpty()) {
        return;
    }
    if (!m_dragging) {
        if ((point - m_pressPoint).manhattanLength() < QApplication::startDragDistance()) {
            return;
        }
        const auto entry = std::find_if(m_entries.cbegin(), m_entries.cend(),
                                        [this](const CalendarEntry &e) { return e.id == m_pressedId; });
        if (entry == m_entries.cend() || !entry->movable) {
            const QString id = m_pressedId;
            m_pressedId.clear();
            update();
            Q_EMIT moveRefused(id);
            return;
        }
        m_dragging = true;
        setCursor(Qt::ClosedHandCursor);
    }
    m_dragPoint = point;
    update();
}

void CalendarGrid::mouseReleaseEvent(QMouseEvent *event) {
    if (m_dragging) {
        m_dragPoint = event->position().toPoint();
        const auto target = dropTarget(m_dragPoint);
        const QString id = m_pressedId;
        m_dragging = false;
        unsetCursor();
        update();
        if (target) {
            Q_EMIT moveRequested(id, *target);
        }
    }
}

void CalendarGrid::mouseDoubleClickEvent(QMouseEvent *event) {
    const QPoint point = event->position().toPoint();
    const Placed *placed = placedAt(point);
    m_pressedId.clear();
    if (placed && placed->entry >= 0) {
        Q_EMIT openRequested(m_entries.at(placed->entry).id);
        return;
    }
    if (placed && placed->slot >= 0) {
        const CalendarSlot &slot = m_slots.at(placed->slot);
        Q_EMIT composeRequested(slot.atUtc, slot.timeZone);
        return;
    }
    const CalendarGeometry geometry = geometryNow();
    const auto day = geometry.dayAt(point);
    if (!day) {
        return;
    }
    // Month: noon on that day; week: the quarter hour double-clicked.
    const QTime time = m_mode == Mode::Month ? QTime(12, 0) : geometry.timeAt(point.y(), WeekStepMinutes);
    const QDateTime at(*day, time, m_zone);
    if (at.isValid()) {
        Q_EMIT composeRequested(at.toUTC(), QString::fromUtf8(m_zone.id()));
    }
}

void CalendarGrid::keyPressEvent(QKeyEvent *event) {
    const int week = 7;
    switch (event->key()) {
    case Qt::Key_Left:
        moveCurrent(layoutDirection() == Qt::RightToLeft ? 1 : -1);
        break;
    case Qt::Key_Right:
        moveCurrent(layoutDirection() == Qt::RightToLeft ? -1 : 1);
        break;
    case Qt::Key_Up:
        moveCurrent(-week);
        break;
    case Qt::Key_Down:
        moveCurrent(week);
        break;
    case Qt::Key_PageUp:
        setCurrentDate(m_mode == Mode::Month ? m_current.addMonths(-1) : m_current.addDays(-week));
        break;
    case Qt::Key_PageDown:
        setCurrentDate(m_mode == Mode::Month ? m_current.addMonths(1) : m_current.addDays(week));
        break;
    case Qt::Key_Home:
        setCurrentDate(today());
        break;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        if (const auto first = m_entriesByDay.value(m_current); !first.isEmpty()) {
            Q_EMIT openRequested(m_entries.at(first.first()).id);
        }
        break;
    case Qt::Key_Escape:
        if (m_dragging) {
            m_dragging = false;
            m_pressedId.clear();
            unsetCursor();
            update();
        }
        break;
    default:
        QWidget::keyPressEvent(event);
        return;
    }
    event->accept();
}

void CalendarGrid::moveCurrent(int days) {
    setCurrentDate(m_current.addDays(days));
}

bool CalendarGrid::event(QEvent *event) {
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const Placed *placed = placedAt(help->pos());
        if (placed && placed->entry >= 0) {
            const CalendarEntry &entry = m_entries.at(placed->entry);
            QString text = chipDescription(entry, m_zone);
            if (!entry.movable) {
                text += u'\n' + tr("This post cannot be moved now.");
            }
            QToolTip::showText(help->globalPos(), text, this, placed->rect);
        } else if (placed && placed->slot >= 0) {
            QToolTip::showText(help->globalPos(),
                               tr("A free posting time: double-click to compose a post for it."), this,
                               placed->rect);
        } else {
            QToolTip::hideText();
        }
        return true;
    }
    return QWidget::event(event);
}

// Screen readers hear the current day and what is on it, as the keys move.
void CalendarGrid::updateAccessibleText() {
    QStringList posts;
    for (int index : m_entriesByDay.value(m_current)) {
        posts << chipDescription(m_entries.at(index), m_zone);
    }
    const QString day = QLocale().toString(m_current, QLocale::LongFormat);
    const QString count = tr("%n post(s)", nullptr, int(posts.size()));
    setAccessibleDescription(posts.isEmpty()
                                 ? tr("%1: no posts").arg(day)
                                 : tr("%1: %2: %3").arg(day, count, posts.join(QStringLiteral("; "))));
    if (QAccessible::isActive()) {
        QAccessibleEvent changed(this, QAccessible::DescriptionChanged);
        QAccessible::updateAccessibility(&changed);
    }
}

} // namespace cq::ui
