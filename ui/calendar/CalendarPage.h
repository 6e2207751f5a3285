#pragma once

#include "calendar/CalendarEntry.h"
#include "session/Backend.h"

#include <QHash>
#include <QTimer>
#include <QWidget>

class QAction;
class QButtonGroup;
class QComboBox;
class QLabel;
class QScrollArea;
class QToolButton;
class QUndoStack;

namespace cq::ui {

class CalendarGrid;
class InlineMessage;
class QueueFilterBar;

// The Calendar page: the queue as a month or a week, filtered by the queue's filter bar, in a time
// zone the user picks (the workspace's at first). Dragging a post to another day or time reschedules
// it through the Backend with the action the lifecycle names for moving it (Lifecycle::
// rescheduleAction: "schedule" for a scheduled post, validated again at the new time; otherwise an
// edit of its time, which withdraws a review or approval as any edit does); Ctrl+Z moves it back.
// A post keeps its own zone: the user's wall-clock time is what stays put across daylight saving.
class CalendarPage : public QWidget {
    Q_OBJECT

public:
    // Posts loaded for one view at most; a month of a very busy team stays far below.
    static constexpr int MaxPosts = 20000;

    explicit CalendarPage(Backend &backend, QWidget *parent = nullptr);

    CalendarGrid *grid() const { return m_grid; }
    QUndoStack *undoStack() const { return m_undo; }
    QueueFilterBar *filterBar() const { return m_filter; }
    // The zone days and times are shown in.
    void setViewZone(const QString &zone);
    QString viewZone() const;
    // Moves a post so that it goes out at `newUtc` (in its own zone), as a drag does; `undoable`
    // records it for Ctrl+Z. `done` (may be empty) hears whether it worked.
    void movePost(const QString &id, const QDateTime &newUtc, bool undoable,
                  const std::function<void(bool moved)> &done = {});
    // Loads the visible days again (and the free posting times).
    void reload();
    bool isLoading() const { return m_loading; }

Q_SIGNALS:
    // Double-click on an empty place or a free posting time: compose a post for that moment.
    void composeRequested(const QDateTime &atUtc, const QString &zone);
    void editRequested(const QString &id);
    // A load finished (tests wait for it).
    void loaded();

protected:
    void showEvent(QShowEvent *event) override;

private:
    QWidget *buildToolbar();
    void showPeriod();
    void step(int direction);
    void loadSlots(quint64 request);
    void onPostChanged(const PostRow &row);
    void onPostRemoved(const QString &id);
    void onMoveRefused(const QString &id);
    void publishEntries();
    std::optional<CalendarEntry> entryFor(const PostRow &row) const;
    QString accountLabel(const QString &accountId) const;

    Backend &m_backend;
    QueueFilterBar *m_filter;
    CalendarGrid *m_grid;
    QScrollArea *m_scroll = nullptr;
    InlineMessage *m_message;
    QLabel *m_period;
    QComboBox *m_zone;
    QButtonGroup *m_modes;
    QUndoStack *m_undo;
    QHash<QString, PostRow> m_rows; // the visible posts by id
    QDate m_loadedFirstDay;         // the first day of the view loaded last
    QTimer m_slotDelay;             // a burst of changes reloads the free times once
    quint64 m_request = 0;          // answers to older loads are dropped
    bool m_loading = false;
    bool m_stale = true; // something changed while hidden: load when shown
};

} // namespace cq::ui
