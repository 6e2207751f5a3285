#pragma once

#include "post/Post.h"
#include "post/PostStatus.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace cq {

// One media item of a stored post: where the bytes live in the managed store, and the
// descriptor (with the original URL) as it was when the post was created.
struct StoredMedia {
    QString sha256;
    QString originalUrl;
    MediaDescriptor descriptor;
};

// A post as the database holds it.
struct StoredPost {
    QString id;
    PostStatus status = PostStatus::Draft;
    Post post;
    QList<StoredMedia> media; // parallel to post.media
    std::optional<QDateTime> scheduledAtUtc;
    QString timeZone = QStringLiteral("UTC"); // the IANA zone the user picked
    QString publishId;
    QString createdBy;
    QDateTime createdAt;
    QDateTime updatedAt;
    int revision = 1;
    QString claimedBy;
    std::optional<QDateTime> leaseUntil;
};

// One row of a post's append-only history.
struct HistoryEntry {
    int seq = 0;
    QDateTime at;
    QString actor;
    QString action;
    std::optional<PostStatus> from;
    PostStatus to = PostStatus::Draft;
    QString comment;
};

// How one publish attempt ended.
enum class AttemptOutcome {
    Published, // TikTok reported PUBLISH_COMPLETE (or SEND_TO_USER_INBOX for drafts)
    Failed,    // a confirmed failure: a new attempt is safe
    Unknown,   // TikTok may have the post: the user decides
};
QString attemptOutcomeName(AttemptOutcome outcome); // "published", "failed", "unknown"
std::optional<AttemptOutcome> attemptOutcomeFromName(const QString &name);

// One try at publishing, with what TikTok said when it failed.
struct PublishAttempt {
    QString id;
    QString postId;
    QString accountId;
    QString runner;
    QDateTime startedAt;
    std::optional<QDateTime> finishedAt;
    AttemptOutcome outcome = AttemptOutcome::Unknown;
    std::optional<int> httpStatus;
    QString errorCode;
    QString errorMessage;
    QString logId;
    QString publishId;
};

} // namespace cq
