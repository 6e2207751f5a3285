#pragma once

#include "media/FfmpegHandles.h"

#include <QDeadlineTimer>
#include <QString>

#include <atomic>
#include <chrono>
#include <expected>
#include <memory>

namespace cq::ffmpeg {

// An opened media file: the format context plus the interrupt state its callback reads, which
// must live exactly as long as the context. Reading gives up when the deadline passes (a stalled
// network drive) or when `cancel` becomes true.
class InputFile {
public:
    enum class Failure { Unreadable, TimedOut, Cancelled };
    struct OpenError {
        Failure failure;
        int averror;
    };

    static std::expected<std::unique_ptr<InputFile>, OpenError>
    open(const QString &path, std::chrono::milliseconds timeout, const std::atomic_bool *cancel);

    AVFormatContext *context() const { return m_context.get(); }
    AVFormatContext *operator->() const { return m_context.get(); }
    // Why the last FFmpeg call on this file stopped, for an error it returned.
    Failure failureOf() const;

private:
    InputFile() = default;
    static int interruptCallback(void *opaque);

    QDeadlineTimer m_deadline;
    const std::atomic_bool *m_cancel = nullptr;
    FormatContextPtr m_context;
};

} // namespace cq::ffmpeg
