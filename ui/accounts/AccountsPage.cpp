#include "accounts/AccountsPage.h"

#include "accounts/AccountCard.h"
#include "common/InlineMessage.h"

#include <QDesktopServices>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace cq::ui {

AccountsPage::AccountsPage(Backend &backend, QWidget *parent)
    : QWidget(parent)
    , m_backend(backend)
    , m_openUrl([](const QUrl &url) { return QDesktopServices::openUrl(url); })
    , m_connect(new QPushButton(tr("&Connect a TikTok account…")))
    , m_waiting(new QWidget)
    , m_waitingText(new QLabel)
    , m_cancel(new QPushButton(tr("Cancel")))
    , m_message(new InlineMessage)
    , m_empty(new QLabel)
    , m_cardsLayout(new QVBoxLayout)
    , m_setsLayout(new QVBoxLayout) {
    setObjectName(QStringLiteral("accountsPage"));
    auto *title = new QLabel(tr("<h2>TikTok accounts</h2>"));
    auto *intro = new QLabel(
        tr("ClipQueue posts to the accounts connected here, through your own TikTok developer app "
           "(its client key and secret are in Settings). Connecting opens TikTok in your browser; sign in "
           "there and allow ClipQueue to post."));
    intro->setWordWrap(true);
    m_connect->setObjectName(QStringLiteral("connectAccountButton"));
    connect(m_connect, &QPushButton::clicked, this, &AccountsPage::connectAccount);

    m_waiting->setObjectName(QStringLiteral("connectWaiting"));
    m_waitingText->setObjectName(QStringLiteral("connectWaitingText"));
    m_waitingText->setWordWrap(true);
    m_waitingText->setTextFormat(Qt::RichText);
    m_waitingText->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_waitingText->setOpenExternalLinks(true);
    m_cancel->setObjectName(QStringLiteral("cancelConnectButton"));
    m_cancel->setAccessibleName(tr("Cancel connecting"));
    connect(m_cancel, &QPushButton::clicked, &m_backend, &Backend::cancelConnect);
    auto *waitingLayout = new QHBoxLayout(m_waiting);
    waitingLayout->setContentsMargins(0, 0, 0, 0);
    waitingLayout->addWidget(m_waitingText, 1);
    waitingLayout->addWidget(m_cancel, 0, Qt::AlignTop);
    m_waiting->hide();

    m_message->setObjectName(QStringLiteral("accountsMessage"));
    m_message->hide();
    // The only action a message here offers: settings, when the TikTok app is not set up.
    connect(m_message, &InlineMessage::actionTriggered, this, &AccountsPage::settingsRequested);
    m_empty->setObjectName(QStringLiteral("noAccountsLabel"));
    m_empty->setWordWrap(true);
    m_empty->setText(tr("No account is connected yet. Connect one to post to it."));

    auto *content = new QWidget;
    auto *contentLayout = new QVBoxLayout(content);
    contentLayout->addWidget(title);
    contentLayout->addWidget(intro);
    auto *connectRow = new QHBoxLayout;
    connectRow->addWidget(m_connect);
    connectRow->addStretch();
    contentLayout->addLayout(connectRow);
    contentLayout->addWidget(m_waiting);
    contentLayout->addWidget(m_message);
    contentLayout->addWidget(m_empty);
    contentLayout->addLayout(m_cardsLayout);
    contentLayout->addLayout(m_setsLayout); // the account sets editor goes here
    contentLayout->addStretch();
    auto *scroll = new QScrollArea;
    scroll->setObjectName(QStringLiteral("accountsScroll"));
    scroll->setAccessibleName(tr("Connected accounts"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(content);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(scroll);

    connect(&m_backend, &Backend::accountsChanged, this, &AccountsPage::rebuildCards);
    rebuildCards();
}

void AccountsPage::setAccountSetsEditor(QWidget *editor) {
    m_setsLayout->addWidget(editor);
}

void AccountsPage::rebuildCards() {
    const QList<AccountSummary> &accounts = m_backend.accounts();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QHash<QString, AccountCard *> kept;
    QWidget *previous = m_cancel;
    for (const AccountSummary &account : accounts) {
        AccountCard *card = m_cards.take(account.id);
        if (!card) {
            card = new AccountCard;
            connect(card, &AccountCard::refreshRequested, this, &AccountsPage::refresh);
            connect(card, &AccountCard::disconnectRequested, this, &AccountsPage::confirmDisconnect);
        }
        card->setAccount(account, now);
        m_cardsLayout->addWidget(card); // in the Backend's order (moves a kept card)
        setTabOrder(previous, card->findChild<QPushButton *>(QStringLiteral("disconnectAccountButton")));
        kept.insert(account.id, card);
    }
    qDeleteAll(m_cards); // accounts that are gone
    m_cards = kept;
    m_empty->setVisible(accounts.isEmpty());
}

void AccountsPage::connectAccount() {
    if (m_connecting) {
        return;
    }
    m_message->hide();
    setConnecting(true);
    m_backend.connectAccount(
        [this, guard = QPointer<AccountsPage>(this)](const QUrl &url) {
            if (!guard || !m_connecting) {
                return;
            }
            const QString link = url.toString(QUrl::FullyEncoded).toHtmlEscaped();
            const bool opened = m_openUrl(url);
            m_waitingText->setText(
                (opened ? tr("<b>Finish in your browser.</b> Sign in to TikTok there and allow ClipQueue; "
                             "this page shows the result. ")
                        : tr("<b>No browser opened.</b> "))
                + tr("If no TikTok page is open, <a href=\"%1\">open it here</a>.").arg(link));
        },
        this, [this](std::expected<AccountSummary, Error> result) { onConnected(std::move(result)); });
}

void AccountsPage::setConnecting(bool connecting) {
    m_connecting = connecting;
    m_connect->setEnabled(!connecting);
    m_waiting->setVisible(connecting);
    if (connecting) {
        m_waitingText->setText(tr("<b>Opening TikTok in your browser…</b>"));
        m_cancel->setFocus();
    }
}

void AccountsPage::onConnected(std::expected<AccountSummary, Error> result) {
    setConnecting(false);
    if (!result) {
        if (result.error().code == ErrorCode::Cancelled) {
            m_message->showMessage(tr("Connecting was cancelled; nothing changed."),
                                   InlineMessage::Kind::Information);
        } else if (result.error().code == ErrorCode::Usage) {
            m_message->showMessage(result.error().message, InlineMessage::Kind::Error, tr("Open settings"));
        } else {
            m_message->showMessage(result.error().message, InlineMessage::Kind::Error);
        }
        m_message->show();
        return;
    }
    m_message->showMessage(tr("Connected %1. It is ready to post.").arg(result->label()),
                           InlineMessage::Kind::Information);
    m_message->show();
}

void AccountsPage::refresh(const QString &id) {
    if (AccountCard *card = m_cards.value(id)) {
        card->setBusy(true);
    }
    m_backend.refreshAccount(id, this, [this, id](std::expected<AccountSummary, Error> result) {
        if (AccountCard *card = m_cards.value(id)) {
            card->setBusy(false);
        }
        m_message->showMessage(result ? tr("%1 is up to date.").arg(result->label())
                                      : tr("Not refreshed: %1").arg(result.error().message),
                               result ? InlineMessage::Kind::Information : InlineMessage::Kind::Error);
        m_message->show();
    });
}

void AccountsPage::confirmDisconnect(const QString &id) {
    const AccountCard *card = m_cards.value(id);
    if (!card) {
        return;
    }
    // Window-modal and asynchronous: the window keeps painting and publishing meanwhile.
    auto *box = new QMessageBox(QMessageBox::Question, tr("Disconnect the account?"),
                                tr("Disconnect %1? ClipQueue revokes its access at TikTok and forgets the "
                                   "account here; posts scheduled for it will not go out until it is "
                                   "connected again.")
                                    .arg(card->account().label()),
                                QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("disconnectConfirmation"));
    QPushButton *yes = box->addButton(tr("Disconnect"), QMessageBox::DestructiveRole);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, yes, id] {
        if (box->clickedButton() == yes) {
            disconnectAccount(id);
        }
    });
    box->open();
}

void AccountsPage::disconnectAccount(const QString &id) {
    const QString label = m_cards.contains(id) ? m_cards.value(id)->account().label() : id;
    if (AccountCard *card = m_cards.value(id)) {
        card->setBusy(true);
    }
    m_backend.disconnectAccount(id, this, [this, label](std::expected<void, Error> result) {
        m_message->showMessage(result ? tr("%1 was disconnected.").arg(label) : result.error().message,
                               result ? InlineMessage::Kind::Information : InlineMessage::Kind::Error);
        m_message->show();
    });
}

} // namespace cq::ui
