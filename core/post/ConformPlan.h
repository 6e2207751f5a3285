#pragma once

#include "media/MediaDescriptor.h"
#include "media/convert/ConversionSpec.h"
#include "post/CreatorInfo.h"
#include "post/Finding.h"
#include "post/TikTokRules.h"

#include <QList>

#include <optional>

namespace cq {

// What a conversion must respect besides TikTok's fixed rules.
struct ConformLimits {
    std::optional<int> maxDurationSeconds; // the creator's maximum video length, when known
    // The part of a too-long video to keep (picked in the preview); default: from the start.
    std::optional<TimeRange> trim;
    qint64 maxVideoBytes = rules::MaxVideoBytes;
    qint64 maxPhotoBytes = rules::MaxPhotoBytes;
    // The user asked to remove location from photos: every photo loses its metadata (EXIF with
    // GPS, XMP, IPTC), an upright JPEG without being re-encoded.
    bool stripPhotoMetadata = false;
};

ConformLimits conformLimitsFor(const std::optional<CreatorInfo> &creator);

// The conversion that makes one media item acceptable to TikTok: exactly one of `photo` and
// `video` is set. `fixes` are the finding codes it clears; `description` says what it does, for
// people ("scale to 1080x1440 JPEG"), and is the `fix` of those findings.
struct ConformPlan {
    std::optional<PhotoConversion> photo;
    std::optional<VideoConversion> video;
    QList<FindingCode> fixes;
    QString description;
};

// The conversion `media` needs, from its (probed) descriptor; nullopt when it needs none or none
// would help (an undecodable format, a video too narrow to scale into 360-4096 px). Pure.
std::optional<ConformPlan> planConform(const MediaDescriptor &media, const ConformLimits &limits);

} // namespace cq
