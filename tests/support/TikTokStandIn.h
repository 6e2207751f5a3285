#pragma once

#include "LoopbackHttpServer.h"

#include <QCryptographicHash>
#include <QHash>
#include <QJsonObject>
#include <QList>

#include <deque>
#include <functional>
#include <memory>

namespace cq::test {

// A stand-in for TikTok's Content Posting API on 127.0.0.1 that enforces the documented contract:
// the bearer token, JSON bodies, the chunk plan rules, Content-Type, Content-Length and
// Content-Range of every chunk in order, and the per-minute rate limits. Tests can queue faults.
class TikTokStandIn {
public:
    TikTokStandIn();

    QString apiBase() const { return m_server.url(QString()); }
    LoopbackHttpServer &server() { return m_server; }

    QString accessToken = QStringLiteral("act.valid-token");
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
