#pragma once

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

} // namespace cq::rules
