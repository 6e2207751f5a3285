#include "tiktok/TikTokClient.h"

#include "tiktok/FileSlice.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>

Q_LOGGING_CATEGORY(lcHttp, "clipqueue.http", QtWarningMsg)

namespace cq::tiktok {

namespace {
constexpr int JsonTimeoutMs = 30'000;    // no byte for 30 s: give up on a JSON call
constexpr int UploadTimeoutMs = 120'000; // no progress for 2 min: give up on a chunk
constexpr qint64 MaxJsonAnswerBytes = 1 << 20;
} // namespace

TikTokError networkError(QNetworkReply *reply) {
    TikTokError error;
    error.code = reply->error() == QNetworkReply::OperationCanceledError
                         || reply->error() == QNetworkReply::TimeoutError
                     ? QStringLiteral("timeout")
                     : QStringLiteral("network_error");
    error.message = censorSecrets(reply->errorString()); // Qt names the URL, and upload URLs carry a token
    error.kind = TikTokError::Kind::Transient;
    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (status.isValid()) {
        error.httpStatus = status.toInt();
    }
    return error;
}

namespace {
// Answers the HTTP status of a finished PUT: any 2xx, a transport error, or what `refused` makes
// of another status.
void finishPut(QNetworkReply *reply, const TikTokClient::Callback<int> &done,
               const std::function<TikTokError(int code)> &refused) {
    reply->deleteLater();
    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (!status.isValid()) {
        done(std::unexpected(networkError(reply)));
        return;
    }
    const int code = status.toInt();
    if (code >= 200 && code < 300) {
        done(code);
        return;
    }
    done(std::unexpected(refused(code)));
}
} // namespace

TikTokClient::TikTokClient(QNetworkAccessManager &network, ApiConfig config, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_config(std::move(config)) {
}

void TikTokClient::postJson(
    const QString &path, const QString &accessToken, const QJsonObject &body,
    std::function<void(std::expected<QJsonObject, TikTokError>, const QByteArray &)> done) {
    QNetworkRequest request(m_config.endpoint(path));
    request.setTransferTimeout(JsonTimeoutMs);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    request.setMaximumRedirectsAllowed(3);
    request.setRawHeader("Authorization", "Bearer " + accessToken.toUtf8());
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json; charset=UTF-8"));
    const QByteArray payload = QJsonDocument(body).toJson(QJsonDocument::Compact);
    qCDebug(lcHttp).noquote() << "POST" << path << censorSecrets(QString::fromUtf8(payload));
    QNetworkReply *reply = m_network.post(request, payload);
    connect(reply, &QNetworkReply::downloadProgress, reply, [reply](qint64 received, qint64) {
        if (received > MaxJsonAnswerBytes) {
            reply->abort(); // a JSON answer this large is not TikTok's
        }
    });
    connect(reply, &QNetworkReply::finished, this, [reply, path, done = std::move(done)] {
        reply->deleteLater();
        const QByteArray raw = reply->readAll();
        const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
        if (!status.isValid()) {
            done(std::unexpected(networkError(reply)), raw);
            return;
        }
        qCDebug(lcHttp).noquote() << status.toInt() << path
                                  << censorSecrets(QString::fromUtf8(raw.left(2000)));
        if (auto error = errorFromResponse(status.toInt(), raw)) {
            done(std::unexpected(*error), raw);
            return;
        }
        done(QJsonDocument::fromJson(raw).object().value(u"data").toObject(), raw);
    });
}

void TikTokClient::queryCreatorInfo(const QString &accessToken, Callback<CreatorInfo> done) {
    postJson(QStringLiteral("/v2/post/publish/creator_info/query/"), accessToken, {},
             [done = std::move(done)](std::expected<QJsonObject, TikTokError> data, const QByteArray &) {
                 if (!data) {
                     done(std::unexpected(data.error()));
                     return;
                 }
                 auto info = CreatorInfo::fromJson(*data);
                 if (!info) {
                     done(std::unexpected(invalidAnswer(info.error().message, TikTokError::Kind::Permanent)));
                     return;
                 }
                 done(*info);
             });
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
    postJson(path, accessToken, body,
             [done = std::move(done)](std::expected<QJsonObject, TikTokError> data, const QByteArray &) {
                 if (!data) {
                     done(std::unexpected(data.error()));
                     return;
                 }
                 VideoInit init{data->value(u"publish_id").toString(),
                                QUrl(data->value(u"upload_url").toString())};
                 if (init.publishId.isEmpty() || !init.uploadUrl.isValid()) {
                     done(std::unexpected(
                         invalidAnswer(QStringLiteral("TikTok's answer had no publish_id or upload_url."))));
                     return;
                 }
                 done(init);
             });
}

QNetworkReply *TikTokClient::uploadChunk(const QUrl &uploadUrl, const QString &path, const QString &mimeType,
                                         const ChunkPlan &plan, int chunk, Callback<int> done) {
    const qint64 first = plan.offsetOf(chunk);
    const qint64 length = plan.sizeOf(chunk);
    auto *slice = new FileSlice(path, first, length);
    if (!slice->open(QIODevice::ReadOnly)) {
        delete slice;
        done(std::unexpected(TikTokError{TikTokError::Kind::Permanent,
                                         QStringLiteral("file_unreadable"),
                                         path + u" cannot be read from the media store.",
                                         {},
                                         std::nullopt}));
        return nullptr;
    }
    QNetworkRequest request(uploadUrl);
    request.setTransferTimeout(UploadTimeoutMs);
    request.setHeader(QNetworkRequest::ContentTypeHeader, mimeType);
    request.setHeader(QNetworkRequest::ContentLengthHeader, length);
    request.setRawHeader("Content-Range", QByteArrayLiteral("bytes ") + QByteArray::number(first) + '-'
                                              + QByteArray::number(first + length - 1) + '/'
                                              + QByteArray::number(plan.videoSizeBytes));
    QNetworkReply *reply = m_network.put(request, slice);
    slice->setParent(reply);
    connect(reply, &QNetworkReply::uploadProgress, this,
            [this, uploadUrl, first, plan](qint64 sent, qint64 total) {
                if (total <= 0) {
                    return; // Qt's closing (0, 0) report
                }
                Q_EMIT uploadProgress(uploadUrl, first + sent, plan.videoSizeBytes);
            });
    connect(reply, &QNetworkReply::finished, this, [reply, done = std::move(done)] {
        finishPut(reply, done, [reply](int code) {
            return errorFromResponse(code, reply->readAll())
                .value_or(TikTokError{TikTokError::Kind::Transient,
                                      QStringLiteral("upload_failed"),
                                      censorSecrets(reply->errorString()),
                                      {},
                                      code});
        });
    });
    return reply;
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
    postJson(
        QStringLiteral("/v2/post/publish/content/init/"), accessToken, body,
        [done = std::move(done)](std::expected<QJsonObject, TikTokError> data, const QByteArray &) {
            if (!data) {
                done(std::unexpected(data.error()));
                return;
            }
            const QString publishId = data->value(u"publish_id").toString();
            if (publishId.isEmpty()) {
                done(std::unexpected(invalidAnswer(QStringLiteral("TikTok's answer had no publish_id."))));
                return;
            }
            done(publishId);
        });
}

void TikTokClient::uploadPhoto(const QUrl &target, const QString &path, const QString &mimeType,
                               Callback<int> done) {
    auto *file = new QFile(path);
    if (!file->open(QIODevice::ReadOnly)) {
        delete file;
        done(std::unexpected(TikTokError{TikTokError::Kind::Permanent,
                                         QStringLiteral("file_unreadable"),
                                         path + u" cannot be read from the media store.",
                                         {},
                                         std::nullopt}));
        return;
    }
    QNetworkRequest request(target);
    request.setTransferTimeout(UploadTimeoutMs);
    request.setHeader(QNetworkRequest::ContentTypeHeader, mimeType);
    request.setHeader(QNetworkRequest::ContentLengthHeader, file->size());
    if (!m_config.photoUploadToken.isEmpty()) {
        request.setRawHeader("Authorization", "Bearer " + m_config.photoUploadToken.toUtf8());
    }
    QNetworkReply *reply = m_network.put(request, file);
    file->setParent(reply);
    connect(reply, &QNetworkReply::uploadProgress, this, [this, target](qint64 sent, qint64 total) {
        if (total > 0) {
            Q_EMIT uploadProgress(target, sent, total);
        }
    });
    connect(reply, &QNetworkReply::finished, this, [reply, done = std::move(done)] {
        finishPut(reply, done, [](int code) {
            return TikTokError{
                code >= 500 ? TikTokError::Kind::Transient : TikTokError::Kind::Permanent,
                QStringLiteral("photo_host_refused"),
                QStringLiteral(
                    "The photo host answered HTTP %1. Check CLIPQUEUE_PHOTO_UPLOAD_URL and its token.")
                    .arg(code),
                {},
                code};
        });
    });
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
    postJson(QStringLiteral("/v2/post/publish/status/fetch/"), accessToken,
             QJsonObject{{QStringLiteral("publish_id"), publishId}},
             [done = std::move(done)](std::expected<QJsonObject, TikTokError> data, const QByteArray &raw) {
                 if (!data) {
                     done(std::unexpected(data.error()));
                     return;
                 }
                 PublishStatus status;
                 status.status = data->value(u"status").toString();
                 status.failReason = data->value(u"fail_reason").toString();
                 if (const QJsonValue uploaded = data->value(u"uploaded_bytes"); uploaded.isDouble()) {
                     status.uploadedBytes = uploaded.toInteger();
                 }
                 status.downloadedBytes = data->value(u"downloaded_bytes").toInteger();
                 status.publicPostIds = postIdsFromRawJson(raw);
                 done(status);
             });
}

} // namespace cq::tiktok
