#pragma once

#include <atomic>
#include <memory>

#include <QFutureWatcherBase>
#include <QImage>
#include <QObject>
#include <QThreadPool>

#include "post/PostValidator.h"

namespace cq {
class MediaProber;
}

namespace cq::ui {

// Reads dropped files off the GUI thread (a thread pool of its own): first the media descriptor,
// then a thumbnail, each reported back on the GUI thread by a signal (QFutureWatcher delivers the
// results queued). When the queue is destroyed with work still running, the cancel flag is set
// (FFmpeg's interrupt callback sees it), no further signal is emitted, and the few running tasks
// are waited for, so closing the window never leaves a task writing into a dead object.
class MediaProbeQueue : public QObject {
    Q_OBJECT

public:
    // `prober` must outlive the queue.
    explicit MediaProbeQueue(const MediaProber &prober, QObject *parent = nullptr);
    ~MediaProbeQueue() override;

    void enqueue(int itemId, const QString &path);
    // Only a thumbnail, for media that is known already (a stored post's, in the media store).
    void enqueueThumbnail(int itemId, const QString &path, int rotation);
    // Files whose probe or thumbnail is not finished yet.
    int pending() const { return m_pending; }
    // Its own pool: Qt waits on the global one while painting (image scaling), so probes never go there.
    const QThreadPool &threadPool() const { return m_pool; }

    // The longer side of a thumbnail, in pixels.
    static constexpr int ThumbnailSidePx = 96;

Q_SIGNALS:
    void probed(int itemId, const cq::MediaCheck &check);
    // An upright image whose longer side is at most ThumbnailSidePx.
    void thumbnailReady(int itemId, const QImage &thumbnail);
    void idle();

private:
    void startThumbnail(int itemId, const QString &path, int rotation);
    void finishOne();

    const MediaProber &m_prober;
    std::shared_ptr<std::atomic_bool> m_cancel = std::make_shared<std::atomic_bool>(false);
    QList<QFutureWatcherBase *> m_watchers;
    int m_pending = 0;
    // Its own: Qt scales and converts images for painting in segments on the global pool and
    // waits for them on the GUI thread, so 200 probes queued there froze the window until they
    // were all done (bench_window).
    QThreadPool m_pool;
};

} // namespace cq::ui
