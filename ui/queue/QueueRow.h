#pragma once

#include "post/Lifecycle.h"
#include "post/PostStatus.h"
#include "storage/PostRepository.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

#include <optional>

namespace cq {
struct PostRow;
struct StoredPost;
} // namespace cq

namespace cq::ui {

// Where a post stands in the queue's order: "as soon as possible" first, then by time, then by id
// (the order of PostRepository::page, so that keyset pages and live changes agree).
struct QueueKey {
    std::optional<qint64> atMs;
    QString id;

    static QueueKey of(const StoredPost &post);
    static QueueKey of(const PostCursor &cursor);
    friend bool operator<(const QueueKey &a, const QueueKey &b);
    friend bool operator==(const QueueKey &a, const QueueKey &b) = default;
};

// What the queue keeps of a post: the few facts its columns and actions need, not the whole
// StoredPost (its JSON document and media descriptors), so that 100,000 rows stay small.
struct QueueRow {
    QString id;
    PostStatus status = PostStatus::Draft;
    std::optional<QDateTime> atUtc;
    QString timeZone;
    QString accountId;
    QString caption;
    int videoCount = 0;
    int photoCount = 0;
    double videoSeconds = 0;
    QString thumbnailSha256; // of the first media item
    int thumbnailRotation = 0;
    int errorCount = 0;
    int warningCount = 0;
    QStringList findingMessages;
    quint32 actionMask = 0; // bit n: PostAction n is allowed now

    static QueueRow from(const PostRow &row);
    QueueKey key() const;
    bool allows(PostAction action) const { return actionMask & (1u << unsigned(action)); }
};

} // namespace cq::ui

// Its members all are: a list of 100,000 rows grows by moving memory, not row by row.
Q_DECLARE_TYPEINFO(cq::ui::QueueRow, Q_RELOCATABLE_TYPE);
