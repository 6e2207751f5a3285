#include "post/ConformPlan.h"

#include <QCoreApplication>
#include <QStringList>

#include <algorithm>
#include <cmath>

namespace cq {

namespace {

// The context of the fixes' descriptions, which the window shows translated.
class Text {
    Q_DECLARE_TR_FUNCTIONS(cq::ConformPlan)
};

// Video sizes must be even for 4:2:0 chroma.
int evenDown(double value) {
    return std::max(2, int(std::floor(value / 2.0)) * 2);
}
int evenUp(double value) {
    return int(std::ceil(value / 2.0)) * 2;
}

QString size(int width, int height) {
    return QString::number(width) + u'x' + QString::number(height);
}

QString seconds(double value) {
    return QString::number(value, 'f', 1) + u" s";
}

// The display size inside 360-4096 px on each side, or nullopt when none keeps the aspect ratio.
std::optional<std::pair<int, int>> videoSizeWithinLimits(int width, int height) {
    const int shorter = std::min(width, height);
    const int longer = std::max(width, height);
    if (shorter >= rules::MinVideoSidePx && longer <= rules::MaxVideoSidePx) {
        return std::pair{width, height};
    }
    if (longer > rules::MaxVideoSidePx) {
        const double factor = double(rules::MaxVideoSidePx) / longer;
        const auto scaled = std::pair{evenDown(width * factor), evenDown(height * factor)};
        if (std::min(scaled.first, scaled.second) < rules::MinVideoSidePx) {
            return std::nullopt;
        }
        return scaled;
    }
    const double factor = double(rules::MinVideoSidePx) / shorter;
    const auto scaled = std::pair{evenUp(width * factor), evenUp(height * factor)};
    if (std::max(scaled.first, scaled.second) > rules::MaxVideoSidePx) {
        return std::nullopt;
    }
    return scaled;
}

std::optional<ConformPlan> planPhoto(const MediaDescriptor &media, const ConformLimits &limits) {
    static const QStringList decodable{QStringLiteral("image/jpeg"), QStringLiteral("image/webp"),
                                       QStringLiteral("image/png"),  QStringLiteral("image/gif"),
                                       QStringLiteral("image/bmp"),  QStringLiteral("image/tiff")};
    if (!decodable.contains(media.mimeType) || !media.width || !media.height) {
        return std::nullopt;
    }
    ConformPlan plan;
    PhotoConversion photo{*media.width, *media.height, limits.maxPhotoBytes / 2};
    if (!rules::isAcceptedPhotoFormat(media.mimeType)) {
        plan.fixes << FindingCode::PhotoFormatUnsupported;
    }
    if (media.sizeBytes && *media.sizeBytes > limits.maxPhotoBytes) {
        plan.fixes << FindingCode::PhotoFileTooLarge;
    }
    const int shorter = std::min(photo.width, photo.height);
    if (shorter > rules::MaxPhotoShortSidePx) {
        plan.fixes << FindingCode::PhotoDimensionsTooLarge;
        const double factor = double(rules::MaxPhotoShortSidePx) / shorter;
        photo.width =
            photo.width == shorter ? rules::MaxPhotoShortSidePx : int(std::lround(photo.width * factor));
        photo.height =
            photo.height == shorter ? rules::MaxPhotoShortSidePx : int(std::lround(photo.height * factor));
    }
    if (plan.fixes.isEmpty() && !limits.stripPhotoMetadata) {
        return std::nullopt;
    }
    if (plan.fixes.isEmpty() && media.mimeType == u"image/jpeg" && media.rotation.value_or(0) == 0) {
        photo.keepPixels = true;
        plan.description = Text::tr("remove metadata (location)");
        plan.photo = photo;
        return plan;
    }
    const bool upright = media.rotation.value_or(0) != 0;
    const QString pattern =
        plan.fixes.contains(FindingCode::PhotoDimensionsTooLarge)
            ? (upright ? Text::tr("scale to %1 JPEG, turned upright") : Text::tr("scale to %1 JPEG"))
            : (upright ? Text::tr("convert to a %1 JPEG, turned upright") : Text::tr("convert to a %1 JPEG"));
    plan.description = pattern.arg(size(photo.width, photo.height));
    plan.photo = photo;
    return plan;
}

// What the video conversion does, in words: "re-encode as H.264/AAC MP4, at 60 fps, ...".
QString describeVideo(const VideoConversion &video, const MediaDescriptor &media) {
    QStringList parts{video.reencodeVideo ? Text::tr("re-encode as H.264/AAC MP4")
                                          : Text::tr("repackage as MP4 without re-encoding")};
    if (video.frameRate > 0) {
        parts << Text::tr("at %1 fps").arg(QString::number(video.frameRate));
    }
    if (video.width > 0 && (video.width != media.width || video.height != media.height)) {
        parts << Text::tr("scaled to %1").arg(size(video.width, video.height));
    }
    if (video.trim) {
        parts << Text::tr("trimmed to %1 - %2")
                     .arg(seconds(video.trim->startSeconds), seconds(video.trim->endSeconds));
    }
    if (video.videoBitsPerSecond > 0) {
        parts << Text::tr("at %1 Mbit/s to stay under 4 GB")
                     .arg(QString::number(double(video.videoBitsPerSecond) / 1e6, 'f', 1));
    }
    return parts.join(QStringLiteral(", "));
}

std::optional<ConformPlan> planVideo(const MediaDescriptor &media, const ConformLimits &limits) {
    ConformPlan plan;
    VideoConversion video;
    const bool codecAccepted = media.codec.isEmpty() || rules::isAcceptedVideoCodec(media.codec);
    const bool copyable = media.codec == u"h264" || media.codec == u"hevc";
    if (!codecAccepted) {
        plan.fixes << FindingCode::VideoCodecUnsupported;
    }
    if (!media.mimeType.isEmpty() && !rules::isAcceptedVideoContainer(media.mimeType)) {
        plan.fixes << FindingCode::VideoContainerUnsupported;
    }
    if (media.frameRate && *media.frameRate > 0 && !rules::isAcceptedFrameRate(*media.frameRate)) {
        plan.fixes << FindingCode::VideoFrameRateOutOfRange;
        video.frameRate = *media.frameRate > rules::MaxFrameRate ? 60.0 : 30.0;
    }
    if (media.width && media.height) {
        if (const auto fitted = videoSizeWithinLimits(*media.width, *media.height)) {
            video.width = fitted->first;
            video.height = fitted->second;
            if (*fitted != std::pair{*media.width, *media.height}) {
                plan.fixes << (std::min(*media.width, *media.height) < rules::MinVideoSidePx
                                   ? FindingCode::VideoDimensionsTooSmall
                                   : FindingCode::VideoDimensionsTooLarge);
            }
        }
    }
    const double duration = media.durationSeconds.value_or(0.0);
    double keptSeconds = duration;
    if (limits.maxDurationSeconds && duration > *limits.maxDurationSeconds) {
        TimeRange range = limits.trim.value_or(TimeRange{0.0, double(*limits.maxDurationSeconds)});
        range.endSeconds =
            std::min({range.endSeconds, duration, range.startSeconds + *limits.maxDurationSeconds});
        video.trim = range;
        keptSeconds = range.lengthSeconds();
        plan.fixes << FindingCode::VideoDurationTooLong;
    }
    if (media.sizeBytes && *media.sizeBytes > limits.maxVideoBytes && keptSeconds > 0) {
        // 5 % of the budget is left for the container and the encoder's rate control missing.
        const double budgetBits = double(limits.maxVideoBytes) * 8.0 * 0.95;
        video.videoBitsPerSecond =
            std::max<qint64>(100'000, qint64(budgetBits / keptSeconds) - encoding::AacBitsPerSecond);
        plan.fixes << FindingCode::VideoFileTooLarge;
    }
    if (plan.fixes.isEmpty()) {
        return std::nullopt;
    }
    // Only a wrong container around an accepted H.264/HEVC stream is repackaged as it is.
    video.reencodeVideo = !(plan.fixes == QList{FindingCode::VideoContainerUnsupported} && copyable);
    plan.description = describeVideo(video, media);
    plan.video = video;
    return plan;
}

} // namespace

ConformLimits conformLimitsFor(const std::optional<CreatorInfo> &creator) {
    ConformLimits limits;
    if (creator) {
        limits.maxDurationSeconds = creator->maxVideoPostDurationSec;
    }
    return limits;
}

std::optional<ConformPlan> planConform(const MediaDescriptor &media, const ConformLimits &limits) {
    if (media.isPhoto()) {
        return planPhoto(media, limits);
    }
    if (media.isVideo()) {
        return planVideo(media, limits);
    }
    return std::nullopt;
}

} // namespace cq
