#pragma once

#include "util/Error.h"

#include <QByteArray>
#include <QString>

#include <atomic>
#include <expected>

namespace cq {

// A small RGBA picture of a media file, without Qt Gui so that the core stays display-free; the UI
// wraps `rgba` in a QImage. `rotation` is the clockwise turn a viewer must apply.
struct Thumbnail {
    int width = 0;
    int height = 0;
    int rotation = 0;
    QByteArray rgba; // width * height * 4 bytes, rows without padding
};

// Decodes one frame (about a second into a video, the picture of a photo) and scales it so its
// longer side is at most `maxSidePx`. Slow next to probing; run it on a worker thread.
std::expected<Thumbnail, Error> extractThumbnail(const QString &path, int maxSidePx, int rotation,
                                                 const std::atomic_bool *cancel = nullptr);

} // namespace cq
