#pragma once

// What each fuzz target does with one input, shared by the libFuzzer targets (which trap when an
// entry answers false) and tst_fuzzregressions (which replays every input kept in tests/data/fuzz/).
// An entry answers whether the invariants held; a crash or a sanitizer report is a finding too.
#include "media/ImageHeader.h"
#include "media/MediaProber.h"
#include "post/CreatorInfo.h"
#include "post/PostJson.h"

#include <QBuffer>
#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>

namespace cq::fuzz {

// The first byte picks the format, the rest is the file. A header that passes must make sense.
inline bool imageHeader(const QByteArray &input) {
    if (input.isEmpty()) {
        return true;
    }
    const auto format = static_cast<ImageFormat>(static_cast<quint8>(input.at(0)) % 4);
    QByteArray bytes = input.mid(1);
    QBuffer device(&bytes);
    device.open(QIODevice::ReadOnly);
    const auto header = readImageHeader(device, format, QDeadlineTimer(5000));
    return !header
           || (header->width > 0 && header->height > 0 && header->exifOrientation >= 1
               && header->exifOrientation <= 8);
}

// The whole probe entry on a file holding `input`: what probes as readable describes a picture.
inline bool probe(const QByteArray &input) {
    static QTemporaryDir dir;
    static const QString path = dir.filePath(QStringLiteral("input"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        return true;
    }
    file.write(input);
    file.close();
    const auto media = MediaProber(std::chrono::seconds(5)).probe(path);
    return !media
           || (media->width.value_or(0) > 0 && media->height.value_or(0) > 0
               && media->durationSeconds.value_or(0) <= 24 * 3600.0);
}

// What the post reader accepts writes back and reads again to the same document.
inline bool postJson(const QByteArray &input) {
    const auto parsed = parsePostJson(input);
    if (!parsed) {
        return true;
    }
    const QJsonObject written = postToJson(parsed->post);
    const auto again = parsePostJson(written);
    return again && postToJson(again->post) == written;
}

// What the creator info reader accepts round-trips through the cache's JSON unchanged.
inline bool creatorInfo(const QByteArray &input) {
    const QJsonDocument document = QJsonDocument::fromJson(input);
    if (!document.isObject()) {
        return true;
    }
    const auto info = CreatorInfo::fromJson(document.object());
    if (!info) {
        return true;
    }
    const auto again = CreatorInfo::fromJson(info->toJson());
    return again && again->toJson() == info->toJson();
}

} // namespace cq::fuzz
