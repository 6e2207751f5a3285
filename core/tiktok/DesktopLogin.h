#pragma once

#include "tiktok/LoopbackRedirectListener.h"
#include "tiktok/OAuthClient.h"

#include <functional>

namespace cq::tiktok {

// Connects a TikTok account the desktop way: a new PKCE verifier and state, a one-use loopback
// listener, the system browser opened on TikTok's authorise page (through `openBrowser`, which the
// app backs with QDesktopServices), the state checked, the code exchanged for tokens.
class DesktopLogin : public QObject {
    Q_OBJECT

public:
    using BrowserOpener = std::function<bool(const QUrl &)>;
    DesktopLogin(OAuthClient &oauth, BrowserOpener openBrowser, int timeoutMs = 5 * 60'000,
                 QObject *parent = nullptr);

    void start();
    // The user gave up: the loopback port closes at once. Emits failed("cancelled") unless the
    // code exchange is already under way, whose answer then ends the login as usual.
    void cancel();

Q_SIGNALS:
    void succeeded(const cq::tiktok::TokenSet &tokens);
    void failed(const QString &code, const QString &message);

private:
    // TikTok's answer on the loopback port: its error, else the state check, then the code
    // exchange (the tokens keep the scopes the user granted).
    void onCallback(const QUrlQuery &query);

    OAuthClient &m_oauth;
    BrowserOpener m_openBrowser;
    LoopbackRedirectListener m_listener;
    Pkce m_pkce;
    QString m_state;
    bool m_done = false;
    bool m_exchanging = false;
};

} // namespace cq::tiktok
