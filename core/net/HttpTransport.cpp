#include "net/HttpTransport.h"

#include "net/Censor.h"
#include "net/NetFailures.h"
#include "net/UrlRules.h"

#include <QHostInfo>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>

Q_LOGGING_CATEGORY(lcHttp, "clipqueue.http", QtWarningMsg)

namespace cq::net {

namespace {
constexpr qsizetype LoggedBodyChars = 2000;
// What Qt may hold of an answer before it is taken: it stops reading the socket beyond this, so a
// fast server (or a slow sink) never grows the process.
constexpr qint64 ReadBufferBytes = 256 * 1024;

// Bodies worth reading in a log: JSON, forms, text. Media and uploads are logged by size only.
bool isTextual(const QByteArray &contentType) {
    return contentType.contains("json") || contentType.contains("x-www-form-urlencoded")
           || contentType.startsWith("text/");
}

QString loggedBody(const QByteArray &body, const QByteArray &contentType) {
    if (body.isEmpty()) {
        return {};
    }
    if (!isTextual(contentType)) {
        return QStringLiteral("(%1 bytes)").arg(body.size());
    }
    return censorSecrets(QString::fromUtf8(body.left(LoggedBodyChars)));
}

QNetworkRequest qtRequest(const HttpRequest &request) {
    QNetworkRequest qt(request.url);
    for (const auto &[name, value] : request.headers) {
        qt.setRawHeader(name, value);
    }
    if (request.bodyDevice && request.header("Content-Length").isEmpty()
        && !request.bodyDevice->isSequential()) {
        // Without it Qt would read the whole device into memory first.
        qt.setHeader(QNetworkRequest::ContentLengthHeader, request.bodyDevice->size());
    }
    qt.setTransferTimeout(int(request.transferTimeout.count()));
    if (request.redirects == RedirectPolicy::None) {
        qt.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    } else {
        // Every redirect is checked in HttpExchange::onRedirected, by the one rule below.
        qt.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                        QNetworkRequest::UserVerifiedRedirectPolicy);
        qt.setMaximumRedirectsAllowed(request.maxRedirects);
    }
    return qt;
}

QNetworkReply *sendWith(QNetworkAccessManager &network, const QNetworkRequest &qt, const QByteArray &method,
                        QIODevice *device, const QByteArray &body) {
    if (method == "GET") {
        return network.get(qt);
    }
    if (method == "POST") {
        return device ? network.post(qt, device) : network.post(qt, body);
    }
    if (method == "PUT") {
        return device ? network.put(qt, device) : network.put(qt, body);
    }
    return device ? network.sendCustomRequest(qt, method, device)
                  : network.sendCustomRequest(qt, method, body);
}

// Whether a redirect may be followed: a request carrying credentials stays with its origin.
bool redirectAllowed(const HttpRequest &request, const QUrl &from, const QUrl &to) {
    if (request.carriesCredentials || request.redirects == RedirectPolicy::SameOrigin) {
        return isSameOrigin(from, to);
    }
    if (request.redirects == RedirectPolicy::SameScheme) {
        return from.scheme() == to.scheme();
    }
    return !(from.scheme() == u"https" && to.scheme() != u"https");
}
} // namespace

HttpTransport::HttpTransport(QNetworkAccessManager &network)
    : m_network(network) {
}

HttpExchange *HttpTransport::send(HttpRequest request, Done done) {
    auto *exchange = new HttpExchange(m_network, std::move(request), std::move(done));
    exchange->start();
    return exchange;
}

HttpExchange::HttpExchange(QNetworkAccessManager &network, HttpRequest request, HttpTransport::Done done)
    : QObject(&network) // dies with the manager, as its replies do
    , m_network(network)
    , m_request(std::move(request))
    , m_done(std::move(done))
    , m_currentUrl(m_request.url) {
    m_deadline.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this,
            [this] { stop(deadlineExceeded(m_request.url, *m_request.deadline)); });
}

void HttpExchange::start() {
    m_elapsed.start();
    if (m_request.carriesCredentials && !isSecureOrLoopback(m_request.url)) {
        m_finished = true;
        m_result.netError = insecureUrl(m_request.url);
        qCDebug(lcHttp).noquote() << "refused" << m_request.method << censoredUrl(m_request.url);
        // Never inside send(): the caller may not be ready for its answer yet.
        QMetaObject::invokeMethod(this, &HttpExchange::finish, Qt::QueuedConnection);
        return;
    }
    if (m_request.deadline) {
        m_deadline.start(*m_request.deadline); // name lookups count too
    }
    if (m_request.addressAllowed) {
        checkAddressThen(m_request.url, [this] { sendRequest(); });
        return;
    }
    sendRequest();
}

void HttpExchange::checkAddressThen(const QUrl &url, std::function<void()> next) {
    // Qt caches lookups, so the connection that follows normally uses the address checked here.
    QHostInfo::lookupHost(url.host(), this, [this, url, next = std::move(next)](const QHostInfo &info) {
        if (m_finished) {
            return;
        }
        if (info.error() != QHostInfo::NoError || info.addresses().isEmpty()) {
            stop(hostNotFound(url, info.errorString()));
            return;
        }
        for (const QHostAddress &address : info.addresses()) {
            if (!m_request.addressAllowed(address)) {
                qCDebug(lcHttp).noquote() << "refused" << censoredUrl(url) << "at" << address.toString();
                stop(addressRefused(url, address));
                return;
            }
        }
        next();
    });
}

void HttpExchange::sendRequest() {
    QIODevice *device = m_request.bodyDevice.release();
    qCDebug(lcHttp).noquote() << m_request.method << censoredUrl(m_request.url)
                              << (device ? QStringLiteral("(%1 bytes streamed)").arg(device->size())
                                         : loggedBody(m_request.body, m_request.header("Content-Type")));
    m_reply = sendWith(m_network, qtRequest(m_request), m_request.method, device, m_request.body);
    m_reply->setReadBufferSize(ReadBufferBytes);
    m_request.body.clear();
    if (device) {
        device->setParent(m_reply); // read until the reply is done with it
    }
    connect(m_reply, &QNetworkReply::metaDataChanged, this, &HttpExchange::onMetaDataChanged);
    connect(m_reply, &QIODevice::readyRead, this, &HttpExchange::onReadyRead);
    connect(m_reply, &QNetworkReply::redirected, this, &HttpExchange::onRedirected);
    connect(m_reply, &QNetworkReply::uploadProgress, this, [this](qint64 sent, qint64 total) {
        if (total > 0) { // not Qt's closing (0, 0)
            Q_EMIT uploadProgress(sent, total);
        }
    });
    connect(m_reply, &QNetworkReply::finished, this, &HttpExchange::onFinished);
}

void HttpExchange::onMetaDataChanged() {
    const QVariant status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (!status.isValid() || (status.toInt() >= 300 && status.toInt() < 400)) {
        return; // a redirect's own answer is not the answer
    }
    const QVariant length = m_reply->header(QNetworkRequest::ContentLengthHeader);
    if (length.isValid() && length.toLongLong() > m_request.maxResponseBytes) {
        stop(tooLarge(m_currentUrl, m_request.maxResponseBytes)); // before a byte of it arrives
    }
}

void HttpExchange::onReadyRead() {
    if (!m_reply->isReadable()) {
        return; // aborted (Qt's transfer timeout closes it before it finishes)
    }
    const QByteArray piece = m_reply->readAll();
    if (piece.isEmpty()) {
        return;
    }
    m_result.receivedBytes += piece.size();
    if (m_result.receivedBytes > m_request.maxResponseBytes) {
        stop(tooLarge(m_currentUrl, m_request.maxResponseBytes));
        return;
    }
    if (!m_request.bodySink) {
        m_result.body += piece;
    } else if (!m_request.bodySink(piece)) {
        stop(sinkFailed(m_currentUrl));
        return;
    }
    const QVariant length = m_reply->header(QNetworkRequest::ContentLengthHeader);
    Q_EMIT downloadProgress(m_result.receivedBytes, length.isValid() ? length.toLongLong() : -1);
}

void HttpExchange::onRedirected(const QUrl &target) {
    const QUrl next = m_currentUrl.resolved(target);
    if (!redirectAllowed(m_request, m_currentUrl, next)) {
        qCDebug(lcHttp).noquote() << "redirect refused:" << censoredUrl(m_currentUrl) << "->"
                                  << censoredUrl(next);
        stop(redirectRefused(m_currentUrl, next, m_request.carriesCredentials));
        return;
    }
    qCDebug(lcHttp).noquote() << "redirect:" << censoredUrl(m_currentUrl) << "->" << censoredUrl(next);
    m_currentUrl = next;
    if (m_request.addressAllowed) {
        checkAddressThen(next, [this] { Q_EMIT m_reply->redirectAllowed(); });
        return;
    }
    Q_EMIT m_reply->redirectAllowed();
}

void HttpExchange::onFinished() {
    if (m_finished) {
        return;
    }
    onReadyRead(); // whatever arrived with the end
    if (m_finished) {
        return;
    }
    m_finished = true;
    recordAnswer();
    if (isTransportFailure(m_reply->error(), m_result.httpStatus)) {
        m_result.netError = failureOfReply(*m_reply, m_currentUrl, m_request.transferTimeout);
    }
    finish();
}

void HttpExchange::stop(NetError error) {
    if (m_finished) {
        return;
    }
    m_finished = true;
    m_result.netError = std::move(error);
    if (m_reply) {
        recordAnswer(); // what did arrive: a caller may want the status or the declared size
        m_reply->disconnect(this);
        m_reply->abort();
    }
    finish();
}

void HttpExchange::recordAnswer() {
    const QVariant status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    m_result.httpStatus = status.isValid() ? status.toInt() : 0;
    m_result.headers = m_reply->rawHeaderPairs();
}

void HttpExchange::cancel() {
    stop(cancelled(m_currentUrl));
}

void HttpExchange::finish() {
    m_deadline.stop();
    if (m_result.netError) {
        qCDebug(lcHttp).noquote() << "failed" << censoredUrl(m_currentUrl) << "after" << m_elapsed.elapsed()
                                  << "ms:" << m_result.netError->what;
    } else {
        qCDebug(lcHttp).noquote() << m_result.httpStatus << censoredUrl(m_currentUrl) << "in"
                                  << m_elapsed.elapsed() << "ms"
                                  << loggedBody(m_result.body, m_result.header("Content-Type"));
    }
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->deleteLater();
    }
    deleteLater();
    // Moved out first: `done` may start the next exchange, or delete what owns this one's caller.
    auto done = std::exchange(m_done, nullptr);
    done(std::move(m_result));
}

} // namespace cq::net
