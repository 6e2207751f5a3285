#pragma once

#include "net/HttpResult.h"

#include <QHostAddress>
#include <QNetworkReply>

#include <chrono>

namespace cq::net {

// The words for each transport failure: what happened, naming only the host (a URL may carry a
// token), and what a person can do about it.

// Whether a finished reply failed below HTTP (`httpStatus` 0: no answer). A 4xx/5xx answer is an
// answer, not a failure.
bool isTransportFailure(QNetworkReply::NetworkError error, int httpStatus);
// A failure Qt reported; an abort nobody asked for is the transfer timeout.
NetError failureOfReply(const QNetworkReply &reply, const QUrl &url,
                        std::chrono::milliseconds transferTimeout);

NetError tooLarge(const QUrl &url, qint64 maxBytes);
NetError deadlineExceeded(const QUrl &url, std::chrono::milliseconds deadline);
NetError redirectRefused(const QUrl &from, const QUrl &to, bool carriesCredentials);
NetError insecureUrl(const QUrl &url);
NetError cancelled(const QUrl &url);
NetError sinkFailed(const QUrl &url);
NetError addressRefused(const QUrl &url, const QHostAddress &address);
NetError hostNotFound(const QUrl &url, const QString &why);

} // namespace cq::net
