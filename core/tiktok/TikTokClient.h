#pragma once

#include "post/CreatorInfo.h"
#include "tiktok/ApiConfig.h"
#include "tiktok/ChunkPlan.h"
#include "tiktok/TikTokError.h"

#include <QJsonObject>
#include <QObject>
#include <QStringList>

#include <expected>
#include <functional>
#include <optional>

class QNetworkAccessManager;
class QNetworkReply;

namespace cq::tiktok {

// Where a post goes: straight onto the profile (Direct Post) or to the creator's TikTok inbox as a
// draft they finish in the app ("send to TikTok drafts").
enum class PostMode { DirectPost, Drafts };

struct VideoInit {
    QString publishId;
    QUrl uploadUrl; // valid for one hour
};

struct PublishStatus {
    QString status; // PROCESSING_UPLOAD, PROCESSING_DOWNLOAD, SEND_TO_USER_INBOX, PUBLISH_COMPLETE, FAILED
    QString failReason;
    QStringList publicPostIds;           // 19-digit ids, kept as text (doubles would round them)
    std::optional<qint64> uploadedBytes; // when TikTok reports it
    qint64 downloadedBytes = 0;
};

// The TikTok Content Posting API calls (docs/tiktok.md) over the injected network manager of
// the calling thread. Every answer's error envelope becomes a TikTokError with its class; every
// request has a transfer timeout. Callbacks run on the thread of the network manager.
class TikTokClient : public QObject {
    Q_OBJECT

public:
    template<typename T>
    using Callback = std::function<void(std::expected<T, TikTokError>)>;

    TikTokClient(QNetworkAccessManager &network, ApiConfig config, QObject *parent = nullptr);

    const ApiConfig &config() const { return m_config; }

    void queryCreatorInfo(const QString &accessToken, Callback<CreatorInfo> done);
    // POST /v2/post/publish/video/init/ (Direct Post) or /v2/post/publish/inbox/video/init/ (drafts,
    // which take no post_info) with source FILE_UPLOAD and the chunk plan.
    void initVideoUpload(const QString &accessToken, PostMode mode, const QJsonObject &postInfo,
                         const ChunkPlan &plan, Callback<VideoInit> done);
    // PUT one chunk, streamed from `path`, with Content-Type, Content-Length and Content-Range.
    // Answers the HTTP status: 206 while chunks remain, 201 once the whole file arrived.
    QNetworkReply *uploadChunk(const QUrl &uploadUrl, const QString &path, const QString &mimeType,
                               const ChunkPlan &plan, int chunk, Callback<int> done);
    void fetchStatus(const QString &accessToken, const QString &publishId, Callback<PublishStatus> done);
    // POST /v2/post/publish/content/init/ for a photo post pulled from `photoUrls`; answers the publish id.
    void initPhotoPost(const QString &accessToken, PostMode mode, const QJsonObject &postInfo,
                       const QStringList &photoUrls, int coverIndex, Callback<QString> done);
    // PUT one photo from the managed store to the photo host; answers the HTTP status.
    void uploadPhoto(const QUrl &target, const QString &path, const QString &mimeType, Callback<int> done);

    // The 19-digit ids in publicaly_available_post_id, read from the raw text so none is rounded.
    static QStringList postIdsFromRawJson(const QByteArray &body);

Q_SIGNALS:
    // Bytes sent to `uploadUrl` so far: of the whole video for chunks (the chunk's offset plus its
    // progress), of the one file for a photo.
    void uploadProgress(const QUrl &uploadUrl, qint64 sentBytes, qint64 totalBytes);

private:
    void postJson(const QString &path, const QString &accessToken, const QJsonObject &body,
                  std::function<void(std::expected<QJsonObject, TikTokError>, const QByteArray &raw)> done);

    QNetworkAccessManager &m_network;
    ApiConfig m_config;
};

// The error for a reply that failed at the network level (timeout, refused, dropped).
TikTokError networkError(QNetworkReply *reply);

} // namespace cq::tiktok
