#pragma once

#include "net/HttpRequest.h"
#include "net/HttpResult.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>

class QNetworkAccessManager;
class QNetworkReply;

namespace cq::net {

class HttpExchange;

// ClipQueue's one way to speak HTTP: every request (TikTok's API, OAuth, uploads, the photo host,
// media downloads) goes through send(), so every one gets the same rules: a transfer timeout, an
// optional overall deadline, a cap on the answer read through a bounded buffer (a fast server
// never fills memory), plain http only to this computer and no redirect to another origin for a
// request carrying credentials, only the addresses a request allows, and censored logging (category
// clipqueue.http, debug level). It runs over the injected network manager of its thread (one per
// thread, never shared across threads); it holds no other state.
class HttpTransport {
public:
    using Done = std::function<void(HttpResult)>;

    explicit HttpTransport(QNetworkAccessManager &network);

    // Starts `request`. `done` runs exactly once, on this thread and never inside send(), unless
    // the network manager is destroyed first. The exchange reports progress and can be cancelled;
    // it deletes itself after `done`.
    HttpExchange *send(HttpRequest request, Done done);

private:
    QNetworkAccessManager &m_network;
};

// One request in flight.
class HttpExchange : public QObject {
    Q_OBJECT

public:
    // Ends the exchange now with NetFailure::Cancelled; `done` runs before this returns.
    void cancel();

Q_SIGNALS:
    void uploadProgress(qint64 sentBytes, qint64 totalBytes);
    // After each piece of the body was taken; `totalBytes` is -1 when the answer declared none.
    void downloadProgress(qint64 receivedBytes, qint64 totalBytes);

private:
    friend class HttpTransport;
    HttpExchange(QNetworkAccessManager &network, HttpRequest request, HttpTransport::Done done);
    void start();
    void sendRequest();
    // Resolves `url`'s host and runs `next` when the request allows every address it has; else stops.
    void checkAddressThen(const QUrl &url, std::function<void()> next);
    void onMetaDataChanged();
    void onReadyRead();
    void onRedirected(const QUrl &target);
    void onFinished();
    // Aborts the reply and ends with `error`.
    void stop(NetError error);
    void recordAnswer();
    void finish();

    QNetworkAccessManager &m_network;
    HttpRequest m_request;
    HttpTransport::Done m_done;
    QPointer<QNetworkReply> m_reply;
    QUrl m_currentUrl; // where the last redirect led
    HttpResult m_result;
    QTimer m_deadline;
    QElapsedTimer m_elapsed; // for the log only
    bool m_finished = false;
};

} // namespace cq::net
