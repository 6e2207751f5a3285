// The image header reader on arbitrary bytes: the first byte picks the format, the rest is the
// file. It must neither crash nor read (or allocate) beyond the file, and always end.
#include "media/ImageHeader.h"

#include <QBuffer>

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size < 1) {
        return 0;
    }
    const auto format = static_cast<cq::ImageFormat>(data[0] % 4);
    QByteArray bytes(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    QBuffer device(&bytes);
    device.open(QIODevice::ReadOnly);
    const auto header = cq::readImageHeader(device, format, QDeadlineTimer(5000));
    if (header
        && (header->width <= 0 || header->height <= 0 || header->exifOrientation < 1
            || header->exifOrientation > 8)) {
        __builtin_trap(); // a header that passed must make sense
    }
    return 0;
}
