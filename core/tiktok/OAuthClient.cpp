#include "tiktok/OAuthClient.h"

#include "tiktok/TikTokClient.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QUrlQuery>

namespace cq::tiktok {

QStringList OAuthClient::defaultScopes() {
    return {QStringLiteral("user.info.basic"), QStringLiteral("video.publish"),
            QStringLiteral("video.upload")};
}

OAuthClient::OAuthClient(QNetworkAccessManager &network, ApiConfig config, const Clock &clock,
                         QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_config(std::move(config))
    , m_clock(clock) {
}

QUrl OAuthClient::authorizationUrl(const QString &redirectUri, const Pkce &pkce, const QString &state,
                                   const QStringList &scopes) const {
    QUrl url = m_config.authUrl;
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("client_key"), m_config.clientKey);
    query.addQueryItem(QStringLiteral("scope"), scopes.join(u','));
    query.addQueryItem(QStringLiteral("response_type"), QStringLiteral("code"));
    query.addQueryItem(QStringLiteral("redirect_uri"), redirectUri);
    query.addQueryItem(QStringLiteral("state"), state);
    query.addQueryItem(QStringLiteral("code_challenge"), pkce.challenge);
    query.addQueryItem(QStringLiteral("code_challenge_method"), QStringLiteral("S256"));
    url.setQuery(query);
    return url;
}

void OAuthClient::postForm(const QString &path, const QList<std::pair<QString, QString>> &fields,
                           std::function<void(std::expected<QJsonObject, TikTokError>)> done) {
    QNetworkRequest request(m_config.endpoint(path));
    request.setTransferTimeout(30'000);
    request.setHeader(QNetworkRequest::ContentTypeHeader,
                      QStringLiteral("application/x-www-form-urlencoded"));
    QUrlQuery form;
    for (const auto &[key, value] : fields) {
        form.addQueryItem(key, QString::fromLatin1(QUrl::toPercentEncoding(value)));
    }
    QNetworkReply *reply = m_network.post(request, form.toString(QUrl::FullyEncoded).toUtf8());
    connect(reply, &QNetworkReply::finished, this, [reply, done = std::move(done)] {
        reply->deleteLater();
        const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
        if (!status.isValid()) {
            done(std::unexpected(networkError(reply)));
            return;
        }
        const QByteArray raw = reply->readAll();
        if (auto error = errorFromResponse(status.toInt(), raw)) {
            done(std::unexpected(*error));
            return;
        }
        const QJsonObject json = QJsonDocument::fromJson(raw).object();
        // Token answers are flat; some TikTok answers wrap them in "data".
        done(json.contains(u"data") && json.value(u"data").isObject() ? json.value(u"data").toObject()
                                                                      : json);
    });
}

void OAuthClient::exchangeCode(const QString &code, const QString &redirectUri, const QString &codeVerifier,
                               TokenCallback done) {
    postForm(QStringLiteral("/v2/oauth/token/"),
             {{QStringLiteral("client_key"), m_config.clientKey},
              {QStringLiteral("client_secret"), m_config.clientSecret},
              {QStringLiteral("code"), code},
              {QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
              {QStringLiteral("redirect_uri"), redirectUri},
              {QStringLiteral("code_verifier"), codeVerifier}},
             [this, done = std::move(done)](std::expected<QJsonObject, TikTokError> json) {
                 if (!json) {
                     done(std::unexpected(json.error()));
                     return;
                 }
                 const QDateTime now = m_clock.nowUtc();
                 TokenSet tokens{json->value(u"open_id").toString(),
                                 json->value(u"access_token").toString(),
                                 json->value(u"refresh_token").toString(),
                                 json->value(u"scope").toString(),
                                 now.addSecs(json->value(u"expires_in").toInteger()),
                                 now.addSecs(json->value(u"refresh_expires_in").toInteger())};
                 if (tokens.accessToken.isEmpty() || tokens.refreshToken.isEmpty()) {
                     done(
                         std::unexpected(invalidAnswer(QStringLiteral("TikTok's token answer had no tokens."),
                                                       TikTokError::Kind::Permanent)));
                     return;
                 }
                 done(tokens);
             });
}

void OAuthClient::refresh(const QString &refreshToken, TokenCallback done) {
    postForm(QStringLiteral("/v2/oauth/token/"),
             {{QStringLiteral("client_key"), m_config.clientKey},
              {QStringLiteral("client_secret"), m_config.clientSecret},
              {QStringLiteral("grant_type"), QStringLiteral("refresh_token")},
              {QStringLiteral("refresh_token"), refreshToken}},
             [this, done = std::move(done)](std::expected<QJsonObject, TikTokError> json) {
                 if (!json) {
                     done(std::unexpected(json.error()));
                     return;
                 }
                 const QDateTime now = m_clock.nowUtc();
                 done(TokenSet{json->value(u"open_id").toString(), json->value(u"access_token").toString(),
                               json->value(u"refresh_token").toString(), json->value(u"scope").toString(),
                               now.addSecs(json->value(u"expires_in").toInteger()),
                               now.addSecs(json->value(u"refresh_expires_in").toInteger())});
             });
}

void OAuthClient::revoke(const QString &accessToken,
                         std::function<void(std::expected<void, TikTokError>)> done) {
    postForm(QStringLiteral("/v2/oauth/revoke/"),
             {{QStringLiteral("client_key"), m_config.clientKey},
              {QStringLiteral("client_secret"), m_config.clientSecret},
              {QStringLiteral("token"), accessToken}},
             [done = std::move(done)](std::expected<QJsonObject, TikTokError> json) {
                 if (!json) {
                     done(std::unexpected(json.error()));
                     return;
                 }
                 done({});
             });
}

} // namespace cq::tiktok
