#include "media/convert/JpegMetadata.h"

namespace cq {

namespace {

constexpr quint8 StartOfScan = 0xDA;

bool isMetadata(quint8 marker) {
    return marker == 0xE1 || marker == 0xED || marker == 0xFE; // APP1, APP13, COM
}

bool hasNoLength(quint8 marker) {
    return marker == 0x01 || (marker >= 0xD0 && marker <= 0xD8); // TEM, RSTn, SOI
}

} // namespace

std::optional<QByteArray> jpegWithoutMetadata(const QByteArray &jpeg) {
    if (!jpeg.startsWith("\xFF\xD8")) {
        return std::nullopt;
    }
    QByteArray result = jpeg.left(2);
    qsizetype at = 2;
    while (at + 1 < jpeg.size()) {
        if (quint8(jpeg.at(at)) != 0xFF) {
            return std::nullopt;
        }
        qsizetype markerAt = at;
        while (markerAt + 1 < jpeg.size() && quint8(jpeg.at(markerAt + 1)) == 0xFF) {
            ++markerAt; // fill bytes
        }
        if (markerAt + 1 >= jpeg.size()) {
            return std::nullopt;
        }
        const auto marker = quint8(jpeg.at(markerAt + 1));
        if (marker == StartOfScan) {
            result += jpeg.mid(markerAt); // the scan and everything after it, as it is
            return result;
        }
        if (hasNoLength(marker)) {
            result += jpeg.mid(markerAt, 2);
            at = markerAt + 2;
            continue;
        }
        if (markerAt + 3 >= jpeg.size()) {
            return std::nullopt;
        }
        const qsizetype length = (quint8(jpeg.at(markerAt + 2)) << 8) | quint8(jpeg.at(markerAt + 3));
        const qsizetype end = markerAt + 2 + length;
        if (length < 2 || end > jpeg.size()) {
            return std::nullopt;
        }
        if (!isMetadata(marker)) {
            result += jpeg.mid(markerAt, end - markerAt);
        }
        at = end;
    }
    return std::nullopt; // no start of scan
}

} // namespace cq
