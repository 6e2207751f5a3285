#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QTcpServer>

#include <functional>

namespace cq::test {

// A small HTTP/1.1 server on 127.0.0.1 for tests: canned answers per path, and a log of every
// request it received. It runs on the thread that created it.
class LoopbackHttpServer : public QObject {
    Q_OBJECT

public:
    struct Response {
        int status = 200;
        QByteArray body;
        QByteArray contentType = "application/octet-stream";
        bool sendContentLength = true;                    // false: end the body by closing the connection
        bool dropConnection = false;                      // close without answering, as a broken network does
        QList<std::pair<QByteArray, QByteArray>> headers; // extra headers, such as Location
    };
    struct Request {
        QByteArray method;
        QByteArray path;
        QHash<QByteArray, QByteArray> headers; // lower-case names
        QByteArray body;
    };

    explicit LoopbackHttpServer(QObject *parent = nullptr);
    quint16 port() const { return m_server.serverPort(); }
    QString url(const QString &path) const;

    void route(const QByteArray &path, const Response &response) { m_routes.insert(path, response); }
    // Answers every request not matched by a route.
    void setHandler(std::function<Response(const Request &)> handler) { m_handler = std::move(handler); }
    const QList<Request> &requests() const { return m_requests; }
    // The next request whose path starts with `pathPrefix` loses its connection once `afterBytes` of
    // its body have arrived, as a network failing in the middle of an upload does.
    void dropMidBody(const QByteArray &pathPrefix, qint64 afterBytes) {
        m_midBodyDrops.append({pathPrefix, afterBytes});
    }
    qsizetype pendingMidBodyDrops() const { return m_midBodyDrops.size(); }
    // Requests whose path starts with `pathPrefix` are received (and logged) but never answered:
    // the connection stays open and silent, as a stalled server's does.
    void neverAnswer(const QByteArray &pathPrefix) { m_silentPaths.append(pathPrefix); }
    // Off: the log keeps method, path and headers only (for gigabyte uploads in bench_upload).
    void setLogsRequestBodies(bool logs) { m_logsBodies = logs; }

private:
    void onConnection();

    QTcpServer m_server;
    QHash<QByteArray, Response> m_routes;
    std::function<Response(const Request &)> m_handler;
    QList<Request> m_requests;
    bool m_logsBodies = true;
    QList<std::pair<QByteArray, qint64>> m_midBodyDrops;
    QList<QByteArray> m_silentPaths;
};

} // namespace cq::test
