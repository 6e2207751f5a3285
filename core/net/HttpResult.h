#pragma once

#include "net/HttpRequest.h"
#include "util/Error.h"

#include <QString>

#include <optional>

namespace cq::net {

// Why an exchange ended without a complete answer.
enum class NetFailure {
    Timeout,          // nothing moved for the transfer timeout
    DeadlineExceeded, // the whole exchange took longer than its deadline
    TooLarge,         // the answer was larger than the request allows
    RedirectRefused,  // a redirect the request's policy (or its credentials) forbids
    InsecureUrl,      // credentials over plain http:// to another computer
    Unreachable,      // no connection: refused, no such host, no network, proxy
    ConnectionLost,   // the connection closed before the answer was complete
    Tls,              // the secure connection could not be set up
    Cancelled,        // the caller stopped it
    SinkFailed,       // the body sink refused a piece (the disk is full...)
    AddressRefused,   // a public-only request led to this computer or a private network
    Other,
};

// A transport failure, told for a person: what happened (naming the host, never a URL that may
// carry a token) and what they can do about it.
struct NetError {
    NetFailure failure = NetFailure::Other;
    QString what;
    QString advice;

    // ErrorCode::Network (ErrorCode::Cancelled for a cancel), the message "what advice".
    Error error() const;
};

// How an exchange ended. An HTTP answer of any status is an answer (the caller judges 4xx/5xx);
// `netError` is set when no complete answer arrived, with what did arrive so far.
struct HttpResult {
    int httpStatus = 0; // 0: no answer arrived
    HttpHeaders headers;
    QByteArray body;          // empty when a BodySink took it
    qint64 receivedBytes = 0; // of the body
    std::optional<NetError> netError;

    // Case-insensitive; empty when absent.
    QByteArray header(const QByteArray &name) const;
    // A complete answer with a 2xx status.
    bool isSuccess() const { return !netError && httpStatus >= 200 && httpStatus < 300; }
};

} // namespace cq::net
