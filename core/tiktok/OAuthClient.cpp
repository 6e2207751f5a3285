#include "tiktok/OAuthClient.h"

#include <QJsonObject>
#include <QUrlQuery>

namespace cq::tiktok {

namespace {
constexpr std::chrono::milliseconds FormTimeout{30'000};
constexpr std::chrono::milliseconds FormDeadline{60'000}; // well inside the refresh lock's stale time
constexpr qint64 MaxAnswerBytes = 1 << 20;                // a token answer is a few hundred bytes
} // namespace

OAuthClient::OAuthClient(net::HttpTransport &http, ApiConfig config, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_http(http)
    , m_config(std::move(config))
    , m_clock(clock) {
}

QUrl OAuthClient::authorizationUrl(const QString &redirectUri, const Pkce &pkce, const QString &state) const {
    QUrl url = m_config.authUrl;
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("client_key"), m_config.clientKey);
    query.addQueryItem(QStringLiteral("scope"), m_config.scopes.join(u','));
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
    QUrlQuery form;
    for (const auto &[key, value] : fields) {
        form.addQueryItem(key, QString::fromLatin1(QUrl::toPercentEncoding(value)));
    }
    auto request = net::HttpRequest::post(m_config.endpoint(path), "application/x-www-form-urlencoded",
                                          form.toString(QUrl::FullyEncoded).toUtf8());
    request.transferTimeout = FormTimeout;
    request.deadline = FormDeadline;
    request.maxResponseBytes = MaxAnswerBytes;
    request.carriesCredentials = true; // the client secret, codes and tokens
    m_http.send(std::move(request), [done = std::move(done)](const net::HttpResult &result) {
        auto json = answerJson(result);
        if (!json) {
            done(std::unexpected(json.error()));
            return;
        }
        // Token answers are flat; some TikTok answers wrap them in "data".
        done(json->value(u"data").isObject() ? json->value(u"data").toObject() : *json);
    });
}

std::expected<TokenSet, TikTokError>
OAuthClient::tokensFrom(const std::expected<QJsonObject, TikTokError> &answer) const {
    if (!answer) {
        return std::unexpected(answer.error());
    }
    return TokenSet::fromTokenAnswer(*answer, m_clock.nowUtc());
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
                 done(tokensFrom(json));
             });
}

void OAuthClient::refresh(const QString &refreshToken, TokenCallback done) {
    postForm(QStringLiteral("/v2/oauth/token/"),
             {{QStringLiteral("client_key"), m_config.clientKey},
              {QStringLiteral("client_secret"), m_config.clientSecret},
              {QStringLiteral("grant_type"), QStringLiteral("refresh_token")},
              {QStringLiteral("refresh_token"), refreshToken}},
             [this, done = std::move(done)](std::expected<QJsonObject, TikTokError> json) {
                 done(tokensFrom(json));
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
