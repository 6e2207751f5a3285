#pragma once

#include "media/MediaDescriptor.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace cq {

// TikTok's privacy levels, spelled as the API spells them.
namespace privacy {
inline constexpr auto PublicToEveryone = "PUBLIC_TO_EVERYONE";
inline constexpr auto MutualFollowFriends = "MUTUAL_FOLLOW_FRIENDS";
inline constexpr auto FollowerOfCreator = "FOLLOWER_OF_CREATOR";
inline constexpr auto SelfOnly = "SELF_ONLY";
QStringList allLevels();
} // namespace privacy

// `content.platformOverrides.tiktok.settings`. Interactions default to disabled and commercial
// disclosure to off, as TikTok's content sharing guidelines require; privacy has no default.
struct TikTokSettings {
    QString privacyLevel; // empty: not chosen
    bool disableComment = true;
    bool disableDuet = true;
    bool disableStitch = true;
    // The "Disclose commercial content" switch. The post JSON contract has no such field; it is
    // `discloseCommercialContent`, implied true when either brand toggle is on.
    bool discloseCommercialContent = false;
    bool brandContentToggle = false;
    bool brandOrganicToggle = false;
    bool isAigc = false;
    std::optional<qint64> videoCoverTimestampMs;
    bool autoAddMusic = false;
    int photoCoverIndex = 0; // TikTok's photo_cover_index: which photo (0-based) is the carousel's cover
    QString title;           // the short photo title
    // "DIRECT_POST" (default) posts onto the profile; "MEDIA_UPLOAD" sends the media to the
    // creator's TikTok drafts (inbox), where they finish it in the app and no post settings apply.
    QString postMode = QStringLiteral("DIRECT_POST");
    bool sendsToDrafts() const { return postMode == u"MEDIA_UPLOAD"; }
    bool operator==(const TikTokSettings &) const = default;
};

// What a post says, apart from its media and its time: the caption, TikTok's settings, where it
// goes, and the unknown fields of the document it was read from. A stored post keeps its media
// (with where the bytes are) and its schedule (with the zone the user picked) beside it.
struct PostContent {
    QString text; // the caption: TikTok's `title` for a video, `description` for photos
    TikTokSettings tiktok;
    QStringList platforms{QStringLiteral("tiktok")};
    QString platformSetId; // empty: none
    QStringList accounts;
    // The document this post was read from, so that unknown fields survive a round trip.
    QJsonObject sourceJson;
};

// A post as the post JSON contract (docs/post-json.md) describes it.
struct Post : PostContent {
    QList<MediaDescriptor> media;
    std::optional<QDateTime> scheduledFor; // nullopt: publish now

    int videoCount() const;
    int photoCount() const;
    bool isPhotoPost() const { return photoCount() > 0 && videoCount() == 0; }
};

} // namespace cq
