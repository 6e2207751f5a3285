#pragma once

#include "media/FfmpegHandles.h"
#include "media/FfmpegInput.h"
#include "util/Error.h"

#include <QString>

#include <atomic>
#include <expected>
#include <functional>
#include <memory>
#include <stop_token>

namespace cq::convert {

// A conversion failure that names the file: "clip.mkv: <what> (<FFmpeg's reason>)."
Error conversionError(const QString &path, const QString &what, int averror = 0);
Error cancelledError(const QString &path);

// The source of a conversion, opened with a cancel flag that follows `stop` (reading gives up
// when a stop is requested). The flag and the stop callback live as long as the input.
class ConversionInput {
public:
    static std::expected<std::unique_ptr<ConversionInput>, Error> open(const QString &path,
                                                                       std::stop_token stop);
    AVFormatContext *context() const { return m_input->context(); }
    // The opened source, for reading its headers: the bytes FFmpeg reads.
    QFile &file() { return m_input->file(); }
    const QString &path() const { return m_path; }

private:
    ConversionInput(QString path, std::stop_token stop);

    QString m_path;
    std::atomic_bool m_cancel = false;
    std::stop_callback<std::function<void()>> m_onStop;
    std::unique_ptr<ffmpeg::InputFile> m_input;
};

// An opened decoder for `stream` (threads as FFmpeg sees fit).
std::expected<ffmpeg::CodecContextPtr, Error> openDecoder(const AVStream *stream, const QString &path);

// The best stream of a type, or -1.
int bestStream(AVFormatContext *context, AVMediaType type);

} // namespace cq::convert
