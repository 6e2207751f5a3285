#pragma once

#include <QByteArray>

#include <optional>

namespace cq {

// The JPEG without its metadata segments: APP1 (EXIF, where cameras put the GPS location, and XMP),
// APP13 (IPTC) and comments. Everything else (JFIF, the ICC colour profile, Adobe's colour
// transform, the tables and the scan) is copied byte for byte, so the picture is not re-encoded.
// nullopt when the bytes are not a JPEG whose segments can be walked up to the start of scan.
std::optional<QByteArray> jpegWithoutMetadata(const QByteArray &jpeg);

} // namespace cq
