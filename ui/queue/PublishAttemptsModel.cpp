#include "queue/PublishAttemptsModel.h"

#include "common/StatusText.h"
#include "common/TimeText.h"

namespace cq::ui {

namespace {
bool sameIds(const QList<PublishAttempt> &shown, const QList<PublishAttempt> &next) {
    if (next.size() < shown.size()) {
        return false;
    }
    for (qsizetype i = 0; i < shown.size(); ++i) {
        if (shown[i].id != next[i].id) {
            return false;
        }
    }
    return true;
}

bool sameContent(const PublishAttempt &a, const PublishAttempt &b) {
    return a.finishedAt == b.finishedAt && a.outcome == b.outcome && a.httpStatus == b.httpStatus
           && a.errorCode == b.errorCode && a.errorMessage == b.errorMessage && a.logId == b.logId;
}
} // namespace

PublishAttemptsModel::PublishAttemptsModel(QObject *parent)
    : QAbstractTableModel(parent) {
}

void PublishAttemptsModel::setAttempts(const QList<PublishAttempt> &attempts) {
    if (!sameIds(m_attempts, attempts)) {
        beginResetModel(); // another post
        m_attempts = attempts;
        endResetModel();
        return;
    }
    for (qsizetype row = 0; row < m_attempts.size(); ++row) {
        if (!sameContent(m_attempts[row], attempts[row])) {
            m_attempts[row] = attempts[row];
            Q_EMIT dataChanged(index(int(row), 0), index(int(row), ColumnCount - 1));
        }
    }
    if (attempts.size() > m_attempts.size()) {
        beginInsertRows({}, int(m_attempts.size()), int(attempts.size()) - 1);
        m_attempts = attempts;
        endInsertRows();
    }
}

int PublishAttemptsModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_attempts.size());
}

int PublishAttemptsModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PublishAttemptsModel::display(const PublishAttempt &attempt, int column) const {
    switch (column) {
    case Started:
        return preciseMomentLabel(attempt.startedAt);
    case Finished:
        return attempt.finishedAt ? preciseMomentLabel(*attempt.finishedAt) : tr("Still running");
    case Outcome:
        return outcomeLabel(attempt.outcome);
    case HttpStatus:
        return attempt.httpStatus ? QString::number(*attempt.httpStatus) : QString();
    case ErrorCode:
        return attempt.errorCode;
    case Message:
        return attempt.errorMessage;
    case LogId:
        return attempt.logId;
    default:
        return {};
    }
}

QVariant PublishAttemptsModel::toolTip(const PublishAttempt &attempt, int column) const {
    switch (column) {
    case Started:
        return attempt.startedAt.toUTC().toString(Qt::ISODateWithMs);
    case Finished:
        return attempt.finishedAt ? attempt.finishedAt->toUTC().toString(Qt::ISODateWithMs) : QString();
    case LogId:
        return attempt.logId.isEmpty() ? QString()
                                       : tr("TikTok's log id: give it to TikTok's support with the error "
                                            "code. Right-click to copy.");
    default:
        return display(attempt, column);
    }
}

QVariant PublishAttemptsModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const PublishAttempt &attempt = m_attempts[index.row()];
    switch (role) {
    case Qt::DisplayRole:
        return display(attempt, index.column());
    case Qt::ToolTipRole:
        return toolTip(attempt, index.column());
    default:
        return {};
    }
}

QVariant PublishAttemptsModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    static const char *const titles[ColumnCount] = {
        QT_TR_NOOP("Started"), QT_TR_NOOP("Outcome"), QT_TR_NOOP("Error code"), QT_TR_NOOP("Log ID"),
        QT_TR_NOOP("HTTP"),    QT_TR_NOOP("Message"), QT_TR_NOOP("Finished"),
    };
    return section >= 0 && section < ColumnCount ? tr(titles[section]) : QVariant();
}

} // namespace cq::ui
