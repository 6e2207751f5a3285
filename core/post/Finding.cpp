#include "post/Finding.h"

#include <algorithm>

namespace cq {

QString findingCodeName(FindingCode code) {
    switch (code) {
    case FindingCode::PostMediaRequired:
        return QStringLiteral("post.media_required");
    case FindingCode::PostMixedMedia:
        return QStringLiteral("post.mixed_media");
    case FindingCode::PostTooManyVideos:
        return QStringLiteral("post.too_many_videos");
    case FindingCode::PostTooManyPhotos:
        return QStringLiteral("post.too_many_photos");
    case FindingCode::PostNoAccounts:
        return QStringLiteral("post.no_accounts");
    case FindingCode::PostUnknownField:
        return QStringLiteral("post.unknown_field");
    case FindingCode::PostJsonMalformed:
        return QStringLiteral("post.json_malformed");
    case FindingCode::PostJsonInvalid:
        return QStringLiteral("post.json_invalid");
    case FindingCode::MediaUnreadable:
        return QStringLiteral("media.unreadable");
    case FindingCode::MediaMetadataMissing:
        return QStringLiteral("media.metadata_missing");
    case FindingCode::MediaMetadataMismatch:
        return QStringLiteral("media.metadata_mismatch");
    case FindingCode::VideoContainerUnsupported:
        return QStringLiteral("video.container_unsupported");
    case FindingCode::VideoCodecUnsupported:
        return QStringLiteral("video.codec_unsupported");
    case FindingCode::VideoFrameRateOutOfRange:
        return QStringLiteral("video.frame_rate_out_of_range");
    case FindingCode::VideoDimensionsTooSmall:
        return QStringLiteral("video.dimensions_too_small");
    case FindingCode::VideoDimensionsTooLarge:
        return QStringLiteral("video.dimensions_too_large");
    case FindingCode::VideoDurationTooLong:
        return QStringLiteral("video.duration_too_long");
    case FindingCode::VideoDurationTooShort:
        return QStringLiteral("video.duration_too_short");
    case FindingCode::VideoFileTooLarge:
        return QStringLiteral("video.file_too_large");
    case FindingCode::VideoNotVertical:
        return QStringLiteral("video.not_vertical");
    case FindingCode::VideoCoverOutOfRange:
        return QStringLiteral("video.cover_out_of_range");
    case FindingCode::PhotoFormatUnsupported:
        return QStringLiteral("photo.format_unsupported");
    case FindingCode::PhotoFileTooLarge:
        return QStringLiteral("photo.file_too_large");
    case FindingCode::PhotoDimensionsTooLarge:
        return QStringLiteral("photo.dimensions_too_large");
    case FindingCode::CaptionTooLong:
        return QStringLiteral("caption.too_long");
    case FindingCode::PhotoTitleTooLong:
        return QStringLiteral("photo.title_too_long");
    case FindingCode::PrivacyRequired:
        return QStringLiteral("privacy.required");
    case FindingCode::PrivacyNotAllowed:
        return QStringLiteral("privacy.not_allowed");
    case FindingCode::PrivacyBrandedContentPrivate:
        return QStringLiteral("privacy.branded_content_private");
    case FindingCode::DisclosureTypeRequired:
        return QStringLiteral("disclosure.type_required");
    case FindingCode::InteractionDisabledByCreator:
        return QStringLiteral("interaction.disabled_by_creator");
    case FindingCode::InteractionNotForPhotos:
        return QStringLiteral("interaction.not_for_photos");
    case FindingCode::CreatorCannotPost:
        return QStringLiteral("creator.cannot_post");
    case FindingCode::CreatorUnknown:
        return QStringLiteral("creator.unknown");
    case FindingCode::ScheduleInPast:
        return QStringLiteral("schedule.in_past");
    case FindingCode::ScheduleTooFar:
        return QStringLiteral("schedule.too_far");
    case FindingCode::PhotoCoverOutOfRange:
        return QStringLiteral("photo.cover_out_of_range");
    case FindingCode::PhotoHostMissing:
        return QStringLiteral("photo.host_missing");
    case FindingCode::PostAccountSetUnknown:
        return QStringLiteral("post.account_set_unknown");
    case FindingCode::PostAccountSetEmpty:
        return QStringLiteral("post.account_set_empty");
    case FindingCode::MediaDuplicate:
        return QStringLiteral("media.duplicate");
    }
    return QStringLiteral("unknown");
}

QJsonObject Finding::toJson() const {
    QJsonObject json{
        {QStringLiteral("severity"),
         severity == Severity::Error ? QStringLiteral("error") : QStringLiteral("warning")},
        {QStringLiteral("code"), findingCodeName(code)},
        {QStringLiteral("field"), field},
        {QStringLiteral("message"), message},
    };
    if (!fix.isEmpty()) {
        json.insert(QStringLiteral("fix"), fix);
    }
    return json;
}

bool hasErrors(const QList<Finding> &findings) {
    return std::any_of(findings.cbegin(), findings.cend(), [](const Finding &f) { return f.isError(); });
}

} // namespace cq
