#include "media/FfmpegInput.h"

#include <QFile>

namespace cq::ffmpeg {

int InputFile::interruptCallback(void *opaque) {
    const auto *input = static_cast<const InputFile *>(opaque);
    return input->failureOf() == Failure::Unreadable ? 0 : 1;
}

InputFile::Failure InputFile::failureOf() const {
    if (m_cancel && m_cancel->load(std::memory_order_relaxed)) {
        return Failure::Cancelled;
    }
    return m_deadline.hasExpired() ? Failure::TimedOut : Failure::Unreadable;
}

std::expected<std::unique_ptr<InputFile>, InputFile::OpenError>
InputFile::open(const QString &path, std::chrono::milliseconds timeout, const std::atomic_bool *cancel) {
    installLogHandler();
    std::unique_ptr<InputFile> input(new InputFile);
    input->m_deadline = QDeadlineTimer(timeout);
    input->m_cancel = cancel;
    AVFormatContext *raw = avformat_alloc_context();
    if (!raw) {
        return std::unexpected(OpenError{Failure::Unreadable, AVERROR(ENOMEM)});
    }
    raw->interrupt_callback = {&InputFile::interruptCallback, input.get()};
    Dictionary options;
    // No format is forced: libavformat sniffs the container from the bytes, never the file name.
    const int rc = avformat_open_input(&raw, QFile::encodeName(path).constData(), nullptr, options.address());
    if (rc < 0) { // avformat_open_input has freed the context
        return std::unexpected(OpenError{input->failureOf(), rc});
    }
    input->m_context.reset(raw);
    return input;
}

} // namespace cq::ffmpeg
