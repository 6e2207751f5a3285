#pragma once

#include <QDateTime>
#include <QPointer>
#include <QUndoCommand>

namespace cq::ui {

class CalendarPage;

// A post moved in the calendar, for Ctrl+Z: undo moves it back to its former instant (in its own
// zone), redo moves it again. Pushed once the move has been stored, so the first redo does nothing.
class MoveCommand : public QUndoCommand {
public:
    MoveCommand(CalendarPage &page, QString id, QString caption, QDateTime fromUtc, QDateTime toUtc);

    void undo() override;
    void redo() override;

private:
    QPointer<CalendarPage> m_page;
    QString m_id;
    QDateTime m_fromUtc;
    QDateTime m_toUtc;
    bool m_stored = true; // the move happened before the command was pushed
};

} // namespace cq::ui
