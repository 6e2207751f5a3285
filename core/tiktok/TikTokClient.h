#pragma once

#include "net/HttpTransport.h"
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

namespace cq::tiktok {

// Where a post goes: straight onto the profile (Direct Post) or to the creator's TikTok inbox as a
// draft they finish in the app ("send to TikTok drafts").
enum class PostMode { DirectPost, Drafts };

struct VideoInit {
    QString publishId;
    QUrl uploadUrl; // valid for one hour
};

// TikTok's answer to one chunk: 206 while chunks remain, 201 once the whole file arrived, or 416
// when the Content-Range is not what TikTok expects next, with the bytes it already has (from its
// Range header) so the upload goes on from there.
struct ChunkAnswer {
    int httpStatus = 0;
    std::optional<qint64> receivedBytes; // with 416
};

struct PublishStatus {
    QString status; // PROCESSING_UPLOAD, PROCESSING_DOWNLOAD, SEND_TO_USER_INBOX, PUBLISH_COMPLETE, FAILED
    QString failReason;
    QStringList publicPostIds;           // 19-digit ids, kept as text (doubles would round them)
    std::optional<qint64> uploadedBytes; // when TikTok reports it
    qint64 downloadedBytes = 0;
};

// The TikTok Content Posting API calls (docs/tiktok.md) and the photo host's PUT, over the
// injected HTTP transport of the calling thread. Every answer's error envelope becomes a TikTokError
// with its class. Callbacks run on the transport's thread.
class TikTokClient : public QObject {
    Q_OBJECT

public:
    template<typename T>
    using Callback = TikTokCallback<T>;

    TikTokClient(net::HttpTransport &http, ApiConfig config, QObject *parent = nullptr);

    const ApiConfig &config() const { return m_config; }

    // A creator who cannot post now (CreatorInfo::cannotPostCodes(), with HTTP 200 or not) is an
    // answer: the info with its cannotPostCode, so that validation can say why.
    void queryCreatorInfo(const QString &accessToken, Callback<CreatorInfo> done);
    // POST /v2/post/publish/video/init/ (Direct Post) or /v2/post/publish/inbox/video/init/ (drafts,
    // which take no post_info) with source FILE_UPLOAD and the chunk plan.
    void initVideoUpload(const QString &accessToken, PostMode mode, const QJsonObject &postInfo,
                         const ChunkPlan &plan, Callback<VideoInit> done);
    // PUT one chunk, streamed from `path`, with Content-Type, Content-Length and Content-Range.
    // A 403 or 404 (the upload URL expired or is unknown) is an error "upload_expired".
    void uploadChunk(const QUrl &uploadUrl, const QString &path, const QString &mimeType,
                     const ChunkPlan &plan, int chunk, Callback<ChunkAnswer> done);
    void fetchStatus(const QString &accessToken, const QString &publishId, Callback<PublishStatus> done);
    // POST /v2/post/publish/content/init/ for a photo post pulled from `photoUrls`; answers the publish id.
    void initPhotoPost(const QString &accessToken, PostMode mode, const QJsonObject &postInfo,
                       const QStringList &photoUrls, int coverIndex, Callback<QString> done);
    // PUT one photo from the managed store to the photo host; answers the HTTP status.
    void uploadPhoto(const QUrl &target, const QString &path, const QString &mimeType, Callback<int> done);
    // Whether the photo host works end to end, before any post needs it: PUTs a small test object
    // (clipqueue-host-check.txt, new content each time) and reads it back from the public prefix
    // TikTok will pull from. The error says which half failed and what to check.
    void checkPhotoHost(std::function<void(std::expected<void, Error>)> done);

    // The 19-digit ids in publicaly_available_post_id, read from the raw text so none is rounded.
    static QStringList postIdsFromRawJson(const QByteArray &body);

Q_SIGNALS:
    // Bytes sent to `uploadUrl` so far: of the whole video for chunks (the chunk's offset plus its
    // progress), of the one file for a photo.
    void uploadProgress(const QUrl &uploadUrl, qint64 sentBytes, qint64 totalBytes);

private:
    // One PUT of a file, or a slice of it, streamed from the media store.
    struct FilePut {
        QUrl target;
        QString path;
        qint64 offsetBytes = 0;
        qint64 lengthBytes = 0;
        QString mimeType;
        net::HttpHeaders headers;
        bool carriesCredentials = false;
        // uploadProgress reports offsetBytes + sent of totalBytes.
        qint64 totalBytes = 0;
        // What a complete answer other than 2xx means.
        std::function<TikTokError(const net::HttpResult &)> refused;
    };
    // Answers the complete result (a 2xx, or `accepted` of another status) or the error.
    // x-amz-date, x-amz-content-sha256 and Authorization for the S3 photo host.
    net::HttpHeaders s3Headers(const QByteArray &method, const QUrl &target, const QByteArray &contentType,
                               const QByteArray &payloadSha256Hex) const;
    void putFile(FilePut put, Callback<net::HttpResult> done,
                 std::function<bool(const net::HttpResult &)> accepted = {});
    // What a call makes of the "data" of TikTok's answer (and its raw text, for what JSON numbers
    // would round).
    template<typename T>
    using AnswerReader =
        std::function<std::expected<T, TikTokError>(const QJsonObject &data, const QByteArray &raw)>;
    // POSTs JSON with the access token; an answer that is not an error, or whose error code is one
    // of `codesToRead` (answers that carry data), is read by `read`.
    template<typename T>
    void postJson(const QString &path, const QString &accessToken, const QJsonObject &body,
                  AnswerReader<T> read, Callback<T> done, const QStringList &codesToRead = {});

    net::HttpTransport &m_http;
    ApiConfig m_config;
};

} // namespace cq::tiktok
