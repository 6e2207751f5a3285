#include "media/MediaProber.h"

#include "media/ContainerFamily.h"
#include "media/FfmpegInput.h"
#include "media/ImageHeader.h"
#include "media/RegularFile.h"

extern "C" {
#include <libavutil/display.h>
}

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QtConcurrent/QtConcurrentMap>

#include <cmath>

Q_LOGGING_CATEGORY(lcProbe, "clipqueue.probe", QtWarningMsg)

namespace cq {

namespace {

// The context of the reasons a file cannot be read, which the window shows translated.
class Text {
    Q_DECLARE_TR_FUNCTIONS(cq::MediaProber)
};

// The EBML DocType of a Matroska file ("webm" or "matroska"). libavformat reads one demuxer for
// both and does not report which, but TikTok accepts WebM and not Matroska.
QByteArray matroskaDocType(const QByteArray &head) {
    const qsizetype at = head.indexOf("\x42\x82");
    if (at < 0 || at + 3 > head.size()) {
        return {};
    }
    const auto sizeByte = static_cast<quint8>(head.at(at + 2));
    if ((sizeByte & 0x80) == 0) {
        return {}; // DocType sizes are always one-byte vints in practice
    }
    return head.mid(at + 3, sizeByte & 0x7f);
}

QString isoBmffMimeType(const AVFormatContext *context) {
    const AVDictionaryEntry *brand = av_dict_get(context->metadata, "major_brand", nullptr, 0);
    const QByteArray majorBrand = brand ? QByteArray(brand->value) : QByteArray();
    if (majorBrand == "qt  " || majorBrand == "qt") {
        return QStringLiteral("video/quicktime");
    }
    if (majorBrand.startsWith("3gp") || majorBrand.startsWith("3g2")) {
        return QStringLiteral("video/3gpp");
    }
    return QStringLiteral("video/mp4");
}

struct ImageCodec {
    AVCodecID codec;
    const char *mimeType;
    std::optional<ImageFormat> headerFormat;
};

std::optional<ImageCodec> imageCodec(AVCodecID codec) {
    switch (codec) {
    case AV_CODEC_ID_MJPEG:
        return ImageCodec{codec, "image/jpeg", ImageFormat::Jpeg};
    case AV_CODEC_ID_PNG:
    case AV_CODEC_ID_APNG:
        return ImageCodec{codec, "image/png", ImageFormat::Png};
    case AV_CODEC_ID_GIF:
        return ImageCodec{codec, "image/gif", ImageFormat::Gif};
    case AV_CODEC_ID_WEBP:
        return ImageCodec{codec, "image/webp", ImageFormat::WebP};
    case AV_CODEC_ID_BMP:
        return ImageCodec{codec, "image/bmp", std::nullopt};
    case AV_CODEC_ID_TIFF:
        return ImageCodec{codec, "image/tiff", std::nullopt};
    default:
        return std::nullopt;
    }
}

// Clockwise rotation in degrees (0, 90, 180, 270) from the stream's display matrix.
int streamRotation(const AVStream *stream) {
    size_t size = 0;
    const uint8_t *matrix = av_stream_get_side_data(stream, AV_PKT_DATA_DISPLAYMATRIX, &size);
    if (!matrix || size < 9 * sizeof(int32_t)) {
        return 0;
    }
    // av_display_rotation_get() answers counter-clockwise degrees; viewers rotate clockwise.
    const double counterClockwise = av_display_rotation_get(reinterpret_cast<const int32_t *>(matrix));
    if (std::isnan(counterClockwise)) {
        return 0;
    }
    const int degrees = int(std::lround(-counterClockwise)) % 360;
    return ((degrees + 360) % 360 + 45) / 90 * 90 % 360;
}

const AVStream *primaryVideoStream(const AVFormatContext *context) {
    const AVStream *best = nullptr;
    for (unsigned i = 0; i < context->nb_streams; ++i) {
        const AVStream *stream = context->streams[i];
        if (stream->codecpar->codec_type != AVMEDIA_TYPE_VIDEO
            || (stream->disposition & AV_DISPOSITION_ATTACHED_PIC)) {
            continue; // cover art of an audio file is not a video
        }
        if (!best
            || (stream->disposition & AV_DISPOSITION_DEFAULT
                && !(best->disposition & AV_DISPOSITION_DEFAULT))) {
            best = stream;
        }
    }
    return best;
}

bool hasStream(const AVFormatContext *context, AVMediaType type) {
    for (unsigned i = 0; i < context->nb_streams; ++i) {
        if (context->streams[i]->codecpar->codec_type == type) {
            return true;
        }
    }
    return false;
}

double rationalValue(AVRational value) {
    return value.num > 0 && value.den > 0 ? av_q2d(value) : 0.0;
}

// For MP4/QuickTime the header's sample index says where every sample lives. A file cut short
// (an interrupted copy) still opens if its index sits in front, but samples point past the end.
qint64 bytesIndexedBeyond(const AVFormatContext *context, qint64 fileSize) {
    qint64 lastByte = 0;
    for (unsigned i = 0; i < context->nb_streams; ++i) {
        AVStream *stream = context->streams[i];
        const int count = avformat_index_get_entries_count(stream);
        if (count > 0) {
            const AVIndexEntry *entry = avformat_index_get_entry(stream, count - 1);
            lastByte = std::max<qint64>(lastByte, entry->pos + entry->size);
        }
    }
    return lastByte > fileSize ? lastByte : 0;
}

// A day: TikTok takes at most an hour; a longer duration is a damaged or hostile header.
constexpr double MaxPlausibleDurationSeconds = 24 * 3600.0;

std::unexpected<Error> imageHeaderError(const QString &name, ImageHeaderFailure failure) {
    switch (failure) {
    case ImageHeaderFailure::Cancelled:
        return std::unexpected(Error{ErrorCode::Cancelled, Text::tr("%1: probing was cancelled.").arg(name)});
    case ImageHeaderFailure::TimedOut:
        return std::unexpected(
            Error{ErrorCode::MediaUnreadable, Text::tr("%1: reading it took too long. If it is on a network "
                                                       "drive, copy it to this computer first.")
                                                  .arg(name)});
    case ImageHeaderFailure::Truncated:
        return std::unexpected(
            Error{ErrorCode::MediaUnreadable, Text::tr("%1: the photo is cut short (it does not end where "
                                                       "its format says). Copy or export it again.")
                                                  .arg(name)});
    case ImageHeaderFailure::Damaged:
        break;
    }
    return std::unexpected(
        Error{ErrorCode::MediaUnreadable,
              Text::tr("%1: its image header is damaged. Export the photo again.").arg(name)});
}

// Why InputFile::open failed, for a person.
Error openError(const QString &name, const QString &path, const ffmpeg::InputFile::OpenError &error) {
    auto unreadable = [&name](const QString &reason) {
        return Error{ErrorCode::MediaUnreadable, name + u": " + reason};
    };
    switch (error.failure) {
    case ffmpeg::InputFile::Failure::Cancelled:
        return Error{ErrorCode::Cancelled, Text::tr("%1: probing was cancelled.").arg(name)};
    case ffmpeg::InputFile::Failure::TimedOut:
        return unreadable(Text::tr("reading it took too long. If it is on a network drive, copy it to "
                                   "this computer first."));
    case ffmpeg::InputFile::Failure::NotOpened:
        return unreadable(
            isRegularFile(path)
                ? Text::tr("ClipQueue may not read it (%1). Check the file's permissions.").arg(error.reason)
                : error.reason);
    case ffmpeg::InputFile::Failure::NotMedia:
    case ffmpeg::InputFile::Failure::Unreadable:
        if (QFileInfo(path).size() == 0) {
            return unreadable(Text::tr("the file is empty (0 bytes). Export or copy it again."));
        }
        if (!error.formatName.isEmpty()) {
            return unreadable(u"it is not a video or photo (FFmpeg reads it as \"" + error.formatName
                              + u"\"). Add an MP4, MOV or WebM video, or a JPEG or WebP photo.");
        }
        break;
    }
    return unreadable(u"it is not a video or photo ClipQueue can read (" + ffmpeg::errorString(error.averror)
                      + u"). It may be damaged or cut short: export or copy it again.");
}

} // namespace

MediaProber::MediaProber(std::chrono::milliseconds timeout)
    : m_timeout(timeout) {
}

std::expected<MediaDescriptor, Error> MediaProber::probe(const QString &path, const std::atomic_bool *cancel,
                                                         const QString &displayName) const {
    const QFileInfo info(path);
    const QString name = !displayName.isEmpty()      ? displayName
                         : info.fileName().isEmpty() ? path
                                                     : info.fileName();
    const QDeadlineTimer deadline(m_timeout);
    auto unreadable = [&name](const QString &reason) {
        return std::unexpected(Error{ErrorCode::MediaUnreadable, name + u": " + reason});
    };

    if (!info.exists()) {
        return unreadable(Text::tr("the file does not exist. Check the path, or add the file again."));
    }
    if (info.isDir()) {
        return unreadable(Text::tr("this is a folder. Add the video or photo files inside it instead."));
    }
    // One open for every read: FFmpeg, the head and the image header read the descriptor that was
    // checked to be a regular file, whatever the name points to meanwhile.
    auto opened = ffmpeg::InputFile::open(path, m_timeout, cancel);
    if (!opened) {
        return std::unexpected(openError(name, path, opened.error()));
    }
    QFile &file = (*opened)->file();
    const qint64 sizeBytes = file.size(); // not 0: FFmpeg found a container in it
    file.seek(0);
    const QByteArray head = file.read(256);
    AVFormatContext *context = (*opened)->context();
    const ContainerFamily family = containerFamily(context->iformat);

    const AVStream *video = primaryVideoStream(context);
    const bool needsStreamInfo =
        !video || video->codecpar->codec_id == AV_CODEC_ID_NONE
        || (family != ContainerFamily::Image
            && (video->codecpar->width <= 0 || rationalValue(video->avg_frame_rate) <= 0));
    if (needsStreamInfo) {
        // Some containers (WebM without DefaultDuration, MPEG-TS) state no frame rate or size in
        // their headers; FFmpeg then reads the first packets.
        const int rc = avformat_find_stream_info(context, nullptr);
        if (rc < 0) {
            return unreadable(u"its streams cannot be read (" + ffmpeg::errorString(rc)
                              + u"). It may be damaged: export or copy it again.");
        }
        video = primaryVideoStream(context);
    }
    if (!video) {
        if (hasStream(context, AVMEDIA_TYPE_AUDIO)) {
            return unreadable(Text::tr("it holds only audio. TikTok posts need a video or photos."));
        }
        return unreadable(
            Text::tr("it holds no video or picture. Add an MP4, MOV or WebM video, or a JPEG or "
                     "WebP photo."));
    }

    MediaDescriptor media;
    media.url = fileUrlForPath(info.absoluteFilePath());
    media.filename = name;
    media.sizeBytes = sizeBytes;
    media.codec = QString::fromLatin1(avcodec_get_name(video->codecpar->codec_id));
    media.hasAudio = hasStream(context, AVMEDIA_TYPE_AUDIO);
    int width = video->codecpar->width;
    int height = video->codecpar->height;
    int rotation = 0;

    const std::optional<ImageCodec> image = imageCodec(video->codecpar->codec_id);
    if (family == ContainerFamily::Image && image) {
        media.type = MediaType::Photo;
        media.mimeType = QString::fromLatin1(image->mimeType);
        media.durationSeconds = 0.0;
        media.frameRate = 0.0;
        if (image->headerFormat) {
            const auto header = readImageHeader(file, *image->headerFormat, deadline, cancel);
            if (!header) {
                return imageHeaderError(name, header.error());
            }
            width = header->width;
            height = header->height;
            rotation = rotationForExifOrientation(header->exifOrientation);
        }
    } else if (family == ContainerFamily::Image) {
        return unreadable(
            Text::tr("it is an image format ClipQueue does not know. Save it as JPEG or WebP."));
    } else {
        media.type = MediaType::Video;
        switch (family) {
        case ContainerFamily::IsoBmff:
            media.mimeType = isoBmffMimeType(context);
            break;
        case ContainerFamily::Matroska:
            media.mimeType = matroskaDocType(head) == "webm" ? QStringLiteral("video/webm")
                                                             : QStringLiteral("video/x-matroska");
            break;
        default: {
            const QByteArray mimeTypes = context->iformat->mime_type ? context->iformat->mime_type : "";
            const QByteArray first = mimeTypes.split(',').value(0);
            media.mimeType = first.isEmpty() ? u"video/x-" + QString::fromLatin1(context->iformat->name)
                                             : QString::fromLatin1(first);
        }
        }
        if (context->duration != AV_NOPTS_VALUE && context->duration > 0) {
            media.durationSeconds = double(context->duration) / AV_TIME_BASE;
        } else if (video->duration != AV_NOPTS_VALUE && video->duration > 0) {
            media.durationSeconds = double(video->duration) * rationalValue(video->time_base);
        } else {
            media.durationSeconds = 0.0;
        }
        const double averageRate = rationalValue(video->avg_frame_rate);
        if (*media.durationSeconds > MaxPlausibleDurationSeconds) {
            return unreadable(Text::tr("its header claims a duration of %1 hours, which no real clip "
                                       "has: the file is damaged. Export it again.")
                                  .arg(*media.durationSeconds / 3600.0, 0, 'f', 0));
        }
        media.frameRate = averageRate > 0 ? averageRate : rationalValue(video->r_frame_rate);
        rotation = streamRotation(video);
        if (family == ContainerFamily::IsoBmff) {
            if (const qint64 expected = bytesIndexedBeyond(context, sizeBytes)) {
                return unreadable(Text::tr("the file is cut short (%1 of %2 bytes). Copy or export it again.")
                                      .arg(sizeBytes)
                                      .arg(expected));
            }
        }
    }
    if (width <= 0 || height <= 0) {
        return unreadable(Text::tr("its picture size cannot be read. It may be damaged: export it again."));
    }
    if (rotation == 90 || rotation == 270) {
        std::swap(width, height);
    }
    media.width = width;
    media.height = height;
    media.rotation = rotation;
    qCDebug(lcProbe) << "probed" << media.filename << media.mimeType << width << height;
    return media;
}

QList<std::expected<MediaDescriptor, Error>> MediaProber::probeAll(const QStringList &paths) const {
    return QtConcurrent::blockingMapped<QList<std::expected<MediaDescriptor, Error>>>(
        paths, [this](const QString &path) { return probe(path); });
}

} // namespace cq
