// Login Kit for Desktop against the stand-in: the authorise URL, TikTok's hex PKCE pair, the state
// check, the one-use loopback listener, code exchange and rotating refresh tokens.
#include "FakeClock.h"
#include "TikTokStandIn.h"
#include "tiktok/DesktopLogin.h"
#include "tiktok/OAuthClient.h"

#include <QCryptographicHash>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>

using namespace cq;
using namespace cq::tiktok;
using namespace cq::test;

class TestTikTokOAuth : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void authorizationUrlCarriesEverythingTikTokNeeds();
    void desktopLoginEndToEnd();
    void stateMismatchIsRefused();
    void listenerIsOneUseOnly();
    void refreshRotatesTheRefreshToken();
    void wrongClientSecretFails();
    void tikToksErrorIsReportedBeforeTheStateCheck();
    void partialGrantKeepsTheGrantedScopes();
    void tokenAnswerWithoutOpenIdIsAnError();
    void tokenErrorsWithHttp200AreErrors();
    void asksOnlyForTheConfiguredScopes();

private:
    // A "browser" that follows TikTok's redirect to the loopback listener, optionally tampering.
    DesktopLogin::BrowserOpener browser(const QString &replaceState = {}, const QString &replaceQuery = {});

    std::unique_ptr<TikTokStandIn> m_standIn;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<net::HttpTransport> m_http;
    std::unique_ptr<FakeClock> m_clock;
    std::unique_ptr<OAuthClient> m_oauth;
    QUrl m_openedUrl;
};

void TestTikTokOAuth::init() {
    m_standIn = std::make_unique<TikTokStandIn>();
    m_oauth.reset();
    m_http.reset();
    m_network = std::make_unique<QNetworkAccessManager>();
    m_http = std::make_unique<net::HttpTransport>(*m_network);
    m_clock = std::make_unique<FakeClock>(QDateTime(QDate(2026, 11, 25), QTime(12, 0), Qt::UTC));
    ApiConfig config;
    config.apiBase = QUrl(m_standIn->apiBase());
    config.authUrl = QUrl(m_standIn->apiBase() + QStringLiteral("/v2/auth/authorize/"));
    config.clientKey = m_standIn->clientKey;
    config.clientSecret = m_standIn->clientSecret;
    m_oauth = std::make_unique<OAuthClient>(*m_http, config, *m_clock);
}

DesktopLogin::BrowserOpener TestTikTokOAuth::browser(const QString &replaceState,
                                                     const QString &replaceQuery) {
    return [this, replaceState, replaceQuery](const QUrl &url) {
        m_openedUrl = url;
        QNetworkRequest request(url);
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
        QNetworkReply *reply = m_network->get(request);
        connect(reply, &QNetworkReply::finished, this, [this, reply, replaceState, replaceQuery] {
            reply->deleteLater();
            QUrl target = reply->header(QNetworkRequest::LocationHeader).toUrl();
            if (!replaceQuery.isEmpty()) {
                target.setQuery(replaceQuery);
            }
            if (!replaceState.isEmpty()) {
                QUrlQuery query(target);
                query.removeQueryItem(QStringLiteral("state"));
                query.addQueryItem(QStringLiteral("state"), replaceState);
                target.setQuery(query);
            }
            // The reply stays the manager's child: init() replaces the manager, and a reply that outlived
            // it (say, reparented here) would later report to a manager that is gone.
            QNetworkReply *followed = m_network->get(QNetworkRequest(target));
            connect(followed, &QNetworkReply::finished, followed, &QObject::deleteLater);
        });
        return true;
    };
}

void TestTikTokOAuth::authorizationUrlCarriesEverythingTikTokNeeds() {
    const Pkce pkce = Pkce::generate();
    const QUrl url = m_oauth->authorizationUrl(QStringLiteral("http://127.0.0.1:4567/callback/"), pkce,
                                               QStringLiteral("st4te"));
    const QUrlQuery query(url);
    QCOMPARE(url.path(), QStringLiteral("/v2/auth/authorize/"));
    QCOMPARE(query.queryItemValue(QStringLiteral("client_key")), QStringLiteral("ck-test"));
    QCOMPARE(query.queryItemValue(QStringLiteral("scope"), QUrl::FullyDecoded),
             QStringLiteral("user.info.basic,video.publish,video.upload"));
    QCOMPARE(query.queryItemValue(QStringLiteral("response_type")), QStringLiteral("code"));
    QCOMPARE(query.queryItemValue(QStringLiteral("redirect_uri"), QUrl::FullyDecoded),
             QStringLiteral("http://127.0.0.1:4567/callback/"));
    QCOMPARE(query.queryItemValue(QStringLiteral("state")), QStringLiteral("st4te"));
    QCOMPARE(query.queryItemValue(QStringLiteral("code_challenge_method")), QStringLiteral("S256"));
    QCOMPARE(query.queryItemValue(QStringLiteral("code_challenge")),
             QString::fromLatin1(
                 QCryptographicHash::hash(pkce.verifier.toLatin1(), QCryptographicHash::Sha256).toHex()));
    QVERIFY(!url.toString().contains(u"cs-test")); // the client secret never goes to the browser
}

void TestTikTokOAuth::desktopLoginEndToEnd() {
    DesktopLogin login(*m_oauth, browser());
    QSignalSpy succeeded(&login, &DesktopLogin::succeeded);
    QSignalSpy failed(&login, &DesktopLogin::failed);
    login.start();
    QTRY_COMPARE(succeeded.count() + failed.count(), 1);
    QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.first().at(1).toString()));
    const TokenSet tokens = succeeded.first().first().value<TokenSet>();
    QCOMPARE(tokens.openId, QStringLiteral("open-ana"));
    QCOMPARE(tokens.accessToken, m_standIn->accessToken);
    QCOMPARE(tokens.accessExpiresAt, m_clock->nowUtc().addSecs(7200)); // from expires_in, not hard-coded
    QCOMPARE(tokens.refreshExpiresAt, m_clock->nowUtc().addSecs(15552000));
    const QString redirect =
        QUrlQuery(m_openedUrl).queryItemValue(QStringLiteral("redirect_uri"), QUrl::FullyDecoded);
    QVERIFY(redirect.startsWith(u"http://127.0.0.1:") && redirect.endsWith(u"/callback/"));
}

void TestTikTokOAuth::stateMismatchIsRefused() {
    DesktopLogin login(*m_oauth, browser(QStringLiteral("forged")));
    QSignalSpy succeeded(&login, &DesktopLogin::succeeded);
    QSignalSpy failed(&login, &DesktopLogin::failed);
    login.start();
    QTRY_COMPARE(failed.count(), 1);
    QCOMPARE(failed.first().first().toString(), QStringLiteral("state_mismatch"));
    QCOMPARE(succeeded.count(), 0);
    QCOMPARE(m_standIn->tokenIssues, 0); // the code was never exchanged
}

void TestTikTokOAuth::listenerIsOneUseOnly() {
    LoopbackRedirectListener listener(60000);
    QVERIFY(listener.listen());
    QSignalSpy received(&listener, &LoopbackRedirectListener::received);
    const QUrl callback(listener.redirectUri() + QStringLiteral("?code=a&state=b"));
    QNetworkReply *first = m_network->get(QNetworkRequest(callback));
    QTRY_COMPARE(received.count(), 1);
    QTRY_VERIFY(first->isFinished());
    QVERIFY(!listener.isListening());
    QNetworkReply *second = m_network->get(QNetworkRequest(callback));
    QTRY_VERIFY(second->isFinished());
    QCOMPARE(second->error(), QNetworkReply::ConnectionRefusedError);
    QCOMPARE(received.count(), 1);

    LoopbackRedirectListener expiring(50);
    QSignalSpy timedOut(&expiring, &LoopbackRedirectListener::timedOut);
    QVERIFY(expiring.listen());
    QTRY_COMPARE(timedOut.count(), 1);
    QVERIFY(!expiring.isListening());
}

void TestTikTokOAuth::refreshRotatesTheRefreshToken() {
    const QString first = m_standIn->refreshToken;
    std::optional<std::expected<TokenSet, TikTokError>> refreshed;
    m_oauth->refresh(first, [&](auto result) { refreshed = result; });
    QTRY_VERIFY(refreshed.has_value());
    QVERIFY(refreshed->has_value());
    QVERIFY((*refreshed)->refreshToken != first);
    // The old refresh token stopped working: saving the new one before use is mandatory.
    std::optional<std::expected<TokenSet, TikTokError>> again;
    m_oauth->refresh(first, [&](auto result) { again = result; });
    QTRY_VERIFY(again.has_value());
    QVERIFY(!again->has_value());
    QCOMPARE(again->error().code, QStringLiteral("invalid_grant"));
}

void TestTikTokOAuth::wrongClientSecretFails() {
    m_standIn->clientSecret = QStringLiteral("other");
    std::optional<std::expected<TokenSet, TikTokError>> refreshed;
    m_oauth->refresh(m_standIn->refreshToken, [&](auto result) { refreshed = result; });
    QTRY_VERIFY(refreshed.has_value());
    QVERIFY(!refreshed->has_value());
    QCOMPARE(refreshed->error().code, QStringLiteral("invalid_client"));
}

void TestTikTokOAuth::tikToksErrorIsReportedBeforeTheStateCheck() {
    // The user declined: TikTok's answer carries its error (and here no state at all).
    DesktopLogin login(*m_oauth,
                       browser({}, QStringLiteral("error=access_denied&error_description=declined")));
    QSignalSpy failed(&login, &DesktopLogin::failed);
    login.start();
    QTRY_COMPARE(failed.count(), 1);
    QCOMPARE(failed.first().first().toString(), QStringLiteral("access_denied"));
    QCOMPARE(failed.first().at(1).toString(), QStringLiteral("declined"));
}

void TestTikTokOAuth::partialGrantKeepsTheGrantedScopes() {
    m_standIn->grantedScopes = QStringLiteral("user.info.basic,video.upload"); // the user unticked posting
    DesktopLogin login(*m_oauth, browser());
    QSignalSpy succeeded(&login, &DesktopLogin::succeeded);
    login.start();
    QTRY_COMPARE(succeeded.count(), 1);
    const TokenSet tokens = succeeded.first().first().value<TokenSet>();
    QCOMPARE(tokens.scopes(),
             (QStringList{QStringLiteral("user.info.basic"), QStringLiteral("video.upload")}));
}

void TestTikTokOAuth::tokenAnswerWithoutOpenIdIsAnError() {
    m_standIn->injectFault("/v2/oauth/token/", TikTokStandIn::jsonAnswer(
                                                   200, R"({"access_token":"act.x","refresh_token":"rft.x",)"
                                                        R"("expires_in":7200})"));
    std::optional<std::expected<TokenSet, TikTokError>> refreshed;
    m_oauth->refresh(m_standIn->refreshToken, [&](auto result) { refreshed = result; });
    QTRY_VERIFY(refreshed.has_value());
    QVERIFY(!refreshed->has_value());
    QCOMPARE(refreshed->error().code, QStringLiteral("invalid_answer"));
}

void TestTikTokOAuth::tokenErrorsWithHttp200AreErrors() {
    m_standIn->tokenErrorsWithHttp200 = true;
    std::optional<std::expected<TokenSet, TikTokError>> refreshed;
    m_oauth->refresh(QStringLiteral("rft.stale"), [&](auto result) { refreshed = result; });
    QTRY_VERIFY(refreshed.has_value());
    QVERIFY(!refreshed->has_value());
    QCOMPARE(refreshed->error().code, QStringLiteral("invalid_grant"));
    QCOMPARE(refreshed->error().httpStatus, 200);
}

void TestTikTokOAuth::asksOnlyForTheConfiguredScopes() {
    ApiConfig config;
    config.authUrl = QUrl(m_standIn->apiBase() + QStringLiteral("/v2/auth/authorize/"));
    config.scopes = {QStringLiteral("user.info.basic"), QStringLiteral("video.upload")}; // inbox only
    OAuthClient oauth(*m_http, config, *m_clock);
    const QUrl url = oauth.authorizationUrl(QStringLiteral("http://127.0.0.1:4567/callback/"),
                                            Pkce::generate(), QStringLiteral("s"));
    QCOMPARE(QUrlQuery(url).queryItemValue(QStringLiteral("scope"), QUrl::FullyDecoded),
             QStringLiteral("user.info.basic,video.upload"));
}

QTEST_GUILESS_MAIN(TestTikTokOAuth)
#include "tst_tiktokoauth.moc"
