#include "media/convert/PhotoConverter.h"

#include "media/ImageHeader.h"
#include "media/RegularFile.h"
#include "media/convert/Codecs.h"
#include "media/convert/FilterGraph.h"
#include "media/convert/JpegMetadata.h"

extern "C" {
#include <libavutil/pixdesc.h>
}

#include <QFile>

#include <array>

namespace cq {

namespace {

// The filters that turn stored pixels upright for an EXIF orientation (1 to 8).
QByteArray orientationFilters(int orientation) {
    switch (orientation) {
    case 2:
        return "hflip,";
    case 3:
        return "hflip,vflip,";
    case 4:
        return "vflip,";
    case 5:
        return "transpose=cclock_flip,";
    case 6:
        return "transpose=clock,";
    case 7:
        return "transpose=clock_flip,";
    case 8:
        return "transpose=cclock,";
    default:
        return {};
    }
}

int exifOrientation(QFile &file, AVCodecID codec) {
    if (codec != AV_CODEC_ID_MJPEG && codec != AV_CODEC_ID_WEBP) {
        return 1;
    }
    const auto header =
        readImageHeader(file, codec == AV_CODEC_ID_MJPEG ? ImageFormat::Jpeg : ImageFormat::WebP);
    return header ? header->exifOrientation : 1;
}

// The first picture of the file, decoded.
std::expected<ffmpeg::FramePtr, Error> decodeFirstFrame(convert::ConversionInput &input, int streamIndex,
                                                        AVCodecContext *decoder) {
    ffmpeg::PacketPtr packet(av_packet_alloc());
    ffmpeg::FramePtr frame(av_frame_alloc());
    bool flushed = false;
    while (true) {
        const int received = avcodec_receive_frame(decoder, frame.get());
        if (received >= 0) {
            return frame;
        }
        if (received != AVERROR(EAGAIN) || flushed) {
            return std::unexpected(convert::conversionError(
                input.path(), QStringLiteral("its picture cannot be decoded"), received));
        }
        const int read = av_read_frame(input.context(), packet.get());
        if (read < 0) {
            avcodec_send_packet(decoder, nullptr);
            flushed = true;
            continue;
        }
        if (packet->stream_index == streamIndex) {
            avcodec_send_packet(decoder, packet.get());
        }
        av_packet_unref(packet.get());
    }
}

// The filter chain: upright, scaled, flattened onto white where transparent, full-range 4:2:0.
QByteArray photoFilters(const AVFrame *frame, int orientation, const PhotoConversion &spec) {
    const QByteArray scale =
        "scale=" + QByteArray::number(spec.width) + ':' + QByteArray::number(spec.height) + ":flags=lanczos";
    const auto *format = av_pix_fmt_desc_get(AVPixelFormat(frame->format));
    if (format && (format->flags & AV_PIX_FMT_FLAG_ALPHA)) {
        return "color=c=white:s=" + QByteArray::number(spec.width) + 'x' + QByteArray::number(spec.height)
               + ",format=rgba[bg];[in]" + orientationFilters(orientation) + scale + ",format=rgba[fg];"
               + "[bg][fg]overlay=shortest=1,format=yuvj420p";
    }
    return orientationFilters(orientation) + scale + ",format=yuvj420p";
}

std::expected<QByteArray, Error> encodeJpeg(const AVFrame *picture, int quantiser, const QString &path) {
    const AVCodec *codec = avcodec_find_encoder(AV_CODEC_ID_MJPEG);
    ffmpeg::CodecContextPtr encoder(codec ? avcodec_alloc_context3(codec) : nullptr);
    if (!encoder) {
        return std::unexpected(convert::conversionError(path, QStringLiteral("FFmpeg has no JPEG encoder")));
    }
    encoder->width = picture->width;
    encoder->height = picture->height;
    encoder->pix_fmt = AVPixelFormat(picture->format);
    encoder->time_base = AVRational{1, 25};
    encoder->flags |= AV_CODEC_FLAG_QSCALE;
    encoder->global_quality = FF_QP2LAMBDA * quantiser;
    ffmpeg::FramePtr frame(av_frame_clone(picture));
    ffmpeg::PacketPtr packet(av_packet_alloc());
    frame->quality = encoder->global_quality;
    frame->pict_type = AV_PICTURE_TYPE_I;
    int rc = avcodec_open2(encoder.get(), codec, nullptr);
    if (rc >= 0) {
        rc = avcodec_send_frame(encoder.get(), frame.get());
    }
    if (rc >= 0) {
        rc = avcodec_receive_packet(encoder.get(), packet.get());
    }
    if (rc < 0) {
        return std::unexpected(
            convert::conversionError(path, QStringLiteral("encoding the JPEG failed"), rc));
    }
    return QByteArray(reinterpret_cast<const char *>(packet->data), packet->size);
}

std::expected<void, Error> writeFile(const QString &outputPath, const QByteArray &bytes) {
    QFile output(outputPath);
    if (!output.open(QIODevice::WriteOnly | QIODevice::Truncate) || output.write(bytes) != bytes.size()
        || !output.flush()) {
        return std::unexpected(Error{ErrorCode::Io, outputPath + u": cannot write the converted photo ("
                                                        + output.errorString() + u")."});
    }
    return {};
}

std::expected<void, Error> stripMetadata(const QString &sourcePath, const QString &outputPath) {
    QFile source(sourcePath);
    if (auto opened = openRegularFile(source); !opened) {
        return std::unexpected(
            convert::conversionError(sourcePath, u"cannot be read (" + opened.error() + u')'));
    }
    const std::optional<QByteArray> stripped = jpegWithoutMetadata(source.readAll());
    if (!stripped) {
        return std::unexpected(
            convert::conversionError(sourcePath, QStringLiteral("its JPEG segments are damaged")));
    }
    return writeFile(outputPath, *stripped);
}

} // namespace

std::expected<void, Error> PhotoConverter::convert(const QString &sourcePath, const QString &outputPath,
                                                   const PhotoConversion &spec, std::stop_token stop) const {
    if (spec.keepPixels) {
        return stripMetadata(sourcePath, outputPath);
    }
    auto input = convert::ConversionInput::open(sourcePath, stop);
    if (!input) {
        return std::unexpected(input.error());
    }
    const int streamIndex = convert::bestStream((*input)->context(), AVMEDIA_TYPE_VIDEO);
    if (streamIndex < 0) {
        return std::unexpected(convert::conversionError(sourcePath, QStringLiteral("it holds no picture")));
    }
    const AVStream *stream = (*input)->context()->streams[streamIndex];
    auto decoder = convert::openDecoder(stream, sourcePath);
    if (!decoder) {
        return std::unexpected(decoder.error());
    }
    auto decoded = decodeFirstFrame(**input, streamIndex, decoder->get());
    if (!decoded) {
        return std::unexpected(decoded.error());
    }
    AVFrame *frame = decoded->get();
    frame->pts = 0;
    const int orientation = exifOrientation((*input)->file(), stream->codecpar->codec_id);
    const AVRational aspect =
        frame->sample_aspect_ratio.num > 0 ? frame->sample_aspect_ratio : AVRational{1, 1};
    const QByteArray source =
        "video_size=" + QByteArray::number(frame->width) + 'x' + QByteArray::number(frame->height)
        + ":pix_fmt=" + QByteArray::number(frame->format) + ":time_base=1/25:pixel_aspect="
        + QByteArray::number(aspect.num) + '/' + QByteArray::number(aspect.den);
    auto graph = ffmpeg::FilterGraph::video(source, photoFilters(frame, orientation, spec));
    if (!graph) {
        return std::unexpected(graph.error());
    }
    ffmpeg::FramePtr picture(av_frame_alloc());
    int rc = graph->push(frame);
    if (rc >= 0) {
        rc = graph->push(nullptr);
    }
    if (rc >= 0) {
        rc = graph->pull(picture.get());
    }
    if (rc < 0) {
        return std::unexpected(convert::conversionError(sourcePath, QStringLiteral("scaling failed"), rc));
    }
    // The best quality that fits: quantiser 2 is visually lossless; each step roughly halves the size.
    QByteArray jpeg;
    for (const int quantiser : std::array{2, 4, 8, 16, 31}) {
        if (stop.stop_requested()) {
            return std::unexpected(convert::cancelledError(sourcePath));
        }
        auto encoded = encodeJpeg(picture.get(), quantiser, sourcePath);
        if (!encoded) {
            return std::unexpected(encoded.error());
        }
        jpeg = std::move(*encoded);
        if (spec.maxBytes <= 0 || jpeg.size() <= spec.maxBytes) {
            break;
        }
    }
    return writeFile(outputPath, jpeg);
}

} // namespace cq
