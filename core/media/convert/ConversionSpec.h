#pragma once

#include <QString>
#include <QtGlobal>

#include <functional>
#include <optional>

namespace cq {

// What a photo conversion makes: a baseline JPEG of this display size, with the EXIF orientation
// applied to the pixels, transparency flattened onto white, and no metadata at all (so no
// location either).
struct PhotoConversion {
    int width = 0; // display size, after orientation
    int height = 0;
    // The JPEG is encoded at the best quality that stays under this many bytes.
    qint64 maxBytes = 0;
    // Only drop the metadata of an upright JPEG (jpegWithoutMetadata): the picture is not re-encoded.
    bool keepPixels = false;
};

// A span of the source, in seconds from its start.
struct TimeRange {
    double startSeconds = 0.0;
    double endSeconds = 0.0;
    double lengthSeconds() const { return endSeconds - startSeconds; }
};

// What a video conversion makes: an MP4 with H.264 video (or the source's H.264/HEVC stream
// copied when only the container was wrong) and AAC audio (or the source's AAC/MP3 copied). The
// display matrix (rotation) and the display aspect ratio are kept.
struct VideoConversion {
    bool reencodeVideo = true; // false: copy the video stream into MP4 as it is
    int width = 0;             // display size of the output; 0: the source's
    int height = 0;
    double frameRate = 0.0; // 0: the source's
    std::optional<TimeRange> trim;
    qint64 videoBitsPerSecond = 0; // 0: constant quality (CRF)
};

// The x264 and AAC settings every video conversion uses (bench_conform gives the ffmpeg CLI the
// same ones).
namespace encoding {
inline constexpr auto X264Preset = "veryfast";
inline constexpr int X264Crf = 20;
inline constexpr qint64 AacBitsPerSecond = 160'000;
} // namespace encoding

// Fraction done, 0 to 1.
using ConversionProgress = std::function<void(double fraction)>;

} // namespace cq
