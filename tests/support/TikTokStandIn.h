#pragma once

#include "LoopbackHttpServer.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>

#include <deque>
#include <functional>
#include <memory>
#include <optional>

namespace cq::test {

// A stand-in for TikTok's Content Posting API on 127.0.0.1 that is as strict as TikTok: the bearer
// token (which expires by time), the granted scopes, JSON bodies, the chunk plan rules (one chunk:
// chunk_size equals video_size), Content-Type, Content-Length and Content-Range of every chunk in
// order, upload URLs on another host ("localhost") carrying upload_id and upload_token that expire,
// the post_info fields TikTok requires (brand_content_toggle, a privacy level the creator offers),
// photo rules (https URLs under the verified prefix, description up to 4,000, cover index in range),
// and the per-minute rate limits. Photos pass through PROCESSING_DOWNLOAD; private posts never get
// a public post id. Tests can queue faults, make the creator unable to post (creatorCannotPostCode),
// grant fewer scopes, and have token errors come with HTTP 200.
class TikTokStandIn {
public:
    TikTokStandIn();

    QString apiBase() const { return m_server.url(QString()); }
    LoopbackHttpServer &server() { return m_server; }

    QString accessToken = QStringLiteral("act.valid-token");
    // When the current access token stops working (real time, ms since the epoch); 0: never.
    qint64 accessTokenExpiresAtMs = 0;
    int accessTokenLifetimeSec = 7200; // of tokens the token endpoint issues
    void expireAccessToken() { accessTokenExpiresAtMs = QDateTime::currentMSecsSinceEpoch() - 1; }
    // What the user granted: the callback's `scopes`, the token answer's `scope`, and what the
    // endpoints check (video.publish for creator info and Direct Post, video.upload for the inbox).
    QString grantedScopes = QStringLiteral("user.info.basic,video.publish,video.upload");
    bool tokenErrorsWithHttp200 = false; // TikTok's token endpoint has answered errors with 200
    // Creator info answers HTTP 200 with this error code (spam_risk_too_many_posts...) and its data.
    QString creatorCannotPostCode;
    qint64 uploadUrlLifetimeMs = 3600'000; // TikTok's upload URLs live an hour
    QString refreshToken = QStringLiteral("rft.initial");
    QString clientKey = QStringLiteral("ck-test");
    QString clientSecret = QStringLiteral("cs-test");
    int tokenIssues = 0;
    QString verifiedPrefix; // photo URLs must start with it (url_ownership_unverified otherwise)
    // Called when the last chunk of an upload arrived, before the 201 goes out.
    std::function<void(const QString &publishId)> onUploadComplete;
    QJsonObject creatorInfo;
    // Public post id reported once a Direct Post completes (19 digits: beyond a double's precision).
    QByteArray publicPostId = "7312345678901234567";

    // A canned JSON answer, for injectFault.
    static LoopbackHttpServer::Response jsonAnswer(int status, const QByteArray &body) {
        return {status, body, "application/json", true, false, {}};
    }
    // The next request to `path` gets this answer instead of the normal one.
    void injectFault(const QByteArray &path, const LoopbackHttpServer::Response &response);
    void clearFaults() { m_faults.clear(); }
    // The next chunk is received, but its answer is lost (the connection closes instead).
    bool loseNextChunkAnswer = false;

    struct Upload {
        QString publishId;
        bool drafts = false;
        qint64 videoSize = 0;
        qint64 chunkSize = 0;
        int chunkCount = 0;
        int nextChunk = 0;
        qint64 receivedBytes = 0;
        std::shared_ptr<QCryptographicHash> hash;
        QString contractViolation; // set when a request broke the documented rules
        QJsonObject postInfo;
        QStringList photoUrls;
        QString uploadToken;
        qint64 urlExpiresAtMs = 0;
        int statusFetches = 0;
    };
    const QHash<QString, Upload> &uploads() const { return m_uploads; }
    int initCount() const { return m_initCount; }
    QByteArray receivedSha256(const QString &publishId) const;

private:
    LoopbackHttpServer::Response handle(const LoopbackHttpServer::Request &request);
    LoopbackHttpServer::Response json(int status, const QJsonObject &data,
                                      const QString &code = QStringLiteral("ok"),
                                      const QString &message = {}) const;
    LoopbackHttpServer::Response init(const LoopbackHttpServer::Request &request, bool drafts);
    LoopbackHttpServer::Response chunk(const LoopbackHttpServer::Request &request);
    LoopbackHttpServer::Response status(const LoopbackHttpServer::Request &request);
    LoopbackHttpServer::Response photoInit(const LoopbackHttpServer::Request &request);
    LoopbackHttpServer::Response authorize(const LoopbackHttpServer::Request &request);
    LoopbackHttpServer::Response token(const LoopbackHttpServer::Request &request);
    struct PendingCode {
        QString challenge;
        QString redirectUri;
    };
    QHash<QString, PendingCode> m_codes;
    bool overLimit(const QByteArray &path, int perMinute);
    bool hasScope(const QString &scope) const { return grantedScopes.split(u',').contains(scope); }
    // The bearer token and the scope an endpoint needs; nullopt when both are fine.
    std::optional<LoopbackHttpServer::Response> refusedCaller(const LoopbackHttpServer::Request &request,
                                                              const QString &scope) const;
    // A Direct Post's post_info against TikTok's rules; an empty string when it passes.
    QString postInfoProblem(const QJsonObject &postInfo, int titleLimit) const;
    LoopbackHttpServer::Response statusOf(Upload &upload);

    LoopbackHttpServer m_server;
    QHash<QString, Upload> m_uploads;
    QHash<QByteArray, std::deque<LoopbackHttpServer::Response>> m_faults;
    QHash<QByteArray, QList<qint64>> m_calls;
    int m_initCount = 0;
    int m_logSequence = 0;
};

// Runs a stand-in in this process for another one (the benchmarks): prints its port on stdout, then
// serves until stdin closes. Returns the event loop's exit code.
int serveStandInUntilStdinCloses();

} // namespace cq::test
