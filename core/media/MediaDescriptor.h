#pragma once

#include <QJsonObject>
#include <QString>

#include <optional>

namespace cq {

enum class MediaType { Video, Photo };

QString mediaTypeName(MediaType type);
std::optional<MediaType> mediaTypeFromName(const QString &name);

// The explicit media descriptor of the post JSON contract (docs/post-json.md). Every field but
// `url` may be unknown: declared media in a post can leave fields out, a probe fills all of them.
struct MediaDescriptor {
    QString url;
    std::optional<MediaType> type;
    QString mimeType;
    std::optional<qint64> sizeBytes;
    QString filename;
    std::optional<int> width;
    std::optional<int> height;
    std::optional<double> durationSeconds;
    // Probe-only fields (docs/post-json.md, "Probe output").
    QString codec;
    std::optional<double> frameRate;
    std::optional<int> rotation;
    std::optional<bool> hasAudio;
    // The object this descriptor was read from, so that unknown fields survive a round trip.
    QJsonObject sourceJson;

    bool isVideo() const { return type == MediaType::Video; }
    bool isPhoto() const { return type == MediaType::Photo; }
};

// Writes the known fields over sourceJson; unknown ones are kept as they were.
QJsonObject mediaDescriptorToJson(const MediaDescriptor &media);

// Where a media URL points: a local file (file:// URL or plain path), a remote http(s) URL, or
// something ClipQueue cannot read.
struct MediaLocation {
    enum class Kind { LocalFile, Remote, Unsupported };
    Kind kind;
    QString localPath; // set for LocalFile
};
MediaLocation locateMedia(const QString &url);

// The file:// URL for a local path, percent-encoded so that spaces and emoji survive any consumer.
QString fileUrlForPath(const QString &path);

} // namespace cq
