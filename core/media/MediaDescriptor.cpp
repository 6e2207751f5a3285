#include "media/MediaDescriptor.h"

#include <QDir>
#include <QFileInfo>
#include <QUrl>

namespace cq {

QString mediaTypeName(MediaType type) {
    return type == MediaType::Video ? QStringLiteral("video") : QStringLiteral("photo");
}

std::optional<MediaType> mediaTypeFromName(const QString &name) {
    if (name == u"video") {
        return MediaType::Video;
    }
    if (name == u"photo") {
        return MediaType::Photo;
    }
    return std::nullopt;
}

QJsonObject mediaDescriptorToJson(const MediaDescriptor &media) {
    QJsonObject json = media.sourceJson;
    auto put = [&json](const QString &key, const auto &value) {
        if (value) {
            json.insert(key, *value);
        }
    };
    json.insert(QStringLiteral("url"), media.url);
    if (media.type) {
        json.insert(QStringLiteral("type"), mediaTypeName(*media.type));
    }
    if (!media.mimeType.isEmpty()) {
        json.insert(QStringLiteral("mimeType"), media.mimeType);
    }
    if (media.sizeBytes) {
        // Sizes beyond 2^53 cannot occur for files ClipQueue accepts; doubles hold them exactly.
        json.insert(QStringLiteral("sizeBytes"), static_cast<qint64>(*media.sizeBytes));
    }
    if (!media.filename.isEmpty()) {
        json.insert(QStringLiteral("filename"), media.filename);
    }
    put(QStringLiteral("width"), media.width);
    put(QStringLiteral("height"), media.height);
    put(QStringLiteral("durationSeconds"), media.durationSeconds);
    if (!media.codec.isEmpty()) {
        json.insert(QStringLiteral("codec"), media.codec);
    }
    put(QStringLiteral("frameRate"), media.frameRate);
    put(QStringLiteral("rotation"), media.rotation);
    put(QStringLiteral("hasAudio"), media.hasAudio);
    return json;
}

MediaLocation locateMedia(const QString &url) {
    if (url.isEmpty()) {
        return {MediaLocation::Kind::Unsupported, {}};
    }
    if (QDir::isAbsolutePath(url) || url.startsWith(u"./") || url.startsWith(u"../")) {
        return {MediaLocation::Kind::LocalFile, url};
    }
    const QUrl parsed(url, QUrl::TolerantMode);
    const QString scheme = parsed.scheme().toLower();
    if (scheme == u"file") {
        return {MediaLocation::Kind::LocalFile, parsed.toLocalFile()};
    }
    if (scheme == u"http" || scheme == u"https") {
        return {MediaLocation::Kind::Remote, {}};
    }
    if (scheme.isEmpty()) {
        // A relative path such as "clips/launch.mp4".
        return {MediaLocation::Kind::LocalFile, url};
    }
    return {MediaLocation::Kind::Unsupported, {}};
}

QString fileUrlForPath(const QString &path) {
    return QString::fromLatin1(QUrl::fromLocalFile(QFileInfo(path).absoluteFilePath()).toEncoded());
}

} // namespace cq
