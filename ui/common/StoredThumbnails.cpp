#include "common/StoredThumbnails.h"

#include "common/ThumbnailImage.h"
#include "media/MediaStore.h"
#include "media/ThumbnailExtractor.h"
#include "session/Backend.h"

#include <QDir>
#include <QFutureWatcher>
#include <QTransform>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <utility>

namespace cq::ui {

namespace {
constexpr int CacheKilobytes = 64 * 1024; // about 400 pictures

QString objectPath(const QString &root, const QString &sha256) {
    return MediaStore(root).pathFor(sha256);
}
} // namespace

StoredThumbnails &StoredThumbnails::of(Backend &backend) {
    static const QString name = QStringLiteral("cq::ui::StoredThumbnails");
    if (auto *existing = backend.findChild<StoredThumbnails *>(name, Qt::FindDirectChildrenOnly)) {
        return *existing;
    }
    auto *cache = new StoredThumbnails(&backend);
    cache->setObjectName(name);
    cache->setStoreRoot(backend.workspace().mediaStoreRoot);
    connect(&backend, &Backend::workspaceChanged, cache,
            [cache, &backend] { cache->setStoreRoot(backend.workspace().mediaStoreRoot); });
    return *cache;
}

StoredThumbnails::StoredThumbnails(QObject *parent)
    : QObject(parent)
    , m_images(CacheKilobytes) {
    m_pool.setMaxThreadCount(std::max(1, QThread::idealThreadCount() / 2));
}

StoredThumbnails::~StoredThumbnails() {
    m_cancel->store(true); // FFmpeg's interrupt callback sees it
    m_pool.clear();
    m_pool.waitForDone();
}

void StoredThumbnails::setStoreRoot(const QString &root) {
    if (root == m_root) {
        return;
    }
    m_root = root;
    m_failed.clear(); // a file missing under the old root may be under the new one
    if (m_root.isEmpty()) {
        return;
    }
    const QHash<QString, int> waiting = std::exchange(m_waiting, {});
    for (auto it = waiting.cbegin(); it != waiting.cend(); ++it) {
        if (!m_running.contains(it.key())) {
            start(it.key(), it.value());
        }
    }
}

QImage StoredThumbnails::thumbnail(const StoredMedia &media) {
    if (media.sha256.isEmpty() || m_failed.contains(media.sha256)) {
        return {};
    }
    if (m_root.isEmpty()) {
        m_waiting.insert(media.sha256, media.descriptor.rotation.value_or(0)); // made once the store is known
        return {};
    }
    if (const QImage *cached = m_images.object(media.sha256)) {
        return *cached;
    }
    if (!m_running.contains(media.sha256)) {
        start(media.sha256, media.descriptor.rotation.value_or(0));
    }
    return {};
}

void StoredThumbnails::start(const QString &sha256, int rotation) {
    m_running.insert(sha256);
    auto *watcher = new QFutureWatcher<QImage>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, sha256] {
        watcher->deleteLater();
        m_running.remove(sha256);
        const QImage image = watcher->result();
        if (image.isNull()) {
            m_failed.insert(sha256);
        } else {
            m_images.insert(sha256, new QImage(image), std::max<int>(1, int(image.sizeInBytes() / 1024)));
        }
        Q_EMIT thumbnailReady(sha256);
    });
    watcher->setFuture(
        QtConcurrent::run(&m_pool, [path = objectPath(m_root, sha256), rotation, cancel = m_cancel] {
            const auto thumbnail = extractThumbnail(path, SidePx, rotation, cancel.get());
            return thumbnail ? thumbnailImage(*thumbnail) : QImage();
        }));
}

} // namespace cq::ui
