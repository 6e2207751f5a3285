#include "queue/PostHistoryModel.h"

#include "common/StatusText.h"
#include "common/TimeText.h"

namespace cq::ui {

namespace {
// The new list continues the shown one: same rows in the same order, perhaps more after them.
bool continues(const QList<HistoryEntry> &shown, const QList<HistoryEntry> &next) {
    if (next.size() < shown.size()) {
        return false;
    }
    for (qsizetype i = 0; i < shown.size(); ++i) {
        if (shown[i].seq != next[i].seq || shown[i].at != next[i].at) {
            return false;
        }
    }
    return true;
}
} // namespace

PostHistoryModel::PostHistoryModel(QObject *parent)
    : QAbstractTableModel(parent) {
}

void PostHistoryModel::setEntries(const QList<HistoryEntry> &entries) {
    if (!continues(m_entries, entries)) {
        beginResetModel(); // another post
        m_entries = entries;
        endResetModel();
        return;
    }
    if (entries.size() > m_entries.size()) {
        beginInsertRows({}, int(m_entries.size()), int(entries.size()) - 1);
        m_entries = entries;
        endInsertRows();
    }
}

int PostHistoryModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_entries.size());
}

int PostHistoryModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QString PostHistoryModel::changeText(const HistoryEntry &entry) {
    if (!entry.from || *entry.from == entry.to) {
        return historyActionLabel(entry.action);
    }
    return statusLabel(*entry.from) + u" → " + statusLabel(entry.to);
}

QString PostHistoryModel::actorText(const QString &actor) {
    static const QString runnerPrefix = QStringLiteral("runner:");
    if (actor.startsWith(runnerPrefix)) {
        return tr("Publisher (%1)").arg(actor.mid(runnerPrefix.size()));
    }
    return actor;
}

QVariant PostHistoryModel::display(const HistoryEntry &entry, int column) const {
    switch (column) {
    case When:
        return preciseMomentLabel(entry.at);
    case Who:
        return actorText(entry.actor);
    case Change:
        return changeText(entry);
    case Comment:
        return entry.comment;
    default:
        return {};
    }
}

QVariant PostHistoryModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const HistoryEntry &entry = m_entries[index.row()];
    if (role == Qt::DisplayRole) {
        return display(entry, index.column());
    }
    if (role == Qt::ToolTipRole) {
        switch (index.column()) {
        case When:
            return entry.at.toUTC().toString(Qt::ISODateWithMs);
        case Change:
            return QString(historyActionLabel(entry.action) + u": "
                           + (entry.from ? statusLabel(*entry.from) + u" → " : QString())
                           + statusLabel(entry.to));
        default:
            return display(entry, index.column());
        }
    }
    return {};
}

QVariant PostHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case When:
        return tr("When");
    case Who:
        return tr("Who");
    case Change:
        return tr("What");
    case Comment:
        return tr("Comment");
    default:
        return {};
    }
}

} // namespace cq::ui
