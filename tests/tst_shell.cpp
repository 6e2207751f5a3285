// The window as a resident app: the tray menu's pause, notifications that open their post, closing
// to the tray while publishing (said once), quitting with posts due asking first, the first-start
// welcome page, and the ways to the Accounts page and the settings dialog.
#include "BackendHarness.h"
#include "TestFixtures.h"
#include "accounts/AccountsPage.h"
#include "common/InlineMessage.h"
#include "composer/ComposerPage.h"
#include "media/MediaProber.h"
#include "queue/PostDetailsPanel.h"
#include "settings/SettingsDialog.h"
#include "shell/MainWindow.h"
#include "shell/TrayIcon.h"
#include "shell/WelcomePage.h"

#include <QAction>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSystemTrayIcon>
#include <QTemporaryDir>
#include <QTest>

using namespace cq;
using namespace cq::test;

class TestShell : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void trayMenuPausesPublishing();
    void aNotificationOpensItsPost();
    void quittingWithPostsDueAsksFirst();
    void closingKeepsPublishingInTheTray();
    void firstStartShowsTheWelcomePage();
    void accountsAndSettingsAreReachable();

private:
    void startWindow();
    // Clicks the button of the window's question box `name` that has `role`.
    void answer(const char *name, QMessageBox::ButtonRole role);

    QTemporaryDir m_config;
    MediaProber m_prober;
    std::unique_ptr<BackendHarness> m_harness;
    std::unique_ptr<ui::MainWindow> m_window;
};

void TestShell::initTestCase() {
    QCoreApplication::setOrganizationName(QStringLiteral("ClipQueue"));
    QCoreApplication::setApplicationName(QStringLiteral("ClipQueue"));
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_config.path());
}

void TestShell::init() {
    QSettings().clear();
    m_harness = std::make_unique<BackendHarness>();
    QVERIFY2(m_harness->start(), qPrintable(m_harness->why()));
}

void TestShell::cleanup() {
    m_window.reset();
    m_harness.reset();
}

void TestShell::startWindow() {
    m_window = std::make_unique<ui::MainWindow>(m_harness->backend(), m_prober);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestShell::answer(const char *name, QMessageBox::ButtonRole role) {
    QMessageBox *box = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((box = m_window->findChild<QMessageBox *>(QLatin1StringView(name))), 10000);
    for (QAbstractButton *button : box->buttons()) {
        if (box->buttonRole(button) == role) {
            button->click();
            return;
        }
    }
    QFAIL("no such button");
}

void TestShell::trayMenuPausesPublishing() {
    startWindow();
    Backend &backend = m_harness->backend();
    QAction *pause = m_window->tray()->menu()->findChild<QAction *>(QStringLiteral("trayPauseAction"));
    QVERIFY(pause);
    QVERIFY(m_window->tray()->menu()->findChild<QAction *>(QStringLiteral("trayOpenAction")));
    QVERIFY(m_window->tray()->menu()->findChild<QAction *>(QStringLiteral("trayQuitAction")));
    QVERIFY(pause->isChecked()); // the harness starts without publishing
    pause->trigger();            // unpause: publishing starts
    QTRY_VERIFY_WITH_TIMEOUT(backend.isPublishing(), 10000);
    QVERIFY(!pause->isChecked());
    pause->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(!backend.isPublishing(), 10000);
    QVERIFY(pause->isChecked());
    QVERIFY(m_window->tray()->icon()->toolTip().contains(u"paused"));
}

void TestShell::aNotificationOpensItsPost() {
    startWindow();
    auto post = m_harness->submitted(QStringLiteral("Launch day #launch"));
    QVERIFY(post.has_value());
    PostRow row;
    row.post = *post;
    row.post.status = PostStatus::Published;
    const auto notification = ui::TrayIcon::notificationFor(row);
    QVERIFY(notification.has_value());
    QCOMPARE(notification->title, QStringLiteral("Published"));
    QVERIFY(notification->body.contains(u"Launch day"));
    row.post.status = PostStatus::Scheduled;
    QVERIFY(!ui::TrayIcon::notificationFor(row).has_value()); // only outcomes are told
    row.post.status = PostStatus::NeedsAttention;
    QCOMPARE(ui::TrayIcon::notificationFor(row)->title, QStringLiteral("Needs attention"));

    // The runner settled it: a notification names it, and clicking it shows the post.
    row.post.status = PostStatus::Failed;
    Q_EMIT m_harness->backend().postSettled(row);
    QCOMPARE(m_window->tray()->notifiedPostId(), post->id);
    m_window->showPage(ui::MainWindow::Page::Compose);
    Q_EMIT m_window->tray()->icon()->messageClicked();
    QCOMPARE(m_window->currentPage(), ui::MainWindow::Page::Queue);
    QCOMPARE(m_window->details()->postId(), post->id);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->details()->details().has_value(), 10000);
}

void TestShell::quittingWithPostsDueAsksFirst() {
    startWindow();
    QSignalSpy quit(m_window.get(), &ui::MainWindow::quitConfirmed);
    // Nothing due: no question.
    m_window->requestQuit();
    QVERIFY(quit.wait(10000));
    QVERIFY(!m_window->findChild<QMessageBox *>(QStringLiteral("quitConfirmation")));

    startWindow();
    QSignalSpy quitAgain(m_window.get(), &ui::MainWindow::quitConfirmed);
    QVERIFY(m_harness->submitted(QStringLiteral("Due soon"), QDateTime::currentDateTimeUtc().addSecs(3600)));
    QVERIFY(m_harness->submitted(QStringLiteral("Next week"), QDateTime::currentDateTimeUtc().addDays(7)));
    m_window->requestQuit();
    QTRY_VERIFY_WITH_TIMEOUT(m_window->findChild<QMessageBox *>(QStringLiteral("quitConfirmation")), 10000);
    QVERIFY(m_window->findChild<QMessageBox *>(QStringLiteral("quitConfirmation"))
                ->text()
                .startsWith(u"1 post is due"));
    answer("quitConfirmation", QMessageBox::RejectRole); // keep running
    QTest::qWait(200);
    QCOMPARE(quitAgain.count(), 0);
    QVERIFY(m_window->isVisible());
    m_window->requestQuit();
    answer("quitConfirmation", QMessageBox::DestructiveRole);
    QTRY_COMPARE(quitAgain.count(), 1);
}

void TestShell::closingKeepsPublishingInTheTray() {
    startWindow();
    m_window->tray()->setAvailable(true);
    QSignalSpy quit(m_window.get(), &ui::MainWindow::quitConfirmed);
    m_harness->backend().setPublishing(true);
    QTRY_VERIFY_WITH_TIMEOUT(m_harness->backend().isPublishing(), 10000);
    QVERIFY(!Settings().flag(Setting::TrayExplained));
    m_window->close();
    QVERIFY(!m_window->isVisible());
    QCOMPARE(quit.count(), 0);
    QVERIFY(Settings().flag(Setting::TrayExplained)); // said once, the first time
    // The tray's Open brings it back.
    m_window->tray()->menu()->findChild<QAction *>(QStringLiteral("trayOpenAction"))->trigger();
    QVERIFY(m_window->isVisible());
    // Without publishing, closing the window is quitting.
    m_harness->backend().setPublishing(false);
    QTRY_VERIFY_WITH_TIMEOUT(!m_harness->backend().isPublishing(), 10000);
    m_window->close();
    QVERIFY(quit.wait(10000));
}

void TestShell::firstStartShowsTheWelcomePage() {
    const QByteArray dataDirectory = qgetenv("CLIPQUEUE_DATA_DIR");
    // The environment configures ClipQueue: no welcome.
    startWindow();
    m_window->showWelcomeIfFirstStart();
    QCOMPARE(m_window->currentPage(), ui::MainWindow::Page::Compose);
    m_window.reset();

    qunsetenv("CLIPQUEUE_DATA_DIR"); // the Backend runs on already; a first start has no variables
    startWindow();
    m_window->showWelcomeIfFirstStart();
    QCOMPARE(m_window->currentPage(), ui::MainWindow::Page::Welcome);
    QCOMPARE(m_window->findChild<QListWidget *>(QStringLiteral("navigation"))->currentRow(), -1);
    auto *welcome = m_window->welcome();
    QVERIFY(
        welcome->findChild<QLabel *>(QStringLiteral("welcomeAccountState"))->text().contains(u"1 account"));
    QVERIFY(welcome->findChild<QLabel *>(QStringLiteral("welcomeAppState"))->text().contains(u"Not done"));
    const int line = m_window->fontMetrics().height();
    m_window->resize(line * 80, line * 50);
    QTest::qWait(100);
    QVERIFY(m_window->grab().save(screenshotPath(QStringLiteral("welcome-page"))));
    // "Connect an account" goes to the Accounts page and starts; without a TikTok app it says what to do.
    welcome->findChild<QPushButton *>(QStringLiteral("welcomeConnectButton"))->click();
    QCOMPARE(m_window->currentPage(), ui::MainWindow::Page::Accounts);
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->accounts()->isConnecting(), 10000);
    QCOMPARE(m_window->accounts()->message()->kind(), ui::InlineMessage::Kind::Error);
    QVERIFY(m_window->accounts()->message()->text().contains(u"client key"));
    // Skipping ends the welcome for good.
    m_window->showPage(ui::MainWindow::Page::Welcome);
    welcome->findChild<QPushButton *>(QStringLiteral("welcomeDoneButton"))->click();
    QCOMPARE(m_window->currentPage(), ui::MainWindow::Page::Compose);
    m_window.reset();
    startWindow();
    m_window->showWelcomeIfFirstStart();
    QCOMPARE(m_window->currentPage(), ui::MainWindow::Page::Compose);
    qputenv("CLIPQUEUE_DATA_DIR", dataDirectory);
}

void TestShell::accountsAndSettingsAreReachable() {
    startWindow();
    // The composer's "Connect the account" link.
    Q_EMIT m_window->composer()->accountsRequested();
    QCOMPARE(m_window->currentPage(), ui::MainWindow::Page::Accounts);
    QTRY_VERIFY(m_window->accounts()->card(QStringLiteral("acct-1")) != nullptr);
    m_window->showPage(ui::MainWindow::Page::Compose);
    QTest::keyClick(m_window.get(), Qt::Key_4, Qt::ControlModifier);
    QCOMPARE(m_window->currentPage(), ui::MainWindow::Page::Accounts);
    // Settings: Ctrl+, opens the dialog, which does not block the window.
    QAction *settings = m_window->findChild<QAction *>(QStringLiteral("settingsAction"));
    QCOMPARE(settings->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_Comma));
    settings->trigger();
    ui::SettingsDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = m_window->findChild<ui::SettingsDialog *>()));
    QVERIFY(dialog->isVisible());
    dialog->reject();
}

QTEST_MAIN(TestShell)
#include "tst_shell.moc"
