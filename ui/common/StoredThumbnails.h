#pragma once

#include "post/StoredPost.h"

#include <QCache>
#include <QHash>
#include <QImage>
#include <QObject>
#include <QSet>
#include <QThreadPool>

#include <atomic>
#include <memory>

namespace cq {
class Backend;
}

namespace cq::ui {

// Small pictures of the media in ClipQueue's store, decoded off the GUI thread and kept by sha256,
// so that pages showing the same clip (the queue, the review list, a details panel) decode it once.
// Asking for a picture that is not made yet starts it and returns a null image; thumbnailReady()
// says when to ask again. Objects that cannot be decoded are remembered and not tried again.
class StoredThumbnails : public QObject {
    Q_OBJECT

public:
    // The longer side of a picture in device pixels: sharp at twice a list's icon size on a
    // high-DPI screen; views scale it down.
    static constexpr int SidePx = 256;

    // The one cache of `backend`'s store (a child of the backend, made on first use), following
    // the workspace's store folder.
    static StoredThumbnails &of(Backend &backend);

    explicit StoredThumbnails(QObject *parent = nullptr);
    ~StoredThumbnails() override;

    void setStoreRoot(const QString &root);
    // The picture of `media` turned upright, or a null image while it is made or when it cannot be.
    QImage thumbnail(const StoredMedia &media);
    int pending() const { return int(m_running.size()); }

Q_SIGNALS:
    // The picture of `sha256` is made, or could not be made.
    void thumbnailReady(const QString &sha256);

private:
    void start(const QString &sha256, int rotation);

    QString m_root;
    QCache<QString, QImage> m_images; // cost in kilobytes
    QSet<QString> m_failed;
    QSet<QString> m_running;
    QHash<QString, int> m_waiting; // asked for before the store was known: sha256 → rotation
    QThreadPool m_pool;            // its own, small: decoding never crowds out other work in the global pool
    std::shared_ptr<std::atomic_bool> m_cancel = std::make_shared<std::atomic_bool>(false);
};

} // namespace cq::ui
