#include "tiktok/TikTokClient.h"

#include "media/RegularFile.h"
#include "net/AwsSignature.h"
#include "tiktok/FileSlice.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QFile>
#include <QUuid>

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace cq::tiktok {

namespace {
// The SHA-256 S3 signs a body with; photos are at most 20 MB, read once more to hash.
QByteArray fileSha256Hex(const QString &path) {
    QFile file(path);
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (openRegularFile(file)) {
        hash.addData(&file);
    }
    return hash.result().toHex();
}

constexpr std::chrono::milliseconds JsonTimeout{30'000};    // no byte for 30 s: give up on a JSON call
constexpr std::chrono::milliseconds JsonDeadline{60'000};   // nor may one take longer than a minute
constexpr std::chrono::milliseconds UploadTimeout{120'000}; // no progress for 2 min: give up on a PUT
constexpr qint64 MaxAnswerBytes = 1 << 20;                  // a JSON answer this large is not TikTok's
} // namespace

TikTokClient::TikTokClient(net::HttpTransport &http, ApiConfig config, QObject *parent)
    : QObject(parent)
    , m_http(http)
    , m_config(std::move(config)) {
}

template<typename T>
void TikTokClient::postJson(const QString &path, const QString &accessToken, const QJsonObject &body,
                            AnswerReader<T> read, Callback<T> done, const QStringList &codesToRead) {
    auto request = net::HttpRequest::post(m_config.endpoint(path), "application/json; charset=UTF-8",
                                          QJsonDocument(body).toJson(QJsonDocument::Compact));
    request.setHeader("Authorization", "Bearer " + accessToken.toUtf8());
    request.carriesCredentials = true;
    request.transferTimeout = JsonTimeout;
    request.deadline = JsonDeadline;
    request.maxResponseBytes = MaxAnswerBytes;
    m_http.send(std::move(request),
                [read = std::move(read), done = std::move(done), codesToRead](const net::HttpResult &result) {
                    auto json = answerJson(result);
                    if (!json && !result.netError && codesToRead.contains(json.error().code)) {
                        json = QJsonDocument::fromJson(result.body).object();
                    }
                    if (!json) {
                        done(std::unexpected(json.error()));
                        return;
                    }
                    done(read(json->value(u"data").toObject(), result.body));
                });
}

void TikTokClient::putFile(FilePut put, Callback<net::HttpResult> done,
                           std::function<bool(const net::HttpResult &)> accepted) {
    auto file = std::make_unique<FileSlice>(put.path, put.offsetBytes, put.lengthBytes);
    if (!file->open(QIODevice::ReadOnly)) {
        TikTokError unreadable;
        unreadable.code = QStringLiteral("file_unreadable");
        unreadable.message = put.path + u" cannot be read from the media store.";
        done(std::unexpected(unreadable));
        return;
    }
    auto request = net::HttpRequest::put(put.target, put.mimeType.toUtf8(), std::move(file));
    request.headers += put.headers;
    request.carriesCredentials = put.carriesCredentials;
    request.transferTimeout = UploadTimeout;
    request.maxResponseBytes = MaxAnswerBytes;
    net::HttpExchange *exchange =
        m_http.send(std::move(request), [refused = std::move(put.refused), done = std::move(done),
                                         accepted = std::move(accepted)](const net::HttpResult &result) {
            if (result.netError) {
                done(std::unexpected(fromNetError(*result.netError, result.httpStatus)));
            } else if (result.isSuccess() || (accepted && accepted(result))) {
                done(result);
            } else {
                done(std::unexpected(refused(result)));
            }
        });
    connect(exchange, &net::HttpExchange::uploadProgress, this,
            [this, target = put.target, offset = put.offsetBytes, total = put.totalBytes](
                qint64 sent, qint64) { Q_EMIT uploadProgress(target, offset + sent, total); });
}

void TikTokClient::queryCreatorInfo(const QString &accessToken, Callback<CreatorInfo> done) {
    postJson<CreatorInfo>(
        QStringLiteral("/v2/post/publish/creator_info/query/"), accessToken, {},
        [](const QJsonObject &, const QByteArray &raw) -> std::expected<CreatorInfo, TikTokError> {
            // The whole envelope: its error code says whether the creator can post now.
            auto info = CreatorInfo::fromJson(QJsonDocument::fromJson(raw).object());
            if (!info) {
                return std::unexpected(invalidAnswer(info.error().message, TikTokError::Kind::Permanent));
            }
            return *info;
        },
        std::move(done), CreatorInfo::cannotPostCodes());
}

void TikTokClient::initVideoUpload(const QString &accessToken, PostMode mode, const QJsonObject &postInfo,
                                   const ChunkPlan &plan, Callback<VideoInit> done) {
    QJsonObject body{{QStringLiteral("source_info"),
                      QJsonObject{{QStringLiteral("source"), QStringLiteral("FILE_UPLOAD")},
                                  {QStringLiteral("video_size"), plan.videoSizeBytes},
                                  {QStringLiteral("chunk_size"), plan.chunkSizeBytes},
                                  {QStringLiteral("total_chunk_count"), plan.totalChunkCount}}}};
    if (mode == PostMode::DirectPost) {
        body.insert(QStringLiteral("post_info"), postInfo);
    }
    const QString path = mode == PostMode::DirectPost ? QStringLiteral("/v2/post/publish/video/init/")
                                                      : QStringLiteral("/v2/post/publish/inbox/video/init/");
    postJson<VideoInit>(
        path, accessToken, body,
        [](const QJsonObject &data, const QByteArray &) -> std::expected<VideoInit, TikTokError> {
            VideoInit init{data.value(u"publish_id").toString(), QUrl(data.value(u"upload_url").toString())};
            if (init.publishId.isEmpty() || !init.uploadUrl.isValid()) {
                return std::unexpected(
                    invalidAnswer(QStringLiteral("TikTok's answer had no publish_id or upload_url.")));
            }
            return init;
        },
        std::move(done));
}

namespace {
// The bytes TikTok has, from a 416's "Range: bytes=0-LAST"; nullopt without one.
std::optional<qint64> receivedFromRange(const net::HttpResult &result) {
    static const QRegularExpression range(QStringLiteral(R"(^bytes=0-(-?\d+)$)"));
    const auto match = range.match(QString::fromLatin1(result.header("Range").trimmed()));
    if (!match.hasMatch()) {
        return std::nullopt;
    }
    return std::max<qint64>(0, match.captured(1).toLongLong() + 1);
}
} // namespace

void TikTokClient::uploadChunk(const QUrl &uploadUrl, const QString &path, const QString &mimeType,
                               const ChunkPlan &plan, int chunk, Callback<ChunkAnswer> done) {
    FilePut put;
    put.target = uploadUrl;
    put.path = path;
    put.offsetBytes = plan.offsetOf(chunk);
    put.lengthBytes = plan.sizeOf(chunk);
    put.mimeType = mimeType;
    put.headers = {{"Content-Range", "bytes " + QByteArray::number(put.offsetBytes) + '-'
                                         + QByteArray::number(put.offsetBytes + put.lengthBytes - 1) + '/'
                                         + QByteArray::number(plan.videoSizeBytes)}};
    put.carriesCredentials = true; // the upload URL carries TikTok's upload token
    put.totalBytes = plan.videoSizeBytes;
    put.refused = [](const net::HttpResult &result) {
        TikTokError error = *errorFromResponse(result.httpStatus, result.body); // never empty: not 2xx
        if (result.httpStatus == 403 || result.httpStatus == 404) {
            error.code = QStringLiteral("upload_expired"); // TikTok no longer knows this upload URL
            error.message =
                QStringLiteral("TikTok's upload URL expired or is unknown (HTTP %1).").arg(result.httpStatus);
        }
        return error;
    };
    putFile(
        std::move(put),
        [done = std::move(done)](std::expected<net::HttpResult, TikTokError> result) {
            if (!result) {
                done(std::unexpected(result.error()));
                return;
            }
            done(ChunkAnswer{result->httpStatus,
                             result->httpStatus == 416 ? receivedFromRange(*result) : std::nullopt});
        },
        [](const net::HttpResult &result) { return result.httpStatus == 416 && receivedFromRange(result); });
}

void TikTokClient::initPhotoPost(const QString &accessToken, PostMode mode, const QJsonObject &postInfo,
                                 const QStringList &photoUrls, int coverIndex, Callback<QString> done) {
    const QJsonObject body{
        {QStringLiteral("post_info"), postInfo},
        {QStringLiteral("source_info"),
         QJsonObject{{QStringLiteral("source"), QStringLiteral("PULL_FROM_URL")},
                     {QStringLiteral("photo_images"), QJsonArray::fromStringList(photoUrls)},
                     {QStringLiteral("photo_cover_index"), coverIndex}}},
        {QStringLiteral("post_mode"),
         mode == PostMode::DirectPost ? QStringLiteral("DIRECT_POST") : QStringLiteral("MEDIA_UPLOAD")},
        {QStringLiteral("media_type"), QStringLiteral("PHOTO")}};
    postJson<QString>(
        QStringLiteral("/v2/post/publish/content/init/"), accessToken, body,
        [](const QJsonObject &data, const QByteArray &) -> std::expected<QString, TikTokError> {
            const QString publishId = data.value(u"publish_id").toString();
            if (publishId.isEmpty()) {
                return std::unexpected(invalidAnswer(QStringLiteral("TikTok's answer had no publish_id.")));
            }
            return publishId;
        },
        std::move(done));
}

void TikTokClient::uploadPhoto(const QUrl &target, const QString &path, const QString &mimeType,
                               Callback<int> done) {
    FilePut put;
    put.target = target;
    put.path = path;
    put.lengthBytes = QFileInfo(path).size();
    put.mimeType = mimeType;
    if (m_config.usesS3()) {
        put.headers = s3Headers("PUT", target, mimeType.toUtf8(), fileSha256Hex(path));
        put.carriesCredentials = true;
    } else if (!m_config.photoUploadToken.isEmpty()) {
        put.headers = {{"Authorization", "Bearer " + m_config.photoUploadToken.toUtf8()}};
        put.carriesCredentials = true;
    }
    put.totalBytes = put.lengthBytes;
    put.refused = [](const net::HttpResult &result) {
        TikTokError error;
        error.kind = result.httpStatus >= 500 ? TikTokError::Kind::Transient : TikTokError::Kind::Permanent;
        error.code = QStringLiteral("photo_host_refused");
        error.message =
            QStringLiteral("The photo host answered HTTP %1. Check CLIPQUEUE_PHOTO_UPLOAD_URL and its token.")
                .arg(result.httpStatus);
        error.httpStatus = result.httpStatus;
        return error;
    };
    putFile(std::move(put), [done = std::move(done)](std::expected<net::HttpResult, TikTokError> result) {
        done(result ? std::expected<int, TikTokError>(result->httpStatus) : std::unexpected(result.error()));
    });
}

void TikTokClient::checkPhotoHost(std::function<void(std::expected<void, Error>)> done) {
    const QString name = QStringLiteral("clipqueue-host-check.txt");
    const QByteArray content =
        "ClipQueue photo host check " + QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
    const QUrl target = ApiConfig::under(m_config.photoUploadTarget(), name);
    const QUrl publicUrl = ApiConfig::under(m_config.photoPublicBase, name);
    auto body = std::make_unique<QBuffer>();
    body->setData(content);
    body->open(QIODevice::ReadOnly);
    auto put = net::HttpRequest::put(target, "text/plain", std::move(body));
    if (m_config.usesS3()) {
        put.headers += s3Headers("PUT", target, "text/plain",
                                 QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex());
    } else if (!m_config.photoUploadToken.isEmpty()) {
        put.setHeader("Authorization", "Bearer " + m_config.photoUploadToken.toUtf8());
    }
    put.carriesCredentials = m_config.usesS3() || !m_config.photoUploadToken.isEmpty();
    put.deadline = JsonDeadline;
    m_http.send(std::move(put), [this, content, target, publicUrl, done](const net::HttpResult &stored) {
        if (!stored.isSuccess()) {
            done(std::unexpected(
                Error{ErrorCode::Network,
                      u"The photo host refused a test upload to " + target.toString(QUrl::RemoveQuery) + u" ("
                          + (stored.netError ? stored.netError->what
                                             : QStringLiteral("HTTP %1").arg(stored.httpStatus))
                          + u"). Check CLIPQUEUE_PHOTO_UPLOAD_URL and its credentials."}));
            return;
        }
        auto get = net::HttpRequest::get(publicUrl);
        get.deadline = JsonDeadline;
        m_http.send(std::move(get), [content, publicUrl, done](const net::HttpResult &served) {
            if (!served.isSuccess() || served.body != content) {
                done(std::unexpected(
                    Error{ErrorCode::Network,
                          u"The photo host accepted a test upload, but " + publicUrl.toString()
                              + u" does not serve it back ("
                              + (served.isSuccess() ? QStringLiteral("other content")
                                                    : QStringLiteral("HTTP %1").arg(served.httpStatus))
                              + u"). TikTok would not find the photos: check that CLIPQUEUE_PHOTO_PUBLIC_URL "
                                u"is the "
                                u"public address of the same place."}));
                return;
            }
            done({});
        });
    });
}

net::HttpHeaders TikTokClient::s3Headers(const QByteArray &method, const QUrl &target,
                                         const QByteArray &contentType,
                                         const QByteArray &payloadSha256Hex) const {
    const net::AwsCredentials credentials{m_config.photoS3AccessKey, m_config.photoS3SecretKey,
                                          m_config.photoS3Region, QStringLiteral("s3")};
    net::HttpHeaders signedHeaders;
    if (!contentType.isEmpty()) {
        signedHeaders.append({"Content-Type", contentType});
    }
    return net::awsSignatureV4(method, target, signedHeaders, payloadSha256Hex, credentials,
                               QDateTime::currentDateTimeUtc());
}

QStringList TikTokClient::postIdsFromRawJson(const QByteArray &body) {
    static const QRegularExpression list(
        QStringLiteral(R"RX("publicaly_available_post_id"\s*:\s*\[([^\]]*)\])RX"));
    static const QRegularExpression id(QStringLiteral(R"RX("?(\d+)"?)RX"));
    QStringList ids;
    const QRegularExpressionMatch match = list.match(QString::fromUtf8(body));
    if (!match.hasMatch()) {
        return ids;
    }
    auto it = id.globalMatch(match.captured(1));
    while (it.hasNext()) {
        ids << it.next().captured(1);
    }
    return ids;
}

void TikTokClient::fetchStatus(const QString &accessToken, const QString &publishId,
                               Callback<PublishStatus> done) {
    postJson<PublishStatus>(
        QStringLiteral("/v2/post/publish/status/fetch/"), accessToken,
        QJsonObject{{QStringLiteral("publish_id"), publishId}},
        [](const QJsonObject &data, const QByteArray &raw) -> std::expected<PublishStatus, TikTokError> {
            PublishStatus status;
            status.status = data.value(u"status").toString();
            status.failReason = data.value(u"fail_reason").toString();
            if (const QJsonValue uploaded = data.value(u"uploaded_bytes"); uploaded.isDouble()) {
                status.uploadedBytes = uploaded.toInteger();
            }
            status.downloadedBytes = data.value(u"downloaded_bytes").toInteger();
            status.publicPostIds = postIdsFromRawJson(raw);
            return status;
        },
        std::move(done));
}

} // namespace cq::tiktok
