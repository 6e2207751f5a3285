#pragma once

#include <QObject>
#include <QTcpServer>
#include <QTimer>
#include <QUrlQuery>

namespace cq::tiktok {

// Receives the OAuth redirect on http://127.0.0.1:PORT/callback/ (TikTok's desktop redirect rules:
// loopback host, a port, a path). It answers one request with a page telling the user to return to
// ClipQueue, then closes; it also closes after `timeoutMs` without a callback.
class LoopbackRedirectListener : public QObject {
    Q_OBJECT

public:
    explicit LoopbackRedirectListener(int timeoutMs = 5 * 60'000, QObject *parent = nullptr);

    bool listen();
    bool isListening() const { return m_server.isListening(); }
    // Stops listening now (the user gave up): the port is free, and no signal follows.
    void close();
    // Byte for byte what goes into the authorise URL and the token exchange.
    QString redirectUri() const { return m_redirectUri; }

Q_SIGNALS:
    void received(const QUrlQuery &query);
    void timedOut();

private:
    void onConnection();

    QTcpServer m_server;
    QTimer m_timeout;
    QString m_redirectUri; // kept after the listener closed: the token exchange sends it again
};

} // namespace cq::tiktok
