#include "media/ImageHeader.h"

#include "media/ByteCursor.h"

#include <QByteArray>

namespace cq {

namespace {

using Failure = ImageHeaderFailure;
using Result = std::expected<ImageHeader, Failure>;

// An EXIF block's orientation is in its first directory, near its start: no more is read.
constexpr qint64 MaxExifBytes = 64 * 1024;
// Fill bytes (0xFF) may pad JPEG markers; real files use a handful. More is damage, not padding.
constexpr int MaxJpegFillBytes = 4096;
constexpr int MaxJpegSegments = 1024;

quint32 readBigEndian(const QByteArray &bytes, qsizetype at, int count) {
    quint32 value = 0;
    for (int i = 0; i < count; ++i) {
        value = (value << 8) | static_cast<quint8>(bytes.at(at + i));
    }
    return value;
}

quint32 readLittleEndian(const QByteArray &bytes, qsizetype at, int count) {
    quint32 value = 0;
    for (int i = count - 1; i >= 0; --i) {
        value = (value << 8) | static_cast<quint8>(bytes.at(at + i));
    }
    return value;
}

// Why the cursor stopped: time or the caller, else the bytes ran out.
Failure stopped(const ByteCursor &cursor, Failure otherwise = Failure::Truncated) {
    if (cursor.interrupted()) {
        return cursor.timedOut() ? Failure::TimedOut : Failure::Cancelled;
    }
    return otherwise;
}

// The orientation tag (0x0112) of IFD0 in a TIFF structure, as found in EXIF blocks.
int exifOrientationFromTiff(const QByteArray &tiff) {
    if (tiff.size() < 8) {
        return 1;
    }
    const bool little = tiff.startsWith("II");
    if (!little && !tiff.startsWith("MM")) {
        return 1;
    }
    auto read = [&](qint64 at, int count) -> std::optional<quint32> {
        if (at < 0 || at + count > tiff.size()) {
            return std::nullopt;
        }
        return little ? readLittleEndian(tiff, qsizetype(at), count)
                      : readBigEndian(tiff, qsizetype(at), count);
    };
    const auto ifdOffset = read(4, 4);
    const auto entryCount = ifdOffset ? read(*ifdOffset, 2) : std::nullopt;
    if (!entryCount) {
        return 1;
    }
    for (quint32 i = 0; i < *entryCount; ++i) {
        const qint64 entry = qint64(*ifdOffset) + 2 + qint64(i) * 12;
        const auto tag = read(entry, 2);
        if (!tag) {
            break;
        }
        if (*tag == 0x0112) {
            const auto value = read(entry + 8, 2);
            return value && *value >= 1 && *value <= 8 ? int(*value) : 1;
        }
    }
    return 1;
}

// The code of the next JPEG marker, after its 0xFF and any fill bytes.
std::expected<quint8, Failure> nextJpegMarker(ByteCursor &cursor) {
    const std::optional<quint8> first = cursor.byte();
    if (!first) {
        return std::unexpected(stopped(cursor));
    }
    if (*first != 0xFF) {
        return std::unexpected(Failure::Damaged);
    }
    for (int fill = 0; fill <= MaxJpegFillBytes; ++fill) {
        const std::optional<quint8> code = cursor.byte();
        if (!code) {
            return std::unexpected(stopped(cursor));
        }
        if (*code != 0xFF) {
            return *code;
        }
    }
    return std::unexpected(Failure::Damaged);
}

// One marker segment with a length: reads what the header needs from it and moves past it.
std::expected<void, Failure> readJpegSegment(ByteCursor &cursor, quint8 code, ImageHeader &header) {
    const std::optional<QByteArray> lengthBytes = cursor.take(2);
    if (!lengthBytes) {
        return std::unexpected(stopped(cursor));
    }
    const qint64 payloadSize = qint64(readBigEndian(*lengthBytes, 0, 2)) - 2;
    if (payloadSize < 0) {
        return std::unexpected(Failure::Damaged);
    }
    if (payloadSize > cursor.remaining()) {
        return std::unexpected(stopped(cursor));
    }
    const qint64 payloadEnd = cursor.pos() + payloadSize;
    const bool isFrameHeader = code >= 0xC0 && code <= 0xCF && code != 0xC4 && code != 0xC8 && code != 0xCC;
    if (isFrameHeader && header.width == 0) {
        const std::optional<QByteArray> frame = cursor.take(std::min<qint64>(5, payloadSize));
        if (!frame || frame->size() != 5) {
            return std::unexpected(frame ? Failure::Damaged : stopped(cursor));
        }
        header.height = int(readBigEndian(*frame, 1, 2));
        header.width = int(readBigEndian(*frame, 3, 2));
        if (header.width <= 0 || header.height <= 0) {
            return std::unexpected(Failure::Damaged);
        }
    } else if (code == 0xE1 && header.width == 0) {
        const std::optional<QByteArray> app1 = cursor.take(std::min(payloadSize, MaxExifBytes));
        if (!app1) {
            return std::unexpected(stopped(cursor));
        }
        if (app1->startsWith(QByteArrayLiteral("Exif\0\0"))) {
            header.exifOrientation = exifOrientationFromTiff(app1->mid(6));
        }
    }
    if (!cursor.seek(payloadEnd)) {
        return std::unexpected(stopped(cursor));
    }
    return {};
}

Result readJpegHeader(ByteCursor &cursor) {
    const std::optional<QByteArray> start = cursor.take(2);
    if (!start || *start != QByteArrayLiteral("\xFF\xD8")) {
        return std::unexpected(start ? Failure::Damaged : stopped(cursor));
    }
    ImageHeader header;
    // Walk the marker segments to the first start of scan; each costs one small read and a seek.
    for (int segments = 0; segments < MaxJpegSegments; ++segments) {
        const auto code = nextJpegMarker(cursor);
        if (!code) {
            return std::unexpected(code.error());
        }
        if (*code == 0xD8 || *code == 0x01 || (*code >= 0xD0 && *code <= 0xD7)) {
            continue; // markers without a length
        }
        if (*code == 0xD9 || (*code == 0xDA && header.width == 0)) {
            return std::unexpected(Failure::Damaged); // no frame header before the image ends or starts
        }
        if (auto segment = readJpegSegment(cursor, *code, header); !segment) {
            return std::unexpected(segment.error());
        }
        if (*code == 0xDA) {
            // Entropy-coded data never holds FF D9 (an 0xFF in it is followed by 0x00 or a restart
            // marker), so the image is whole only when an end-of-image marker follows.
            if (!cursor.skipPast(QByteArrayLiteral("\xFF\xD9"))) {
                return std::unexpected(stopped(cursor));
            }
            return header;
        }
    }
    return std::unexpected(Failure::Damaged);
}

Result readPngHeader(ByteCursor &cursor) {
    const std::optional<QByteArray> bytes = cursor.take(24);
    if (!bytes || !bytes->startsWith("\x89PNG\r\n\x1a\n") || bytes->mid(12, 4) != "IHDR") {
        return std::unexpected(bytes ? Failure::Damaged : stopped(cursor));
    }
    const quint32 width = readBigEndian(*bytes, 16, 4);
    const quint32 height = readBigEndian(*bytes, 20, 4);
    if (width == 0 || height == 0 || width > 0x7fffffffu || height > 0x7fffffffu) {
        return std::unexpected(Failure::Damaged);
    }
    // Every chunk (length, type, data, CRC) must fit the file, up to IEND.
    qint64 chunkStart = 8;
    while (cursor.seek(chunkStart)) {
        const std::optional<QByteArray> chunk = cursor.take(8);
        if (!chunk) {
            return std::unexpected(stopped(cursor));
        }
        const qint64 length = readBigEndian(*chunk, 0, 4);
        if (length > 0x7fffffff) {
            return std::unexpected(Failure::Damaged);
        }
        if (length + 4 > cursor.remaining()) {
            return std::unexpected(stopped(cursor));
        }
        if (chunk->mid(4, 4) == "IEND") {
            return ImageHeader{int(width), int(height), 1};
        }
        chunkStart = cursor.pos() + length + 4;
    }
    return std::unexpected(stopped(cursor));
}

Result readGifHeader(ByteCursor &cursor) {
    const std::optional<QByteArray> bytes = cursor.take(10);
    if (!bytes || !bytes->startsWith("GIF8")) {
        return std::unexpected(bytes ? Failure::Damaged : stopped(cursor));
    }
    ImageHeader header;
    header.width = int(readLittleEndian(*bytes, 6, 2));
    header.height = int(readLittleEndian(*bytes, 8, 2));
    if (header.width <= 0 || header.height <= 0) {
        return std::unexpected(Failure::Damaged);
    }
    return header;
}

// What one WebP chunk adds to the header: the picture size (VP8, VP8L, VP8X) or the orientation
// (EXIF). Reads at most a few bytes of it, or MaxExifBytes of EXIF.
std::expected<void, Failure> readWebPChunk(ByteCursor &cursor, const QByteArray &fourcc, qint64 chunkSize,
                                           std::optional<ImageHeader> &header) {
    auto peek = [&](qint64 count) {
        return cursor.take(std::min(count, chunkSize));
    };
    if (fourcc == "VP8 " && !header) {
        const std::optional<QByteArray> frame = peek(10);
        if (frame && frame->size() == 10 && frame->mid(3, 3) == "\x9d\x01\x2a") {
            header = ImageHeader{int(readLittleEndian(*frame, 6, 2) & 0x3fff),
                                 int(readLittleEndian(*frame, 8, 2) & 0x3fff), 1};
        }
    } else if (fourcc == "VP8L" && !header) {
        const std::optional<QByteArray> frame = peek(5);
        if (frame && frame->size() == 5 && static_cast<quint8>(frame->at(0)) == 0x2f) {
            const quint32 bits = readLittleEndian(*frame, 1, 4);
            header = ImageHeader{int(bits & 0x3fff) + 1, int((bits >> 14) & 0x3fff) + 1, 1};
        }
    } else if (fourcc == "VP8X") {
        const std::optional<QByteArray> extended = peek(10);
        if (!extended || extended->size() != 10) {
            return std::unexpected(extended ? Failure::Damaged : stopped(cursor));
        }
        header = ImageHeader{int(readLittleEndian(*extended, 4, 3)) + 1,
                             int(readLittleEndian(*extended, 7, 3)) + 1, 1};
    } else if (fourcc == "EXIF" && header) {
        std::optional<QByteArray> exif = peek(MaxExifBytes);
        if (!exif) {
            return std::unexpected(stopped(cursor));
        }
        if (exif->startsWith(QByteArrayLiteral("Exif\0\0"))) {
            exif->remove(0, 6);
        }
        header->exifOrientation = exifOrientationFromTiff(*exif);
    }
    return {};
}

Result readWebPHeader(ByteCursor &cursor) {
    const std::optional<QByteArray> riff = cursor.take(12);
    if (!riff || !riff->startsWith("RIFF") || riff->mid(8, 4) != "WEBP") {
        return std::unexpected(riff ? Failure::Damaged : stopped(cursor));
    }
    // The RIFF size covers everything after its first 8 bytes; every chunk must fit inside it.
    const qint64 riffEnd = qint64(readLittleEndian(*riff, 4, 4)) + 8;
    if (riffEnd < 12) {
        return std::unexpected(Failure::Damaged);
    }
    if (riffEnd > cursor.size()) {
        return std::unexpected(Failure::Truncated);
    }
    std::optional<ImageHeader> header;
    qint64 chunkStart = 12;
    while (chunkStart + 8 <= riffEnd) {
        if (!cursor.seek(chunkStart)) {
            return std::unexpected(stopped(cursor));
        }
        const std::optional<QByteArray> chunk = cursor.take(8);
        if (!chunk) {
            return std::unexpected(stopped(cursor));
        }
        const qint64 chunkSize = readLittleEndian(*chunk, 4, 4);
        const qint64 chunkEnd = chunkStart + 8 + chunkSize + (chunkSize & 1);
        if (chunkEnd > riffEnd + (chunkSize & 1)) {
            return std::unexpected(Failure::Truncated);
        }
        if (auto read = readWebPChunk(cursor, chunk->left(4), chunkSize, header); !read) {
            return std::unexpected(read.error());
        }
        chunkStart = chunkEnd;
    }
    if (!header || header->width <= 0 || header->height <= 0) {
        return std::unexpected(Failure::Damaged);
    }
    return *header;
}

} // namespace

std::expected<ImageHeader, ImageHeaderFailure> readImageHeader(QIODevice &device, ImageFormat format,
                                                               const QDeadlineTimer &deadline,
                                                               const std::atomic_bool *cancel) {
    if (device.isSequential()) {
        return std::unexpected(Failure::Damaged);
    }
    ByteCursor cursor(device, deadline, cancel);
    switch (format) {
    case ImageFormat::Jpeg:
        return readJpegHeader(cursor);
    case ImageFormat::Png:
        return readPngHeader(cursor);
    case ImageFormat::Gif:
        return readGifHeader(cursor);
    case ImageFormat::WebP:
        return readWebPHeader(cursor);
    }
    return std::unexpected(Failure::Damaged);
}

int rotationForExifOrientation(int orientation) {
    switch (orientation) {
    case 3:
    case 4:
        return 180;
    case 5:
    case 6:
        return 90;
    case 7:
    case 8:
        return 270;
    default:
        return 0;
    }
}

} // namespace cq
