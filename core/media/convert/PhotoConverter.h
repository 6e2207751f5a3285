#pragma once

#include "media/convert/ConversionSpec.h"
#include "util/Error.h"

#include <QString>

#include <expected>
#include <stop_token>

namespace cq {

// Turns a photo FFmpeg can decode (JPEG, PNG, GIF's first frame, WebP, BMP, TIFF) into the JPEG
// that `spec` describes, in-process with libavcodec and libavfilter. Writes `outputPath` only; the
// source is only read. With `spec.keepPixels`, an upright JPEG only loses its metadata (no
// re-encoding). Blocking; safe to run on several threads at once.
class PhotoConverter {
public:
    std::expected<void, Error> convert(const QString &sourcePath, const QString &outputPath,
                                       const PhotoConversion &spec, std::stop_token stop = {}) const;
};

} // namespace cq
