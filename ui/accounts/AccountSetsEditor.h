#pragma once

#include "session/Backend.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QListWidget;
class QListWidgetItem;
class QMessageBox;
class QPushButton;

namespace cq::ui {

class InlineMessage;

// Saved account sets ("brand channels"): the sets on the left (double-click or F2 renames one,
// Delete deletes it after asking), the accounts of the chosen set on the right with a check box
// each (ticking changes the set at once), and a name field to create a new set. Everything goes
// through the Backend; refusals (a name in use) are said above the lists. For the Accounts page.
class AccountSetsEditor : public QWidget {
    Q_OBJECT

public:
    explicit AccountSetsEditor(Backend &backend, QWidget *parent = nullptr);

    // The set whose members are shown (empty: none chosen).
    QString currentSetId() const;
    void selectSet(const QString &id);

private:
    void buildLayout();
    void connectSignals();
    void rebuildSets();
    void rebuildMembers();
    void createSet();
    void renameSet(QListWidgetItem *item);
    void askToDeleteSet();
    void onMemberChanged();
    void updateButtons();
    // The answer to a command: a refusal is shown; the lists follow accountSetsChanged().
    Backend::Done<QList<AccountSet>> answer(const QString &selectAfter = {});
    const AccountSet *currentSet() const;

    Backend &m_backend;
    InlineMessage *m_message;
    QListWidget *m_sets;
    QLineEdit *m_newName;
    QPushButton *m_create;
    QPushButton *m_rename;
    QPushButton *m_delete;
    QLabel *m_membersTitle;
    QListWidget *m_members;
    QLabel *m_hint;
};

} // namespace cq::ui
