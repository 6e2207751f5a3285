#include "media/ThumbnailExtractor.h"

#include "media/FfmpegInput.h"
#include "media/ImageHeader.h"

#include <QFile>
#include <QFileInfo>

#include <chrono>

namespace cq {

namespace {

std::expected<Thumbnail, Error> scaleFrame(const AVFrame *frame, int maxSidePx, int rotation) {
    const double scale = std::min(1.0, double(maxSidePx) / std::max(frame->width, frame->height));
    Thumbnail thumbnail;
    thumbnail.width = std::max(1, int(frame->width * scale));
    thumbnail.height = std::max(1, int(frame->height * scale));
    thumbnail.rotation = rotation;
    ffmpeg::SwsContextPtr scaler(sws_getContext(frame->width, frame->height, AVPixelFormat(frame->format),
                                                thumbnail.width, thumbnail.height, AV_PIX_FMT_RGBA,
                                                SWS_BILINEAR, nullptr, nullptr, nullptr));
    if (!scaler) {
        return std::unexpected(Error{ErrorCode::MediaUnreadable, QStringLiteral("unsupported pixel format")});
    }
    thumbnail.rgba.resize(qsizetype(thumbnail.width) * thumbnail.height * 4);
    uint8_t *destination[4] = {reinterpret_cast<uint8_t *>(thumbnail.rgba.data()), nullptr, nullptr, nullptr};
    const int destinationStride[4] = {thumbnail.width * 4, 0, 0, 0};
    sws_scale(scaler.get(), frame->data, frame->linesize, 0, frame->height, destination, destinationStride);
    return thumbnail;
}

// A decoded picture costs width x height x 4 bytes or more. Far beyond anything TikTok takes (4096
// px video, 1080p photos) is refused from the header, before a pixel is decoded: no preview is
// worth a gigabyte.
constexpr int MaxPreviewSidePx = 8192;
constexpr qint64 MaxPreviewPixels = 50'000'000;

// The picture size an image file's header states: FFmpeg's image demuxers learn it only by decoding.
std::pair<int, int> statedPictureSize(QFile &file, const AVCodecParameters *picture) {
    std::optional<ImageFormat> format;
    switch (picture->codec_id) {
    case AV_CODEC_ID_MJPEG:
        format = ImageFormat::Jpeg;
        break;
    case AV_CODEC_ID_PNG:
    case AV_CODEC_ID_APNG:
        format = ImageFormat::Png;
        break;
    case AV_CODEC_ID_WEBP:
        format = ImageFormat::WebP;
        break;
    case AV_CODEC_ID_GIF:
        format = ImageFormat::Gif;
        break;
    default:
        break;
    }
    if (picture->width > 0 || !format) {
        return {picture->width, picture->height};
    }
    const auto header = readImageHeader(file, *format, QDeadlineTimer(std::chrono::seconds(5)));
    return header ? std::pair{header->width, header->height} : std::pair{0, 0};
}

// JPEG decodes at 1/2, 1/4 or 1/8 of its size for free: the smallest that still covers `maxSidePx`.
int jpegScaleDown(int longestSidePx, int maxSidePx) {
    int lowres = 0;
    while (lowres < 3 && (longestSidePx >> (lowres + 1)) >= maxSidePx) {
        ++lowres;
    }
    return lowres;
}

} // namespace

std::expected<Thumbnail, Error> extractThumbnail(const QString &path, int maxSidePx, int rotation,
                                                 const std::atomic_bool *cancel) {
    const QString name = QFileInfo(path).fileName();
    auto failed = [&name](const QString &why) {
        return std::unexpected(Error{ErrorCode::MediaUnreadable, name + u": no preview: " + why});
    };
    auto opened = ffmpeg::InputFile::open(path, std::chrono::seconds(20), cancel);
    if (!opened) {
        const auto &error = opened.error();
        return failed(error.failure == ffmpeg::InputFile::Failure::NotOpened
                          ? error.reason
                          : ffmpeg::errorString(error.averror));
    }
    AVFormatContext *context = (*opened)->context();
    const AVCodec *decoder = nullptr;
    const int streamIndex = av_find_best_stream(context, AVMEDIA_TYPE_VIDEO, -1, -1, &decoder, 0);
    if (streamIndex < 0 || !decoder) {
        return failed(QStringLiteral("no decodable picture"));
    }
    const AVStream *stream = context->streams[streamIndex];
    const AVCodecParameters *picture = stream->codecpar;
    const auto [width, height] = statedPictureSize((*opened)->file(), picture);
    if (width > MaxPreviewSidePx || height > MaxPreviewSidePx || qint64(width) * height > MaxPreviewPixels) {
        return failed(QStringLiteral("the picture is %1x%2 px, too large to preview").arg(width).arg(height));
    }
    ffmpeg::CodecContextPtr codec(avcodec_alloc_context3(decoder));
    if (!codec || avcodec_parameters_to_context(codec.get(), stream->codecpar) < 0) {
        return failed(QStringLiteral("decoder setup failed"));
    }
    ffmpeg::Dictionary codecOptions;
    codecOptions.set("threads", "1"); // thumbnails run in parallel already
    if (picture->codec_id == AV_CODEC_ID_MJPEG) {
        codecOptions.set("lowres",
                         QByteArray::number(jpegScaleDown(std::max(width, height), maxSidePx)).constData());
    }
    if (const int rc = avcodec_open2(codec.get(), decoder, codecOptions.address()); rc < 0) {
        return failed(ffmpeg::errorString(rc));
    }
    // A second in, the first frame is rarely the black of a fade-in; short clips take their middle.
    if (context->duration > 0) {
        const int64_t target = std::min<int64_t>(AV_TIME_BASE, context->duration / 2);
        av_seek_frame(context, -1, target, AVSEEK_FLAG_BACKWARD);
    }

    ffmpeg::PacketPtr packet(av_packet_alloc());
    ffmpeg::FramePtr frame(av_frame_alloc());
    bool draining = false;
    for (int packets = 0; packets < 2000; ++packets) {
        if (!draining) {
            const int rc = av_read_frame(context, packet.get());
            if (rc < 0) {
                draining = true;
                avcodec_send_packet(codec.get(), nullptr);
            } else if (packet->stream_index != streamIndex) {
                av_packet_unref(packet.get());
                continue;
            } else {
                avcodec_send_packet(codec.get(), packet.get());
                av_packet_unref(packet.get());
            }
        }
        const int rc = avcodec_receive_frame(codec.get(), frame.get());
        if (rc == 0) {
            return scaleFrame(frame.get(), maxSidePx, rotation);
        }
        if (rc == AVERROR_EOF || (draining && rc != AVERROR(EAGAIN))) {
            break;
        }
        if (rc != AVERROR(EAGAIN)) {
            return failed(ffmpeg::errorString(rc));
        }
    }
    return failed(QStringLiteral("no frame could be decoded"));
}

} // namespace cq
