#include "media/MediaDownloader.h"

#include <QEventLoop>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>

namespace cq {

namespace {
constexpr int TransferTimeoutMs = 60'000; // no byte for a minute: give up

QString describe(const QUrl &url) {
    return url.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemoveQuery);
}
} // namespace

MediaDownloader::MediaDownloader(QNetworkAccessManager &network, const MediaStore &store, QObject *parent)
    : QObject(parent)
    , m_network(network)
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
    QNetworkRequest request(url);
    request.setTransferTimeout(TransferTimeoutMs);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    request.setMaximumRedirectsAllowed(5);
    request.setHeader(QNetworkRequest::UserAgentHeader, QStringLiteral("ClipQueue"));
    m_reply = m_network.get(request);
    connect(m_reply, &QIODevice::readyRead, this, &MediaDownloader::onReadyRead);
    connect(m_reply, &QNetworkReply::finished, this, &MediaDownloader::onFinished);
    connect(m_reply, &QNetworkReply::metaDataChanged, this, [this] {
        const QVariant length = m_reply->header(QNetworkRequest::ContentLengthHeader);
        if (length.isValid() && length.toLongLong() > m_maxBytes) {
            fail(Error{ErrorCode::Io, describe(m_url)
                                          + QStringLiteral(" is %1 bytes, more than the %2 allowed. Check "
                                                           "the URL or the declared size.")
                                                .arg(length.toLongLong())
                                                .arg(m_maxBytes)});
        }
    });
}

void MediaDownloader::onReadyRead() {
    if (m_done) {
        return;
    }
    const QByteArray chunk = m_reply->readAll();
    m_received += chunk.size();
    if (m_received > m_maxBytes) {
        fail(Error{ErrorCode::Io, describe(m_url)
                                      + QStringLiteral(" sent more than the %1 bytes allowed; the download "
                                                       "was stopped.")
                                            .arg(m_maxBytes)});
        return;
    }
    if (m_file->write(chunk) != chunk.size()) {
        fail(Error{ErrorCode::Io,
                   u"Writing the download failed (" + m_file->errorString() + u"). Check free space."});
        return;
    }
    const QVariant length = m_reply->header(QNetworkRequest::ContentLengthHeader);
    Q_EMIT progress(m_received, length.isValid() ? length.toLongLong() : -1);
}

void MediaDownloader::onFinished() {
    if (m_done) {
        return;
    }
    onReadyRead();
    if (m_done) {
        return;
    }
    const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (m_reply->error() != QNetworkReply::NoError || status < 200 || status >= 300) {
        fail(Error{ErrorCode::Io,
                   describe(m_url) + u" could not be downloaded ("
                       + (status > 0 ? u"HTTP " + QString::number(status) : m_reply->errorString())
                       + u"). Check that the URL is public and try again."});
        return;
    }
    m_done = true;
    m_file->close();
    const QString path = m_file->fileName();
    m_reply->deleteLater();
    m_reply = nullptr;
    m_result = m_store.adoptDownloaded(path);
    Q_EMIT finished();
}

void MediaDownloader::fail(const Error &error) {
    if (m_done) {
        return;
    }
    m_done = true;
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
        m_reply = nullptr;
    }
    if (m_file) {
        m_file->close();
        m_file->remove(); // nothing half-downloaded stays behind
    }
    m_result = std::unexpected(error);
    Q_EMIT finished();
}

void MediaDownloader::cancel() {
    if (!m_done && m_reply) {
        fail(Error{ErrorCode::Cancelled, describe(m_url) + u": the download was cancelled."});
    }
}

std::expected<StoredObject, Error> MediaDownloader::fetch(QNetworkAccessManager &network,
                                                          const MediaStore &store, const QUrl &url,
                                                          qint64 maxBytes) {
    MediaDownloader downloader(network, store);
    QEventLoop loop;
    connect(&downloader, &MediaDownloader::finished, &loop, &QEventLoop::quit);
    downloader.start(url, maxBytes);
    if (!downloader.m_done) {
        loop.exec();
    }
    return downloader.result();
}

} // namespace cq
