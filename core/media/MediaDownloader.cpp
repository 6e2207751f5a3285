#include "media/MediaDownloader.h"

#include "net/UrlRules.h"

#include <QEventLoop>
#include <QFile>

#include <cerrno>

namespace cq {

namespace {
constexpr int MaxRedirects = 5;
constexpr std::chrono::milliseconds DeadlineBase{120'000};
constexpr qint64 SlowestBytesPerSecond = 256 * 1024;

QString describe(const QUrl &url) {
    return url.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemoveQuery);
}
} // namespace

std::chrono::milliseconds MediaDownloader::deadlineFor(qint64 maxBytes) {
    return DeadlineBase
           + std::chrono::milliseconds(std::max<qint64>(0, maxBytes) / SlowestBytesPerSecond * 1000);
}

MediaDownloader::MediaDownloader(net::HttpTransport &http, const MediaStore &store, Options options,
                                 QObject *parent)
    : QObject(parent)
    , m_http(http)
    , m_store(store)
    , m_options(options) {
}

MediaDownloader::~MediaDownloader() {
    cancel();
}

void MediaDownloader::start(const QUrl &url, qint64 maxBytes) {
    m_url = url;
    m_maxBytes = maxBytes;
    m_file = std::make_unique<QFile>(m_store.newIncomingPath());
    // Unbuffered: every piece goes to the disk as it arrives, and a full disk fails that write.
    if (!m_file->open(QIODevice::WriteOnly | QIODevice::NewOnly | QIODevice::Unbuffered)) {
        fail(Error{ErrorCode::Io, describe(url) + u": " + m_store.writeFailure(*m_file)});
        return;
    }
    auto request = net::HttpRequest::get(url);
    request.setHeader("User-Agent", "ClipQueue");
    request.transferTimeout = m_options.transferTimeout;
    request.deadline = m_options.deadline.value_or(deadlineFor(maxBytes));
    request.redirects = net::RedirectPolicy::SameScheme;
    if (!m_options.allowPrivateAddresses) {
        request.addressAllowed = net::isPublicAddress;
    }
    request.maxRedirects = MaxRedirects;
    request.maxResponseBytes = maxBytes;
    request.bodySink = [this](const QByteArray &piece) {
        return write(piece);
    };
    m_exchange =
        m_http.send(std::move(request), [this](const net::HttpResult &result) { onFinished(result); });
    connect(m_exchange, &net::HttpExchange::downloadProgress, this, &MediaDownloader::progress);
}

bool MediaDownloader::write(const QByteArray &piece) {
    errno = 0;
    if (m_file->write(piece) == piece.size()) {
        return true;
    }
    m_writeError = Error{ErrorCode::Io, describe(m_url) + u": " + m_store.writeFailure(*m_file, errno)};
    return false;
}

void MediaDownloader::onFinished(const net::HttpResult &result) {
    m_exchange = nullptr;
    if (!result.isSuccess()) {
        fail(errorFor(result));
        return;
    }
    const QByteArray declared = result.header("Content-Length");
    if (!declared.isEmpty() && declared.toLongLong() != result.receivedBytes) {
        // A connection closed early can look like a complete answer: the declared length tells.
        fail(Error{ErrorCode::Io, describe(m_url)
                                      + QStringLiteral(": the server sent %1 of %2 bytes and closed the "
                                                       "connection. Try again.")
                                            .arg(result.receivedBytes)
                                            .arg(declared.toLongLong())});
        return;
    }
    m_done = true;
    m_file->close();
    m_result = m_store.adoptDownloaded(m_file->fileName(), m_options.hold);
    Q_EMIT finished();
}

Error MediaDownloader::errorFor(const net::HttpResult &result) const {
    using net::NetFailure;
    const std::optional<NetFailure> failure =
        result.netError ? std::optional(result.netError->failure) : std::nullopt;
    if (failure == NetFailure::Cancelled) {
        return Error{ErrorCode::Cancelled, describe(m_url) + u": the download was cancelled."};
    }
    if (failure == NetFailure::SinkFailed && m_writeError) {
        return *m_writeError;
    }
    // More bytes than the post declares (or than TikTok takes) is the input's fault, like any
    // other size mismatch: the same code, so the same exit code.
    const QByteArray declared = result.header("Content-Length");
    if (failure == NetFailure::TooLarge && !declared.isEmpty() && declared.toLongLong() > m_maxBytes) {
        return Error{ErrorCode::MediaUnreadable,
                     describe(m_url)
                         + QStringLiteral(
                               " is %1 bytes, more than the %2 allowed. Check the URL or the declared size.")
                               .arg(declared.toLongLong())
                               .arg(m_maxBytes)};
    }
    if (failure == NetFailure::TooLarge) {
        return Error{ErrorCode::MediaUnreadable,
                     describe(m_url)
                         + QStringLiteral(" sent more than the %1 bytes allowed; the download was stopped.")
                               .arg(m_maxBytes)};
    }
    if (failure == NetFailure::AddressRefused) {
        return Error{ErrorCode::MediaUnreadable,
                     describe(m_url) + u": " + result.netError->what
                         + u" ClipQueue downloads media only from public addresses, not from this "
                           u"computer or a private network. Use a public URL, or allow private media URLs "
                           u"in the settings (CLIPQUEUE_ALLOW_PRIVATE_MEDIA_URLS=1)."};
    }
    if (failure) { // the transport's own words: timed out, stalled, refused, unreachable
        return Error{ErrorCode::Io, describe(m_url) + u" could not be downloaded: " + result.netError->what
                                        + u' ' + result.netError->advice};
    }
    return Error{ErrorCode::Io, describe(m_url) + u" could not be downloaded (the server answered HTTP "
                                    + QString::number(result.httpStatus)
                                    + u"). Check that the URL is public and try again."};
}

void MediaDownloader::fail(const Error &error) {
    if (m_done) {
        return;
    }
    m_done = true;
    if (m_file) {
        m_file->close();
        m_file->remove(); // nothing half-downloaded stays behind
    }
    m_result = std::unexpected(error);
    Q_EMIT finished();
}

void MediaDownloader::cancel() {
    if (!m_done && m_exchange) {
        m_exchange->cancel(); // ends in onFinished with NetFailure::Cancelled
    }
}

std::expected<StoredObject, Error> MediaDownloader::fetch(QNetworkAccessManager &network,
                                                          const MediaStore &store, const QUrl &url,
                                                          qint64 maxBytes, Options options) {
    net::HttpTransport http(network);
    MediaDownloader downloader(http, store, options);
    QEventLoop loop;
    connect(&downloader, &MediaDownloader::finished, &loop, &QEventLoop::quit);
    downloader.start(url, maxBytes);
    if (!downloader.m_done) {
        loop.exec();
    }
    return downloader.result();
}

} // namespace cq
