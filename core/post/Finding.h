#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

namespace cq {

// The validation codes of docs/validation.md. The strings from findingCodeName() are a stable
// contract: add codes, never rename.
enum class FindingCode {
    PostMediaRequired = 1,
    PostMixedMedia,
    PostTooManyVideos,
    PostTooManyPhotos,
    PostNoAccounts,
    PostUnknownField,
    PostJsonMalformed,
    PostJsonInvalid,
    MediaUnreadable,
    MediaMetadataMissing,
    MediaMetadataMismatch,
    VideoContainerUnsupported,
    VideoCodecUnsupported,
    VideoFrameRateOutOfRange,
    VideoDimensionsTooSmall,
    VideoDimensionsTooLarge,
    VideoDurationTooLong,
    VideoDurationTooShort,
    VideoFileTooLarge,
    VideoNotVertical,
    VideoCoverOutOfRange,
    PhotoFormatUnsupported,
    PhotoFileTooLarge,
    PhotoDimensionsTooLarge,
    CaptionTooLong,
    PhotoTitleTooLong,
    PrivacyRequired,
    PrivacyNotAllowed,
    PrivacyBrandedContentPrivate,
    DisclosureTypeRequired,
    InteractionDisabledByCreator,
    InteractionNotForPhotos,
    CreatorCannotPost,
    CreatorUnknown,
    ScheduleInPast,
    ScheduleTooFar,
    PhotoCoverOutOfRange,
    PhotoHostMissing,
    PostAccountSetUnknown,
    PostAccountSetEmpty,
    MediaDuplicate,
};

QString findingCodeName(FindingCode code);

enum class Severity { Error, Warning };

// One validation result: `field` is a JSON Pointer into the post, `message` names the file or field
// and says what to do. `fix` says what ClipQueue's conversion would do to clear it ("scale to
// 1080x1440 JPEG"); empty when no conversion applies (docs/validation.md, "Fixes").
struct Finding {
    Severity severity;
    FindingCode code;
    QString field;
    QString message;
    QString fix = {};

    bool isError() const { return severity == Severity::Error; }
    QJsonObject toJson() const;
};

bool hasErrors(const QList<Finding> &findings);

} // namespace cq
