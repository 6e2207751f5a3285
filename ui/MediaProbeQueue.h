#pragma once

#include "media/MediaProber.h"
#include "post/PostValidator.h"

#include <QFutureWatcher>
#include <QImage>
#include <QObject>

#include <atomic>
#include <memory>

namespace cq::ui {

// Probes dropped files off the GUI thread (the global thread pool): first the media descriptor,
// then a thumbnail, each reported back on the GUI thread by a signal. Work still running when the
// queue is destroyed is cancelled (FFmpeg's interrupt callback sees the flag) and waited for.
class MediaProbeQueue : public QObject {
    Q_OBJECT

public:
    explicit MediaProbeQueue(const MediaProber &prober, QObject *parent = nullptr);
    ~MediaProbeQueue() override;

    void enqueue(int itemId, const QString &path);
    int pending() const { return m_pending; }

    static constexpr int ThumbnailSidePx = 96;

Q_SIGNALS:
    void probed(int itemId, const cq::MediaCheck &check);
    void thumbnailReady(int itemId, const QImage &thumbnail);
    void idle();

private:
    void finishOne();

    const MediaProber &m_prober;
    std::shared_ptr<std::atomic_bool> m_cancel = std::make_shared<std::atomic_bool>(false);
    QList<QFutureWatcherBase *> m_watchers;
    int m_pending = 0;
};

} // namespace cq::ui
