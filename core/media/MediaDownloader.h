#pragma once

#include "media/MediaStore.h"
#include "util/Error.h"

#include <QObject>
#include <QUrl>

#include <expected>

class QNetworkAccessManager;
class QNetworkReply;
class QFile;

namespace cq {

// Downloads remote (http/https) media into the managed store when a post is created, streaming to
// a file under the store's incoming/ folder while counting bytes against a limit, with progress.
// Uses the injected QNetworkAccessManager of the calling thread.
class MediaDownloader : public QObject {
    Q_OBJECT

public:
    MediaDownloader(QNetworkAccessManager &network, const MediaStore &store, QObject *parent = nullptr);
    ~MediaDownloader() override;

    // Starts one download; `maxBytes` stops it (and fails) as soon as more would arrive.
    void start(const QUrl &url, qint64 maxBytes);
    void cancel();

    // Blocks in a local event loop until the download ends: for the command line and tests.
    static std::expected<StoredObject, Error> fetch(QNetworkAccessManager &network, const MediaStore &store,
                                                    const QUrl &url, qint64 maxBytes);

    // How the download ended; valid once finished() was emitted.
    const std::expected<StoredObject, Error> &result() const { return m_result; }

Q_SIGNALS:
    void progress(qint64 receivedBytes, qint64 totalBytes);
    void finished();

private:
    void onReadyRead();
    void onFinished();
    void fail(const Error &error);

    QNetworkAccessManager &m_network;
    const MediaStore &m_store;
    QNetworkReply *m_reply = nullptr;
    std::unique_ptr<QFile> m_file;
    QUrl m_url;
    qint64 m_maxBytes = 0;
    qint64 m_received = 0;
    bool m_done = false;
    std::expected<StoredObject, Error> m_result = std::unexpected(Error{ErrorCode::Cancelled, QString()});
};

} // namespace cq
