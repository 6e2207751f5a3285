#include "media/MediaDownloader.h"

#include <QEventLoop>
#include <QFile>

namespace cq {

namespace {
constexpr std::chrono::milliseconds TransferTimeout{60'000}; // no byte for a minute: give up
constexpr int MaxRedirects = 5;

QString describe(const QUrl &url) {
    return url.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemoveQuery);
}
} // namespace

MediaDownloader::MediaDownloader(net::HttpTransport &http, const MediaStore &store, QObject *parent)
    : QObject(parent)
    , m_http(http)
    , m_store(store) {
}

MediaDownloader::~MediaDownloader() {
    cancel();
}

void MediaDownloader::start(const QUrl &url, qint64 maxBytes) {
    m_url = url;
    m_maxBytes = maxBytes;
    m_file = std::make_unique<QFile>(m_store.newIncomingPath());
    if (!m_file->open(QIODevice::WriteOnly | QIODevice::NewOnly)) {
        fail(Error{ErrorCode::Io, u"Cannot write to the media store (" + m_file->errorString() + u")."});
        return;
    }
    auto request = net::HttpRequest::get(url);
    request.setHeader("User-Agent", "ClipQueue");
    request.transferTimeout = TransferTimeout;
    request.redirects = net::RedirectPolicy::NoLessSafe;
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
    if (m_file->write(piece) == piece.size()) {
        return true;
    }
    m_writeError = Error{ErrorCode::Io,
                         u"Writing the download failed (" + m_file->errorString() + u"). Check free space."};
    return false;
}

void MediaDownloader::onFinished(const net::HttpResult &result) {
    m_exchange = nullptr;
    if (!result.isSuccess()) {
        fail(errorFor(result));
        return;
    }
    m_done = true;
    m_file->close();
    m_result = m_store.adoptDownloaded(m_file->fileName());
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
    const QByteArray declared = result.header("Content-Length");
    if (failure == NetFailure::TooLarge && !declared.isEmpty() && declared.toLongLong() > m_maxBytes) {
        return Error{ErrorCode::Io,
                     describe(m_url)
                         + QStringLiteral(
                               " is %1 bytes, more than the %2 allowed. Check the URL or the declared size.")
                               .arg(declared.toLongLong())
                               .arg(m_maxBytes)};
    }
    if (failure == NetFailure::TooLarge) {
        return Error{ErrorCode::Io,
                     describe(m_url)
                         + QStringLiteral(" sent more than the %1 bytes allowed; the download was stopped.")
                               .arg(m_maxBytes)};
    }
    const QString why = failure ? result.netError->what : u"HTTP " + QString::number(result.httpStatus);
    return Error{ErrorCode::Io, describe(m_url) + u" could not be downloaded (" + why
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
                                                          qint64 maxBytes) {
    net::HttpTransport http(network);
    MediaDownloader downloader(http, store);
    QEventLoop loop;
    connect(&downloader, &MediaDownloader::finished, &loop, &QEventLoop::quit);
    downloader.start(url, maxBytes);
    if (!downloader.m_done) {
        loop.exec();
    }
    return downloader.result();
}

} // namespace cq
