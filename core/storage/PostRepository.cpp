#include "storage/PostRepository.h"

#include "post/PostJson.h"

#include <QJsonDocument>
#include <QSqlRecord>

namespace cq {

namespace {

constexpr auto PostColumns =
    "id, status, post_json, scheduled_at_ms, time_zone, publish_id, created_by, "
    "created_at_ms, updated_at_ms, revision, claimed_by, lease_until_ms, public_post_id";

QVariant msOrNull(const std::optional<QDateTime> &time) {
    return time ? QVariant(time->toMSecsSinceEpoch()) : QVariant(QMetaType(QMetaType::LongLong));
}

QVariant textOrNull(const QString &text) {
    return text.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(text);
}

std::optional<QDateTime> timeOrNull(const QVariant &value) {
    if (value.isNull()) {
        return std::nullopt;
    }
    return QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

// Qt binds a null QString as SQL NULL; NOT NULL text columns get an empty string instead.
QString text(const QString &value) {
    return value.isNull() ? QStringLiteral("") : value;
}

QString compactJson(const QJsonObject &object) {
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

} // namespace

std::expected<void, Error> PostRepository::run(const QString &sql, const QVariantList &values) const {
    auto query = m_db.exec(sql, values);
    if (!query) {
        return std::unexpected(query.error());
    }
    return {};
}

std::expected<QStringList, Error> PostRepository::selectIds(const QString &sql,
                                                            const QVariantList &values) const {
    auto query = m_db.exec(sql, values);
    if (!query) {
        return std::unexpected(query.error());
    }
    QStringList ids;
    while (query->next()) {
        ids << query->value(0).toString();
    }
    return ids;
}

PostRepository::PostRepository(const Database &database)
    : m_db(database)
    , m_mediaObjects(database) {
}

std::expected<void, Error> PostRepository::insert(const StoredPost &post) {
    auto inserted = m_db.exec(
        QStringLiteral(
            "INSERT INTO posts (id, status, caption, post_json, scheduled_at_ms, time_zone, publish_id, "
            "created_by, created_at_ms, updated_at_ms, revision, claimed_by, lease_until_ms, account_id, "
            "public_post_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        {post.id, postStatusName(post.status), text(post.content.text),
         compactJson(postToJson(post.toPost())), msOrNull(post.schedule.atUtc), text(post.schedule.timeZone),
         textOrNull(post.publishId), text(post.createdBy), post.createdAt.toMSecsSinceEpoch(),
         post.updatedAt.toMSecsSinceEpoch(), post.revision, textOrNull(post.claimedBy),
         msOrNull(post.leaseUntil), text(post.accountId()), textOrNull(post.publicPostId)});
    if (!inserted) {
        return std::unexpected(inserted.error());
    }
    for (qsizetype i = 0; i < post.media.size(); ++i) {
        const StoredMedia &media = post.media.at(i);
        // The object's row first: post_media refers to it.
        auto added = m_mediaObjects.add(MediaObject{media.sha256, media.descriptor.sizeBytes.value_or(0),
                                                    media.descriptor.mimeType, post.createdAt});
        if (!added) {
            return std::unexpected(added.error());
        }
        auto row =
            m_db.exec(QStringLiteral("INSERT INTO post_media (post_id, position, sha256, original_url, "
                                     "descriptor_json) VALUES (?, ?, ?, ?, ?)"),
                      {post.id, int(i), media.sha256, media.originalUrl(),
                       compactJson(mediaDescriptorToJson(media.descriptor))});
        if (!row) {
            return std::unexpected(row.error());
        }
    }
    return {};
}

std::expected<QList<StoredPost>, Error> PostRepository::readPosts(QSqlQuery &query) const {
    QList<StoredPost> posts;
    while (query.next()) {
        StoredPost post;
        post.id = query.value(0).toString();
        post.status = postStatusFromName(query.value(1).toString()).value_or(PostStatus::NeedsAttention);
        auto parsed = parsePostJson(query.value(2).toString().toUtf8());
        if (!parsed) {
            return std::unexpected(
                Error{ErrorCode::Database,
                      u"Post " + post.id + u" is damaged in the database: " + parsed.error().message});
        }
        post.content = parsed->post; // media and time are read from their own columns
        post.schedule.atUtc = timeOrNull(query.value(3));
        post.schedule.timeZone = query.value(4).toString();
        post.publishId = query.value(5).toString();
        post.createdBy = query.value(6).toString();
        post.createdAt = QDateTime::fromMSecsSinceEpoch(query.value(7).toLongLong(), Qt::UTC);
        post.updatedAt = QDateTime::fromMSecsSinceEpoch(query.value(8).toLongLong(), Qt::UTC);
        post.revision = query.value(9).toInt();
        post.claimedBy = query.value(10).toString();
        post.leaseUntil = timeOrNull(query.value(11));
        post.publicPostId = query.value(12).toString();
        posts << post;
    }
    return posts;
}

std::expected<void, Error> PostRepository::loadMedia(QList<StoredPost> &posts) const {
    if (posts.isEmpty()) {
        return {};
    }
    QHash<QString, qsizetype> indexById;
    QVariantList ids;
    for (qsizetype i = 0; i < posts.size(); ++i) {
        indexById.insert(posts.at(i).id, i);
        posts[i].media.clear();
        ids << posts.at(i).id;
    }
    const QString placeholders = QStringLiteral("?,").repeated(ids.size()).chopped(1);
    auto query = m_db.exec(u"SELECT post_id, sha256, original_url, descriptor_json FROM post_media "
                           u"WHERE post_id IN ("
                               + placeholders + u") ORDER BY post_id, position",
                           ids);
    if (!query) {
        return std::unexpected(query.error());
    }
    while (query->next()) {
        StoredMedia media;
        media.sha256 = query->value(1).toString();
        const QJsonObject json = QJsonDocument::fromJson(query->value(3).toString().toUtf8()).object();
        auto parsed = parsePostJson(QJsonObject{
            {QStringLiteral("content"), QJsonObject{{QStringLiteral("media"), QJsonArray{json}}}}});
        if (parsed && !parsed->post.media.isEmpty()) {
            media.descriptor = parsed->post.media.first();
        }
        media.descriptor.url = query->value(2).toString();
        posts[indexById.value(query->value(0).toString())].media << media;
    }
    return {};
}

std::expected<StoredPost, Error> PostRepository::get(const QString &id) const {
    auto posts = selectPosts(u"SELECT " + QLatin1StringView(PostColumns) + u" FROM posts WHERE id = ?", {id});
    if (!posts) {
        return std::unexpected(posts.error());
    }
    if (posts->isEmpty()) {
        return std::unexpected(Error{ErrorCode::NotFound, u"There is no post " + id + u'.'});
    }
    return posts->first();
}

std::expected<void, Error> PostRepository::remove(const QString &id, const QDateTime &now) {
    auto query = m_db.exec(QStringLiteral("DELETE FROM posts WHERE id = ?"), {id});
    if (!query) {
        return std::unexpected(query.error());
    }
    if (query->numRowsAffected() != 1) {
        return std::unexpected(Error{ErrorCode::NotFound, u"There is no post " + id + u'.'});
    }
    // A window that was closed for longer than this reloads its list anyway.
    constexpr qint64 TombstoneDays = 30;
    if (auto pruned = run(QStringLiteral("DELETE FROM post_deletions WHERE deleted_at_ms < ?"),
                          {now.addDays(-TombstoneDays).toMSecsSinceEpoch()});
        !pruned) {
        return pruned;
    }
    return run(QStringLiteral("INSERT INTO post_deletions (post_id, deleted_at_ms) VALUES (?, ?) "
                              "ON CONFLICT (post_id) DO UPDATE SET deleted_at_ms = excluded.deleted_at_ms"),
               {id, now.toMSecsSinceEpoch()});
}

std::expected<QList<std::pair<QString, qint64>>, Error> PostRepository::deletedSince(qint64 sinceMs) const {
    auto query =
        m_db.exec(QStringLiteral("SELECT post_id, deleted_at_ms FROM post_deletions WHERE deleted_at_ms > ? "
                                 "ORDER BY deleted_at_ms"),
                  {sinceMs});
    if (!query) {
        return std::unexpected(query.error());
    }
    QList<std::pair<QString, qint64>> deleted;
    while (query->next()) {
        deleted.append({query->value(0).toString(), query->value(1).toLongLong()});
    }
    return deleted;
}

std::expected<QList<StoredPost>, Error> PostRepository::list(std::optional<PostStatus> status, int limit,
                                                             int offset) const {
    QString sql = u"SELECT " + QLatin1StringView(PostColumns) + u" FROM posts";
    QVariantList values;
    if (status) {
        sql += u" WHERE status = ?";
        values << postStatusName(*status);
    }
    // "As soon as possible" (NULL) first on both backends, in the order the indexes keep.
    sql += u" ORDER BY scheduled_at_ms NULLS FIRST, id LIMIT ? OFFSET ?";
    values << limit << offset;
    return selectPosts(sql, values);
}

namespace {

// The WHERE clause (without the word) of a queue filter, and its values.
QString filterClause(const PostFilter &filter, bool withStatuses, QVariantList &values) {
    QStringList terms;
    if (withStatuses && !filter.statuses.isEmpty()) {
        QStringList marks;
        for (PostStatus status : filter.statuses) {
            marks << QStringLiteral("?");
            values << postStatusName(status);
        }
        terms << u"status IN (" + marks.join(u',') + u')';
    }
    if (!filter.accountId.isEmpty()) {
        terms << QStringLiteral("account_id = ?");
        values << filter.accountId;
    }
    if (filter.fromUtc) {
        terms << QStringLiteral("scheduled_at_ms >= ?");
        values << filter.fromUtc->toMSecsSinceEpoch();
    }
    if (filter.beforeUtc) {
        terms << QStringLiteral("scheduled_at_ms < ?");
        values << filter.beforeUtc->toMSecsSinceEpoch();
    }
    if (!filter.captionContains.isEmpty()) {
        // LIKE is case-insensitive for ASCII on SQLite; lower() makes PostgreSQL agree.
        terms << QStringLiteral("lower(caption) LIKE ? ESCAPE '!'");
        QString pattern = filter.captionContains.toLower();
        pattern.replace(u'!', QStringLiteral("!!"))
            .replace(u'%', QStringLiteral("!%"))
            .replace(u'_', QStringLiteral("!_"));
        values << QString(u'%' + pattern + u'%');
    }
    return terms.join(u" AND ");
}

// SQLite's lower(): ASCII letters only.
QString asciiLower(const QString &text) {
    QString lower = text;
    for (QChar &c : lower) {
        if (c >= u'A' && c <= u'Z') {
            c = QChar(c.unicode() + (u'a' - u'A'));
        }
    }
    return lower;
}

} // namespace

// Kept beside filterClause(): the two must decide alike.
bool PostFilter::matches(const StoredPost &post) const {
    if (!statuses.isEmpty() && !statuses.contains(post.status)) {
        return false;
    }
    if (!accountId.isEmpty() && post.accountId() != accountId) {
        return false;
    }
    const std::optional<QDateTime> &at = post.schedule.atUtc;
    if ((fromUtc && (!at || *at < *fromUtc)) || (beforeUtc && (!at || *at >= *beforeUtc))) {
        return false;
    }
    // As the query compares: lower(caption) LIKE the lower-cased words.
    return captionContains.isEmpty() || asciiLower(post.content.text).contains(captionContains.toLower());
}

std::expected<QList<StoredPost>, Error>
PostRepository::page(const PostFilter &filter, const std::optional<PostCursor> &after, int limit) const {
    QVariantList values;
    QStringList where;
    if (const QString clause = filterClause(filter, true, values); !clause.isEmpty()) {
        where << clause;
    }
    if (after) {
        if (!after->scheduledAtUtc) {
            where << QStringLiteral("(scheduled_at_ms IS NOT NULL OR id > ?)");
            values << after->id;
        } else {
            where << QStringLiteral("(scheduled_at_ms > ? OR (scheduled_at_ms = ? AND id > ?))");
            const qint64 ms = after->scheduledAtUtc->toMSecsSinceEpoch();
            values << ms << ms << after->id;
        }
    }
    QString sql = u"SELECT " + QLatin1StringView(PostColumns) + u" FROM posts";
    if (!where.isEmpty()) {
        sql += u" WHERE " + where.join(u" AND ");
    }
    sql += u" ORDER BY scheduled_at_ms NULLS FIRST, id LIMIT ?";
    values << limit;
    return selectPosts(sql, values);
}

std::expected<QHash<PostStatus, int>, Error> PostRepository::countByStatus(const PostFilter &filter) const {
    QVariantList values;
    const QString clause = filterClause(filter, false, values);
    auto query = m_db.exec(u"SELECT status, COUNT(*) FROM posts"
                               + (clause.isEmpty() ? QString() : u" WHERE " + clause) + u" GROUP BY status",
                           values);
    if (!query) {
        return std::unexpected(query.error());
    }
    QHash<PostStatus, int> counts;
    while (query->next()) {
        if (auto status = postStatusFromName(query->value(0).toString())) {
            counts.insert(*status, query->value(1).toInt());
        }
    }
    return counts;
}

namespace {
// The posts of account ? (bound twice): those naming it, and, when it is the default account, those
// naming none (which go to the default account).
constexpr auto OfAccount = "(p.account_id = ? OR (p.account_id = '' AND EXISTS "
                           "(SELECT 1 FROM accounts a WHERE a.id = ? AND a.is_default = 1)))";
} // namespace

std::expected<QList<qint64>, Error> PostRepository::takenTimes(const QString &accountId,
                                                               const QDateTime &fromUtc,
                                                               const QDateTime &beforeUtc) const {
    auto query =
        m_db.exec(u"SELECT scheduled_at_ms FROM posts p WHERE " + QLatin1StringView(OfAccount)
                      + u" AND scheduled_at_ms >= ? AND scheduled_at_ms < ? AND status NOT IN (?, ?) "
                        u"ORDER BY scheduled_at_ms",
                  {accountId.isNull() ? QStringLiteral("") : accountId, accountId,
                   fromUtc.toMSecsSinceEpoch(), beforeUtc.toMSecsSinceEpoch(),
                   postStatusName(PostStatus::Cancelled), postStatusName(PostStatus::Failed)});
    if (!query) {
        return std::unexpected(query.error());
    }
    QList<qint64> times;
    while (query->next()) {
        times << query->value(0).toLongLong();
    }
    return times;
}

std::expected<QList<PostRepository::SharedMedia>, Error>
PostRepository::sharingMedia(const QString &accountId, const QStringList &sha256s,
                             const QString &exceptId) const {
    QList<SharedMedia> shared;
    if (sha256s.isEmpty()) {
        return shared;
    }
    // A null QString binds as SQL NULL, and "id <> NULL" holds for no row: bind empty text instead.
    const QString except = exceptId.isNull() ? QStringLiteral("") : exceptId;
    const QString account = accountId.isNull() ? QStringLiteral("") : accountId;
    QVariantList values{account, account, except, postStatusName(PostStatus::Cancelled),
                        postStatusName(PostStatus::Failed)};
    QStringList marks;
    for (const QString &sha : sha256s) {
        marks << QStringLiteral("?");
        values << sha;
    }
    // One other post per item is enough to name; a clip queued thousands of times must not cost more.
    values << int(sha256s.size());
    auto query = m_db.exec(u"SELECT p.id, p.status, m.sha256, p.caption FROM post_media m JOIN posts p ON "
                           u"p.id = m.post_id WHERE "
                               + QLatin1StringView(OfAccount)
                               + u" AND p.id <> ? AND p.status NOT IN (?, ?) AND m.sha256 IN ("
                               + marks.join(u", ") + u") LIMIT ?",
                           values);
    if (!query) {
        return std::unexpected(query.error());
    }
    while (query->next()) {
        if (auto status = postStatusFromName(query->value(1).toString())) {
            shared << SharedMedia{query->value(0).toString(), *status, query->value(2).toString(),
                                  query->value(3).toString()};
        }
    }
    return shared;
}

std::expected<QList<StoredPost>, Error> PostRepository::changedSince(qint64 sinceMs, int limit) const {
    return selectPosts(u"SELECT " + QLatin1StringView(PostColumns)
                           + u" FROM posts WHERE updated_at_ms > ? ORDER BY updated_at_ms, id LIMIT ?",
                       {sinceMs, limit});
}

std::expected<QList<StoredPost>, Error> PostRepository::selectPosts(const QString &sql,
                                                                    const QVariantList &values) const {
    auto query = m_db.exec(sql, values);
    if (!query) {
        return std::unexpected(query.error());
    }
    auto posts = readPosts(*query);
    if (posts) {
        if (auto loaded = loadMedia(*posts); !loaded) {
            return std::unexpected(loaded.error());
        }
    }
    return posts;
}

std::expected<void, Error> PostRepository::update(const StoredPost &post, int expectedRevision) {
    auto query = m_db.exec(
        QStringLiteral(
            "UPDATE posts SET status = ?, caption = ?, post_json = ?, scheduled_at_ms = ?, time_zone = ?, "
            "publish_id = ?, updated_at_ms = ?, revision = ?, claimed_by = ?, lease_until_ms = ?, account_id "
            "= ?, "
            "public_post_id = ? WHERE id = ? AND revision = ?"),
        {postStatusName(post.status), text(post.content.text), compactJson(postToJson(post.toPost())),
         msOrNull(post.schedule.atUtc), text(post.schedule.timeZone), textOrNull(post.publishId),
         post.updatedAt.toMSecsSinceEpoch(), expectedRevision + 1, textOrNull(post.claimedBy),
         msOrNull(post.leaseUntil), text(post.accountId()), textOrNull(post.publicPostId), post.id,
         expectedRevision});
    if (!query) {
        return std::unexpected(query.error());
    }
    if (query->numRowsAffected() != 1) {
        return std::unexpected(
            Error{ErrorCode::Conflict, u"Post " + post.id
                                           + u" was changed by someone else meanwhile. Reload it "
                                             u"and try again."});
    }
    return {};
}

std::expected<void, Error> PostRepository::appendHistory(const QString &postId, const HistoryEntry &entry) {
    auto next = m_db.exec(
        QStringLiteral("SELECT COALESCE(MAX(seq), 0) + 1 FROM post_history WHERE post_id = ?"), {postId});
    if (!next || !next->next()) {
        return std::unexpected(next ? Error{ErrorCode::Database, QStringLiteral("history")} : next.error());
    }
    const int seq = next->value(0).toInt();
    return run(QStringLiteral("INSERT INTO post_history (post_id, seq, at_ms, actor, action, "
                              "from_status, to_status, comment) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
               {postId, seq, entry.at.toMSecsSinceEpoch(), text(entry.actor), entry.action,
                entry.from ? QVariant(postStatusName(*entry.from)) : QVariant(QMetaType(QMetaType::QString)),
                postStatusName(entry.to), text(entry.comment)});
}

std::expected<QList<HistoryEntry>, Error> PostRepository::history(const QString &postId) const {
    auto query = m_db.exec(QStringLiteral("SELECT seq, at_ms, actor, action, from_status, to_status, comment "
                                          "FROM post_history WHERE post_id = ? ORDER BY seq"),
                           {postId});
    if (!query) {
        return std::unexpected(query.error());
    }
    QList<HistoryEntry> entries;
    while (query->next()) {
        HistoryEntry entry;
        entry.seq = query->value(0).toInt();
        entry.at = QDateTime::fromMSecsSinceEpoch(query->value(1).toLongLong(), Qt::UTC);
        entry.actor = query->value(2).toString();
        entry.action = query->value(3).toString();
        entry.from = query->value(4).isNull() ? std::nullopt : postStatusFromName(query->value(4).toString());
        entry.to = postStatusFromName(query->value(5).toString()).value_or(PostStatus::Draft);
        entry.comment = query->value(6).toString();
        entries << entry;
    }
    return entries;
}

std::expected<void, Error> PostRepository::recordAttempt(const PublishAttempt &a) {
    return run(
        QStringLiteral(
            "INSERT INTO publish_attempts (id, post_id, account_id, runner, started_at_ms, finished_at_ms, "
            "outcome, http_status, error_code, error_message, log_id, publish_id) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        {a.id, a.postId, textOrNull(a.accountId), a.runner, a.startedAt.toMSecsSinceEpoch(),
         msOrNull(a.finishedAt), attemptOutcomeName(a.outcome),
         a.httpStatus ? QVariant(*a.httpStatus) : QVariant(QMetaType(QMetaType::Int)), text(a.errorCode),
         text(a.errorMessage), text(a.logId), textOrNull(a.publishId)});
}

std::expected<QList<PublishAttempt>, Error> PostRepository::attempts(const QString &postId) const {
    auto query =
        m_db.exec(QStringLiteral("SELECT id, account_id, runner, started_at_ms, finished_at_ms, outcome, "
                                 "http_status, error_code, error_message, log_id, publish_id "
                                 "FROM publish_attempts WHERE post_id = ? ORDER BY started_at_ms, id"),
                  {postId});
    if (!query) {
        return std::unexpected(query.error());
    }
    QList<PublishAttempt> result;
    while (query->next()) {
        PublishAttempt a;
        a.id = query->value(0).toString();
        a.postId = postId;
        a.accountId = query->value(1).toString();
        a.runner = query->value(2).toString();
        a.startedAt = QDateTime::fromMSecsSinceEpoch(query->value(3).toLongLong(), Qt::UTC);
        a.finishedAt = timeOrNull(query->value(4));
        a.outcome = attemptOutcomeFromName(query->value(5).toString()).value_or(AttemptOutcome::Unknown);
        a.httpStatus = query->value(6).isNull() ? std::nullopt : std::optional<int>(query->value(6).toInt());
        a.errorCode = query->value(7).toString();
        a.errorMessage = query->value(8).toString();
        a.logId = query->value(9).toString();
        a.publishId = query->value(10).toString();
        result << a;
    }
    return result;
}

std::expected<QStringList, Error> PostRepository::dueIds(const QDateTime &now, int limit) const {
    // Two index range scans rather than one OR: "as soon as possible" posts first, then by time.
    auto asap = selectIds(
        // Ordered like posts_status_schedule (status, scheduled_at_ms NULLS FIRST, id), so that the
        // planner walks that index even before it has statistics (PostgreSQL chose the primary key
        // and a 100,000-row filter after a bulk insert otherwise).
        QStringLiteral("SELECT id FROM posts WHERE status = 'scheduled' AND scheduled_at_ms IS NULL "
                       "ORDER BY scheduled_at_ms NULLS FIRST, id LIMIT ?"),
        {limit});
    if (!asap || asap->size() >= limit) {
        return asap;
    }
    auto timed =
        selectIds(QStringLiteral("SELECT id FROM posts WHERE status = 'scheduled' AND scheduled_at_ms <= ? "
                                 "ORDER BY scheduled_at_ms, id LIMIT ?"),
                  {now.toMSecsSinceEpoch(), limit - int(asap->size())});
    if (!timed) {
        return timed;
    }
    return *asap + *timed;
}

std::expected<std::optional<QDateTime>, Error> PostRepository::nextDueTime() const {
    auto asap = selectIds(
        QStringLiteral("SELECT id FROM posts WHERE status = 'scheduled' AND scheduled_at_ms IS NULL LIMIT 1"),
        {});
    if (!asap) {
        return std::unexpected(asap.error());
    }
    if (!asap->isEmpty()) {
        return std::optional<QDateTime>(QDateTime::fromMSecsSinceEpoch(0, Qt::UTC));
    }
    auto query = m_db.exec(
        QStringLiteral("SELECT scheduled_at_ms FROM posts WHERE status = 'scheduled' AND "
                       "scheduled_at_ms IS NOT NULL ORDER BY scheduled_at_ms NULLS FIRST, id LIMIT 1"));
    if (!query) {
        return std::unexpected(query.error());
    }
    if (!query->next() || query->value(0).isNull()) {
        return std::optional<QDateTime>();
    }
    return std::optional<QDateTime>(QDateTime::fromMSecsSinceEpoch(query->value(0).toLongLong(), Qt::UTC));
}

std::expected<QStringList, Error> PostRepository::expiredClaims(const QDateTime &now) const {
    return selectIds(QStringLiteral("SELECT id FROM posts WHERE status IN ('publishing', 'processing') AND "
                                    "lease_until_ms IS NOT NULL AND lease_until_ms < ? ORDER BY id"),
                     {now.toMSecsSinceEpoch()});
}

std::expected<bool, Error> PostRepository::claim(const QString &id, PostStatus from, const QString &runner,
                                                 const QDateTime &leaseUntil, const QDateTime &now) {
    // The WHERE clause is the lock: on PostgreSQL a concurrent UPDATE of the same row waits, then
    // re-checks it and finds the status changed; on SQLite writers are serialised.
    QString sql =
        QStringLiteral("UPDATE posts SET status = 'publishing', claimed_by = ?, lease_until_ms = ?, "
                       "updated_at_ms = ?, revision = revision + 1 WHERE id = ? AND status = ?");
    QVariantList values{runner, leaseUntil.toMSecsSinceEpoch(), now.toMSecsSinceEpoch(), id,
                        postStatusName(from)};
    if (from != PostStatus::Scheduled) {
        sql += u" AND lease_until_ms < ?"; // taking over a dead runner's claim
        values << now.toMSecsSinceEpoch();
    }
    auto query = m_db.exec(sql, values);
    if (!query) {
        return std::unexpected(query.error());
    }
    return query->numRowsAffected() == 1;
}

std::expected<QStringList, Error> PostRepository::claimingRunners() const {
    return selectIds(QStringLiteral("SELECT DISTINCT claimed_by FROM posts WHERE status IN ('publishing', "
                                    "'processing') AND claimed_by IS NOT NULL"),
                     {});
}

std::expected<void, Error> PostRepository::releaseClaimsOf(const QString &runner) {
    return run(QStringLiteral("UPDATE posts SET lease_until_ms = 0 WHERE claimed_by = ? AND status IN "
                              "('publishing', 'processing')"),
               {runner});
}

std::expected<void, Error> PostRepository::renewLease(const QString &runner, const QDateTime &leaseUntil) {
    return run(QStringLiteral("UPDATE posts SET lease_until_ms = ? WHERE claimed_by = ? AND "
                              "status IN ('publishing', 'processing')"),
               {leaseUntil.toMSecsSinceEpoch(), runner});
}

} // namespace cq
