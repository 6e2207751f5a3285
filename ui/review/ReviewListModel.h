#pragma once

#include "session/Backend.h"

#include <QAbstractListModel>

namespace cq::ui {

class StoredThumbnails;

// The posts waiting for review, in queue order (as soon as possible first, then by time), kept
// current from the Backend's change signals: a post that enters review is inserted where it
// belongs, one that changes is updated in place, one that leaves (approved, sent back, edited,
// cancelled, deleted) is removed. Never reset except when the page (re)loads.
class ReviewListModel : public QAbstractListModel {
    Q_OBJECT

public:
    // Qt::DisplayRole: the caption on one line (or "(No caption)"). Qt::ToolTipRole: the whole
    // caption. Qt::AccessibleTextRole: caption, account, time and findings in one sentence.
    enum Role {
        IdRole = Qt::UserRole + 1, // QString
        AccountRole,               // QString: "Ana (@ana.makes)"
        TimeRole,                  // QString: when it goes out, in the post's zone
        FindingsRole,              // QString: "1 error, 2 warnings" or "No problems found"
        ErrorCountRole,            // int
        WarningCountRole,          // int
        ThumbnailRole,             // QImage: the first media item's picture, null until it is made
        MediaCountRole,            // int
    };

    explicit ReviewListModel(Backend &backend, QObject *parent = nullptr);

    // The first page of a (re)load.
    void setRows(QList<PostRow> rows);
    // A further page; posts already listed (from change signals meanwhile) are skipped.
    void appendRows(const QList<PostRow> &rows);
    // A post changed: inserted, updated or removed as its status says.
    void apply(const PostRow &row);
    void remove(const QString &id);

    int rowOf(const QString &id) const;
    const PostRow &rowAt(int row) const { return m_rows.at(row); }
    const QList<PostRow> &rows() const { return m_rows; }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    // Queue order: "as soon as possible" first, then by time, then by id (PostRepository::page()).
    static bool comesBefore(const StoredPost &a, const StoredPost &b);
    static QString findingsText(const PostRow &row);

private:
    QString accountText(const StoredPost &post) const;
    int insertionRow(const StoredPost &post) const;
    void thumbnailReady(const QString &sha256);

    Backend &m_backend;
    StoredThumbnails &m_thumbnails;
    QList<PostRow> m_rows;
};

} // namespace cq::ui
