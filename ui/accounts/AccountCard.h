#pragma once

#include "session/Backend.h"

#include <QFrame>

class QFormLayout;
class QLabel;
class QPushButton;

namespace cq::ui {

// One connected account on the Accounts page: avatar, names, what TikTok allows it (privacy levels,
// interactions the creator turned off, longest video), how its authorisation stands, when its
// creator info was fetched, and Refresh / Disconnect. An account of an unaudited app says what that
// means. Everything shown comes from the AccountSummary the Backend made.
class AccountCard : public QFrame {
    Q_OBJECT

public:
    explicit AccountCard(QWidget *parent = nullptr);

    void setAccount(const AccountSummary &account, const QDateTime &nowUtc);
    const AccountSummary &account() const { return m_account; }
    // While a refresh or disconnect of this account is under way, its buttons wait.
    void setBusy(bool busy);

    // "Valid until …; renews itself until …" and the like, for the authorisation row.
    static QString tokenText(const AccountSummary &account, const QDateTime &nowUtc);
    // "Valid", "Expires soon", "Expired".
    static QString tokenStateLabel(TokenState state);
    // "10 min", "3 min 30 s", "45 s".
    static QString durationText(int seconds);

Q_SIGNALS:
    void refreshRequested(const QString &id);
    void disconnectRequested(const QString &id);

protected:
    void changeEvent(QEvent *event) override;

private:
    QLabel *addRow(const QString &label, const char *objectName);
    void updateAvatar();

    AccountSummary m_account;
    QLabel *m_avatar;
    QLabel *m_name;
    QLabel *m_handle;
    QLabel *m_privacy = nullptr;
    QLabel *m_disabled = nullptr;
    QLabel *m_maxDuration = nullptr;
    QLabel *m_token = nullptr;
    QLabel *m_fetched = nullptr;
    QLabel *m_scopes = nullptr;
    QLabel *m_unaudited;
    QPushButton *m_refresh;
    QPushButton *m_disconnect;
    QFormLayout *m_form;
};

} // namespace cq::ui
