#include "media/FfmpegVersion.h"

extern "C" {
#include <libavformat/avformat.h>
#include <libavutil/avutil.h>
}

namespace cq {

QString ffmpegVersion() {
    const unsigned format = avformat_version();
    return QStringLiteral("%1 (libavformat %2.%3.%4)")
        .arg(QString::fromUtf8(av_version_info()))
        .arg(AV_VERSION_MAJOR(format))
        .arg(AV_VERSION_MINOR(format))
        .arg(AV_VERSION_MICRO(format));
}

} // namespace cq
