#include "media/convert/Codecs.h"

#include <QFileInfo>

namespace cq::convert {

namespace {
// A conversion reads the whole file: give slow disks all the time they need (cancel still works).
constexpr auto ReadTimeout = std::chrono::hours(24);
} // namespace

Error conversionError(const QString &path, const QString &what, int averror) {
    QString message = QFileInfo(path).fileName() + u": " + what;
    if (averror < 0) {
        message += u" (" + ffmpeg::errorString(averror) + u')';
    }
    return Error{ErrorCode::MediaUnreadable, message + u'.'};
}

Error cancelledError(const QString &path) {
    return Error{ErrorCode::Cancelled, QFileInfo(path).fileName() + u": the conversion was cancelled."};
}

ConversionInput::ConversionInput(QString path, std::stop_token stop)
    : m_path(std::move(path))
    , m_onStop(std::move(stop), [this] { m_cancel.store(true); }) {
}

std::expected<std::unique_ptr<ConversionInput>, Error> ConversionInput::open(const QString &path,
                                                                             std::stop_token stop) {
    std::unique_ptr<ConversionInput> input(new ConversionInput(path, std::move(stop)));
    auto opened = ffmpeg::InputFile::open(path, ReadTimeout, &input->m_cancel);
    if (!opened) {
        if (opened.error().failure == ffmpeg::InputFile::Failure::Cancelled) {
            return std::unexpected(cancelledError(path));
        }
        if (opened.error().failure == ffmpeg::InputFile::Failure::NotOpened) {
            return std::unexpected(
                conversionError(path, u"cannot be opened (" + opened.error().reason + u')'));
        }
        return std::unexpected(
            conversionError(path, QStringLiteral("cannot be opened"), opened.error().averror));
    }
    input->m_input = std::move(*opened);
    const int rc = avformat_find_stream_info(input->context(), nullptr);
    if (rc < 0) {
        return std::unexpected(conversionError(path, QStringLiteral("its streams cannot be read"), rc));
    }
    return input;
}

int bestStream(AVFormatContext *context, AVMediaType type) {
    const int index = av_find_best_stream(context, type, -1, -1, nullptr, 0);
    return index >= 0 ? index : -1;
}

std::expected<ffmpeg::CodecContextPtr, Error> openDecoder(const AVStream *stream, const QString &path) {
    const AVCodec *codec = avcodec_find_decoder(stream->codecpar->codec_id);
    if (!codec) {
        return std::unexpected(conversionError(
            path, u"FFmpeg has no decoder for its "
                      + QString::fromLatin1(avcodec_get_name(stream->codecpar->codec_id)) + u" stream"));
    }
    ffmpeg::CodecContextPtr decoder(avcodec_alloc_context3(codec));
    if (!decoder) {
        return std::unexpected(conversionError(path, QStringLiteral("out of memory"), AVERROR(ENOMEM)));
    }
    int rc = avcodec_parameters_to_context(decoder.get(), stream->codecpar);
    if (rc >= 0) {
        decoder->pkt_timebase = stream->time_base;
        decoder->thread_count = 0; // as many as FFmpeg sees fit, as the ffmpeg CLI does
        rc = avcodec_open2(decoder.get(), codec, nullptr);
    }
    if (rc < 0) {
        return std::unexpected(conversionError(path, QStringLiteral("its decoder cannot be opened"), rc));
    }
    return decoder;
}

} // namespace cq::convert
