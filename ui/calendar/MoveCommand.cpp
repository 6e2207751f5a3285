#include "calendar/MoveCommand.h"

#include "calendar/CalendarPage.h"

#include <QCoreApplication>

namespace cq::ui {

MoveCommand::MoveCommand(CalendarPage &page, QString id, QString caption, QDateTime fromUtc, QDateTime toUtc)
    : m_page(&page)
    , m_id(std::move(id))
    , m_fromUtc(std::move(fromUtc))
    , m_toUtc(std::move(toUtc)) {
    setText(QCoreApplication::translate("MoveCommand", "Move “%1”").arg(caption));
}

void MoveCommand::undo() {
    if (m_page) {
        m_page->movePost(m_id, m_fromUtc, false);
    }
}

void MoveCommand::redo() {
    if (std::exchange(m_stored, false)) {
        return;
    }
    if (m_page) {
        m_page->movePost(m_id, m_toUtc, false);
    }
}

} // namespace cq::ui
