#include "TikTokStandIn.h"

#include <cstdio>

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSocketNotifier>
#include <QUrl>
#include <QUrlQuery>

#include <unistd.h>

namespace cq::test {

namespace {
constexpr qint64 MiB5 = 5 * 1024 * 1024;
} // namespace

TikTokStandIn::TikTokStandIn() {
    creatorInfo = QJsonObject{
        {QStringLiteral("creator_username"), QStringLiteral("ana.makes")},
        {QStringLiteral("creator_nickname"), QStringLiteral("Ana")},
        {QStringLiteral("creator_avatar_url"), QStringLiteral("https://example.invalid/a.jpg")},
        {QStringLiteral("privacy_level_options"),
         QJsonArray{QStringLiteral("PUBLIC_TO_EVERYONE"), QStringLiteral("MUTUAL_FOLLOW_FRIENDS"),
                    QStringLiteral("SELF_ONLY")}},
        {QStringLiteral("comment_disabled"), false},
        {QStringLiteral("duet_disabled"), true},
        {QStringLiteral("stitch_disabled"), false},
        {QStringLiteral("max_video_post_duration_sec"), 600},
    };
    m_server.setHandler([this](const LoopbackHttpServer::Request &request) { return handle(request); });
}

void TikTokStandIn::injectFault(const QByteArray &path, const LoopbackHttpServer::Response &response) {
    m_faults[path].push_back(response);
}

QByteArray TikTokStandIn::receivedSha256(const QString &publishId) const {
    const auto upload = m_uploads.value(publishId);
    return upload.hash ? upload.hash->result().toHex() : QByteArray();
}

LoopbackHttpServer::Response TikTokStandIn::json(int status, const QJsonObject &data, const QString &code,
                                                 const QString &message) const {
    const QJsonObject body{
        {QStringLiteral("data"), data},
        {QStringLiteral("error"),
         QJsonObject{{QStringLiteral("code"), code},
                     {QStringLiteral("message"), message},
                     {QStringLiteral("log_id"), QStringLiteral("202611250000%1").arg(m_logSequence)}}}};
    return {status, QJsonDocument(body).toJson(QJsonDocument::Compact), "application/json", true, false, {}};
}

bool TikTokStandIn::overLimit(const QByteArray &path, int perMinute) {
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QList<qint64> &calls = m_calls[path];
    calls.removeIf([now](qint64 at) { return now - at > 60'000; });
    if (calls.size() >= perMinute) {
        return true;
    }
    calls << now;
    return false;
}

LoopbackHttpServer::Response TikTokStandIn::handle(const LoopbackHttpServer::Request &request) {
    ++m_logSequence;
    const QByteArray path = request.path.startsWith("/upload/") ? QByteArray("/upload/") : request.path;
    if (auto fault = m_faults.find(path); fault != m_faults.end() && !fault->empty()) {
        const auto response = fault->front();
        fault->pop_front();
        return response;
    }
    if (path == "/upload/") {
        return chunk(request);
    }
    if (path.startsWith("/v2/auth/authorize/")) {
        return authorize(request);
    }
    if (path == "/v2/oauth/token/") {
        return token(request);
    }
    if (path == "/v2/oauth/revoke/") {
        const QUrlQuery form(QString::fromUtf8(request.body));
        const bool live =
            accessTokenExpiresAtMs == 0 || QDateTime::currentMSecsSinceEpoch() < accessTokenExpiresAtMs;
        const bool valid = form.queryItemValue(QStringLiteral("client_secret")) == clientSecret
                           && form.queryItemValue(QStringLiteral("token"), QUrl::FullyDecoded) == accessToken
                           && live;
        return {valid ? 200 : 400,
                valid ? QByteArray("{}") : QByteArray(R"({"error":"invalid_request"})"),
                "application/json",
                true,
                false,
                {}};
    }
    if (request.method != "POST") {
        return json(405, {}, QStringLiteral("invalid_params"), QStringLiteral("use POST"));
    }
    if (!request.headers.value("content-type").startsWith("application/json")) {
        return json(400, {}, QStringLiteral("invalid_params"), QStringLiteral("JSON bodies only"));
    }
    if (path == "/v2/post/publish/creator_info/query/") {
        if (auto refused = refusedCaller(request, QStringLiteral("video.publish"))) {
            return *refused;
        }
        if (overLimit(path, 20)) {
            return json(429, {}, QStringLiteral("rate_limit_exceeded"), QStringLiteral("20 per minute"));
        }
        if (!creatorCannotPostCode.isEmpty()) { // as TikTok does: HTTP 200, the code in the envelope
            return json(200, creatorInfo, creatorCannotPostCode,
                        QStringLiteral("The creator cannot post now."));
        }
        return json(200, creatorInfo);
    }
    if (path == "/v2/post/publish/video/init/" || path == "/v2/post/publish/inbox/video/init/") {
        const bool drafts = path.contains("inbox");
        if (auto refused = refusedCaller(request, drafts ? QStringLiteral("video.upload")
                                                         : QStringLiteral("video.publish"))) {
            return *refused;
        }
        if (overLimit("init", 6)) {
            return json(429, {}, QStringLiteral("rate_limit_exceeded"), QStringLiteral("6 per minute"));
        }
        return init(request, drafts);
    }
    if (path == "/v2/post/publish/content/init/") {
        const bool drafts =
            QJsonDocument::fromJson(request.body).object().value(u"post_mode").toString() == u"MEDIA_UPLOAD";
        if (auto refused = refusedCaller(request, drafts ? QStringLiteral("video.upload")
                                                         : QStringLiteral("video.publish"))) {
            return *refused;
        }
        if (overLimit("init", 6)) {
            return json(429, {}, QStringLiteral("rate_limit_exceeded"), QStringLiteral("6 per minute"));
        }
        return photoInit(request);
    }
    if (path == "/v2/post/publish/status/fetch/") {
        if (auto refused = refusedCaller(request, QString())) {
            return *refused;
        }
        if (overLimit(path, 30)) {
            return json(429, {}, QStringLiteral("rate_limit_exceeded"), QStringLiteral("30 per minute"));
        }
        return status(request);
    }
    return json(404, {}, QStringLiteral("invalid_params"), QStringLiteral("no such endpoint"));
}

std::optional<LoopbackHttpServer::Response>
TikTokStandIn::refusedCaller(const LoopbackHttpServer::Request &request, const QString &scope) const {
    const bool expired =
        accessTokenExpiresAtMs > 0 && QDateTime::currentMSecsSinceEpoch() >= accessTokenExpiresAtMs;
    if (request.headers.value("authorization") != "Bearer " + accessToken.toUtf8() || expired) {
        return json(401, {}, QStringLiteral("access_token_invalid"),
                    QStringLiteral("The access token is invalid or not found in the request."));
    }
    const bool allowed = scope.isEmpty() ? hasScope(QStringLiteral("video.publish"))
                                               || hasScope(QStringLiteral("video.upload"))
                                         : hasScope(scope);
    if (!allowed) {
        return json(401, {}, QStringLiteral("scope_not_authorized"),
                    u"The user did not authorize the scope required for completing this request (" + scope
                        + u").");
    }
    return std::nullopt;
}

QString TikTokStandIn::postInfoProblem(const QJsonObject &postInfo, int titleLimit) const {
    if (postInfo.value(u"privacy_level").toString().isEmpty()) {
        return QStringLiteral("post_info.privacy_level is required");
    }
    if (!postInfo.value(u"brand_content_toggle").isBool()) {
        return QStringLiteral("post_info.brand_content_toggle is required");
    }
    if (postInfo.value(u"title").toString().size() > titleLimit) {
        return QStringLiteral("title too long");
    }
    return {};
}

LoopbackHttpServer::Response TikTokStandIn::photoInit(const LoopbackHttpServer::Request &request) {
    const QJsonObject body = QJsonDocument::fromJson(request.body).object();
    const QJsonObject source = body.value(u"source_info").toObject();
    const QJsonArray images = source.value(u"photo_images").toArray();
    const QString mode = body.value(u"post_mode").toString();
    if (body.value(u"media_type").toString() != u"PHOTO"
        || source.value(u"source").toString() != u"PULL_FROM_URL" || images.isEmpty() || images.size() > 35
        || (mode != u"DIRECT_POST" && mode != u"MEDIA_UPLOAD")) {
        return json(400, {}, QStringLiteral("invalid_params"), QStringLiteral("not a photo post"));
    }
    Upload upload;
    for (const QJsonValue &image : images) {
        if (!image.toString().startsWith(u"https://")) {
            return json(400, {}, QStringLiteral("invalid_params"),
                        QStringLiteral("photo URLs must be https"));
        }
        if (!image.toString().startsWith(verifiedPrefix) || verifiedPrefix.isEmpty()) {
            return json(403, {}, QStringLiteral("url_ownership_unverified"),
                        QStringLiteral("unverified URL prefix"));
        }
        upload.photoUrls << image.toString();
    }
    const QJsonValue cover = source.value(u"photo_cover_index");
    if (!cover.isDouble() || cover.toInt() < 0 || cover.toInt() >= images.size()) {
        return json(400, {}, QStringLiteral("invalid_params"),
                    QStringLiteral("photo_cover_index out of range"));
    }
    const QJsonObject postInfo = body.value(u"post_info").toObject();
    upload.drafts = mode == u"MEDIA_UPLOAD";
    if (postInfo.value(u"description").toString().size() > 4000) {
        return json(400, {}, QStringLiteral("invalid_params"), QStringLiteral("description over 4000"));
    }
    if (!upload.drafts) {
        if (const QString problem = postInfoProblem(postInfo, 90); !problem.isEmpty()) {
            return json(400, {}, QStringLiteral("invalid_params"), problem);
        }
        if (!creatorInfo.value(u"privacy_level_options")
                 .toArray()
                 .contains(postInfo.value(u"privacy_level"))) {
            return json(403, {}, QStringLiteral("privacy_level_option_mismatch"),
                        QStringLiteral("not offered"));
        }
    } else if (postInfo.value(u"title").toString().size() > 90) {
        return json(400, {}, QStringLiteral("invalid_params"), QStringLiteral("title over 90"));
    } else {
        // In the inbox TikTok reads only title and description: more is a client that does not know.
        for (const QString &key : postInfo.keys()) {
            if (key != u"title" && key != u"description") {
                upload.contractViolation = u"MEDIA_UPLOAD post_info carries " + key;
            }
        }
    }
    ++m_initCount;
    upload.publishId = QStringLiteral("p_pub_url~v2.%1").arg(m_initCount);
    upload.postInfo = postInfo;
    m_uploads.insert(upload.publishId, upload);
    return json(200, QJsonObject{{QStringLiteral("publish_id"), upload.publishId}});
}

LoopbackHttpServer::Response TikTokStandIn::authorize(const LoopbackHttpServer::Request &request) {
    const QUrlQuery query(QUrl(QString::fromLatin1(request.path)));
    const auto item = [&](const char *name) {
        return query.queryItemValue(QLatin1StringView(name), QUrl::FullyDecoded);
    };
    const QString redirect = item("redirect_uri");
    const QUrl redirectUrl(redirect);
    const bool desktopRedirect = (redirectUrl.host() == u"127.0.0.1" || redirectUrl.host() == u"localhost")
                                 && redirectUrl.port() > 0 && redirectUrl.path().size() > 1
                                 && !redirectUrl.hasQuery();
    static const QRegularExpression hex64(QStringLiteral("^[0-9a-f]{64}$"));
    if (item("client_key") != clientKey || item("response_type") != u"code" || !desktopRedirect
        || item("code_challenge_method") != u"S256" || !hex64.match(item("code_challenge")).hasMatch()
        || item("state").isEmpty() || item("scope").isEmpty()) {
        return {400, "bad authorisation request", "text/plain", true, false, {}};
    }
    // The user may grant fewer scopes than asked for.
    QStringList granted;
    for (const QString &scope : item("scope").split(u',')) {
        if (hasScope(scope)) {
            granted << scope;
        }
    }
    const QString code = QStringLiteral("code-%1").arg(m_codes.size() + 1);
    m_codes.insert(code, PendingCode{item("code_challenge"), redirect});
    QUrl target(redirect);
    QUrlQuery answer;
    answer.addQueryItem(QStringLiteral("code"), code);
    answer.addQueryItem(QStringLiteral("scopes"), granted.join(u','));
    answer.addQueryItem(QStringLiteral("state"), item("state"));
    target.setQuery(answer);
    return {302, {}, "text/plain", true, false, {{"Location", target.toEncoded()}}};
}

LoopbackHttpServer::Response TikTokStandIn::token(const LoopbackHttpServer::Request &request) {
    const QUrlQuery form(QString::fromUtf8(request.body));
    const auto item = [&](const char *name) {
        return form.queryItemValue(QLatin1StringView(name), QUrl::FullyDecoded);
    };
    const auto refuse = [this](const char *error, const char *description) {
        return LoopbackHttpServer::Response{tokenErrorsWithHttp200 ? 200 : 400,
                                            QByteArray(R"({"error":")") + error + R"(","error_description":")"
                                                + description + R"(","log_id":"LT"})",
                                            "application/json",
                                            true,
                                            false,
                                            {}};
    };
    if (!request.headers.value("content-type").startsWith("application/x-www-form-urlencoded")) {
        return refuse("invalid_request", "form bodies only");
    }
    if (item("client_key") != clientKey || item("client_secret") != clientSecret) {
        return refuse("invalid_client", "unknown client");
    }
    if (item("grant_type") == u"authorization_code") {
        const PendingCode pending = m_codes.take(item("code"));
        const QString challenge = QString::fromLatin1(
            QCryptographicHash::hash(item("code_verifier").toLatin1(), QCryptographicHash::Sha256).toHex());
        if (pending.challenge.isEmpty() || pending.challenge != challenge
            || pending.redirectUri != item("redirect_uri")) {
            return refuse("invalid_grant", "code, verifier or redirect_uri do not match");
        }
    } else if (item("grant_type") == u"refresh_token") {
        if (item("refresh_token") != refreshToken) {
            return refuse("invalid_grant", "refresh token is no longer valid");
        }
    } else {
        return refuse("unsupported_grant_type", "unknown grant");
    }
    ++tokenIssues;
    accessToken = QStringLiteral("act.issued-%1").arg(tokenIssues);
    refreshToken = QStringLiteral("rft.issued-%1").arg(tokenIssues); // rotates: the old one stops working
    accessTokenExpiresAtMs = QDateTime::currentMSecsSinceEpoch() + qint64(accessTokenLifetimeSec) * 1000;
    const QJsonObject answer{{QStringLiteral("open_id"), QStringLiteral("open-ana")},
                             {QStringLiteral("access_token"), accessToken},
                             {QStringLiteral("refresh_token"), refreshToken},
                             {QStringLiteral("expires_in"), accessTokenLifetimeSec},
                             {QStringLiteral("refresh_expires_in"), 15552000},
                             {QStringLiteral("scope"), grantedScopes},
                             {QStringLiteral("token_type"), QStringLiteral("Bearer")}};
    return {200, QJsonDocument(answer).toJson(QJsonDocument::Compact), "application/json", true, false, {}};
}

LoopbackHttpServer::Response TikTokStandIn::init(const LoopbackHttpServer::Request &request, bool drafts) {
    const QJsonObject body = QJsonDocument::fromJson(request.body).object();
    const QJsonObject source = body.value(u"source_info").toObject();
    const qint64 size = source.value(u"video_size").toInteger();
    const qint64 chunkSize = source.value(u"chunk_size").toInteger();
    const qint64 count = source.value(u"total_chunk_count").toInteger();
    const auto invalid = [this](const QString &why) {
        return json(400, {}, QStringLiteral("invalid_params"), why);
    };
    if (source.value(u"source").toString() != u"FILE_UPLOAD" || size <= 0 || chunkSize <= 0) {
        return invalid(QStringLiteral("source_info must be FILE_UPLOAD with sizes"));
    }
    // The media transfer guide's rules.
    if (count != size / chunkSize || count < 1 || count > 1000) {
        return invalid(QStringLiteral("total_chunk_count must be floor(video_size / chunk_size)"));
    }
    if (count == 1 && size > 64'000'000) {
        return invalid(QStringLiteral("a video over 64 MB must be chunked"));
    }
    if (count == 1 && chunkSize != size) {
        return invalid(QStringLiteral("with one chunk, chunk_size must equal video_size"));
    }
    if (count > 1
        && (chunkSize < MiB5 || chunkSize > 64'000'000 || size - (count - 1) * chunkSize > 128'000'000)) {
        return invalid(QStringLiteral("chunks must be 5 MB to 64 MB, the last at most 128 MB"));
    }
    if (!drafts) {
        const QJsonObject postInfo = body.value(u"post_info").toObject();
        if (const QString problem = postInfoProblem(postInfo, 2200); !problem.isEmpty()) {
            return invalid(problem);
        }
        if (!creatorInfo.value(u"privacy_level_options")
                 .toArray()
                 .contains(postInfo.value(u"privacy_level"))) {
            return json(403, {}, QStringLiteral("privacy_level_option_mismatch"),
                        QStringLiteral("not offered"));
        }
    } else if (body.contains(u"post_info")) {
        return invalid(QStringLiteral("inbox uploads take no post_info"));
    }
    ++m_initCount;
    Upload upload;
    upload.publishId = QStringLiteral("v_pub_file~v2-1.%1").arg(m_initCount);
    upload.drafts = drafts;
    upload.videoSize = size;
    upload.chunkSize = chunkSize;
    upload.chunkCount = int(count);
    upload.hash = std::make_shared<QCryptographicHash>(QCryptographicHash::Sha256);
    upload.postInfo = body.value(u"post_info").toObject();
    upload.uploadToken = QStringLiteral("ut%1x%2").arg(m_initCount).arg(m_logSequence);
    upload.urlExpiresAtMs = QDateTime::currentMSecsSinceEpoch() + uploadUrlLifetimeMs;
    m_uploads.insert(upload.publishId, upload);
    // On another host than the API, as TikTok's are, with the upload's id and token in the query.
    QUrl uploadUrl(m_server.url(QStringLiteral("/upload/")));
    uploadUrl.setHost(QStringLiteral("localhost"));
    uploadUrl.setQuery(QUrlQuery{{QStringLiteral("upload_id"), upload.publishId},
                                 {QStringLiteral("upload_token"), upload.uploadToken}});
    return json(200, QJsonObject{{QStringLiteral("publish_id"), upload.publishId},
                                 {QStringLiteral("upload_url"), uploadUrl.toString(QUrl::FullyEncoded)}});
}

LoopbackHttpServer::Response TikTokStandIn::chunk(const LoopbackHttpServer::Request &request) {
    const QUrlQuery query(QUrl(QString::fromLatin1(request.path)));
    const QString publishId = query.queryItemValue(QStringLiteral("upload_id"), QUrl::FullyDecoded);
    auto it = m_uploads.find(publishId);
    const auto refuse = [&](int status, const QString &why) {
        if (it != m_uploads.end()) {
            it->contractViolation = why;
        }
        return LoopbackHttpServer::Response{status, why.toUtf8(), "text/plain", true, false, {}};
    };
    if (it == m_uploads.end()) {
        return refuse(404, QStringLiteral("unknown upload"));
    }
    if (query.queryItemValue(QStringLiteral("upload_token"), QUrl::FullyDecoded) != it->uploadToken) {
        return refuse(403, QStringLiteral("upload_token missing or wrong"));
    }
    if (QDateTime::currentMSecsSinceEpoch() >= it->urlExpiresAtMs) {
        return refuse(403, QStringLiteral("the upload URL expired"));
    }
    if (request.method != "PUT") {
        return refuse(405, QStringLiteral("chunks are PUT"));
    }
    static const QList<QByteArray> types{"video/mp4", "video/quicktime", "video/webm"};
    if (!types.contains(request.headers.value("content-type"))) {
        return refuse(400, QStringLiteral("Content-Type must be video/mp4, video/quicktime or video/webm"));
    }
    const int index = it->nextChunk;
    const qint64 first = qint64(index) * it->chunkSize;
    const qint64 length = index == it->chunkCount - 1 ? it->videoSize - first : it->chunkSize;
    const QByteArray range = "bytes " + QByteArray::number(first) + '-'
                             + QByteArray::number(first + length - 1) + '/'
                             + QByteArray::number(it->videoSize);
    if (index >= it->chunkCount || request.headers.value("content-range") != range) {
        // Says what it has, so that a client can go on from there.
        LoopbackHttpServer::Response refused =
            refuse(416, u"expected Content-Range " + QString::fromLatin1(range) + u", got "
                            + QString::fromLatin1(request.headers.value("content-range")));
        refused.headers.append({"Range", "bytes=0-" + QByteArray::number(it->receivedBytes - 1)});
        return refused;
    }
    if (request.headers.value("content-length").toLongLong() != length || request.body.size() != length) {
        return refuse(400, QStringLiteral("Content-Length must be this chunk's size"));
    }
    it->hash->addData(request.body);
    it->receivedBytes += length;
    it->nextChunk += 1;
    if (it->nextChunk == it->chunkCount && onUploadComplete) {
        onUploadComplete(publishId);
    }
    if (loseNextChunkAnswer) {
        loseNextChunkAnswer = false;
        return {0, {}, {}, true, true, {}};
    }
    return {it->nextChunk == it->chunkCount ? 201 : 206, {}, "text/plain", true, false, {}};
}

LoopbackHttpServer::Response TikTokStandIn::status(const LoopbackHttpServer::Request &request) {
    const QString publishId = QJsonDocument::fromJson(request.body).object().value(u"publish_id").toString();
    if (!m_uploads.contains(publishId)) {
        return json(400, {}, QStringLiteral("invalid_publish_id"), QStringLiteral("unknown publish_id"));
    }
    return statusOf(m_uploads[publishId]);
}

LoopbackHttpServer::Response TikTokStandIn::statusOf(Upload &upload) {
    upload.statusFetches += 1;
    if (upload.photoUrls.isEmpty() && upload.nextChunk < upload.chunkCount) {
        return json(200, QJsonObject{{QStringLiteral("status"), QStringLiteral("PROCESSING_UPLOAD")},
                                     {QStringLiteral("uploaded_bytes"), upload.receivedBytes}});
    }
    if (!upload.photoUrls.isEmpty() && upload.statusFetches == 1) { // TikTok pulls the photos first
        return json(200, QJsonObject{{QStringLiteral("status"), QStringLiteral("PROCESSING_DOWNLOAD")},
                                     {QStringLiteral("downloaded_bytes"), 0}});
    }
    if (upload.drafts) {
        return json(200, QJsonObject{{QStringLiteral("status"), QStringLiteral("SEND_TO_USER_INBOX")}});
    }
    // A private post never gets a public id. Written by hand so the id goes out as a JSON number with
    // all 19 digits.
    const bool isPrivate = upload.postInfo.value(u"privacy_level").toString() == u"SELF_ONLY";
    ++m_logSequence;
    const QByteArray body = R"({"data":{"status":"PUBLISH_COMPLETE","publicaly_available_post_id":[)"
                            + (isPrivate ? QByteArray() : publicPostId) + R"(],"uploaded_bytes":)"
                            + QByteArray::number(upload.receivedBytes)
                            + R"(},"error":{"code":"ok","message":"","log_id":"L"}})";
    return {200, body, "application/json", true, false, {}};
}

int serveStandInUntilStdinCloses() {
    TikTokStandIn standIn;
    standIn.server().setLogsRequestBodies(false);
    std::printf("%u\n", unsigned(standIn.server().port()));
    std::fflush(stdout);
    QSocketNotifier stdinClosed(STDIN_FILENO, QSocketNotifier::Read);
    QObject::connect(&stdinClosed, &QSocketNotifier::activated, qApp, [] {
        char byte = 0;
        if (::read(STDIN_FILENO, &byte, 1) <= 0) {
            QCoreApplication::quit();
        }
    });
    return QCoreApplication::exec();
}

} // namespace cq::test
