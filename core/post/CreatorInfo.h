#pragma once

#include "util/Error.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <expected>
#include <optional>

namespace cq {

// What TikTok's creator info query says about the connected account
// (POST /v2/post/publish/creator_info/query/).
struct CreatorInfo {
    QString username;
    QString nickname;
    QString avatarUrl;
    QStringList privacyLevelOptions;
    bool commentDisabled = false;
    bool duetDisabled = false;
    bool stitchDisabled = false;
    std::optional<int> maxVideoPostDurationSec;
    // TikTok's error code when the query said this creator cannot post now
    // (spam_risk_too_many_posts, spam_risk_user_banned_from_posting, reached_active_user_cap).
    QString cannotPostCode;

    // The error codes that mean "this creator cannot post now" (TikTok sends them with HTTP 200 from
    // creator info, and from init); they pass with time, unlike other refusals.
    static const QStringList &cannotPostCodes();

    // Reads either the `data` object alone or the whole answer envelope `{data, error}`.
    static std::expected<CreatorInfo, Error> fromJson(const QJsonObject &json);
    // The `data` object again (TikTok's field names), for caching; fromJson(toJson()) is the same info.
    QJsonObject toJson() const;
};

} // namespace cq
