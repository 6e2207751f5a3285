#include "publish/PostConformer.h"

#include "media/convert/PhotoConverter.h"
#include "media/convert/VideoConverter.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QUuid>

namespace cq {

namespace {

// "IMG_0042.png" -> "IMG_0042.tiktok.jpg": the converted file says what it is and where it came from.
QString convertedName(const QString &sourcePath, const ConformPlan &plan) {
    return QFileInfo(sourcePath).completeBaseName() + (plan.photo ? u".tiktok.jpg" : u".tiktok.mp4");
}

// A name in `directory` that no file has yet: NAME, NAME-2, NAME-3, ...
QString unusedPath(const QDir &directory, const QString &name) {
    const QFileInfo info(name);
    QString candidate = directory.absoluteFilePath(name);
    for (int n = 2; QFileInfo::exists(candidate); ++n) {
        candidate = directory.absoluteFilePath(info.completeBaseName() + u'-' + QString::number(n) + u'.'
                                               + info.suffix());
    }
    return candidate;
}

} // namespace

PostConformer::PostConformer(Destination destination, ConformLimits limits)
    : m_destination(std::move(destination))
    , m_limits(std::move(limits)) {
}

QString PostConformer::temporaryPath(const QString &finalName) const {
    if (m_destination.store) {
        return m_destination.store->newIncomingPath();
    }
    // Beside its final name, so that moving it into place is a rename within one folder.
    return QDir(m_destination.directory)
        .absoluteFilePath(u'.' + finalName + u'.' + QUuid::createUuid().toString(QUuid::Id128) + u".part");
}

std::expected<QString, Error> PostConformer::placeOutput(const QString &tempPath,
                                                         const QString &finalName) const {
    if (m_destination.store) {
        auto object = m_destination.store->adoptDownloaded(tempPath, m_destination.hold);
        if (!object) {
            return std::unexpected(object.error());
        }
        return object->path;
    }
    const QString path = unusedPath(QDir(m_destination.directory), finalName);
    if (!QFile::rename(tempPath, path)) {
        QFile::remove(tempPath);
        return std::unexpected(Error{ErrorCode::Io, u"Cannot move the converted file to " + path + u'.'});
    }
    return path;
}

std::expected<ConformedMedia, Error>
PostConformer::conformFile(const QString &sourcePath, const MediaDescriptor &probed, const ConformPlan &plan,
                           std::stop_token stop, const std::function<void(double)> &progress) const {
    const QString finalName = convertedName(probed.filename.isEmpty() ? sourcePath : probed.filename, plan);
    const QString tempPath = temporaryPath(finalName);
    std::expected<void, Error> converted;
    if (plan.photo) {
        converted = PhotoConverter().convert(sourcePath, tempPath, *plan.photo, stop);
    } else {
        converted = VideoConverter().convert(sourcePath, tempPath, *plan.video, stop, progress);
    }
    if (!converted) {
        QFile::remove(tempPath);
        return std::unexpected(converted.error());
    }
    auto placed = placeOutput(tempPath, finalName);
    if (!placed) {
        return std::unexpected(placed.error());
    }
    auto result = m_prober.probe(*placed);
    if (!result) {
        return std::unexpected(result.error());
    }
    // The store names objects by their hash; the post shows the name a folder would have given it.
    result->filename = m_destination.store ? finalName : QFileInfo(*placed).fileName();
    return ConformedMedia{0, plan.description, sourcePath, *placed, *result};
}

std::expected<ConformResult, Error> PostConformer::conform(const Post &post, const QString &baseDirectory,
                                                           const QHash<int, StoredObject> &downloaded,
                                                           std::stop_token stop,
                                                           const Progress &progress) const {
    ConformResult result{post, {}, {}};
    for (qsizetype i = 0; i < post.media.size(); ++i) {
        if (stop.stop_requested()) {
            return std::unexpected(
                Error{ErrorCode::Cancelled, QStringLiteral("The conversion was cancelled.")});
        }
        const MediaDescriptor &declared = post.media.at(i);
        const MediaLocation location = locateMedia(declared.url);
        QString sourcePath;
        if (downloaded.contains(int(i)) && m_destination.store) {
            sourcePath = m_destination.store->pathFor(downloaded.value(int(i)).sha256);
        } else if (location.kind == MediaLocation::Kind::LocalFile) {
            sourcePath = QDir(baseDirectory).absoluteFilePath(location.localPath);
        } else {
            if (location.kind == MediaLocation::Kind::Remote && planConform(declared, m_limits)) {
                result.notes << declared.url
                                    + u": remote media is converted when the post is created (post create "
                                      u"--conform).";
            }
            continue;
        }
        auto probed = m_prober.probe(sourcePath);
        if (!probed) {
            return std::unexpected(probed.error());
        }
        const std::optional<ConformPlan> plan = planConform(*probed, m_limits);
        if (!plan) {
            continue;
        }
        auto converted = conformFile(sourcePath, *probed, *plan, stop, [&progress, i](double fraction) {
            if (progress) {
                progress(i, fraction);
            }
        });
        if (!converted) {
            return std::unexpected(converted.error());
        }
        converted->index = i;
        MediaDescriptor replaced = converted->probed;
        replaced.url = fileUrlForPath(converted->outputPath);
        replaced.sourceJson = declared.sourceJson;
        result.post.media[i] = replaced;
        result.converted << *converted;
        if (progress) {
            progress(i, 1.0);
        }
    }
    return result;
}

} // namespace cq
