#include "shell/WelcomePage.h"

#include "session/Backend.h"
#include "tiktok/OAuthClient.h"
#include "util/Settings.h"

#include <QGridLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace cq::ui {

WelcomePage::WelcomePage(Backend &backend, QWidget *parent)
    : QWidget(parent)
    , m_backend(backend)
    , m_app(new QPushButton(tr("Enter the app's key and secret…")))
    , m_account(new QPushButton(tr("Connect an account…")))
    , m_database(new QPushButton(tr("Use a team database…")))
    , m_done(new QPushButton(tr("&Start using ClipQueue")))
    , m_appState(new QLabel)
    , m_accountState(new QLabel)
    , m_databaseState(new QLabel) {
    setObjectName(QStringLiteral("welcomePage"));
    m_app->setObjectName(QStringLiteral("welcomeAppButton"));
    m_account->setObjectName(QStringLiteral("welcomeConnectButton"));
    m_database->setObjectName(QStringLiteral("welcomeDatabaseButton"));
    m_done->setObjectName(QStringLiteral("welcomeDoneButton"));
    m_appState->setObjectName(QStringLiteral("welcomeAppState"));
    m_accountState->setObjectName(QStringLiteral("welcomeAccountState"));
    m_databaseState->setObjectName(QStringLiteral("welcomeDatabaseState"));
    connect(m_app, &QPushButton::clicked, this, &WelcomePage::settingsRequested);
    connect(m_database, &QPushButton::clicked, this, &WelcomePage::settingsRequested);
    connect(m_account, &QPushButton::clicked, this, &WelcomePage::connectRequested);
    connect(m_done, &QPushButton::clicked, this, [this] {
        Settings().setFlag(Setting::FirstStartDone, true);
        Q_EMIT finished();
    });

    auto *title = new QLabel(tr("<h1>Welcome to ClipQueue</h1>"));
    auto *intro = new QLabel(tr("Three steps set ClipQueue up; each can be done now or later from Settings "
                                "(Ctrl+,) and the Accounts page."));
    intro->setWordWrap(true);
    // Lines of reading length, not the window's whole width.
    auto *column = new QWidget;
    column->setMaximumWidth(fontMetrics().averageCharWidth() * 110);
    auto *outer = new QHBoxLayout(this);
    const int margin = fontMetrics().height() * 2;
    outer->setContentsMargins(margin, margin, margin, margin);
    outer->addWidget(column, 1);
    outer->addStretch(0);
    auto *layout = new QVBoxLayout(column);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(title);
    layout->addWidget(intro);
    layout->addWidget(step(
        tr("1. Your TikTok developer app"),
        tr("TikTok lets apps post only with their own client key and secret, which open-source apps may not "
           "ship, so ClipQueue uses yours. Create an app at <a href=\"https://developers.tiktok.com/apps\">"
           "developers.tiktok.com</a>, add Login Kit for desktop with the redirect URI "
           "<tt>http://127.0.0.1:*/callback/</tt> and the Content Posting API with the scopes <tt>%1</tt>. "
           "Until TikTok audits the app, every post is private (\"Only me\") and the account must be "
           "private; TikTok audits apps that serve many creators, not a team's own tool.")
            .arg(tiktok::OAuthClient::defaultScopes().join(QStringLiteral(", "))),
        m_app, m_appState));
    layout->addWidget(
        step(tr("2. A TikTok account"),
             tr("Sign in to TikTok in your browser and allow ClipQueue to post to the account."), m_account,
             m_accountState));
    layout->addWidget(step(tr("3. A team database (optional)"),
                           tr("Working alone? Skip this: posts stay on this computer. A team shares one "
                              "PostgreSQL database, so that everyone sees the same queue."),
                           m_database, m_databaseState));
    auto *doneRow = new QHBoxLayout;
    doneRow->addStretch();
    doneRow->addWidget(m_done);
    layout->addLayout(doneRow);
    layout->addStretch();
    connect(&m_backend, &Backend::accountsChanged, this, &WelcomePage::updateSteps);
    updateSteps();
}

QWidget *WelcomePage::step(const QString &title, const QString &text, QPushButton *button, QLabel *state) {
    auto *box = new QWidget;
    auto *grid = new QGridLayout(box);
    auto *heading = new QLabel(u"<b>" + title + u"</b>");
    auto *body = new QLabel(text);
    body->setWordWrap(true);
    body->setTextFormat(Qt::RichText);
    body->setOpenExternalLinks(true);
    body->setTextInteractionFlags(Qt::TextBrowserInteraction);
    state->setWordWrap(true);
    button->setAccessibleDescription(title);
    grid->addWidget(heading, 0, 0);
    grid->addWidget(body, 1, 0);
    grid->addWidget(state, 2, 0);
    grid->addWidget(button, 0, 1, 3, 1, Qt::AlignTop);
    grid->setColumnStretch(0, 1);
    return box;
}

bool WelcomePage::wanted() {
    return !Settings().flag(Setting::FirstStartDone) && !Settings::configuredByEnvironment();
}

void WelcomePage::updateSteps() {
    const Settings settings;
    const bool app = !settings.value(Setting::TikTokClientKey).isEmpty();
    m_appState->setText(app ? tr("Done: the client key is set (the secret is in your keychain).")
                            : tr("Not done yet."));
    const int accounts = int(m_backend.accounts().size());
    m_accountState->setText(accounts > 0 ? tr("Done: %n account(s) connected.", nullptr, accounts)
                                         : tr("Not done yet."));
    const bool team = !settings.value(Setting::DatabaseUrl).isEmpty();
    m_databaseState->setText(team ? tr("A team database is set; it is used from the next start.")
                                  : tr("Posts stay on this computer."));
}

} // namespace cq::ui
