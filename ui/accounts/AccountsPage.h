#pragma once

#include "session/Backend.h"

#include <QHash>
#include <QWidget>

class QLabel;
class QPushButton;
class QVBoxLayout;

namespace cq::ui {

class AccountCard;
class InlineMessage;

// The Accounts page: connect a TikTok account through the browser (with a way to cancel and a
// clear outcome), and every connected account as an AccountCard with Refresh and Disconnect.
// Below them is room for the account sets editor (setAccountSetsEditor()).
class AccountsPage : public QWidget {
    Q_OBJECT

public:
    // Opens the authorise page; the default is QDesktopServices::openUrl. Tests play the browser.
    using UrlOpener = std::function<bool(const QUrl &)>;

    explicit AccountsPage(Backend &backend, QWidget *parent = nullptr);

    void setUrlOpener(UrlOpener opener) { m_openUrl = std::move(opener); }
    // Starts connecting an account (the button does the same).
    void connectAccount();
    bool isConnecting() const { return m_connecting; }
    // A widget that edits named sets of accounts, shown below the accounts.
    void setAccountSetsEditor(QWidget *editor);
    AccountCard *card(const QString &accountId) const { return m_cards.value(accountId); }
    InlineMessage *message() const { return m_message; }

Q_SIGNALS:
    void settingsRequested();

private:
    void rebuildCards();
    void onConnected(std::expected<AccountSummary, Error> result);
    void setConnecting(bool connecting);
    void refresh(const QString &id);
    void confirmDisconnect(const QString &id);
    void disconnectAccount(const QString &id);

    Backend &m_backend;
    UrlOpener m_openUrl;
    bool m_connecting = false;
    QPushButton *m_connect;
    QWidget *m_waiting; // "Finish in your browser" with Cancel
    QLabel *m_waitingText;
    QPushButton *m_cancel;
    InlineMessage *m_message;
    QLabel *m_empty;
    QVBoxLayout *m_cardsLayout;
    QVBoxLayout *m_setsLayout;
    QHash<QString, AccountCard *> m_cards;
};

} // namespace cq::ui
