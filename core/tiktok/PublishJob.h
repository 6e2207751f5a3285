#pragma once

#include "media/MediaStore.h"
#include "post/StoredPost.h"
#include "tiktok/AccountToken.h"
#include "tiktok/ApiConfig.h"
#include "tiktok/ChunkPlan.h"
#include "tiktok/TikTokClient.h"

#include <QList>
#include <QUrl>

#include <expected>
#include <memory>
#include <variant>

namespace cq::tiktok {

// A video's way to TikTok: an init that names the upload URL, then the file in chunks, in order.
struct VideoUpload {
    QString path; // in the media store
    QString mimeType;
    ChunkPlan plan;
    QUrl uploadUrl; // from the init; valid for an hour
    int nextChunk = 0;

    bool isComplete() const { return nextChunk >= plan.totalChunkCount; }
    // Once the last chunk may have been accepted, TikTok may publish the post.
    bool isLastChunkNext() const { return nextChunk == plan.totalChunkCount - 1; }
};

// Photos' way to TikTok: each one PUT to the photo host, then one init naming their public URLs,
// from which TikTok pulls them.
struct PhotoUpload {
    struct Photo {
        QString path; // in the media store
        QString mimeType;
        qint64 sizeBytes = 0;
        QUrl hostTarget; // where ClipQueue PUTs it
        QUrl publicUrl;  // where TikTok pulls it from
    };
    QList<Photo> photos;
    int next = 0;

    bool isComplete() const { return next >= photos.size(); }
    QStringList publicUrls() const;
    // The bytes of the photos before `index`, and of them all: progress is of the post's photos
    // together.
    qint64 bytesBefore(qsizetype index) const;
    qint64 totalBytes() const { return bytesBefore(photos.size()); }
};

// Why a post cannot go to TikTok as it is: a code, and words for the user.
struct Refusal {
    QString code;
    QString message;
};

std::expected<VideoUpload, Refusal> planVideoUpload(const StoredPost &post, const MediaStore &store);
// Photos are named by content: the same photo is never uploaded under two names.
std::expected<PhotoUpload, Refusal> planPhotoUpload(const StoredPost &post, const MediaStore &store,
                                                    const ApiConfig &config);

// Asking TikTok where a publish stands, with growing pauses, until a deadline.
struct StatusPoll {
    int count = 0;
    qint64 deadlineMs = 0; // on the clock's monotonic reading
};

// One publish in progress: the post, its account's token, and the upload its media needs.
struct PublishJob {
    StoredPost post;
    QString accountId;
    std::shared_ptr<AccountToken> token; // refreshed at most once per publish
    PostMode mode = PostMode::DirectPost;
    QString publishId;
    std::variant<VideoUpload, PhotoUpload> upload;
    StatusPoll poll;
    // TikTok may already have this post (a resumption, the last chunk sent, a photo init sent): from
    // then on only TikTok's own FAILED status is a failure; any other end is an unknown outcome.
    bool mayBeAtTikTok = false;
    int failedRetries = 0;     // new inits after TikTok's FAILED with a reason it asks to retry
    int uploadRestarts = 0;    // new inits after TikTok no longer knew the upload URL (403/404)
    qint64 chunkStartedMs = 0; // on the clock's monotonic reading: the throughput of the link

    VideoUpload *video() { return std::get_if<VideoUpload>(&upload); }
    PhotoUpload *photos() { return std::get_if<PhotoUpload>(&upload); }
};

} // namespace cq::tiktok
