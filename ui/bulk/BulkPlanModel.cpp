#include "bulk/BulkPlanModel.h"

#include "common/PostText.h"
#include "common/TimeText.h"
#include "media/MediaDescriptor.h"
#include "queue/QueueText.h"

#include <QFileInfo>
#include <QTimeZone>
#include <QUrl>

namespace cq::ui {

void BulkPlanModel::setRows(const QList<CheckedRow> &rows) {
    beginResetModel();
    m_rows = rows;
    endResetModel();
}

int BulkPlanModel::storableCount() const {
    return int(std::count_if(m_rows.cbegin(), m_rows.cend(),
                             [](const CheckedRow &row) { return row.isStorable(); }));
}

int BulkPlanModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

int BulkPlanModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QString BulkPlanModel::findingsText(const CheckedRow &row) const {
    if (!row.problem.isEmpty()) {
        return tr("Error: %1").arg(row.problem);
    }
    const qsizetype errors = std::count_if(row.findings.cbegin(), row.findings.cend(),
                                           [](const Finding &f) { return f.isError(); });
    const qsizetype warnings = row.findings.size() - errors;
    if (row.findings.isEmpty()) {
        return tr("Ready");
    }
    const Finding &first = *std::find_if(row.findings.cbegin(), row.findings.cend(),
                                         [errors](const Finding &f) { return errors == 0 || f.isError(); });
    return QueueText::findingsSummary(int(errors), int(warnings)) + u": " + first.message;
}

QVariant BulkPlanModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() || index.row() >= m_rows.size()) {
        return {};
    }
    const CheckedRow &row = m_rows.at(index.row());
    if (role == Qt::ToolTipRole && index.column() == FindingsColumn) {
        QStringList lines;
        for (const Finding &finding : row.findings) {
            lines << (finding.isError() ? tr("Error: %1") : tr("Warning: %1")).arg(finding.message);
        }
        return row.problem.isEmpty() ? lines.join(u'\n') : row.problem;
    }
    if (role != Qt::DisplayRole && role != Qt::AccessibleTextRole) {
        return {};
    }
    const Post &post = row.row.post;
    switch (index.column()) {
    case FileColumn: {
        const QString url = post.media.isEmpty() ? QString() : post.media.first().url;
        const MediaLocation location = locateMedia(url);
        return location.kind == MediaLocation::Kind::LocalFile ? QFileInfo(location.localPath).fileName()
                                                               : url;
    }
    case CaptionColumn:
        return post.text.isEmpty() ? tr("(no caption)") : captionPreview(post.text, 60);
    case WhenColumn:
        if (row.row.addToQueue && !post.scheduledFor) {
            return tr("Next free posting time");
        }
        return post.scheduledFor ? scheduleShortLabel(PostSchedule{
                   post.scheduledFor->toUTC(), QString::fromUtf8(post.scheduledFor->timeZone().id())})
                                 : tr("No time (draft)");
    case FindingsColumn:
        return findingsText(row);
    default:
        return {};
    }
}

QVariant BulkPlanModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case FileColumn:
        return tr("File");
    case CaptionColumn:
        return tr("Caption");
    case WhenColumn:
        return tr("When");
    case FindingsColumn:
        return tr("Check");
    default:
        return {};
    }
}

} // namespace cq::ui
