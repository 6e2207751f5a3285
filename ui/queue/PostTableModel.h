#pragma once

#include "queue/QueueRow.h"
#include "storage/PostRepository.h"

#include <QAbstractTableModel>
#include <QCache>
#include <QHash>
#include <QList>
#include <QPixmap>
#include <QSet>

#include <optional>

namespace cq {
class Backend;
struct PostRow;
} // namespace cq

namespace cq::ui {

class StoredThumbnails;

// The posts of a queue filter in queue order, loaded a page at a time as the view scrolls
// (keyset paging after the last loaded post) and kept live from the Backend's change signals: a
// changed post is updated, moved to its new place, inserted or removed, row by row. The model
// resets only when the filter changes.
//
// Invariant: the rows are exactly the posts matching the filter up to the loaded bound (the cursor
// of the last page's last post); a change beyond the bound is left to the next page.
class PostTableModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        ThumbnailColumn,
        TimeColumn,
        AccountColumn,
        CaptionColumn,
        MediaColumn,
        StatusColumn,
        FindingsColumn,
        ColumnCount
    };
    enum Role {
        PostIdRole = Qt::UserRole + 1, // QString
        StatusRole,                    // int: the PostStatus, for a delegate's badge
        ProgressRole,                  // int 0..100 while the post's media upload; invalid otherwise
        ScheduledAtRole,               // QDateTime in UTC; invalid for "as soon as possible"
    };
    static constexpr int PageSize = 200;

    explicit PostTableModel(Backend &backend, QObject *parent = nullptr);
    ~PostTableModel() override;

    // Shows the posts matching `filter` from the first page: the one reset.
    void setFilter(const PostFilter &filter);
    const PostFilter &filter() const { return m_filter; }
    // Loads the first page again after a failure.
    void reload() { setFilter(m_filter); }

    const QueueRow &rowAt(int row) const { return m_rows.at(row); }
    // The row of post `id`, or -1 when it is not loaded.
    int rowOf(const QString &id) const;
    bool isLoading() const { return m_fetching; }
    // Every post matching the filter is loaded.
    bool isComplete() const { return m_atEnd; }
    // The longer side of a thumbnail in the view (device-independent pixels) and the screen's
    // pixel ratio; the shared StoredThumbnails are scaled to it once per picture.
    void setThumbnailSide(int sidePx, qreal devicePixelRatio);
    int thumbnailSide() const { return m_thumbnailSidePx; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    QHash<int, QByteArray> roleNames() const override;

Q_SIGNALS:
    void loadingChanged(bool loading);
    void loadFailed(const QString &message);

private:
    void requestPage();
    void appendPage(const QList<PostRow> &rows);
    void onPostChanged(const PostRow &row);
    void onPostRemoved(const QString &id);
    void onUploadProgress(const QString &id, qint64 sentBytes, qint64 totalBytes);
    void onThumbnailReady(const QString &sha256);
    void onAccountsChanged();
    bool withinLoaded(const QueueKey &key) const;
    int insertionRow(const QueueKey &key) const;
    void insertRow(int row, QueueRow value);
    void removeRowAt(int row);
    void moveRow(int from, QueueRow value);
    void emitRowChanged(int row, const QList<int> &roles = {});
    QVariant display(const QueueRow &row, int column) const;
    QVariant toolTip(const QueueRow &row, int column) const;
    QVariant thumbnail(const QueueRow &row) const;
    QString accountLabel(const QString &accountId) const;

    Backend &m_backend;
    StoredThumbnails &m_thumbnails;
    int m_thumbnailSidePx = 32;
    qreal m_pixelRatio = 1;
    PostFilter m_filter;
    QList<QueueRow> m_rows;
    QHash<QString, std::optional<qint64>> m_timeById; // with the id, a row's key: found by binary search
    std::optional<PostCursor> m_bound;
    bool m_atEnd = false;
    bool m_fetching = false;
    bool m_failed = false;    // no more pages until reload(): a failing database is not hammered
    quint64 m_generation = 0; // pages asked for under an older filter are dropped
    QHash<QString, int> m_uploadPercent;
    QHash<QString, QString> m_accountLabels;
    QString m_defaultAccountLabel;
    // Posts whose thumbnail a view asked for before it was ready, by sha256.
    mutable QMultiHash<QString, QString> m_waitingForThumbnail;
    mutable QCache<QString, QPixmap> m_scaledThumbnails; // by sha256, at the view's size
    QSet<QString> m_noThumbnail;                         // could not be made: not waited for
};

} // namespace cq::ui
