#pragma once

#include "media/MediaDescriptor.h"
#include "util/Error.h"

#include <QList>
#include <QStringList>

#include <atomic>
#include <chrono>
#include <expected>

namespace cq {

// Reads a media file's headers in-process with libavformat and describes it: type, MIME type from
// the bytes, display size after rotation, duration, frame rate, codec, audio, size.
//
// Only headers are read, so a 4 GB clip costs what a 4 MB one does (a photo is read once through,
// in blocks, to check that it ends where it should). Only regular files are opened; the timeout
// and `cancel` cover FFmpeg's reading and the image header walk alike. Values no real file has (a
// duration beyond a day) mean a damaged header. Every failure is
// ErrorCode::MediaUnreadable with a message that names the file, the reason and what to do;
// cancellation (through `cancel`) is ErrorCode::Cancelled. Thread-safe: probe files in parallel
// from as many threads as you like with one prober.
class MediaProber {
public:
    explicit MediaProber(std::chrono::milliseconds timeout = std::chrono::seconds(15));

    // `displayName` names the file in messages and the descriptor instead of the last part of
    // `path` (for a copy probed under a temporary name).
    std::expected<MediaDescriptor, Error> probe(const QString &path, const std::atomic_bool *cancel = nullptr,
                                                const QString &displayName = {}) const;

    // Probes several files in parallel on the global thread pool; results in argument order.
    // Blocks: call it from a worker thread or a command-line tool, not the GUI thread.
    QList<std::expected<MediaDescriptor, Error>> probeAll(const QStringList &paths) const;

private:
    std::chrono::milliseconds m_timeout;
};

} // namespace cq
