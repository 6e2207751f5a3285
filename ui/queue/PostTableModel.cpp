#include "queue/PostTableModel.h"

#include "common/StatusText.h"
#include "common/StoredThumbnails.h"
#include "common/TimeText.h"
#include "queue/QueueText.h"
#include "session/Backend.h"

#include <QGuiApplication>
#include <QPalette>
#include <QPixmap>

#include <algorithm>
#include <cmath>

namespace cq::ui {

namespace {
constexpr int ToolTipCaptionChars = 1000;
constexpr int ScaledThumbnails = 500; // a few screens of rows; most posts share a few clips
} // namespace

PostTableModel::PostTableModel(Backend &backend, QObject *parent)
    : QAbstractTableModel(parent)
    , m_backend(backend)
    , m_thumbnails(StoredThumbnails::of(backend))
    , m_scaledThumbnails(ScaledThumbnails) {
    connect(&backend, &Backend::postChanged, this, &PostTableModel::onPostChanged);
    connect(&backend, &Backend::postRemoved, this, &PostTableModel::onPostRemoved);
    connect(&backend, &Backend::uploadProgress, this, &PostTableModel::onUploadProgress);
    connect(&backend, &Backend::accountsChanged, this, &PostTableModel::onAccountsChanged);
    connect(&backend, &Backend::ready, this, &PostTableModel::requestPage);
    connect(&m_thumbnails, &StoredThumbnails::thumbnailReady, this, &PostTableModel::onThumbnailReady);
    onAccountsChanged();
    requestPage();
}

PostTableModel::~PostTableModel() = default;

void PostTableModel::setFilter(const PostFilter &filter) {
    beginResetModel();
    m_filter = filter;
    m_rows.clear();
    m_timeById.clear();
    m_waitingForThumbnail.clear();
    m_bound.reset();
    m_atEnd = false;
    m_failed = false;
    ++m_generation;
    const bool wasFetching = std::exchange(m_fetching, false);
    endResetModel();
    requestPage();
    if (wasFetching && !m_fetching) {
        Q_EMIT loadingChanged(false);
    }
}

void PostTableModel::requestPage() {
    if (m_fetching || m_atEnd || m_failed || !m_backend.isReady()) {
        return; // a page is on its way, there is none, or the backend's ready() asks again
    }
    m_fetching = true;
    Q_EMIT loadingChanged(true);
    m_backend.listPosts(m_filter, m_bound, PageSize, this,
                        [this, generation = m_generation](std::expected<QList<PostRow>, Error> page) {
                            if (generation != m_generation) {
                                return; // asked under an older filter
                            }
                            m_fetching = false;
                            if (!page) {
                                m_failed = true;
                                Q_EMIT loadingChanged(false);
                                Q_EMIT loadFailed(page.error().message);
                                return;
                            }
                            appendPage(*page);
                            Q_EMIT loadingChanged(false);
                        });
}

void PostTableModel::appendPage(const QList<PostRow> &page) {
    m_atEnd = page.size() < PageSize;
    if (page.isEmpty()) {
        return;
    }
    const StoredPost &last = page.last().post;
    m_bound = PostCursor{last.schedule.atUtc, last.id};
    QList<QueueRow> fresh;
    fresh.reserve(page.size());
    for (const PostRow &row : page) {
        // A post already here changed meanwhile; its postChanged() will move it.
        if (!m_timeById.contains(row.post.id)) {
            fresh << QueueRow::from(row);
        }
    }
    if (fresh.isEmpty()) {
        return;
    }
    const int first = int(m_rows.size());
    beginInsertRows({}, first, first + int(fresh.size()) - 1);
    for (QueueRow &row : fresh) {
        m_timeById.insert(row.id, row.key().atMs);
        m_rows << std::move(row);
    }
    endInsertRows();
}

bool PostTableModel::withinLoaded(const QueueKey &key) const {
    if (m_atEnd) {
        return true;
    }
    return m_bound && !(QueueKey::of(*m_bound) < key);
}

int PostTableModel::insertionRow(const QueueKey &key) const {
    const auto found = std::lower_bound(m_rows.cbegin(), m_rows.cend(), key,
                                        [](const QueueRow &row, const QueueKey &k) { return row.key() < k; });
    return int(found - m_rows.cbegin());
}

int PostTableModel::rowOf(const QString &id) const {
    const auto time = m_timeById.constFind(id);
    if (time == m_timeById.cend()) {
        return -1;
    }
    const int row = insertionRow(QueueKey{*time, id});
    return row < m_rows.size() && m_rows.at(row).id == id ? row : -1;
}

void PostTableModel::insertRow(int row, QueueRow value) {
    beginInsertRows({}, row, row);
    m_timeById.insert(value.id, value.key().atMs);
    m_rows.insert(row, std::move(value));
    endInsertRows();
}

void PostTableModel::removeRowAt(int row) {
    beginRemoveRows({}, row, row);
    m_timeById.remove(m_rows.at(row).id);
    m_rows.removeAt(row);
    endRemoveRows();
}

// Puts the changed post `value`, now at row `from`, where its (maybe new) time sorts it.
void PostTableModel::moveRow(int from, QueueRow value) {
    const int to = insertionRow(value.key()); // among rows that still hold the old version at `from`
    m_timeById.insert(value.id, value.key().atMs);
    if (to == from || to == from + 1) {
        m_rows[from] = std::move(value);
        emitRowChanged(from);
        return;
    }
    const int landed = to > from ? to - 1 : to;
    beginMoveRows({}, from, from, {}, to);
    m_rows.move(from, landed);
    m_rows[landed] = std::move(value);
    endMoveRows();
    emitRowChanged(landed);
}

void PostTableModel::emitRowChanged(int row, const QList<int> &roles) {
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1), roles);
}

void PostTableModel::onPostChanged(const PostRow &changed) {
    const StoredPost &post = changed.post;
    if (post.status != PostStatus::Publishing) {
        m_uploadPercent.remove(post.id);
    }
    const bool belongs = m_filter.matches(post) && withinLoaded(QueueKey::of(post));
    const int current = rowOf(post.id);
    if (current < 0) {
        if (belongs) {
            insertRow(insertionRow(QueueKey::of(post)), QueueRow::from(changed));
        }
        return; // beyond the loaded bound, a later page brings it
    }
    if (!belongs) {
        removeRowAt(current);
        return;
    }
    moveRow(current, QueueRow::from(changed));
}

void PostTableModel::onPostRemoved(const QString &id) {
    m_uploadPercent.remove(id);
    if (const int row = rowOf(id); row >= 0) {
        removeRowAt(row);
    }
}

void PostTableModel::onUploadProgress(const QString &id, qint64 sentBytes, qint64 totalBytes) {
    const int percent = totalBytes > 0 ? int(std::clamp<qint64>(sentBytes * 100 / totalBytes, 0, 100)) : 0;
    auto known = m_uploadPercent.find(id);
    if (known != m_uploadPercent.end() && *known == percent) {
        return; // a row repaints once per percent, not once per chunk
    }
    m_uploadPercent.insert(id, percent);
    if (const int row = rowOf(id); row >= 0 && m_rows.at(row).status == PostStatus::Publishing) {
        emitRowChanged(row, {ProgressRole});
    }
}

void PostTableModel::onThumbnailReady(const QString &sha256) {
    if (m_thumbnails.thumbnail(StoredMedia{sha256, {}}).isNull()) {
        m_noThumbnail.insert(sha256); // not made: the row stays without a picture
    }
    const QStringList ids = m_waitingForThumbnail.values(sha256);
    m_waitingForThumbnail.remove(sha256);
    for (const QString &id : ids) {
        if (const int row = rowOf(id); row >= 0) {
            const QModelIndex cell = index(row, ThumbnailColumn);
            Q_EMIT dataChanged(cell, cell, {Qt::DecorationRole});
        }
    }
}

void PostTableModel::onAccountsChanged() {
    m_accountLabels.clear();
    m_defaultAccountLabel = tr("Default account");
    for (const AccountSummary &account : m_backend.accounts()) {
        m_accountLabels.insert(account.id, account.label());
        if (account.isDefault) {
            m_defaultAccountLabel = account.label();
        }
    }
    if (!m_rows.isEmpty()) {
        Q_EMIT dataChanged(index(0, AccountColumn), index(int(m_rows.size()) - 1, AccountColumn),
                           {Qt::DisplayRole, Qt::ToolTipRole});
    }
}

void PostTableModel::setThumbnailSide(int sidePx, qreal devicePixelRatio) {
    if (sidePx == m_thumbnailSidePx && qFuzzyCompare(devicePixelRatio, m_pixelRatio)) {
        return;
    }
    m_thumbnailSidePx = sidePx;
    m_pixelRatio = devicePixelRatio;
    m_scaledThumbnails.clear();
    if (!m_rows.isEmpty()) {
        Q_EMIT dataChanged(index(0, ThumbnailColumn), index(int(m_rows.size()) - 1, ThumbnailColumn),
                           {Qt::DecorationRole});
    }
}

QString PostTableModel::accountLabel(const QString &accountId) const {
    return accountId.isEmpty() ? m_defaultAccountLabel : m_accountLabels.value(accountId, accountId);
}

int PostTableModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

int PostTableModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PostTableModel::display(const QueueRow &row, int column) const {
    switch (column) {
    case TimeColumn: {
        const auto [there, here] = scheduleLines(PostSchedule{row.atUtc, row.timeZone});
        return here.isEmpty() ? there : there + u'\n' + here;
    }
    case AccountColumn:
        return accountLabel(row.accountId);
    case CaptionColumn: {
        const QString line = QueueText::captionLine(row.caption);
        return line.isEmpty() ? tr("No caption") : line;
    }
    case MediaColumn:
        return QueueText::mediaSummary(row.videoCount, row.photoCount, row.videoSeconds);
    case StatusColumn:
        return statusLabel(row.status);
    case FindingsColumn:
        return QueueText::findingsSummary(row.errorCount, row.warningCount);
    default:
        return {};
    }
}

QVariant PostTableModel::toolTip(const QueueRow &row, int column) const {
    switch (column) {
    case TimeColumn:
        return scheduleLabel(PostSchedule{row.atUtc, row.timeZone});
    case AccountColumn:
        return row.accountId.isEmpty() ? tr("The default account") : row.accountId;
    case CaptionColumn:
        return row.caption.left(ToolTipCaptionChars);
    case StatusColumn:
        return statusDescription(row.status);
    case FindingsColumn:
        return row.findingMessages.isEmpty() ? QVariant() : QVariant(row.findingMessages.join(u'\n'));
    default:
        return {};
    }
}

QVariant PostTableModel::thumbnail(const QueueRow &row) const {
    const QString &sha256 = row.thumbnailSha256;
    if (sha256.isEmpty() || m_noThumbnail.contains(sha256)) {
        return {};
    }
    if (const QPixmap *scaled = m_scaledThumbnails.object(sha256)) {
        return *scaled;
    }
    StoredMedia media{sha256, {}};
    media.descriptor.rotation = row.thumbnailRotation;
    const QImage picture = m_thumbnails.thumbnail(media);
    if (picture.isNull()) {
        if (!m_waitingForThumbnail.contains(sha256, row.id)) {
            m_waitingForThumbnail.insert(sha256, row.id); // thumbnailReady() repaints it
        }
        return {};
    }
    const int devicePx = int(std::lround(m_thumbnailSidePx * m_pixelRatio));
    auto *scaled = new QPixmap(QPixmap::fromImage(
        picture.scaled(devicePx, devicePx, Qt::KeepAspectRatio, Qt::SmoothTransformation)));
    scaled->setDevicePixelRatio(m_pixelRatio);
    m_scaledThumbnails.insert(sha256, scaled);
    return *scaled;
}

QVariant PostTableModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const QueueRow &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return display(row, index.column());
    case Qt::DecorationRole:
        return index.column() == ThumbnailColumn ? thumbnail(row) : QVariant();
    case Qt::ToolTipRole:
        return toolTip(row, index.column());
    case Qt::AccessibleTextRole:
        return index.column() == ThumbnailColumn ? QVariant(tr("Thumbnail")) : display(row, index.column());
    case Qt::ForegroundRole:
        if (index.column() == CaptionColumn && QueueText::captionLine(row.caption).isEmpty()) {
            return QGuiApplication::palette().brush(QPalette::PlaceholderText);
        }
        return {};
    case PostIdRole:
        return row.id;
    case StatusRole:
        return int(row.status);
    case ProgressRole: {
        const auto percent = m_uploadPercent.constFind(row.id);
        if (row.status == PostStatus::Publishing && percent != m_uploadPercent.cend()) {
            return *percent;
        }
        return {};
    }
    case ScheduledAtRole:
        return row.atUtc ? QVariant(*row.atUtc) : QVariant();
    default:
        return {};
    }
}

QVariant PostTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    static const char *const titles[ColumnCount] = {"",
                                                    QT_TR_NOOP("Time"),
                                                    QT_TR_NOOP("Account"),
                                                    QT_TR_NOOP("Caption"),
                                                    QT_TR_NOOP("Media"),
                                                    QT_TR_NOOP("Status"),
                                                    QT_TR_NOOP("Checks")};
    if (role == Qt::DisplayRole) {
        return section == ThumbnailColumn ? QString() : tr(titles[section]);
    }
    if (role == Qt::ToolTipRole || role == Qt::AccessibleTextRole) {
        return section == ThumbnailColumn ? tr("Thumbnail") : tr(titles[section]);
    }
    return {};
}

bool PostTableModel::canFetchMore(const QModelIndex &parent) const {
    return !parent.isValid() && !m_atEnd && !m_failed;
}

void PostTableModel::fetchMore(const QModelIndex &parent) {
    if (!parent.isValid()) {
        requestPage();
    }
}

QHash<int, QByteArray> PostTableModel::roleNames() const {
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(PostIdRole, "postId");
    names.insert(StatusRole, "status");
    names.insert(ProgressRole, "progress");
    names.insert(ScheduledAtRole, "scheduledAt");
    return names;
}

} // namespace cq::ui
