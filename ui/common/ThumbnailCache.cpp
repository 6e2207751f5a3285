#include "common/ThumbnailCache.h"

#include "media/ThumbnailExtractor.h"

#include <QDir>
#include <QFutureWatcher>
#include <QImage>
#include <QTransform>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <cmath>

namespace cq::ui {

namespace {
constexpr int CachedPictures = 2000;

// Owns the pixels (the Thumbnail's buffer goes away) and turns them upright.
QImage upright(const Thumbnail &thumbnail) {
    const QImage wrapped(reinterpret_cast<const uchar *>(thumbnail.rgba.constData()), thumbnail.width,
                         thumbnail.height, thumbnail.width * 4, QImage::Format_RGBA8888);
    QImage image = wrapped.copy();
    if (thumbnail.rotation % 360 != 0) {
        image = image.transformed(QTransform().rotate(thumbnail.rotation));
    }
    return image;
}
} // namespace

ThumbnailCache::ThumbnailCache(QObject *parent)
    : QObject(parent)
    , m_pixmaps(CachedPictures) {
    m_pool.setMaxThreadCount(std::max(1, QThread::idealThreadCount() / 2));
}

ThumbnailCache::~ThumbnailCache() {
    m_cancel->store(true); // FFmpeg's interrupt callback sees it
    m_pool.clear();
    m_pool.waitForDone();
}

QString ThumbnailCache::objectPath(const QString &storeRoot, const QString &sha256) {
    return QDir(storeRoot).filePath(u"objects/" + sha256.left(2) + u'/' + sha256);
}

void ThumbnailCache::setStoreRoot(const QString &root) {
    if (root == m_root) {
        return;
    }
    m_root = root;
    m_failed.clear(); // a file missing under the old root may be under the new one
}

void ThumbnailCache::setSide(int sidePx, qreal devicePixelRatio) {
    if (sidePx == m_sidePx && qFuzzyCompare(devicePixelRatio, m_pixelRatio)) {
        return;
    }
    m_sidePx = sidePx;
    m_pixelRatio = devicePixelRatio;
    m_pixmaps.clear();
    ++m_generation;
}

QPixmap ThumbnailCache::thumbnail(const QString &sha256, int rotation) {
    if (sha256.isEmpty() || m_root.isEmpty() || m_failed.contains(sha256)) {
        return {};
    }
    if (const QPixmap *cached = m_pixmaps.object(sha256)) {
        return *cached;
    }
    if (!m_running.contains(sha256)) {
        start(sha256, rotation);
    }
    return {};
}

void ThumbnailCache::start(const QString &sha256, int rotation) {
    m_running.insert(sha256);
    auto *watcher = new QFutureWatcher<QImage>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, sha256, generation = m_generation] {
        watcher->deleteLater();
        m_running.remove(sha256);
        const QImage image = watcher->result();
        if (generation == m_generation) {
            if (image.isNull()) {
                m_failed.insert(sha256);
            } else {
                auto *pixmap = new QPixmap(QPixmap::fromImage(image));
                pixmap->setDevicePixelRatio(m_pixelRatio);
                m_pixmaps.insert(sha256, pixmap);
            }
        }
        // For a picture of an older size too: whoever asked meanwhile asks again and gets the new one.
        Q_EMIT thumbnailReady(sha256);
    });
    const int devicePx = int(std::lround(m_sidePx * m_pixelRatio));
    watcher->setFuture(QtConcurrent::run(
        &m_pool, [path = objectPath(m_root, sha256), devicePx, rotation, cancel = m_cancel] {
            const auto thumbnail = extractThumbnail(path, devicePx, rotation, cancel.get());
            return thumbnail ? upright(*thumbnail) : QImage();
        }));
}

} // namespace cq::ui
