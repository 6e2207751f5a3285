#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QIODevice>
#include <QList>
#include <QUrl>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <utility>

namespace cq::net {

using HttpHeaders = QList<std::pair<QByteArray, QByteArray>>;

// Where a request may follow a 3xx answer. A request carrying credentials is held to SameOrigin
// whatever it asks for: Qt sends every header again, Authorization included, to the new address.
enum class RedirectPolicy {
    None,       // the 3xx itself is the answer
    SameOrigin, // same scheme, host and port only
    NoLessSafe, // anywhere except from https:// down to http://
    SameScheme, // anywhere with the same scheme (media downloads: no scheme changes at all)
};

// Takes each piece of an answer's body as it arrives, instead of collecting the body in
// HttpResult::body. Answering false stops the exchange (NetFailure::SinkFailed).
using BodySink = std::function<bool(const QByteArray &piece)>;

// One HTTP request and the rules it travels under. Move-only: a streamed body is read once.
struct HttpRequest {
    QByteArray method = "GET";
    QUrl url;
    HttpHeaders headers;
    QByteArray body;
    // Streamed instead of `body`, so an upload never sits in memory. Must be open; its size() is
    // sent as Content-Length unless a header says otherwise.
    std::unique_ptr<QIODevice> bodyDevice;
    // No byte in either direction for this long: NetFailure::Timeout.
    std::chrono::milliseconds transferTimeout{30'000};
    // The whole exchange, redirects included, must end within this: NetFailure::DeadlineExceeded.
    std::optional<std::chrono::milliseconds> deadline;
    RedirectPolicy redirects = RedirectPolicy::NoLessSafe;
    int maxRedirects = 3;
    // More answer than this (declared or received): NetFailure::TooLarge.
    qint64 maxResponseBytes = 1 << 20;
    // Tokens or secrets in a header, the body or the URL: plain http only to this computer, and no
    // redirect to another origin.
    bool carriesCredentials = false;
    // Which addresses the request may go to; empty: any. When set, the host (and the host of every
    // redirect) is resolved first and any address it refuses ends the exchange
    // (NetFailure::AddressRefused). Media URLs a post names use isPublicAddress (UrlRules.h).
    std::function<bool(const QHostAddress &)> addressAllowed;
    BodySink bodySink;

    static HttpRequest get(const QUrl &url);
    static HttpRequest post(const QUrl &url, const QByteArray &contentType, QByteArray body);
    static HttpRequest put(const QUrl &url, const QByteArray &contentType, std::unique_ptr<QIODevice> body);

    // Replaces a header of that name (case-insensitive), or adds it.
    void setHeader(const QByteArray &name, const QByteArray &value);
    QByteArray header(const QByteArray &name) const;
};

} // namespace cq::net
