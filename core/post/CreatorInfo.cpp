#include "post/CreatorInfo.h"

#include <QJsonArray>

namespace cq {

namespace {
// A day: TikTok's own maximum is an hour; anything beyond a day is a broken answer.
constexpr int MaxPlausibleDurationSec = 24 * 3600;
} // namespace

std::expected<CreatorInfo, Error> CreatorInfo::fromJson(const QJsonObject &json) {
    const bool isEnvelope = json.contains(u"data") && json.value(u"data").isObject();
    const QJsonObject data = isEnvelope ? json.value(u"data").toObject() : json;
    CreatorInfo info;
    if (isEnvelope) {
        const QString code = json.value(u"error").toObject().value(u"code").toString();
        if (!code.isEmpty() && code != u"ok") {
            info.cannotPostCode = code;
        }
    }
    const QJsonValue options = data.value(u"privacy_level_options");
    if (!options.isUndefined() && !options.isArray()) {
        return std::unexpected(
            Error{ErrorCode::JsonInvalid,
                  QStringLiteral("privacy_level_options must be an array of privacy levels.")});
    }
    for (const QJsonValue &option : options.toArray()) {
        info.privacyLevelOptions << option.toString();
    }
    info.username = data.value(u"creator_username").toString();
    info.nickname = data.value(u"creator_nickname").toString();
    info.avatarUrl = data.value(u"creator_avatar_url").toString();
    info.commentDisabled = data.value(u"comment_disabled").toBool();
    info.duetDisabled = data.value(u"duet_disabled").toBool();
    info.stitchDisabled = data.value(u"stitch_disabled").toBool();
    const QJsonValue maxDuration = data.value(u"max_video_post_duration_sec");
    if (!maxDuration.isUndefined() && !maxDuration.isNull()) {
        // Checked before it is converted: 1e308 must not become 0, nor 3e9 a negative number.
        const double seconds = maxDuration.toDouble(-1);
        if (!maxDuration.isDouble() || !(seconds >= 1) || seconds > MaxPlausibleDurationSec) {
            return std::unexpected(Error{ErrorCode::JsonInvalid,
                                         QStringLiteral("max_video_post_duration_sec must be a number of "
                                                        "seconds from 1 to %1.")
                                             .arg(MaxPlausibleDurationSec)});
        }
        info.maxVideoPostDurationSec = int(seconds);
    }
    return info;
}

QJsonObject CreatorInfo::toJson() const {
    QJsonObject data{
        {QStringLiteral("creator_username"), username},
        {QStringLiteral("creator_nickname"), nickname},
        {QStringLiteral("creator_avatar_url"), avatarUrl},
        {QStringLiteral("privacy_level_options"), QJsonArray::fromStringList(privacyLevelOptions)},
        {QStringLiteral("comment_disabled"), commentDisabled},
        {QStringLiteral("duet_disabled"), duetDisabled},
        {QStringLiteral("stitch_disabled"), stitchDisabled}};
    if (maxVideoPostDurationSec) {
        data.insert(QStringLiteral("max_video_post_duration_sec"), *maxVideoPostDurationSec);
    }
    if (cannotPostCode.isEmpty()) {
        return data;
    }
    // As TikTok sends it: the envelope carries the reason the creator cannot post.
    return QJsonObject{{QStringLiteral("data"), data},
                       {QStringLiteral("error"), QJsonObject{{QStringLiteral("code"), cannotPostCode}}}};
}

} // namespace cq
