#include "media/FfmpegInput.h"

#include "media/ContainerFamily.h"
#include "media/RegularFile.h"

namespace cq::ffmpeg {

namespace {
constexpr int IoBufferBytes = 64 * 1024;
} // namespace

void AvioContextFreer::operator()(AVIOContext *io) const {
    if (io) {
        av_freep(&io->buffer); // FFmpeg may have replaced the buffer it was given
        avio_context_free(&io);
    }
}

InputFile::~InputFile() = default;

int InputFile::interruptCallback(void *opaque) {
    const auto *input = static_cast<const InputFile *>(opaque);
    return input->failureOf() == Failure::Unreadable ? 0 : 1;
}

// Demuxers call the interrupt callback only now and then; a read checks it too, so the deadline
// and cancelling cover every read of the file.
int InputFile::readPacket(void *opaque, uint8_t *buffer, int size) {
    auto *input = static_cast<InputFile *>(opaque);
    if (input->failureOf() != Failure::Unreadable) {
        return AVERROR_EXIT;
    }
    if (input->m_file.pos() != input->m_position && !input->m_file.seek(input->m_position)) {
        return AVERROR(EIO);
    }
    const qint64 read = input->m_file.read(reinterpret_cast<char *>(buffer), size);
    if (read < 0) {
        return AVERROR(EIO);
    }
    if (read == 0) {
        return AVERROR_EOF;
    }
    input->m_position += read;
    return int(read);
}

int64_t InputFile::seek(void *opaque, int64_t offset, int whence) {
    auto *input = static_cast<InputFile *>(opaque);
    const qint64 size = input->m_file.size();
    qint64 target = 0;
    switch (whence & ~AVSEEK_FORCE) {
    case AVSEEK_SIZE:
        return size;
    case SEEK_SET:
        target = offset;
        break;
    case SEEK_CUR:
        target = input->m_position + offset;
        break;
    case SEEK_END:
        target = size + offset;
        break;
    default:
        return AVERROR(EINVAL);
    }
    if (target < 0) {
        return AVERROR(EINVAL);
    }
    input->m_position = target;
    return target;
}

InputFile::Failure InputFile::failureOf() const {
    if (m_cancel && m_cancel->load(std::memory_order_relaxed)) {
        return Failure::Cancelled;
    }
    return m_deadline.hasExpired() ? Failure::TimedOut : Failure::Unreadable;
}

std::expected<std::unique_ptr<InputFile>, InputFile::OpenError>
InputFile::open(const QString &path, std::chrono::milliseconds timeout, const std::atomic_bool *cancel) {
    initialise();
    std::unique_ptr<InputFile> input(new InputFile);
    input->m_deadline = QDeadlineTimer(timeout);
    input->m_cancel = cancel;
    input->m_file.setFileName(path);
    if (auto opened = openRegularFile(input->m_file); !opened) {
        return std::unexpected(OpenError{Failure::NotOpened, 0, opened.error(), {}});
    }
    if (auto opened = input->openFormat(); !opened) {
        return std::unexpected(opened.error());
    }
    return input;
}

std::expected<void, InputFile::OpenError> InputFile::openFormat() {
    auto *buffer = static_cast<unsigned char *>(av_malloc(IoBufferBytes));
    m_io.reset(buffer ? avio_alloc_context(buffer, IoBufferBytes, 0, this, &InputFile::readPacket, nullptr,
                                           &InputFile::seek)
                      : nullptr);
    if (!m_io) {
        av_free(buffer);
        return std::unexpected(OpenError{Failure::Unreadable, AVERROR(ENOMEM), {}, {}});
    }
    // Sniffed from the bytes, never the name (there is none): only a demuxer of a container family
    // ClipQueue knows then parses the file, and a weak guess (a text file "detected" as MPEG-TS
    // with score 2) is no container at all.
    const AVInputFormat *format = nullptr;
    const int score = av_probe_input_buffer2(m_io.get(), &format, "", nullptr, 0, 0);
    if (score < 0) {
        return std::unexpected(OpenError{failureOf(), score, {}, {}});
    }
    if (!format || containerFamily(format) == ContainerFamily::Unknown || score < AVPROBE_SCORE_RETRY) {
        return std::unexpected(OpenError{Failure::NotMedia,
                                         AVERROR_INVALIDDATA,
                                         {},
                                         format ? QString::fromUtf8(format->name) : QString()});
    }
    AVFormatContext *raw = avformat_alloc_context();
    if (!raw) {
        return std::unexpected(OpenError{Failure::Unreadable, AVERROR(ENOMEM), {}, {}});
    }
    raw->interrupt_callback = {&InputFile::interruptCallback, this};
    raw->pb = m_io.get(); // custom I/O: avformat_close_input leaves it to m_io
    const int rc = avformat_open_input(&raw, "", format, nullptr);
    if (rc < 0) { // avformat_open_input has freed the context
        return std::unexpected(OpenError{failureOf(), rc, {}, {}});
    }
    m_context.reset(raw);
    return {};
}

} // namespace cq::ffmpeg
