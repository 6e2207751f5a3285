#pragma once

#include "post/StoredPost.h"
#include "storage/Database.h"
#include "storage/MediaObjectRepository.h"

#include <QDateTime>
#include <QHash>
#include <QList>

#include <expected>
#include <optional>

namespace cq {

// Which posts a queue shows. Empty fields do not filter.
struct PostFilter {
    QList<PostStatus> statuses;         // any of these
    QString accountId;                  // the account the post goes to ("" : any)
    std::optional<QDateTime> fromUtc;   // scheduled at or after
    std::optional<QDateTime> beforeUtc; // scheduled before
    QString captionContains;            // case-insensitive for ASCII letters

    // Whether `post` is one page() would list for this filter, decided without the database (so that
    // a window can place a changed post in its list). A post without a time is outside any date range,
    // as SQL compares NULL.
    bool matches(const StoredPost &post) const;
};

// Where a page of the queue ends, in queue order ("as soon as possible" first, then by time, then
// by id): the next page starts after it, so paging stays fast at the end of 100,000 posts.
struct PostCursor {
    std::optional<QDateTime> scheduledAtUtc;
    QString id;
};

// Reads and writes posts, their media rows, history and attempts (media_objects rows belong to
// MediaObjectRepository, workspace settings to WorkspaceSettingsRepository). Methods do not open
// transactions of their own: callers wrap multi-row changes in Database::transaction().
class PostRepository {
public:
    explicit PostRepository(const Database &database);

    std::expected<void, Error> insert(const StoredPost &post);
    std::expected<StoredPost, Error> get(const QString &id) const;
    // Deletes a post with its media rows, history and attempts; stored objects stay until
    // MediaGarbageCollector finds no post refers to them.
    // Leaves a tombstone (kept 30 days) so that deletedSince() tells other windows.
    std::expected<void, Error> remove(const QString &id, const QDateTime &now);
    // Posts deleted after `sinceMs`, with when, oldest first.
    std::expected<QList<std::pair<QString, qint64>>, Error> deletedSince(qint64 sinceMs) const;
    // Soonest first: unscheduled posts ("as soon as possible") first, then by time, then by id.
    std::expected<QList<StoredPost>, Error> list(std::optional<PostStatus> status, int limit,
                                                 int offset = 0) const;

    // One page of the queue after `after` (from the start when nullopt), media loaded.
    std::expected<QList<StoredPost>, Error> page(const PostFilter &filter,
                                                 const std::optional<PostCursor> &after, int limit) const;
    // How many posts match `filter`, by status (the filter's statuses are ignored, so a status filter
    // can show every count).
    std::expected<QHash<PostStatus, int>, Error> countByStatus(const PostFilter &filter) const;
    // Posts changed after `sinceMs` (updated_at_ms), oldest change first, media loaded: how a window
    // follows what runners and other machines do without reloading everything.
    std::expected<QList<StoredPost>, Error> changedSince(qint64 sinceMs, int limit) const;
    // When the account's posts that hold a time (any status but cancelled and failed) go out, at or
    // after `fromUtc` and before `beforeUtc`, in milliseconds since the epoch: the posting times
    // they take.
    std::expected<QList<qint64>, Error> takenTimes(const QString &accountId, const QDateTime &fromUtc,
                                                   const QDateTime &beforeUtc) const;
    // Other posts of the account (not `exceptId`) with any of these media objects, queued or
    // published (not cancelled or failed): what a duplicate warning names. At most as many rows as
    // `sha256s` has items (any of the posts, not all).
    struct SharedMedia {
        QString postId;
        PostStatus status;
        QString sha256;
        QString caption; // how people know the post
    };
    std::expected<QList<SharedMedia>, Error>
    sharingMedia(const QString &accountId, const QStringList &sha256s, const QString &exceptId) const;
    // Writes status, schedule, post JSON, publish id and claim, if the row still has `expectedRevision`.
    std::expected<void, Error> update(const StoredPost &post, int expectedRevision);

    std::expected<void, Error> appendHistory(const QString &postId, const HistoryEntry &entry);
    std::expected<QList<HistoryEntry>, Error> history(const QString &postId) const;
    std::expected<void, Error> recordAttempt(const PublishAttempt &attempt);
    std::expected<QList<PublishAttempt>, Error> attempts(const QString &postId) const;

    // Scheduled posts due at `now`, oldest first.
    std::expected<QStringList, Error> dueIds(const QDateTime &now, int limit) const;
    std::expected<std::optional<QDateTime>, Error> nextDueTime() const;
    // Posts in `publishing` whose runner's lease ran out before `now`.
    std::expected<QStringList, Error> expiredClaims(const QDateTime &now) const;
    // Atomically moves a post from `from` to publishing for `runner`; false when another runner won.
    std::expected<bool, Error> claim(const QString &id, PostStatus from, const QString &runner,
                                     const QDateTime &leaseUntil, const QDateTime &now);
    // Runners holding claims on posts in publishing or processing.
    std::expected<QStringList, Error> claimingRunners() const;
    // Ends the leases of a runner known to be dead, so that its posts are taken over now.
    std::expected<void, Error> releaseClaimsOf(const QString &runner);
    std::expected<void, Error> renewLease(const QString &runner, const QDateTime &leaseUntil);

private:
    std::expected<void, Error> run(const QString &sql, const QVariantList &values = {}) const;
    std::expected<QStringList, Error> selectIds(const QString &sql, const QVariantList &values) const;
    std::expected<QList<StoredPost>, Error> readPosts(QSqlQuery &query) const;
    // Runs a SELECT of PostColumns and reads the posts with their media.
    std::expected<QList<StoredPost>, Error> selectPosts(const QString &sql, const QVariantList &values) const;
    std::expected<void, Error> loadMedia(QList<StoredPost> &posts) const; // in one query

    const Database &m_db;
    MediaObjectRepository m_mediaObjects; // insert() records the objects a post's media rows refer to
};

} // namespace cq
