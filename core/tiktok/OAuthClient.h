#pragma once

#include "net/HttpTransport.h"
#include "tiktok/ApiConfig.h"
#include "tiktok/Pkce.h"
#include "tiktok/TikTokError.h"
#include "tiktok/TokenSet.h"
#include "util/Clock.h"

#include <QObject>
#include <QStringList>

#include <expected>
#include <functional>

namespace cq::tiktok {

// Login Kit for Desktop's OAuth calls (docs/tiktok.md): the authorisation URL with TikTok's
// hex PKCE challenge, the code exchange, refresh (whose answer carries a new refresh token that
// must be saved before the old one is forgotten) and revocation, over the injected HTTP transport.
class OAuthClient : public QObject {
    Q_OBJECT

public:
    using TokenCallback = std::function<void(std::expected<TokenSet, TikTokError>)>;
    // The scopes ClipQueue asks for unless CLIPQUEUE_TIKTOK_SCOPES says otherwise.
    static QStringList defaultScopes() { return ApiConfig{}.scopes; }

    OAuthClient(net::HttpTransport &http, ApiConfig config, const Clock &clock, QObject *parent = nullptr);

    // Asks for the configured scopes (ApiConfig::scopes).
    QUrl authorizationUrl(const QString &redirectUri, const Pkce &pkce, const QString &state) const;
    void exchangeCode(const QString &code, const QString &redirectUri, const QString &codeVerifier,
                      TokenCallback done);
    void refresh(const QString &refreshToken, TokenCallback done);
    void revoke(const QString &accessToken, std::function<void(std::expected<void, TikTokError>)> done);

private:
    void postForm(const QString &path, const QList<std::pair<QString, QString>> &fields,
                  std::function<void(std::expected<QJsonObject, TikTokError>)> done);
    std::expected<TokenSet, TikTokError>
    tokensFrom(const std::expected<QJsonObject, TikTokError> &answer) const;

    net::HttpTransport &m_http;
    ApiConfig m_config;
    const Clock &m_clock;
};

} // namespace cq::tiktok
