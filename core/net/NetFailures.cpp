#include "net/NetFailures.h"

#include "net/Censor.h"

namespace cq::net {

namespace {
QString hostOf(const QUrl &url) {
    return url.port() < 0 ? url.host() : url.host() + u':' + QString::number(url.port());
}

QString seconds(std::chrono::milliseconds duration) {
    return QString::number(double(duration.count()) / 1000.0, 'g', 3) + u" s";
}

const QString checkConnection = QStringLiteral("Check the internet connection (and any proxy or firewall), "
                                               "then try again.");
} // namespace

bool isTransportFailure(QNetworkReply::NetworkError error, int httpStatus) {
    if (error == QNetworkReply::NoError) {
        return false;
    }
    // Qt names every 4xx/5xx answer with an error of its own (content, protocol, server errors):
    // those are answers. Errors below 100 are the connection's (closed, timed out, aborted).
    const bool connectionLevel = int(error) < 100;
    return connectionLevel || httpStatus < 400;
}

NetError failureOfReply(const QNetworkReply &reply, const QUrl &url,
                        std::chrono::milliseconds transferTimeout) {
    const QString host = hostOf(url);
    switch (reply.error()) {
    case QNetworkReply::OperationCanceledError: // Qt aborts the reply when the transfer timeout hits
    case QNetworkReply::TimeoutError:
        return {NetFailure::Timeout,
                u"Nothing arrived from " + host + u" for " + seconds(transferTimeout)
                    + u"; the request timed out.",
                checkConnection};
    case QNetworkReply::ConnectionRefusedError:
    case QNetworkReply::HostNotFoundError:
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::UnknownNetworkError:
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyConnectionClosedError:
    case QNetworkReply::ProxyNotFoundError:
    case QNetworkReply::ProxyTimeoutError:
    case QNetworkReply::ProxyAuthenticationRequiredError:
    case QNetworkReply::UnknownProxyError:
        return {NetFailure::Unreachable,
                host + u" could not be reached (" + censorSecrets(reply.errorString()) + u").",
                checkConnection};
    case QNetworkReply::RemoteHostClosedError:
        return {NetFailure::ConnectionLost, host + u" closed the connection before the answer was complete.",
                checkConnection};
    case QNetworkReply::SslHandshakeFailedError:
        return {NetFailure::Tls,
                u"The secure connection to " + host + u" failed (" + censorSecrets(reply.errorString())
                    + u").",
                QStringLiteral("Check the computer's date and time, and any proxy that intercepts https.")};
    case QNetworkReply::TooManyRedirectsError:
    case QNetworkReply::InsecureRedirectError:
        return {NetFailure::RedirectRefused,
                host + u" redirected too often or to plain http:// (" + censorSecrets(reply.errorString())
                    + u").",
                QStringLiteral("Check the URL: it should lead to the file or service directly.")};
    default:
        return {NetFailure::Other,
                u"The request to " + host + u" failed (" + censorSecrets(reply.errorString()) + u").",
                checkConnection};
    }
}

NetError tooLarge(const QUrl &url, qint64 maxBytes) {
    return {NetFailure::TooLarge,
            u"The answer from " + hostOf(url) + u" is larger than the " + QString::number(maxBytes)
                + u" bytes allowed; it was stopped.",
            QStringLiteral("Check that the URL leads to the right file or service.")};
}

NetError deadlineExceeded(const QUrl &url, std::chrono::milliseconds deadline) {
    return {NetFailure::DeadlineExceeded,
            hostOf(url) + u" did not finish answering within " + seconds(deadline) + u'.',
            QStringLiteral("The connection or the server is slow; try again later.")};
}

NetError redirectRefused(const QUrl &from, const QUrl &to, bool carriesCredentials) {
    const QString target = to.scheme() + u"://" + hostOf(to);
    const QString why =
        carriesCredentials ? QStringLiteral(", another site, which is not sent this request's credentials.")
        : from.scheme() == u"https" && to.scheme() != u"https"
            ? QStringLiteral(", which is less safe than https://.")
        : from.scheme() != to.scheme()
            ? QStringLiteral(", another scheme; this request keeps to its own.")
            : QStringLiteral(", another site; this request follows redirects only within its own.");
    return {NetFailure::RedirectRefused, hostOf(from) + u" redirected to " + target + why,
            QStringLiteral("Check the configured URL: it should lead to the service directly.")};
}

NetError insecureUrl(const QUrl &url) {
    return {NetFailure::InsecureUrl,
            u"Credentials go over plain http:// only to this computer, and " + hostOf(url) + u" is another.",
            QStringLiteral("Use an https:// URL.")};
}

NetError cancelled(const QUrl &url) {
    return {NetFailure::Cancelled, u"The request to " + hostOf(url) + u" was cancelled.", {}};
}

NetError sinkFailed(const QUrl &url) {
    return {NetFailure::SinkFailed, u"The answer from " + hostOf(url) + u" could not be stored.",
            QStringLiteral("Check the free disk space.")};
}

NetError addressRefused(const QUrl &url, const QHostAddress &address) {
    return {NetFailure::AddressRefused,
            hostOf(url) + u" leads to " + address.toString() + u", an address this request may not go to.",
            {}};
}

NetError hostNotFound(const QUrl &url, const QString &why) {
    return {NetFailure::Unreachable, hostOf(url) + u" could not be reached (" + why + u").", checkConnection};
}

} // namespace cq::net
