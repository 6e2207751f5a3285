#include "review/ReviewListModel.h"

#include "common/PostText.h"
#include "common/StoredThumbnails.h"
#include "common/TimeText.h"

#include <algorithm>

namespace cq::ui {

namespace {
constexpr int CaptionCharacters = 120;
}

ReviewListModel::ReviewListModel(Backend &backend, QObject *parent)
    : QAbstractListModel(parent)
    , m_backend(backend)
    , m_thumbnails(StoredThumbnails::of(backend)) {
    connect(&m_thumbnails, &StoredThumbnails::thumbnailReady, this, &ReviewListModel::thumbnailReady);
    connect(&backend, &Backend::accountsChanged, this, [this] {
        if (!m_rows.isEmpty()) {
            Q_EMIT dataChanged(index(0), index(rowCount() - 1), {AccountRole, Qt::AccessibleTextRole});
        }
    });
}

bool ReviewListModel::comesBefore(const StoredPost &a, const StoredPost &b) {
    if (a.schedule.atUtc.has_value() != b.schedule.atUtc.has_value()) {
        return !a.schedule.atUtc.has_value();
    }
    if (a.schedule.atUtc && *a.schedule.atUtc != *b.schedule.atUtc) {
        return *a.schedule.atUtc < *b.schedule.atUtc;
    }
    return a.id < b.id;
}

void ReviewListModel::setRows(QList<PostRow> rows) {
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

void ReviewListModel::appendRows(const QList<PostRow> &rows) {
    for (const PostRow &row : rows) {
        if (rowOf(row.post.id) < 0) {
            apply(row);
        }
    }
}

int ReviewListModel::insertionRow(const StoredPost &post) const {
    const auto at =
        std::lower_bound(m_rows.cbegin(), m_rows.cend(), post,
                         [](const PostRow &row, const StoredPost &p) { return comesBefore(row.post, p); });
    return int(at - m_rows.cbegin());
}

void ReviewListModel::apply(const PostRow &row) {
    const int existing = rowOf(row.post.id);
    if (row.post.status != PostStatus::InReview) {
        if (existing >= 0) {
            beginRemoveRows({}, existing, existing);
            m_rows.removeAt(existing);
            endRemoveRows();
        }
        return;
    }
    if (existing >= 0) {
        const bool staysInPlace =
            (existing == 0 || !comesBefore(row.post, m_rows[existing - 1].post))
            && (existing + 1 == m_rows.size() || comesBefore(row.post, m_rows[existing + 1].post));
        if (staysInPlace) {
            m_rows[existing] = row;
            Q_EMIT dataChanged(index(existing), index(existing));
            return;
        }
        beginRemoveRows({}, existing, existing); // its time moved: it moves too
        m_rows.removeAt(existing);
        endRemoveRows();
    }
    const int at = insertionRow(row.post);
    beginInsertRows({}, at, at);
    m_rows.insert(at, row);
    endInsertRows();
}

void ReviewListModel::remove(const QString &id) {
    const int row = rowOf(id);
    if (row >= 0) {
        beginRemoveRows({}, row, row);
        m_rows.removeAt(row);
        endRemoveRows();
    }
}

int ReviewListModel::rowOf(const QString &id) const {
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows[row].post.id == id) {
            return row;
        }
    }
    return -1;
}

int ReviewListModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

QString ReviewListModel::accountText(const StoredPost &post) const {
    const QString id = post.accountId();
    for (const AccountSummary &account : m_backend.accounts()) {
        if (id.isEmpty() ? account.isDefault : account.id == id) {
            return account.label();
        }
    }
    return id.isEmpty() ? tr("Default account") : id;
}

QString ReviewListModel::findingsText(const PostRow &row) {
    const int errors = row.errorCount();
    const int warnings = row.warningCount();
    if (errors == 0 && warnings == 0) {
        return tr("No problems found");
    }
    QStringList parts;
    if (errors > 0) {
        parts << tr("%n error(s)", nullptr, errors);
    }
    if (warnings > 0) {
        parts << tr("%n warning(s)", nullptr, warnings);
    }
    return parts.join(QStringLiteral(", "));
}

QVariant ReviewListModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const PostRow &row = m_rows[index.row()];
    const StoredPost &post = row.post;
    switch (role) {
    case Qt::DisplayRole:
        return post.content.text.isEmpty() ? tr("(No caption)")
                                           : captionPreview(post.content.text, CaptionCharacters);
    case Qt::ToolTipRole:
        return post.content.text;
    case Qt::AccessibleTextRole:
        return tr("%1. %2. %3. %4.")
            .arg(data(index, Qt::DisplayRole).toString(), accountText(post),
                 scheduleShortLabel(post.schedule), findingsText(row));
    case IdRole:
        return post.id;
    case AccountRole:
        return accountText(post);
    case TimeRole:
        return scheduleShortLabel(post.schedule);
    case FindingsRole:
        return findingsText(row);
    case ErrorCountRole:
        return row.errorCount();
    case WarningCountRole:
        return row.warningCount();
    case ThumbnailRole:
        return post.media.isEmpty() ? QImage() : m_thumbnails.thumbnail(post.media.first());
    case MediaCountRole:
        return int(post.media.size());
    default:
        return {};
    }
}

QHash<int, QByteArray> ReviewListModel::roleNames() const {
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(IdRole, "id");
    names.insert(AccountRole, "account");
    names.insert(TimeRole, "time");
    names.insert(FindingsRole, "findings");
    names.insert(ErrorCountRole, "errorCount");
    names.insert(WarningCountRole, "warningCount");
    names.insert(ThumbnailRole, "thumbnail");
    names.insert(MediaCountRole, "mediaCount");
    return names;
}

void ReviewListModel::thumbnailReady(const QString &sha256) {
    for (int row = 0; row < m_rows.size(); ++row) {
        const QList<StoredMedia> &media = m_rows[row].post.media;
        if (!media.isEmpty() && media.first().sha256 == sha256) {
            Q_EMIT dataChanged(index(row), index(row), {ThumbnailRole});
        }
    }
}

} // namespace cq::ui
