#pragma once

#include "post/Post.h"
#include "post/PostStatus.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace cq {

// One media item of a stored post: where the bytes live in the managed store, and the probed
// descriptor; `descriptor.url` is the URL or path the media came from.
struct StoredMedia {
    QString sha256;
    MediaDescriptor descriptor;

    const QString &originalUrl() const { return descriptor.url; }
};

// When a post goes out: a moment in UTC and the IANA zone the user picked it in (so that it is shown,
// and moved, in that zone's wall-clock time).
struct PostSchedule {
    std::optional<QDateTime> atUtc; // nullopt: as soon as possible
    QString timeZone = QStringLiteral("UTC");
};

// A post as the database holds it. Each fact is said once: the content, the stored media, the
// schedule; toPost() joins them into the post JSON contract.
struct StoredPost {
    QString id;
    PostStatus status = PostStatus::Draft;
    PostContent content;
    QList<StoredMedia> media;
    PostSchedule schedule;
    QString publishId;
    QString publicPostId; // TikTok's id of the published post, once it is public
    QString createdBy;
    QDateTime createdAt;
    QDateTime updatedAt;
    int revision = 1;
    QString claimedBy;
    std::optional<QDateTime> leaseUntil;

    // The account this post goes to (one post per account); empty: the default account.
    QString accountId() const { return content.accounts.value(0); }
    bool isPhotoPost() const;
    // The post in the JSON contract: its content, media descriptors and time.
    Post toPost() const;
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
