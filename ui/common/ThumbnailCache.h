#pragma once

#include <QCache>
#include <QHash>
#include <QObject>
#include <QPixmap>
#include <QSet>
#include <QThreadPool>

#include <atomic>
#include <memory>

namespace cq::ui {

// Small pictures of stored media objects, made off the GUI thread and kept by sha256, so that a list
// of thousands of posts sharing a few clips decodes each clip once. Asking for a picture that is not
// ready starts it and returns a null pixmap; thumbnailReady() tells when to ask again. Files that
// cannot be read are remembered and not tried again.
class ThumbnailCache : public QObject {
    Q_OBJECT

public:
    explicit ThumbnailCache(QObject *parent = nullptr);
    ~ThumbnailCache() override;

    // Where stored objects live (WorkspaceInfo::mediaStoreRoot).
    void setStoreRoot(const QString &root);
    // The longer side of a picture in device-independent pixels, and the screen's pixel ratio.
    // Changing either forgets the pictures made so far.
    void setSide(int sidePx, qreal devicePixelRatio);
    int side() const { return m_sidePx; }

    // The picture of stored object `sha256` turned upright by `rotation` degrees, or a null pixmap
    // while it is being made or when it cannot be.
    QPixmap thumbnail(const QString &sha256, int rotation);
    // Pictures being made now.
    int pending() const { return int(m_running.size()); }
    bool isPending(const QString &sha256) const { return m_running.contains(sha256); }
    // The file of a stored object (the layout of MediaStore::pathFor).
    static QString objectPath(const QString &storeRoot, const QString &sha256);

Q_SIGNALS:
    // The picture is made, or could not be (then thumbnail() keeps returning a null pixmap).
    void thumbnailReady(const QString &sha256);

private:
    void start(const QString &sha256, int rotation);

    QString m_root;
    int m_sidePx = 40;
    qreal m_pixelRatio = 1;
    quint64 m_generation = 0; // pictures made for an older side are dropped
    QCache<QString, QPixmap> m_pixmaps;
    QSet<QString> m_failed;
    QSet<QString> m_running;
    QThreadPool m_pool; // its own, small: decoding never crowds out other work in the global pool
    std::shared_ptr<std::atomic_bool> m_cancel = std::make_shared<std::atomic_bool>(false);
};

} // namespace cq::ui
