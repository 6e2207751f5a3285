// Accounts in the desktop app: the Backend's connect (TikTok's desktop login against the stand-in,
// the browser played by the test, which follows the authorise page to the loopback redirect), a
// refused and a cancelled connect, refresh and disconnect; then the Accounts page doing the same
// with its buttons, how it shows token state and an unaudited app, and its screenshots.
#include "TestFixtures.h"
#include "TikTokStandIn.h"
#include "accounts/AccountCard.h"
#include "accounts/AccountsPage.h"
#include "common/InlineMessage.h"
#include "session/Backend.h"
#include "storage/AccountRepository.h"
#include "storage/Database.h"

#include <QJsonArray>
#include <QLabel>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPushButton>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

using namespace cq;
using namespace cq::test;

class TestAccounts : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void connectsThroughTheBrowser();
    void aDeclinedConnectSaysSoAndAddsNothing();
    void aConnectCanBeCancelled();
    void connectingWithoutTheTikTokAppAsksForIt();
    void refreshAndDisconnect();
    void anAppOfferingOnlyMeIsUnaudited();
    void tokenStateFollowsTheExpiryTimes();
    void workspaceSettingsAndDuePosts();
    void pageConnectsAndDisconnects();
    void pageCancelsAConnect();
    void pageShowsAccountsAndExplainsUnaudited();

private:
    void startBackend();
    // Plays the browser: opens TikTok's authorise page on the stand-in and follows its redirect to the
    // loopback listener, as the user's browser would after "Allow".
    void allowInBrowser(const QUrl &authorise);
    // Calls the loopback redirect with TikTok's "the user declined" answer.
    void declineInBrowser(const QUrl &authorise);
    std::expected<AccountSummary, Error> connectAccount(const Backend::UrlOpener &browser);
    template<typename T>
    static std::expected<T, Error> await(const std::function<void(QObject *, Backend::Done<T>)> &call);
    // An account row with creator info, as if connected earlier, before the Backend starts.
    void seedAccount(const QString &id, const QString &name, const QStringList &privacy,
                     const QDateTime &refreshUntil);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<TikTokStandIn> m_standIn;
    std::unique_ptr<QNetworkAccessManager> m_browser;
    std::unique_ptr<Backend> m_backend;
    QUrl m_opened;
};

template<typename T>
std::expected<T, Error> TestAccounts::await(const std::function<void(QObject *, Backend::Done<T>)> &call) {
    QObject context;
    std::optional<std::expected<T, Error>> result;
    call(&context, [&](std::expected<T, Error> value) { result = std::move(value); });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 20000)) {
        return std::unexpected(Error{ErrorCode::Cancelled, QStringLiteral("no answer within 20 s")});
    }
    return *result;
}

void TestAccounts::init() {
    m_dir = std::make_unique<QTemporaryDir>();
    m_standIn = std::make_unique<TikTokStandIn>();
    m_browser = std::make_unique<QNetworkAccessManager>();
    m_opened.clear();
    qputenv("CLIPQUEUE_DATA_DIR", m_dir->path().toUtf8());
    qputenv("CLIPQUEUE_TOKEN_STORE", "file");
    qputenv("CLIPQUEUE_PROFILE_NAME", "ana");
    qputenv("CLIPQUEUE_TIKTOK_API_BASE", m_standIn->apiBase().toUtf8());
    qputenv("CLIPQUEUE_TIKTOK_AUTH_URL",
            (m_standIn->apiBase() + QStringLiteral("/v2/auth/authorize/")).toUtf8());
    qputenv("CLIPQUEUE_TIKTOK_CLIENT_KEY", m_standIn->clientKey.toUtf8());
    qputenv("CLIPQUEUE_TIKTOK_CLIENT_SECRET", m_standIn->clientSecret.toUtf8());
}

void TestAccounts::cleanup() {
    m_backend.reset();
    m_browser.reset();
    m_standIn.reset();
    m_dir.reset();
}

void TestAccounts::startBackend() {
    m_backend = std::make_unique<Backend>();
    QSignalSpy ready(m_backend.get(), &Backend::ready);
    m_backend->start(
        {.publish = false, .pollInterval = std::chrono::milliseconds(100), .publisherFactory = {}});
    QVERIFY(ready.wait(20000));
}

void TestAccounts::allowInBrowser(const QUrl &authorise) {
    m_opened = authorise;
    QNetworkRequest request(authorise);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    QNetworkReply *reply = m_browser->get(request);
    connect(reply, &QNetworkReply::finished, this, [this, reply] {
        reply->deleteLater();
        const QUrl redirect = reply->header(QNetworkRequest::LocationHeader).toUrl();
        QNetworkReply *followed = m_browser->get(QNetworkRequest(redirect));
        connect(followed, &QNetworkReply::finished, followed, &QObject::deleteLater);
    });
}

void TestAccounts::declineInBrowser(const QUrl &authorise) {
    m_opened = authorise;
    const QUrlQuery asked(authorise);
    QUrl redirect(asked.queryItemValue(QStringLiteral("redirect_uri"), QUrl::FullyDecoded));
    QUrlQuery answer;
    answer.addQueryItem(QStringLiteral("error"), QStringLiteral("access_denied"));
    answer.addQueryItem(QStringLiteral("error_description"), QStringLiteral("The user denied the request"));
    answer.addQueryItem(QStringLiteral("state"), asked.queryItemValue(QStringLiteral("state")));
    redirect.setQuery(answer);
    QNetworkReply *reply = m_browser->get(QNetworkRequest(redirect));
    connect(reply, &QNetworkReply::finished, reply, &QObject::deleteLater);
}

std::expected<AccountSummary, Error> TestAccounts::connectAccount(const Backend::UrlOpener &browser) {
    return await<AccountSummary>([&](QObject *context, Backend::Done<AccountSummary> done) {
        m_backend->connectAccount(browser, context, std::move(done));
    });
}

void TestAccounts::seedAccount(const QString &id, const QString &name, const QStringList &privacy,
                               const QDateTime &refreshUntil) {
    auto database =
        Database::open(DatabaseConfig::sqlite(m_dir->filePath(QStringLiteral("clipqueue.sqlite"))));
    QVERIFY(database.has_value());
    AccountRepository accounts(**database);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QVERIFY(
        accounts.insert({id, u"open-" + id, name, id == u"acct-1", now.addSecs(7200), refreshUntil}, now));
    CreatorInfo creator;
    creator.username = name.toLower() + QStringLiteral(".makes");
    creator.nickname = name;
    creator.privacyLevelOptions = privacy;
    creator.stitchDisabled = true;
    creator.maxVideoPostDurationSec = 600;
    QVERIFY(accounts.storeCreatorInfo(id, creator, now.addSecs(-90)));
}

void TestAccounts::connectsThroughTheBrowser() {
    startBackend();
    QSignalSpy accountsChanged(m_backend.get(), &Backend::accountsChanged);
    const auto account = connectAccount([this](const QUrl &url) { allowInBrowser(url); });
    QVERIFY2(account.has_value(), account ? "" : qPrintable(account.error().message));
    // The browser was sent to TikTok's authorise page with a loopback redirect.
    QCOMPARE(m_opened.path(), QStringLiteral("/v2/auth/authorize/"));
    QVERIFY(QUrlQuery(m_opened)
                .queryItemValue(QStringLiteral("redirect_uri"), QUrl::FullyDecoded)
                .startsWith(u"http://127.0.0.1:"));
    QCOMPARE(m_standIn->tokenIssues, 1);
    QCOMPARE(account->openId, QStringLiteral("open-ana"));
    QCOMPARE(account->username, QStringLiteral("ana.makes"));
    QVERIFY(account->isDefault);
    QVERIFY(account->creator.has_value());
    QVERIFY(account->creator->duetDisabled);
    QCOMPARE(account->tokenState(QDateTime::currentDateTimeUtc()), TokenState::Valid);
    QVERIFY(!account->unauditedClient); // public levels are offered
    QCOMPARE(account->scopes, (QStringList{QStringLiteral("user.info.basic"), QStringLiteral("video.publish"),
                                           QStringLiteral("video.upload")}));
    QTRY_COMPARE_WITH_TIMEOUT(m_backend->accounts().size(), 1, 10000);
    QVERIFY(accountsChanged.count() >= 1);
    // The tokens are in the token store (a file here), never in the database.
    QVERIFY(QDir(m_dir->filePath(QStringLiteral("tokens"))).entryList(QDir::Files).size() == 1);
}

void TestAccounts::aDeclinedConnectSaysSoAndAddsNothing() {
    startBackend();
    const auto account = connectAccount([this](const QUrl &url) { declineInBrowser(url); });
    QVERIFY(!account.has_value());
    QCOMPARE(account.error().code, ErrorCode::Network);
    QVERIFY(account.error().message.contains(u"declined"));
    QCOMPARE(m_standIn->tokenIssues, 0);
    QVERIFY(m_backend->accounts().isEmpty());
    // A wrong client secret is refused by TikTok's token endpoint, and said so.
    m_standIn->clientSecret = QStringLiteral("another");
    const auto refused = connectAccount([this](const QUrl &url) { allowInBrowser(url); });
    QVERIFY(!refused.has_value());
    QCOMPARE(refused.error().code, ErrorCode::Network);
    QVERIFY(m_backend->accounts().isEmpty());
}

void TestAccounts::aConnectCanBeCancelled() {
    startBackend();
    std::optional<std::expected<AccountSummary, Error>> result;
    QObject context;
    m_backend->connectAccount([this](const QUrl &url) { m_opened = url; }, &context,
                              [&](std::expected<AccountSummary, Error> value) { result = std::move(value); });
    QTRY_VERIFY_WITH_TIMEOUT(m_opened.isValid(), 10000); // the browser opened; the user gives up
    const QUrl redirect(
        QUrlQuery(m_opened).queryItemValue(QStringLiteral("redirect_uri"), QUrl::FullyDecoded));
    QVERIFY(redirect.port() > 0);
    m_backend->cancelConnect();
    QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 10000);
    QVERIFY(!result->has_value());
    QCOMPARE(result->error().code, ErrorCode::Cancelled);
    // The loopback listener is gone at once, not after its five-minute timeout.
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            QTcpSocket probe;
            probe.connectToHost(QHostAddress::LocalHost, quint16(redirect.port()));
            return !probe.waitForConnected(2000);
        }(),
        10000);
    // A new connection can start at once.
    const auto account = connectAccount([this](const QUrl &url) { allowInBrowser(url); });
    QVERIFY2(account.has_value(), account ? "" : qPrintable(account.error().message));
}

void TestAccounts::connectingWithoutTheTikTokAppAsksForIt() {
    qunsetenv("CLIPQUEUE_TIKTOK_CLIENT_SECRET");
    startBackend();
    const auto account = connectAccount([this](const QUrl &url) { allowInBrowser(url); });
    QVERIFY(!account.has_value());
    QCOMPARE(account.error().code, ErrorCode::Usage);
    QVERIFY(m_opened.isEmpty()); // no browser for nothing
    // The secret arrives (the settings dialog saved it): the Backend reads the TikTok app again.
    qputenv("CLIPQUEUE_TIKTOK_CLIENT_SECRET", m_standIn->clientSecret.toUtf8());
    m_backend->reloadTikTokSettings();
    const auto connected = connectAccount([this](const QUrl &url) { allowInBrowser(url); });
    QVERIFY2(connected.has_value(), connected ? "" : qPrintable(connected.error().message));
}

void TestAccounts::refreshAndDisconnect() {
    startBackend();
    const auto account = connectAccount([this](const QUrl &url) { allowInBrowser(url); });
    QVERIFY(account.has_value());
    m_standIn->creatorInfo.insert(QStringLiteral("creator_nickname"), QStringLiteral("Ana Renamed"));
    m_standIn->creatorInfo.insert(QStringLiteral("max_video_post_duration_sec"), 180);
    const auto refreshed = await<AccountSummary>([&](QObject *context, Backend::Done<AccountSummary> done) {
        m_backend->refreshAccount(account->id, context, std::move(done));
    });
    QVERIFY2(refreshed.has_value(), refreshed ? "" : qPrintable(refreshed.error().message));
    QCOMPARE(refreshed->creator->maxVideoPostDurationSec, 180);
    QVERIFY(refreshed->creatorInfoFetchedAt >= account->creatorInfoFetchedAt);

    const auto disconnected = await<void>([&](QObject *context, Backend::Done<void> done) {
        m_backend->disconnectAccount(account->id, context, std::move(done));
    });
    QVERIFY2(disconnected.has_value(), disconnected ? "" : qPrintable(disconnected.error().message));
    QTRY_VERIFY_WITH_TIMEOUT(m_backend->accounts().isEmpty(), 10000);
    QVERIFY(QDir(m_dir->filePath(QStringLiteral("tokens"))).entryList(QDir::Files).isEmpty());
    // Refreshing an account that is gone says so.
    const auto gone = await<AccountSummary>([&](QObject *context, Backend::Done<AccountSummary> done) {
        m_backend->refreshAccount(account->id, context, std::move(done));
    });
    QVERIFY(!gone.has_value());
}

void TestAccounts::anAppOfferingOnlyMeIsUnaudited() {
    m_standIn->creatorInfo.insert(QStringLiteral("privacy_level_options"),
                                  QJsonArray{QStringLiteral("SELF_ONLY")});
    startBackend();
    const auto account = connectAccount([this](const QUrl &url) { allowInBrowser(url); });
    QVERIFY(account.has_value());
    QVERIFY(account->privateOnly());
    QVERIFY(account->unauditedClient);
}

void TestAccounts::tokenStateFollowsTheExpiryTimes() {
    const QDateTime now(QDate(2026, 12, 1), QTime(12, 0), Qt::UTC);
    AccountSummary account;
    account.accessExpiresAt = now.addSecs(3600);
    account.refreshExpiresAt = now.addDays(180);
    QCOMPARE(account.tokenState(now), TokenState::Valid);
    account.accessExpiresAt = now.addSecs(-1);
    QCOMPARE(account.tokenState(now), TokenState::AccessExpired);
    account.refreshExpiresAt = now.addDays(AccountSummary::ExpiringSoonDays - 1);
    QCOMPARE(account.tokenState(now), TokenState::ExpiringSoon);
    account.refreshExpiresAt = now.addSecs(-1);
    QCOMPARE(account.tokenState(now), TokenState::Expired);
}

void TestAccounts::workspaceSettingsAndDuePosts() {
    startBackend();
    QSignalSpy workspaceChanged(m_backend.get(), &Backend::workspaceChanged);
    const auto set = await<void>([&](QObject *context, Backend::Done<void> done) {
        m_backend->setWorkspaceSetting(QStringLiteral("grace_minutes"), QStringLiteral("40"), context,
                                       std::move(done));
    });
    QVERIFY(set.has_value());
    QTRY_COMPARE_WITH_TIMEOUT(m_backend->workspace().graceMinutes, 40, 10000);
    QVERIFY(workspaceChanged.count() >= 1);
    const auto refused = await<void>([&](QObject *context, Backend::Done<void> done) {
        m_backend->setWorkspaceSetting(QStringLiteral("grace_minutes"), QStringLiteral("soon"), context,
                                       std::move(done));
    });
    QVERIFY(!refused.has_value());
    QCOMPARE(refused.error().code, ErrorCode::Usage);
    const auto due = await<int>([&](QObject *context, Backend::Done<int> done) {
        m_backend->countDueWithin(std::chrono::hours(3), context, std::move(done));
    });
    QCOMPARE(due.value_or(-1), 0);
    // "Test connection" on a database that does not answer says why, and so does a URL that is none.
    const auto failed = await<QString>([&](QObject *context, Backend::Done<QString> done) {
        Backend::testDatabase(QStringLiteral("postgresql://nobody@127.0.0.1:1/none"), context,
                              std::move(done));
    });
    QVERIFY(!failed.has_value());
    QCOMPARE(failed.error().code, ErrorCode::Database);
    const auto notAUrl = await<QString>([&](QObject *context, Backend::Done<QString> done) {
        Backend::testDatabase(QStringLiteral("mysql://somewhere/db"), context, std::move(done));
    });
    QVERIFY(!notAUrl.has_value());
    QCOMPARE(notAUrl.error().code, ErrorCode::Usage);
}

void TestAccounts::pageConnectsAndDisconnects() {
    startBackend();
    ui::AccountsPage page(*m_backend);
    page.setUrlOpener([this](const QUrl &url) {
        allowInBrowser(url);
        return true;
    });
    page.resize(900, 700);
    page.show();
    QVERIFY(page.findChild<QLabel *>(QStringLiteral("noAccountsLabel"))->isVisible());
    auto *connectButton = page.findChild<QPushButton *>(QStringLiteral("connectAccountButton"));
    QTest::mouseClick(connectButton, Qt::LeftButton);
    QVERIFY(page.isConnecting());
    QVERIFY(!connectButton->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(!page.isConnecting(), 20000);
    QCOMPARE(page.message()->kind(), ui::InlineMessage::Kind::Information);
    QVERIFY2(page.message()->text().contains(u"Connected"), qPrintable(page.message()->text()));
    QTRY_VERIFY_WITH_TIMEOUT(!m_backend->accounts().isEmpty(), 10000);
    const QString id = m_backend->accounts().constFirst().id;
    QTRY_VERIFY(page.card(id) != nullptr);
    ui::AccountCard *card = page.card(id);
    QCOMPARE(card->findChild<QLabel *>(QStringLiteral("accountPrivacy"))->text(),
             QStringLiteral("Everyone, Friends, Only me"));
    QCOMPARE(card->findChild<QLabel *>(QStringLiteral("accountDisabledInteractions"))->text(),
             QStringLiteral("Duet"));
    QCOMPARE(card->findChild<QLabel *>(QStringLiteral("accountMaxDuration"))->text(),
             QStringLiteral("10 min"));
    QVERIFY(card->findChild<QLabel *>(QStringLiteral("accountToken"))->text().contains(u"Valid</b> · until"));
    QVERIFY(!card->findChild<QLabel *>(QStringLiteral("unauditedExplanation"))->isVisibleTo(card));
    QVERIFY(card->findChild<QLabel *>(QStringLiteral("accountScopes"))->text().contains(u"video.publish"));

    // Disconnecting asks first; Cancel keeps the account.
    QTest::mouseClick(card->findChild<QPushButton *>(QStringLiteral("disconnectAccountButton")),
                      Qt::LeftButton);
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = page.findChild<QMessageBox *>(QStringLiteral("disconnectConfirmation"))));
    box->button(QMessageBox::Cancel)->click();
    QTest::qWait(200);
    QCOMPARE(m_backend->accounts().size(), 1);
    QTest::mouseClick(card->findChild<QPushButton *>(QStringLiteral("disconnectAccountButton")),
                      Qt::LeftButton);
    QTRY_VERIFY((box = page.findChild<QMessageBox *>(QStringLiteral("disconnectConfirmation"))));
    for (QAbstractButton *button : box->buttons()) {
        if (box->buttonRole(button) == QMessageBox::DestructiveRole) {
            button->click();
        }
    }
    QTRY_VERIFY_WITH_TIMEOUT(m_backend->accounts().isEmpty(), 10000);
    QTRY_VERIFY(page.card(id) == nullptr);
    QVERIFY(page.message()->text().contains(u"disconnected"));
    QVERIFY(page.findChild<QLabel *>(QStringLiteral("noAccountsLabel"))->isVisible());
}

void TestAccounts::pageCancelsAConnect() {
    startBackend();
    ui::AccountsPage page(*m_backend);
    page.setUrlOpener([this](const QUrl &url) {
        m_opened = url; // the user looks at TikTok's page and gives up
        return true;
    });
    const int line = page.fontMetrics().height();
    page.resize(line * 60, line * 20);
    page.show();
    QTest::mouseClick(page.findChild<QPushButton *>(QStringLiteral("connectAccountButton")), Qt::LeftButton);
    auto *waiting = page.findChild<QLabel *>(QStringLiteral("connectWaitingText"));
    QTRY_VERIFY_WITH_TIMEOUT(waiting->text().contains(u"Finish in your browser"), 10000);
    QVERIFY(waiting->text().contains(u"open it here")); // the address, should no browser have opened
    QVERIFY(page.grab().save(screenshotPath(QStringLiteral("accounts-connecting"))));
    QTest::mouseClick(page.findChild<QPushButton *>(QStringLiteral("cancelConnectButton")), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!page.isConnecting(), 10000);
    QVERIFY(page.message()->text().contains(u"cancelled"));
    QVERIFY(!page.findChild<QWidget *>(QStringLiteral("connectWaiting"))->isVisible());
    QVERIFY(m_backend->accounts().isEmpty());
}

void TestAccounts::pageShowsAccountsAndExplainsUnaudited() {
    const QStringList all = privacy::allLevels();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    // TikTok is not asked again here: the creator info shown is what was stored.
    qunsetenv("CLIPQUEUE_TIKTOK_CLIENT_KEY");
    seedAccount(QStringLiteral("acct-1"), QStringLiteral("Ana"), all, now.addDays(170));
    seedAccount(QStringLiteral("acct-2"), QStringLiteral("Bruno"), all, now.addDays(5).addSecs(3600));
    seedAccount(QStringLiteral("acct-3"), QStringLiteral("Carla"), {QString::fromLatin1(privacy::SelfOnly)},
                now.addDays(90));
    startBackend();
    ui::AccountsPage page(*m_backend);
    const int line = page.fontMetrics().height();
    page.resize(line * 60, line * 62);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QTRY_VERIFY(page.card(QStringLiteral("acct-3")) != nullptr);
    const auto label = [&](const char *account, const char *name) {
        return page.card(QLatin1StringView(account))->findChild<QLabel *>(QLatin1StringView(name));
    };
    QVERIFY(label("acct-1", "accountToken")->text().contains(u"Valid</b> · until"));
    QVERIFY2(label("acct-2", "accountToken")->text().contains(u"in 5 days"),
             qPrintable(label("acct-2", "accountToken")->text()));
    QVERIFY(label("acct-2", "accountToken")->text().contains(u"Connect the account again"));
    QCOMPARE(label("acct-3", "accountPrivacy")->text(), QStringLiteral("Only me"));
    QVERIFY(label("acct-3", "unauditedExplanation")->isVisible());
    QVERIFY(!label("acct-1", "unauditedExplanation")->isVisible());
    QCOMPARE(label("acct-1", "accountDisabledInteractions")->text(), QStringLiteral("Stitch"));
    QVERIFY(label("acct-1", "accountHandle")->text().contains(u"default account"));
    QTest::qWait(100);
    QVERIFY(page.grab().save(screenshotPath(QStringLiteral("accounts-page"))));
    QVERIFY(page.card(QStringLiteral("acct-2"))
                ->grab()
                .save(screenshotPath(QStringLiteral("accounts-expiring"))));
    QVERIFY(page.card(QStringLiteral("acct-3"))
                ->grab()
                .save(screenshotPath(QStringLiteral("accounts-unaudited"))));
}

QTEST_MAIN(TestAccounts)
#include "tst_accounts.moc"
