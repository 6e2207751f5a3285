#pragma once

#include "media/MediaStore.h"
#include "net/HttpTransport.h"
#include "util/Error.h"
#include "util/Settings.h"

#include <QObject>
#include <QPointer>
#include <QUrl>

#include <chrono>
#include <expected>
#include <memory>
#include <optional>

class QNetworkAccessManager;
class QFile;

namespace cq {

// The rules a download runs under.
struct MediaDownloadOptions {
    // The allowPrivateMediaUrls setting (CLIPQUEUE_ALLOW_PRIVATE_MEDIA_URLS=1 for tests and
    // headless servers fetching from a local share) unless the caller says.
    bool allowPrivateAddresses = Settings().flag(Setting::AllowPrivateMediaUrls);
    // No byte for this long: the download fails.
    std::chrono::milliseconds transferTimeout{60'000};
    // The whole download; unset: MediaDownloader::deadlineFor(maxBytes).
    std::optional<std::chrono::milliseconds> deadline;
    // The hold of the create the download is for: the object joins it (MediaStore::adoptDownloaded).
    MediaHold *hold = nullptr;
};

// Downloads remote (http/https) media into the managed store when a post is created, streaming to
// a file under the store's incoming/ folder through a bounded buffer while the transport holds it
// to a size limit and an overall deadline, with progress. Media URLs that lead (after DNS, after
// each redirect) to this computer, a link-local or a private address are refused unless allowed,
// and so are redirects to another scheme: a post file must not make ClipQueue fetch from the
// user's own network. Uses the injected HTTP transport of the calling thread.
class MediaDownloader : public QObject {
    Q_OBJECT

public:
    using Options = MediaDownloadOptions;

    MediaDownloader(net::HttpTransport &http, const MediaStore &store, Options options = {},
                    QObject *parent = nullptr);
    ~MediaDownloader() override;

    // Starts one download; `maxBytes` stops it (and fails) as soon as more would arrive.
    void start(const QUrl &url, qint64 maxBytes);
    void cancel();

    // Blocks in a local event loop until the download ends: for the command line and tests. Runs
    // over a transport on `network`, the calling thread's manager.
    static std::expected<StoredObject, Error> fetch(QNetworkAccessManager &network, const MediaStore &store,
                                                    const QUrl &url, qint64 maxBytes, Options options = {});

    // Two minutes plus the time `maxBytes` take at 256 KiB/s: a server trickling a byte at a time
    // ends within it.
    static std::chrono::milliseconds deadlineFor(qint64 maxBytes);

    // How the download ended; valid once finished() was emitted.
    const std::expected<StoredObject, Error> &result() const { return m_result; }

Q_SIGNALS:
    void progress(qint64 receivedBytes, qint64 totalBytes);
    void finished();

private:
    bool write(const QByteArray &piece);
    void onFinished(const net::HttpResult &result);
    Error errorFor(const net::HttpResult &result) const;
    void fail(const Error &error);

    net::HttpTransport &m_http;
    const MediaStore &m_store;
    Options m_options;
    QPointer<net::HttpExchange> m_exchange;
    std::unique_ptr<QFile> m_file;
    std::optional<Error> m_writeError;
    QUrl m_url;
    qint64 m_maxBytes = 0;
    bool m_done = false;
    std::expected<StoredObject, Error> m_result = std::unexpected(Error{ErrorCode::Cancelled, QString()});
};

} // namespace cq
