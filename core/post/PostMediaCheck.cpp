#include "post/PostMediaCheck.h"

#include <QDir>
#include <QHash>

namespace cq {

namespace {
MediaLocation locate(const MediaDescriptor &media, const QString &baseDirectory) {
    MediaLocation location = locateMedia(media.url);
    if (location.kind == MediaLocation::Kind::LocalFile && !baseDirectory.isEmpty()) {
        location.localPath = QDir(baseDirectory).absoluteFilePath(location.localPath);
    }
    return location;
}
} // namespace

QList<MediaCheck> checkPostMedia(const Post &post, const MediaProber &prober, const QString &baseDirectory) {
    QStringList distinctPaths;
    for (const MediaDescriptor &media : post.media) {
        const MediaLocation location = locate(media, baseDirectory);
        if (location.kind == MediaLocation::Kind::LocalFile && !distinctPaths.contains(location.localPath)) {
            distinctPaths << location.localPath;
        }
    }
    const auto results = prober.probeAll(distinctPaths);
    QHash<QString, qsizetype> resultIndex;
    for (qsizetype i = 0; i < distinctPaths.size(); ++i) {
        resultIndex.insert(distinctPaths.at(i), i);
    }

    QList<MediaCheck> checks;
    for (const MediaDescriptor &media : post.media) {
        const MediaLocation location = locate(media, baseDirectory);
        MediaCheck check;
        if (location.kind == MediaLocation::Kind::LocalFile) {
            const auto &result = results.at(resultIndex.value(location.localPath));
            if (result) {
                check.probed = *result;
            } else {
                check.error = result.error();
            }
        }
        checks << check;
    }
    return checks;
}

QList<MediaCheck> storedMediaChecks(const StoredPost &post) {
    QList<MediaCheck> checks;
    for (const StoredMedia &media : post.media) {
        checks << MediaCheck{media.descriptor, std::nullopt};
    }
    return checks;
}

} // namespace cq
