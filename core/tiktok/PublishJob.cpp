#include "tiktok/PublishJob.h"

#include <QFileInfo>

namespace cq::tiktok {

namespace {
// `base` with `name` as its last path segment.
QUrl under(QUrl base, const QString &name) {
    base.setPath(base.path().chopped(base.path().endsWith(u'/') ? 1 : 0) + u'/' + name);
    return base;
}

// A stored object is read back before anything is sent: bytes that changed on disk (bit rot,
// tampering) are never uploaded and reported published.
std::optional<Refusal> damaged(const StoredMedia &media, const MediaStore &store) {
    if (auto verified = store.verify(media.sha256); !verified) {
        return Refusal{QStringLiteral("media_damaged"),
                       verified.error().message
                           + u" Nothing was sent to TikTok. Add the original file to a new post."};
    }
    return std::nullopt;
}
} // namespace

QStringList PhotoUpload::publicUrls() const {
    QStringList urls;
    for (const Photo &photo : photos) {
        urls << photo.publicUrl.toString();
    }
    return urls;
}

qint64 PhotoUpload::bytesBefore(qsizetype index) const {
    qint64 bytes = 0;
    for (qsizetype i = 0; i < index && i < photos.size(); ++i) {
        bytes += photos.at(i).sizeBytes;
    }
    return bytes;
}

std::expected<VideoUpload, Refusal> planVideoUpload(const StoredPost &post, const MediaStore &store) {
    if (post.media.size() != 1) {
        return std::unexpected(Refusal{QStringLiteral("not_supported"),
                                       QStringLiteral("A TikTok post is one video or 1 to 35 photos.")});
    }
    const StoredMedia &media = post.media.first();
    if (auto refusal = damaged(media, store)) {
        return std::unexpected(*refusal);
    }
    const auto plan = ChunkPlan::forSize(media.descriptor.sizeBytes.value_or(0));
    if (!plan) {
        return std::unexpected(Refusal{QStringLiteral("file_size_check_failed"),
                                       QStringLiteral("The video's size cannot be uploaded to TikTok.")});
    }
    VideoUpload video;
    video.path = store.pathFor(media.sha256);
    video.mimeType = media.descriptor.mimeType;
    video.plan = *plan;
    return video;
}

std::expected<PhotoUpload, Refusal> planPhotoUpload(const StoredPost &post, const MediaStore &store,
                                                    const ApiConfig &config) {
    if (config.photoUploadBase.isEmpty() || config.photoPublicBase.isEmpty()) {
        return std::unexpected(Refusal{
            QStringLiteral("photo_host_missing"),
            QStringLiteral("TikTok pulls photos from a public URL. Set CLIPQUEUE_PHOTO_UPLOAD_URL (where "
                           "ClipQueue PUTs them) and CLIPQUEUE_PHOTO_PUBLIC_URL (the prefix verified with "
                           "TikTok).")});
    }
    PhotoUpload upload;
    for (const StoredMedia &media : post.media) {
        if (auto refusal = damaged(media, store)) {
            return std::unexpected(*refusal);
        }
        const QString extension =
            media.descriptor.mimeType == u"image/webp" ? QStringLiteral(".webp") : QStringLiteral(".jpg");
        PhotoUpload::Photo photo;
        photo.path = store.pathFor(media.sha256);
        photo.mimeType = media.descriptor.mimeType;
        photo.sizeBytes = QFileInfo(photo.path).size();
        photo.hostTarget = under(config.photoUploadBase, media.sha256 + extension);
        photo.publicUrl = under(config.photoPublicBase, media.sha256 + extension);
        upload.photos << photo;
    }
    return upload;
}

} // namespace cq::tiktok
