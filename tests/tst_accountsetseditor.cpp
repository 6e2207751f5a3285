// The account sets editor of the Accounts page, offscreen on a real Backend: creating, ticking
// members, renaming and deleting sets all reach the database, refusals are said in words, and
// every control has a name a screen reader can say. Also the composer's AccountPicker, which
// offers the sets beside the accounts.
#include "BackendHarness.h"
#include "TestFixtures.h"
#include "accounts/AccountSetsEditor.h"
#include "common/InlineMessage.h"
#include "composer/AccountPicker.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace cq;
using namespace cq::test;
using cq::ui::AccountSetsEditor;

class TestAccountSetsEditor : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void emptyEditorSaysWhatASetIs();
    void createTickRenameAndDelete();
    void aTakenNameIsRefusedInWords();
    void everyControlHasANameAndATabStop();
    void composerOffersSetsBesideAccounts();

private:
    template<typename T>
    T *child(const QString &name) const {
        T *found = m_editor->findChild<T *>(name);
        if (!found) {
            qWarning("no %s", qPrintable(name));
        }
        return found;
    }
    void createSet(const QString &name);

    std::unique_ptr<BackendHarness> m_harness;
    std::unique_ptr<AccountSetsEditor> m_editor;
};

void TestAccountSetsEditor::init() {
    BackendHarness::Options options;
    options.accounts = {{QStringLiteral("acct-1"), QStringLiteral("ana.makes")},
                        {QStringLiteral("acct-2"), QStringLiteral("bob.films")}};
    m_harness = std::make_unique<BackendHarness>(options);
    QVERIFY2(m_harness->start(), qPrintable(m_harness->why()));
    m_editor = std::make_unique<AccountSetsEditor>(m_harness->backend());
    m_editor->resize(m_editor->fontMetrics().averageCharWidth() * 90, m_editor->fontMetrics().height() * 22);
    m_editor->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_editor.get()));
}

void TestAccountSetsEditor::cleanup() {
    m_editor.reset();
    m_harness.reset();
}

void TestAccountSetsEditor::createSet(const QString &name) {
    auto *field = child<QLineEdit>(QStringLiteral("newAccountSetName"));
    field->setFocus();
    QTest::keyClicks(field, name);
    QTest::keyClick(field, Qt::Key_Return);
}

void TestAccountSetsEditor::emptyEditorSaysWhatASetIs() {
    QCOMPARE(child<QListWidget>(QStringLiteral("accountSetList"))->count(), 0);
    QVERIFY(child<QLabel>(QStringLiteral("accountSetsHint"))->text().contains(u"No account sets yet"));
    QVERIFY(!child<QPushButton>(QStringLiteral("deleteAccountSetButton"))->isEnabled());
    QVERIFY(!child<QPushButton>(QStringLiteral("createAccountSetButton"))->isEnabled()); // no name yet
    QVERIFY(m_editor->grab().save(screenshotPath(QStringLiteral("accounts-sets-empty"))));
}

void TestAccountSetsEditor::createTickRenameAndDelete() {
    auto *sets = child<QListWidget>(QStringLiteral("accountSetList"));
    auto *members = child<QListWidget>(QStringLiteral("accountSetMembers"));
    QAbstractItemModelTester setsTester(sets->model());
    QAbstractItemModelTester membersTester(members->model());
    createSet(QStringLiteral("brand channels"));
    QTRY_COMPARE_WITH_TIMEOUT(sets->count(), 1, 10000);
    QTRY_COMPARE(m_editor->currentSetId(), m_harness->backend().accountSets().first().id);
    const QString id = m_editor->currentSetId();
    QCOMPARE(members->count(), 2);
    QCOMPARE(members->item(0)->checkState(), Qt::Unchecked);
    QVERIFY(members->item(1)->text().contains(u"@bob.films"));

    // Ticking saves at once; the database holds it.
    members->item(1)->setCheckState(Qt::Checked);
    QTRY_COMPARE_WITH_TIMEOUT(m_harness->seed().accountSets().get(id)->accountIds,
                              QStringList{QStringLiteral("acct-2")}, 10000);
    members->item(0)->setCheckState(Qt::Checked);
    QTRY_COMPARE_WITH_TIMEOUT(m_harness->seed().accountSets().get(id)->accountIds.size(), 2, 10000);
    QTRY_VERIFY(child<QLabel>(QStringLiteral("accountSetMembersTitle"))->text().contains(u"2 accounts"));
    QVERIFY(m_editor->grab().save(screenshotPath(QStringLiteral("accounts-sets"))));

    // Renamed in place (F2 or double-click edits the name).
    sets->item(0)->setText(QStringLiteral("Brands"));
    QTRY_COMPARE_WITH_TIMEOUT(m_harness->seed().accountSets().get(id)->name, QStringLiteral("Brands"), 10000);
    QTRY_COMPARE(m_harness->backend().accountSets().first().name, QStringLiteral("Brands"));
    QCOMPARE(m_editor->currentSetId(), id);

    // Delete asks first; cancelling keeps the set.
    sets->setFocus();
    QTest::keyClick(sets, Qt::Key_Delete);
    auto *confirm = m_editor->findChild<QMessageBox *>(QStringLiteral("confirmDeleteAccountSet"));
    QVERIFY(confirm);
    QVERIFY(confirm->text().contains(u"Brands"));
    confirm->button(QMessageBox::Cancel)->click();
    QCOMPARE(m_harness->seed().accountSets().list()->size(), 1);
    child<QPushButton>(QStringLiteral("deleteAccountSetButton"))->click();
    confirm = m_editor->findChild<QMessageBox *>(QStringLiteral("confirmDeleteAccountSet"));
    QVERIFY(confirm);
    confirm->findChild<QPushButton *>(QStringLiteral("confirmDeleteAccountSetButton"))->click();
    QTRY_COMPARE_WITH_TIMEOUT(sets->count(), 0, 10000);
    QVERIFY(m_harness->seed().accountSets().list()->isEmpty());
    QCOMPARE(members->count(), 0);
}

void TestAccountSetsEditor::aTakenNameIsRefusedInWords() {
    createSet(QStringLiteral("brand channels"));
    QTRY_COMPARE_WITH_TIMEOUT(child<QListWidget>(QStringLiteral("accountSetList"))->count(), 1, 10000);
    createSet(QStringLiteral("brand channels"));
    auto *message = child<cq::ui::InlineMessage>(QStringLiteral("accountSetsMessage"));
    QTRY_VERIFY_WITH_TIMEOUT(message->isVisible(), 10000);
    QVERIFY2(message->text().contains(u"already"), qPrintable(message->text()));
    QCOMPARE(message->kind(), cq::ui::InlineMessage::Kind::Error);
    QCOMPARE(child<QListWidget>(QStringLiteral("accountSetList"))->count(), 1);
    QVERIFY(m_editor->grab().save(screenshotPath(QStringLiteral("accounts-sets-refused"))));
}

void TestAccountSetsEditor::everyControlHasANameAndATabStop() {
    createSet(QStringLiteral("brand channels"));
    QTRY_COMPARE_WITH_TIMEOUT(child<QListWidget>(QStringLiteral("accountSetList"))->count(), 1, 10000);
    const QList<QWidget *> controls = m_editor->findChildren<QWidget *>();
    int checked = 0;
    for (QWidget *control : controls) {
        if (qobject_cast<QAbstractButton *>(control) || qobject_cast<QLineEdit *>(control)
            || qobject_cast<QListWidget *>(control)) {
            if (control->parentWidget()
                && (control->parentWidget()->inherits("cq::ui::InlineMessage")
                    || qobject_cast<QLineEdit *>(control->parentWidget()))) {
                continue; // the message's own buttons (tested with it), a line edit's clear button
            }
            QVERIFY2(!control->objectName().isEmpty(), control->metaObject()->className());
            QVERIFY2(!control->accessibleName().isEmpty(), qPrintable(control->objectName()));
            QVERIFY2(control->focusPolicy() & Qt::TabFocus, qPrintable(control->objectName()));
            ++checked;
        }
    }
    QVERIFY(checked >= 6);
    // Tab walks the sets, their buttons, the new name, then the members.
    m_editor->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_editor.get()));
    const QStringList expected{QStringLiteral("accountSetList"), QStringLiteral("renameAccountSetButton"),
                               QStringLiteral("deleteAccountSetButton"), QStringLiteral("newAccountSetName"),
                               QStringLiteral("accountSetMembers")}; // Create is enabled only with a name
    child<QListWidget>(QStringLiteral("accountSetList"))->setFocus();
    QStringList visited;
    for (qsizetype i = 0; i < expected.size(); ++i) {
        visited << QApplication::focusWidget()->objectName();
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    }
    QCOMPARE(visited, expected);
}

void TestAccountSetsEditor::composerOffersSetsBesideAccounts() {
    Backend &backend = m_harness->backend();
    std::optional<std::expected<QList<AccountSet>, Error>> made;
    backend.createAccountSet(QStringLiteral("brand channels"), this, [&](auto sets) { made = sets; });
    QTRY_VERIFY_WITH_TIMEOUT(made.has_value(), 10000);
    const QString id = (*made)->first().id;
    made.reset();
    backend.setAccountSetMembers(id, {QStringLiteral("acct-1"), QStringLiteral("acct-2")}, this,
                                 [&](auto sets) { made = sets; });
    QTRY_VERIFY_WITH_TIMEOUT(made.has_value() && made->has_value(), 10000);

    cq::ui::AccountPicker picker;
    QAbstractItemModelTester tester(picker.findChild<QListWidget *>(QStringLiteral("accountList"))->model());
    picker.setAccounts(backend.accounts());
    picker.setAccountSets(backend.accountSets());
    picker.show();
    QVERIFY(QTest::qWaitForWindowExposed(&picker));
    auto *list = picker.findChild<QListWidget *>(QStringLiteral("accountList"));
    QCOMPARE(list->count(), 3); // two accounts, then the set
    QListWidgetItem *set = list->item(2);
    QVERIFY2(set->text().contains(u"brand channels\nset of 2 accounts"), qPrintable(set->text()));
    QCOMPARE(picker.checkedIds(), QStringList{QStringLiteral("acct-1")}); // the default account
    QCOMPARE(set->checkState(), Qt::PartiallyChecked);                    // some of its accounts

    QSignalSpy changed(&picker, &cq::ui::AccountPicker::checkedChanged);
    set->setCheckState(Qt::Checked); // what a click does
    QCOMPARE(picker.checkedIds(), (QStringList{QStringLiteral("acct-1"), QStringLiteral("acct-2")}));
    QCOMPARE(changed.count(), 1);
    QVERIFY(picker.grab().save(screenshotPath(QStringLiteral("composer-account-sets"))));
    list->item(0)->setCheckState(Qt::Unchecked);
    QCOMPARE(set->checkState(), Qt::PartiallyChecked);
    set->setCheckState(Qt::Unchecked);
    QVERIFY(picker.checkedIds().isEmpty());

    // Editing a stored post chooses one account: sets are not offered then.
    picker.setSingleChoice(true, QStringLiteral("one account"));
    QCOMPARE(list->count(), 2);
    picker.setSingleChoice(false);
    QCOMPARE(list->count(), 3);
}

QTEST_MAIN(TestAccountSetsEditor)
#include "tst_accountsetseditor.moc"
