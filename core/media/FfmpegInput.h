#pragma once

#include "media/FfmpegHandles.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QString>

#include <atomic>
#include <chrono>
#include <expected>
#include <memory>

namespace cq::ffmpeg {

struct AvioContextFreer {
    void operator()(AVIOContext *io) const;
};
using AvioContextPtr = std::unique_ptr<AVIOContext, AvioContextFreer>;

// An opened media file: the file, opened once and checked to be a regular file (openRegularFile),
// and the format context that reads that very descriptor through ClipQueue's own AVIOContext.
// FFmpeg is never given a name to open, so a name swapped for a FIFO after the check cannot make
// it block, and what it reads is what was checked. Only demuxers of a known ContainerFamily read
// the file. Reading gives up when the deadline passes (a stalled network drive) or when `cancel`
// becomes true; the interrupt state lives exactly as long as the context.
class InputFile {
public:
    enum class Failure {
        Unreadable,
        TimedOut,
        Cancelled,
        NotOpened, // not a regular file, or not readable: `reason` says which
        NotMedia,  // no demuxer ClipQueue knows takes it: `formatName` is FFmpeg's best guess
    };
    struct OpenError {
        Failure failure;
        int averror = 0;
        QString reason;
        QString formatName;
    };

    static std::expected<std::unique_ptr<InputFile>, OpenError>
    open(const QString &path, std::chrono::milliseconds timeout, const std::atomic_bool *cancel);

    ~InputFile();
    InputFile(const InputFile &) = delete;
    InputFile &operator=(const InputFile &) = delete;

    AVFormatContext *context() const { return m_context.get(); }
    AVFormatContext *operator->() const { return m_context.get(); }
    // The opened file, for reading headers beside FFmpeg (which keeps its own position): the same
    // bytes FFmpeg reads.
    QFile &file() { return m_file; }
    // Why the last FFmpeg call on this file stopped, for an error it returned.
    Failure failureOf() const;

private:
    InputFile() = default;
    std::expected<void, OpenError> openFormat();
    static int interruptCallback(void *opaque);
    static int readPacket(void *opaque, uint8_t *buffer, int size);
    static int64_t seek(void *opaque, int64_t offset, int whence);

    QDeadlineTimer m_deadline;
    const std::atomic_bool *m_cancel = nullptr;
    // Declared in the order they are made: destroyed context first, then its I/O, then the file.
    QFile m_file;
    qint64 m_position = 0; // FFmpeg's read position in m_file
    AvioContextPtr m_io;
    FormatContextPtr m_context;
};

} // namespace cq::ffmpeg
