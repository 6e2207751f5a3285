#include "MediaProbeQueue.h"

#include "media/ThumbnailExtractor.h"

#include <QPainter>
#include <QTransform>
#include <QtConcurrent/QtConcurrentRun>

namespace cq::ui {

namespace {
QImage toImage(const Thumbnail &thumbnail) {
    const QImage wrapped(reinterpret_cast<const uchar *>(thumbnail.rgba.constData()), thumbnail.width,
                         thumbnail.height, thumbnail.width * 4, QImage::Format_RGBA8888);
    QImage image = wrapped.copy(); // own the pixels before the buffer goes
    if (thumbnail.rotation != 0) {
        image = image.transformed(QTransform().rotate(thumbnail.rotation));
    }
    // Centre it on a square canvas so that every row's text lines up, whatever the aspect ratio.
    const int side = std::max(image.width(), image.height());
    QImage square(side, side, QImage::Format_ARGB32_Premultiplied);
    square.fill(Qt::transparent);
    QPainter painter(&square);
    painter.drawImage((side - image.width()) / 2, (side - image.height()) / 2, image);
    painter.end();
    return square;
}
} // namespace

MediaProbeQueue::MediaProbeQueue(const MediaProber &prober, QObject *parent)
    : QObject(parent)
    , m_prober(prober) {
}

MediaProbeQueue::~MediaProbeQueue() {
    m_cancel->store(true);
    for (QFutureWatcherBase *watcher : std::as_const(m_watchers)) {
        watcher->disconnect(this);
        watcher->waitForFinished();
    }
}

void MediaProbeQueue::enqueue(int itemId, const QString &path) {
    ++m_pending;
    auto *probeWatcher = new QFutureWatcher<MediaCheck>(this);
    m_watchers << probeWatcher;
    connect(probeWatcher, &QFutureWatcherBase::finished, this, [this, probeWatcher, itemId, path] {
        m_watchers.removeOne(probeWatcher);
        probeWatcher->deleteLater();
        const MediaCheck check = probeWatcher->result();
        Q_EMIT probed(itemId, check);
        if (!check.probed) {
            finishOne();
            return;
        }
        const int rotation = check.probed->rotation.value_or(0);
        auto *thumbnailWatcher = new QFutureWatcher<QImage>(this);
        m_watchers << thumbnailWatcher;
        connect(thumbnailWatcher, &QFutureWatcherBase::finished, this, [this, thumbnailWatcher, itemId] {
            m_watchers.removeOne(thumbnailWatcher);
            thumbnailWatcher->deleteLater();
            const QImage image = thumbnailWatcher->result();
            if (!image.isNull()) {
                Q_EMIT thumbnailReady(itemId, image);
            }
            finishOne();
        });
        thumbnailWatcher->setFuture(QtConcurrent::run([path, rotation, cancel = m_cancel] {
            const auto thumbnail = extractThumbnail(path, ThumbnailSidePx, rotation, cancel.get());
            return thumbnail ? toImage(*thumbnail) : QImage();
        }));
    });
    probeWatcher->setFuture(QtConcurrent::run([this, path, cancel = m_cancel] {
        const auto media = m_prober.probe(path, cancel.get());
        return media ? MediaCheck{*media, std::nullopt} : MediaCheck{std::nullopt, media.error()};
    }));
}

void MediaProbeQueue::finishOne() {
    if (--m_pending == 0) {
        Q_EMIT idle();
    }
}

} // namespace cq::ui
