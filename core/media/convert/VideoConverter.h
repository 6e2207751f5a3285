#pragma once

#include "media/convert/ConversionSpec.h"
#include "util/Error.h"

#include <QString>

#include <expected>
#include <stop_token>

namespace cq {

// Turns a video into the MP4 that `spec` describes, in-process: libavformat demuxes and muxes,
// libavcodec decodes and encodes (libx264, AAC), libavfilter changes frame rate and size. Audio is
// kept (copied when it is AAC or MP3, else re-encoded as AAC); the display matrix is copied, so a
// phone clip stays upright, and scaling keeps the display aspect ratio. Writes `outputPath` only
// (removed again on failure); the source is only read. Blocking; `progress` is called on the
// calling thread.
class VideoConverter {
public:
    std::expected<void, Error> convert(const QString &sourcePath, const QString &outputPath,
                                       const VideoConversion &spec, std::stop_token stop = {},
                                       const ConversionProgress &progress = {}) const;
};

} // namespace cq
