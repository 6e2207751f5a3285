#include "composer/MediaProbeQueue.h"

#include "common/ThumbnailImage.h"
#include "media/MediaProber.h"
#include "media/ThumbnailExtractor.h"

#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

namespace cq::ui {

namespace {} // namespace

MediaProbeQueue::MediaProbeQueue(const MediaProber &prober, QObject *parent)
    : QObject(parent)
    , m_prober(prober) {
    m_pool.setMaxThreadCount(QThread::idealThreadCount());
}

MediaProbeQueue::~MediaProbeQueue() {
    m_cancel->store(true); // FFmpeg's interrupt callback sees it
    for (QFutureWatcherBase *watcher : std::as_const(m_watchers)) {
        watcher->disconnect(this);
    }
    m_pool.clear(); // unstarted tasks never run
    m_pool.waitForDone();
}

void MediaProbeQueue::enqueue(int itemId, const QString &path) {
    ++m_pending;
    auto *watcher = new QFutureWatcher<MediaCheck>(this);
    m_watchers << watcher;
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, itemId, path] {
        m_watchers.removeOne(watcher);
        watcher->deleteLater();
        const MediaCheck check = watcher->result();
        Q_EMIT probed(itemId, check);
        if (check.probed) {
            startThumbnail(itemId, path, check.probed->rotation.value_or(0));
        } else {
            finishOne();
        }
    });
    watcher->setFuture(QtConcurrent::run(&m_pool, [&prober = m_prober, path, cancel = m_cancel] {
        auto media = prober.probe(path, cancel.get());
        return media ? MediaCheck{std::move(*media), std::nullopt} : MediaCheck{std::nullopt, media.error()};
    }));
}

void MediaProbeQueue::enqueueThumbnail(int itemId, const QString &path, int rotation) {
    ++m_pending;
    startThumbnail(itemId, path, rotation);
}

void MediaProbeQueue::startThumbnail(int itemId, const QString &path, int rotation) {
    auto *watcher = new QFutureWatcher<QImage>(this);
    m_watchers << watcher;
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, itemId] {
        m_watchers.removeOne(watcher);
        watcher->deleteLater();
        const QImage image = watcher->result();
        if (!image.isNull()) {
            Q_EMIT thumbnailReady(itemId, image);
        }
        finishOne();
    });
    watcher->setFuture(QtConcurrent::run(&m_pool, [path, rotation, cancel = m_cancel] {
        const auto thumbnail = extractThumbnail(path, ThumbnailSidePx, rotation, cancel.get());
        return thumbnail ? thumbnailImage(*thumbnail) : QImage();
    }));
}

void MediaProbeQueue::finishOne() {
    if (--m_pending == 0) {
        Q_EMIT idle();
    }
}

} // namespace cq::ui
