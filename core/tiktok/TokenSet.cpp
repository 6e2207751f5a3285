#include "tiktok/TokenSet.h"

#include <QJsonDocument>
#include <QRegularExpression>

namespace cq::tiktok {

namespace {
// The fields TikTok's answer and the stored form share, under the same names.
TokenSet commonFields(const QJsonObject &json) {
    TokenSet tokens;
    tokens.openId = json.value(u"open_id").toString();
    tokens.accessToken = json.value(u"access_token").toString();
    tokens.refreshToken = json.value(u"refresh_token").toString();
    tokens.scope = json.value(u"scope").toString();
    return tokens;
}
} // namespace

std::expected<TokenSet, TikTokError> TokenSet::fromTokenAnswer(const QJsonObject &answer,
                                                               const QDateTime &now) {
    TokenSet tokens = commonFields(answer);
    tokens.accessExpiresAt = now.addSecs(answer.value(u"expires_in").toInteger());
    tokens.refreshExpiresAt = now.addSecs(answer.value(u"refresh_expires_in").toInteger());
    // An answer without any of them is no answer: the stored tokens must stay as they are.
    if (tokens.accessToken.isEmpty() || tokens.refreshToken.isEmpty() || tokens.openId.isEmpty()) {
        return std::unexpected(invalidAnswer(
            QStringLiteral("TikTok's token answer lacked access_token, refresh_token or open_id."),
            TikTokError::Kind::Permanent));
    }
    return tokens;
}

QStringList TokenSet::scopes() const {
    return scopesFrom(scope);
}

QStringList TokenSet::scopesFrom(const QString &text) {
    QStringList scopes;
    for (const QString &each :
         text.split(QRegularExpression(QStringLiteral("[,\\s]+")), Qt::SkipEmptyParts)) {
        if (!scopes.contains(each)) {
            scopes << each;
        }
    }
    return scopes;
}

QByteArray TokenSet::toStoredJson() const {
    return QJsonDocument(
               QJsonObject{{QStringLiteral("open_id"), openId},
                           {QStringLiteral("access_token"), accessToken},
                           {QStringLiteral("refresh_token"), refreshToken},
                           {QStringLiteral("scope"), scope},
                           {QStringLiteral("access_expires_at"), accessExpiresAt.toString(Qt::ISODate)},
                           {QStringLiteral("refresh_expires_at"), refreshExpiresAt.toString(Qt::ISODate)}})
        .toJson(QJsonDocument::Compact);
}

std::optional<TokenSet> TokenSet::fromStoredJson(const QByteArray &json) {
    const QJsonObject object = QJsonDocument::fromJson(json).object();
    TokenSet tokens = commonFields(object);
    tokens.accessExpiresAt =
        QDateTime::fromString(object.value(u"access_expires_at").toString(), Qt::ISODate);
    tokens.refreshExpiresAt =
        QDateTime::fromString(object.value(u"refresh_expires_at").toString(), Qt::ISODate);
    if (tokens.refreshToken.isEmpty()) {
        return std::nullopt;
    }
    return tokens;
}

} // namespace cq::tiktok
