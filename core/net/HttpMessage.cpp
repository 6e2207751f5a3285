// The small pieces of HttpRequest and HttpResult.
#include "net/HttpRequest.h"
#include "net/HttpResult.h"

namespace cq::net {

namespace {
QByteArray findHeader(const HttpHeaders &headers, const QByteArray &name) {
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0) {
            return value;
        }
    }
    return {};
}

HttpRequest withBody(const QByteArray &method, const QUrl &url, const QByteArray &contentType) {
    HttpRequest request;
    request.method = method;
    request.url = url;
    request.setHeader("Content-Type", contentType);
    return request;
}
} // namespace

HttpRequest HttpRequest::get(const QUrl &url) {
    HttpRequest request;
    request.url = url;
    return request;
}

HttpRequest HttpRequest::post(const QUrl &url, const QByteArray &contentType, QByteArray body) {
    HttpRequest request = withBody("POST", url, contentType);
    request.body = std::move(body);
    return request;
}

HttpRequest HttpRequest::put(const QUrl &url, const QByteArray &contentType,
                             std::unique_ptr<QIODevice> body) {
    HttpRequest request = withBody("PUT", url, contentType);
    request.bodyDevice = std::move(body);
    return request;
}

void HttpRequest::setHeader(const QByteArray &name, const QByteArray &value) {
    for (auto &[key, existing] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0) {
            existing = value;
            return;
        }
    }
    headers.append({name, value});
}

QByteArray HttpRequest::header(const QByteArray &name) const {
    return findHeader(headers, name);
}

QByteArray HttpResult::header(const QByteArray &name) const {
    return findHeader(headers, name);
}

Error NetError::error() const {
    const ErrorCode code = failure == NetFailure::Cancelled ? ErrorCode::Cancelled : ErrorCode::Network;
    return Error{code, advice.isEmpty() ? what : what + u' ' + advice};
}

} // namespace cq::net
