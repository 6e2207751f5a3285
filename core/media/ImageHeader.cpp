#include "media/ImageHeader.h"

#include <QByteArray>

namespace cq {

namespace {

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

// The orientation tag (0x0112) of IFD0 in a TIFF structure, as found in EXIF blocks.
int exifOrientationFromTiff(const QByteArray &tiff) {
    if (tiff.size() < 8) {
        return 1;
    }
    const bool little = tiff.startsWith("II");
    if (!little && !tiff.startsWith("MM")) {
        return 1;
    }
    auto read = [&](qsizetype at, int count) -> std::optional<quint32> {
        if (at < 0 || at + count > tiff.size()) {
            return std::nullopt;
        }
        return little ? readLittleEndian(tiff, at, count) : readBigEndian(tiff, at, count);
    };
    const auto ifdOffset = read(4, 4);
    const auto entryCount = ifdOffset ? read(*ifdOffset, 2) : std::nullopt;
    if (!entryCount) {
        return 1;
    }
    for (quint32 i = 0; i < *entryCount; ++i) {
        const qsizetype entry = *ifdOffset + 2 + qsizetype(i) * 12;
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

std::optional<ImageHeader> readJpegHeader(QIODevice &device) {
    if (device.read(2) != QByteArrayLiteral("\xFF\xD8")) {
        return std::nullopt;
    }
    ImageHeader header;
    // Walk the marker segments up to the start of scan; each costs one small read and a seek.
    for (int segments = 0; segments < 256; ++segments) {
        QByteArray marker = device.read(2);
        while (marker.size() == 2 && marker.at(1) == '\xFF') { // fill bytes
            marker = marker.mid(1) + device.read(1);
        }
        if (marker.size() != 2 || marker.at(0) != '\xFF') {
            return std::nullopt;
        }
        const auto code = static_cast<quint8>(marker.at(1));
        if (code == 0xD8 || code == 0x01 || (code >= 0xD0 && code <= 0xD7)) {
            continue; // markers without a length
        }
        if (code == 0xDA || code == 0xD9) {
            return std::nullopt; // scan data before any frame header
        }
        const QByteArray lengthBytes = device.read(2);
        if (lengthBytes.size() != 2) {
            return std::nullopt;
        }
        const qint64 payloadSize = qint64(readBigEndian(lengthBytes, 0, 2)) - 2;
        if (payloadSize < 0) {
            return std::nullopt;
        }
        const qint64 payloadStart = device.pos();
        const bool isFrameHeader =
            code >= 0xC0 && code <= 0xCF && code != 0xC4 && code != 0xC8 && code != 0xCC;
        if (isFrameHeader) {
            const QByteArray frame = device.read(5);
            if (frame.size() != 5) {
                return std::nullopt;
            }
            header.height = int(readBigEndian(frame, 1, 2));
            header.width = int(readBigEndian(frame, 3, 2));
            return header.width > 0 && header.height > 0 ? std::optional(header) : std::nullopt;
        }
        if (code == 0xE1) {
            const QByteArray app1 = device.read(payloadSize);
            if (app1.startsWith(QByteArrayLiteral("Exif\0\0"))) {
                header.exifOrientation = exifOrientationFromTiff(app1.mid(6));
            }
        }
        if (!device.seek(payloadStart + payloadSize)) {
            return std::nullopt;
        }
    }
    return std::nullopt;
}

std::optional<ImageHeader> readPngHeader(QIODevice &device) {
    const QByteArray bytes = device.read(24);
    if (bytes.size() != 24 || !bytes.startsWith("\x89PNG\r\n\x1a\n") || bytes.mid(12, 4) != "IHDR") {
        return std::nullopt;
    }
    ImageHeader header;
    header.width = int(readBigEndian(bytes, 16, 4));
    header.height = int(readBigEndian(bytes, 20, 4));
    return header.width > 0 && header.height > 0 ? std::optional(header) : std::nullopt;
}

std::optional<ImageHeader> readGifHeader(QIODevice &device) {
    const QByteArray bytes = device.read(10);
    if (bytes.size() != 10 || !bytes.startsWith("GIF8")) {
        return std::nullopt;
    }
    ImageHeader header;
    header.width = int(readLittleEndian(bytes, 6, 2));
    header.height = int(readLittleEndian(bytes, 8, 2));
    return header.width > 0 && header.height > 0 ? std::optional(header) : std::nullopt;
}

std::optional<ImageHeader> readWebPHeader(QIODevice &device) {
    const QByteArray riff = device.read(12);
    if (riff.size() != 12 || !riff.startsWith("RIFF") || riff.mid(8, 4) != "WEBP") {
        return std::nullopt;
    }
    std::optional<ImageHeader> header;
    bool expectExif = false;
    for (int chunks = 0; chunks < 64; ++chunks) {
        const QByteArray chunkHeader = device.read(8);
        if (chunkHeader.size() != 8) {
            break;
        }
        const QByteArray fourcc = chunkHeader.left(4);
        const qint64 chunkSize = readLittleEndian(chunkHeader, 4, 4);
        const qint64 chunkStart = device.pos();
        if (fourcc == "VP8 " && !header) {
            const QByteArray frame = device.read(10);
            if (frame.size() == 10 && frame.mid(3, 3) == "\x9d\x01\x2a") {
                header = ImageHeader{int(readLittleEndian(frame, 6, 2) & 0x3fff),
                                     int(readLittleEndian(frame, 8, 2) & 0x3fff), 1};
            }
            break;
        }
        if (fourcc == "VP8L" && !header) {
            const QByteArray frame = device.read(5);
            if (frame.size() == 5 && static_cast<quint8>(frame.at(0)) == 0x2f) {
                const quint32 bits = readLittleEndian(frame, 1, 4);
                header = ImageHeader{int(bits & 0x3fff) + 1, int((bits >> 14) & 0x3fff) + 1, 1};
            }
            break;
        }
        if (fourcc == "VP8X") {
            const QByteArray extended = device.read(10);
            if (extended.size() != 10) {
                return std::nullopt;
            }
            expectExif = (static_cast<quint8>(extended.at(0)) & 0x08) != 0;
            header = ImageHeader{int(readLittleEndian(extended, 4, 3)) + 1,
                                 int(readLittleEndian(extended, 7, 3)) + 1, 1};
            if (!expectExif) {
                break;
            }
        }
        if (fourcc == "EXIF" && header) {
            QByteArray exif = device.read(chunkSize);
            if (exif.startsWith(QByteArrayLiteral("Exif\0\0"))) {
                exif.remove(0, 6);
            }
            header->exifOrientation = exifOrientationFromTiff(exif);
            break;
        }
        if (!device.seek(chunkStart + chunkSize + (chunkSize & 1))) {
            break;
        }
    }
    if (header && (header->width <= 0 || header->height <= 0)) {
        return std::nullopt;
    }
    return header;
}

} // namespace

std::optional<ImageHeader> readImageHeader(QIODevice &device, ImageFormat format) {
    if (!device.seek(0)) {
        return std::nullopt;
    }
    switch (format) {
    case ImageFormat::Jpeg:
        return readJpegHeader(device);
    case ImageFormat::Png:
        return readPngHeader(device);
    case ImageFormat::Gif:
        return readGifHeader(device);
    case ImageFormat::WebP:
        return readWebPHeader(device);
    }
    return std::nullopt;
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
