// The media probe entry (MP4, WebM and every other container FFmpeg sniffs, plus the image header
// walk) on arbitrary files. FFmpeg itself is not instrumented; ClipQueue's code around it is.
#include "media/MediaProber.h"

#include <QFile>
#include <QTemporaryDir>

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    static QTemporaryDir dir;
    static const QString path = dir.filePath(QStringLiteral("input"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        return 0;
    }
    file.write(reinterpret_cast<const char *>(data), qint64(size));
    file.close();
    const auto media = cq::MediaProber(std::chrono::seconds(5)).probe(path);
    if (media
        && (media->width.value_or(0) <= 0 || media->height.value_or(0) <= 0
            || media->durationSeconds.value_or(0) > 24 * 3600.0)) {
        __builtin_trap(); // what probes as readable must describe a picture
    }
    return 0;
}
