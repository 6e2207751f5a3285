#pragma once

#include <QWidget>

#include "session/Backend.h"

class QLabel;
class QListWidget;
class QListWidgetItem;

namespace cq::ui {

// Whom a post goes to: the connected accounts, each with its avatar, display name and @username and
// a check box; several may be checked (one post per account). The default account is checked when
// the accounts first arrive. Without any account it links to the Accounts page. Saved account sets
// are listed after the accounts: checking a set checks its accounts (partly checked when some are).
class AccountPicker : public QWidget {
    Q_OBJECT

public:
    explicit AccountPicker(QWidget *parent = nullptr);

    // Keeps the checks of accounts that are still there; checks the default account when none is.
    void setAccounts(const QList<AccountSummary> &accounts);
    const QList<AccountSummary> &accounts() const { return m_accounts; }
    // Offered after the accounts, except while only one account may be chosen.
    void setAccountSets(const QList<AccountSet> &sets);
    // Checked account ids, in the order of the list.
    QStringList checkedIds() const;
    void setCheckedIds(const QStringList &ids);
    // Only the default account checked (a new post).
    void checkDefault();
    // A stored post goes to exactly one account: checking another one unchecks the first, and the
    // last one cannot be unchecked. `why` is the list's tooltip.
    void setSingleChoice(bool single, const QString &why = {});
    // The first checked account, else the default one; nullptr without accounts.
    const AccountSummary *primary() const;

    // A round avatar `sidePx` wide: the account's picture when it was downloaded, else its initial
    // on the palette's highlight colour. `devicePixelRatio` keeps it sharp on high-DPI screens.
    static QPixmap avatar(const AccountSummary &account, int sidePx, const QPalette &palette,
                          qreal devicePixelRatio);

Q_SIGNALS:
    void checkedChanged();
    // The link in "No TikTok account is connected yet" was followed.
    void connectRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void rebuild(const QStringList &checked);
    void fitHeight();
    QListWidgetItem *itemFor(const AccountSummary &account, bool checked) const;
    QListWidgetItem *itemFor(const AccountSet &set) const;
    void onItemChanged(QListWidgetItem *changed);
    // Each set's check box from its accounts' (all, some, none).
    void updateSetStates();

    QList<AccountSummary> m_accounts;
    QList<AccountSet> m_sets;
    QListWidget *m_list;
    QLabel *m_none;
    bool m_single = false;
};

} // namespace cq::ui
