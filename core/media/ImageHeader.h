#pragma once

#include <QDeadlineTimer>
#include <QIODevice>

#include <atomic>
#include <expected>

namespace cq {

enum class ImageFormat { Jpeg, Png, Gif, WebP };

// What the first bytes of an image file say about it: pixel size and the EXIF orientation tag
// (1 to 8, 1 when absent).
struct ImageHeader {
    int width = 0;
    int height = 0;
    int exifOrientation = 1;
};

// Why an image header could not be read.
enum class ImageHeaderFailure {
    Damaged,   // the structure is not what the format requires
    Truncated, // a length or the end-of-image marker points past the end of the file
    TimedOut,  // the deadline passed while reading
    Cancelled, // `cancel` became true while reading
};

// Reads only the header of an image: FFmpeg would decode every pixel to learn the size, which
// costs tens of milliseconds for a camera photo; the header costs a few small reads. It also runs
// the cheap integrity checks (a JPEG ends with its end-of-image marker, PNG and WebP chunks fit
// the file), so a photo cut short fails here and not at TikTok.
//
// Every length read from the file is checked against the file's size before it is used, reads
// are bounded (a few hundred KiB at most), and the deadline and `cancel` are checked between
// blocks, so a hostile file costs neither memory nor time.
std::expected<ImageHeader, ImageHeaderFailure>
readImageHeader(QIODevice &device, ImageFormat format,
                const QDeadlineTimer &deadline = QDeadlineTimer(QDeadlineTimer::Forever),
                const std::atomic_bool *cancel = nullptr);

// Clockwise degrees (0, 90, 180, 270) that EXIF orientation asks a viewer to rotate by; mirrored
// orientations round to the rotation they include.
int rotationForExifOrientation(int orientation);

} // namespace cq
