#pragma once

#include "tiktok/TikTokError.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <expected>
#include <optional>

namespace cq::tiktok {

// What TikTok's token endpoint hands out. Lifetimes come from each answer, never hard-coded.
struct TokenSet {
    QString openId;
    QString accessToken;  // never logged
    QString refreshToken; // never logged; rotates on every refresh
    QString scope;        // as TikTok sends it: "user.info.basic,video.publish"
    QDateTime accessExpiresAt;
    QDateTime refreshExpiresAt;

    // TikTok's answer to a code exchange or a refresh (lifetimes in seconds from `now`). An answer
    // without access_token, refresh_token or open_id is an invalid answer.
    static std::expected<TokenSet, TikTokError> fromTokenAnswer(const QJsonObject &answer,
                                                                const QDateTime &now);

    QStringList scopes() const;
    // Scopes from TikTok's comma-separated list (the callback's `scopes`, the answer's `scope`).
    static QStringList scopesFrom(const QString &text);

    // The form the token stores keep (absolute expiry times). Without a refresh token a stored set
    // is worthless: nullopt.
    QByteArray toStoredJson() const;
    static std::optional<TokenSet> fromStoredJson(const QByteArray &json);
};

} // namespace cq::tiktok
