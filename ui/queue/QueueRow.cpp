#include "queue/QueueRow.h"

#include "session/Backend.h"

namespace cq::ui {

static_assert(int(PostAction::MarkUnknown) < 32, "QueueRow::actionMask holds one bit per action");

QueueKey QueueKey::of(const StoredPost &post) {
    return {post.schedule.atUtc ? std::optional<qint64>(post.schedule.atUtc->toMSecsSinceEpoch())
                                : std::nullopt,
            post.id};
}

QueueKey QueueKey::of(const PostCursor &cursor) {
    return {cursor.scheduledAtUtc ? std::optional<qint64>(cursor.scheduledAtUtc->toMSecsSinceEpoch())
                                  : std::nullopt,
            cursor.id};
}

bool operator<(const QueueKey &a, const QueueKey &b) {
    if (a.atMs != b.atMs) {
        return !a.atMs || (b.atMs && *a.atMs < *b.atMs); // no time sorts first
    }
    return a.id < b.id;
}

QueueRow QueueRow::from(const PostRow &row) {
    const StoredPost &post = row.post;
    QueueRow result;
    result.id = post.id;
    result.status = post.status;
    result.atUtc = post.schedule.atUtc;
    result.timeZone = post.schedule.timeZone;
    result.accountId = post.accountId();
    result.caption = post.content.text;
    for (const StoredMedia &media : post.media) {
        if (media.descriptor.isPhoto()) {
            ++result.photoCount;
        } else {
            ++result.videoCount;
            result.videoSeconds += media.descriptor.durationSeconds.value_or(0);
        }
    }
    if (!post.media.isEmpty()) {
        result.thumbnailSha256 = post.media.first().sha256;
        result.thumbnailRotation = post.media.first().descriptor.rotation.value_or(0);
    }
    result.errorCount = row.errorCount();
    result.warningCount = row.warningCount();
    for (const Finding &finding : row.findings) {
        result.findingMessages << finding.message;
    }
    for (PostAction action : row.actions) {
        result.actionMask |= 1u << unsigned(action);
    }
    return result;
}

QueueKey QueueRow::key() const {
    return {atUtc ? std::optional<qint64>(atUtc->toMSecsSinceEpoch()) : std::nullopt, id};
}

} // namespace cq::ui
