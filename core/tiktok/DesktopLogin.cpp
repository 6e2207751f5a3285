#include "tiktok/DesktopLogin.h"

namespace cq::tiktok {

DesktopLogin::DesktopLogin(OAuthClient &oauth, BrowserOpener openBrowser, int timeoutMs, QObject *parent)
    : QObject(parent)
    , m_oauth(oauth)
    , m_openBrowser(std::move(openBrowser))
    , m_listener(timeoutMs) {
    connect(&m_listener, &LoopbackRedirectListener::timedOut, this, [this] {
        m_done = true;
        Q_EMIT failed(
            QStringLiteral("timeout"),
            QStringLiteral("TikTok's sign-in did not come back in time. Try connecting the account again."));
    });
    connect(&m_listener, &LoopbackRedirectListener::received, this, &DesktopLogin::onCallback);
}

void DesktopLogin::onCallback(const QUrlQuery &query) {
    // TikTok's own refusal first: an error answer (the user declined, say) may come without state,
    // and "did not match" would hide what happened.
    if (query.hasQueryItem(QStringLiteral("error"))) {
        m_done = true;
        Q_EMIT failed(query.queryItemValue(QStringLiteral("error")),
                      query.queryItemValue(QStringLiteral("error_description"), QUrl::FullyDecoded));
        return;
    }
    if (query.queryItemValue(QStringLiteral("state")) != m_state) {
        m_done = true;
        Q_EMIT failed(
            QStringLiteral("state_mismatch"),
            QStringLiteral("The sign-in answer did not match this request and was refused. Try again."));
        return;
    }
    const QString granted = query.queryItemValue(QStringLiteral("scopes"), QUrl::FullyDecoded);
    m_exchanging = true;
    m_oauth.exchangeCode(query.queryItemValue(QStringLiteral("code"), QUrl::FullyDecoded),
                         m_listener.redirectUri(), m_pkce.verifier,
                         [this, granted](std::expected<TokenSet, TikTokError> tokens) {
                             m_done = true;
                             if (!tokens) {
                                 Q_EMIT failed(tokens.error().code, tokens.error().message);
                                 return;
                             }
                             TokenSet set = *tokens;
                             if (set.scope.isEmpty()) { // the token answer's list wins; else the callback's
                                 set.scope = granted;
                             }
                             Q_EMIT succeeded(set);
                         });
}

void DesktopLogin::cancel() {
    m_listener.close();
    if (!m_done && !m_exchanging) {
        m_done = true;
        Q_EMIT failed(QStringLiteral("cancelled"), QStringLiteral("Connecting the account was cancelled."));
    }
}

void DesktopLogin::start() {
    m_pkce = Pkce::generate(); // new for every authorisation request
    m_state = randomState();
    if (!m_listener.listen()) {
        Q_EMIT failed(QStringLiteral("listen_failed"),
                      QStringLiteral("Cannot listen on 127.0.0.1 for TikTok's answer."));
        return;
    }
    const QUrl url = m_oauth.authorizationUrl(m_listener.redirectUri(), m_pkce, m_state);
    if (!m_openBrowser(url)) {
        Q_EMIT failed(QStringLiteral("no_browser"), u"Open this address in a browser to connect the account: "
                                                        + url.toString(QUrl::FullyEncoded));
    }
}

} // namespace cq::tiktok
