#include "media/FfmpegHandles.h"

extern "C" {
#include <libavutil/log.h>
#include <libavutil/mem.h>
}

#include <QLoggingCategory>

#include <cstdio>
#include <mutex>

Q_LOGGING_CATEGORY(lcFfmpeg, "clipqueue.ffmpeg", QtWarningMsg)

namespace cq::ffmpeg {

QString errorString(int averror) {
    char buffer[AV_ERROR_MAX_STRING_SIZE] = {};
    av_strerror(averror, buffer, sizeof buffer);
    return QString::fromUtf8(buffer);
}

namespace {
void logCallback(void *avcl, int level, const char *format, va_list args) {
    if (level > AV_LOG_VERBOSE || !lcFfmpeg().isDebugEnabled()) {
        return;
    }
    char line[1024];
    int printPrefix = 1;
    av_log_format_line2(avcl, level, format, args, line, sizeof line, &printPrefix);
    qCDebug(lcFfmpeg).noquote() << QString::fromUtf8(line).trimmed();
}
} // namespace

void initialise() {
    static std::once_flag once;
    std::call_once(once, [] {
        av_log_set_callback(logCallback);
        av_max_alloc(MaxAllocationBytes);
    });
}

} // namespace cq::ffmpeg
