#pragma once

#include <QStringView>
#include <QtGlobal>

// TikTok's media and post limits (docs/tiktok.md, "Limits"). Where TikTok writes "MB" or "GB"
// without saying which, the smaller (decimal) reading is used so that every accepted post is
// accepted by TikTok under both readings.
namespace cq::rules {

inline constexpr int MaxPhotos = 35;
inline constexpr int MaxCaptionVideoUtf16 = 2200;
inline constexpr int MaxDescriptionPhotoUtf16 = 4000;
inline constexpr int MaxPhotoTitleUtf16 = 90;

inline constexpr double MinVideoDurationSeconds = 3.0;
inline constexpr double MinFrameRate = 23.0;
inline constexpr double MaxFrameRate = 60.0;
inline constexpr int MinVideoSidePx = 360;
inline constexpr int MaxVideoSidePx = 4096;
inline constexpr qint64 MaxVideoBytes = 4'000'000'000;

inline constexpr qint64 MaxPhotoBytes = 20'000'000;
inline constexpr int MaxPhotoShortSidePx = 1080;

// Frame rates are averages: 29.97 is "30", 59.94 is "60", so allow a rounding margin.
inline constexpr double FrameRateTolerance = 0.01;

inline bool isAcceptedVideoContainer(QStringView mimeType) {
    return mimeType == u"video/mp4" || mimeType == u"video/quicktime" || mimeType == u"video/webm";
}
inline bool isAcceptedVideoCodec(QStringView codec) {
    return codec == u"h264" || codec == u"hevc" || codec == u"vp8" || codec == u"vp9";
}
inline bool isAcceptedFrameRate(double framesPerSecond) {
    return framesPerSecond >= MinFrameRate - FrameRateTolerance
           && framesPerSecond <= MaxFrameRate + FrameRateTolerance;
}
inline bool isAcceptedPhotoFormat(QStringView mimeType) {
    return mimeType == u"image/jpeg" || mimeType == u"image/webp";
}

} // namespace cq::rules
