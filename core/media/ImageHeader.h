#pragma once

#include <QIODevice>

#include <optional>

namespace cq {

enum class ImageFormat { Jpeg, Png, Gif, WebP };

// What the first bytes of an image file say about it: pixel size and the EXIF orientation tag
// (1 to 8, 1 when absent).
struct ImageHeader {
    int width = 0;
    int height = 0;
    int exifOrientation = 1;
};

// Reads only the header of an image: FFmpeg would decode every pixel to learn the size, which
// costs tens of milliseconds for a camera photo; the header costs one or two small reads.
// Returns nullopt when the header is not what the format requires.
std::optional<ImageHeader> readImageHeader(QIODevice &device, ImageFormat format);

// Clockwise degrees (0, 90, 180, 270) that EXIF orientation asks a viewer to rotate by; mirrored
// orientations round to the rotation they include.
int rotationForExifOrientation(int orientation);

} // namespace cq
