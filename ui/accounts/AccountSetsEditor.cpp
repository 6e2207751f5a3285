#include "accounts/AccountSetsEditor.h"

#include "common/InlineMessage.h"
#include "composer/AccountPicker.h"

#include <QAction>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

namespace cq::ui {

namespace {

constexpr int IdRole = Qt::UserRole + 1;

QString countText(qsizetype count) {
    return AccountSetsEditor::tr("%n account(s)", nullptr, int(count));
}

QListWidget *makeList(const QString &objectName, const QString &accessibleName, QWidget *parent) {
    auto *list = new QListWidget(parent);
    list->setObjectName(objectName);
    list->setAccessibleName(accessibleName);
    list->setUniformItemSizes(true);
    return list;
}

} // namespace

AccountSetsEditor::AccountSetsEditor(Backend &backend, QWidget *parent)
    : QWidget(parent)
    , m_backend(backend)
    , m_message(new InlineMessage(this))
    , m_sets(makeList(QStringLiteral("accountSetList"), tr("Account sets"), this))
    , m_newName(new QLineEdit(this))
    , m_create(new QPushButton(tr("&Create set"), this))
    , m_rename(new QPushButton(tr("&Rename"), this))
    , m_delete(new QPushButton(tr("&Delete…"), this))
    , m_membersTitle(new QLabel(this))
    , m_members(makeList(QStringLiteral("accountSetMembers"), tr("Accounts in the set"), this))
    , m_hint(new QLabel(this)) {
    setObjectName(QStringLiteral("accountSetsEditor"));
    m_message->setObjectName(QStringLiteral("accountSetsMessage"));
    m_message->hide();
    m_sets->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    m_newName->setObjectName(QStringLiteral("newAccountSetName"));
    m_newName->setAccessibleName(tr("Name of a new account set"));
    m_newName->setPlaceholderText(tr("New set name"));
    m_newName->setMinimumWidth(fontMetrics().horizontalAdvance(m_newName->placeholderText()) * 3 / 2);
    m_newName->setClearButtonEnabled(true);
    m_create->setObjectName(QStringLiteral("createAccountSetButton"));
    m_create->setAccessibleName(tr("Create account set"));
    m_rename->setObjectName(QStringLiteral("renameAccountSetButton"));
    m_rename->setAccessibleName(tr("Rename account set"));
    m_rename->setToolTip(tr("Rename the chosen set (F2)"));
    m_delete->setObjectName(QStringLiteral("deleteAccountSetButton"));
    m_delete->setAccessibleName(tr("Delete account set"));
    m_delete->setToolTip(tr("Delete the chosen set (Delete). Posts made for it keep their accounts."));
    m_membersTitle->setObjectName(QStringLiteral("accountSetMembersTitle"));
    m_membersTitle->setBuddy(m_members);
    m_hint->setObjectName(QStringLiteral("accountSetsHint"));
    m_hint->setWordWrap(true);
    m_hint->setForegroundRole(QPalette::PlaceholderText);
    const int side = fontMetrics().height() * 2;
    m_members->setIconSize(QSize(side, side));
    m_members->setSelectionMode(QAbstractItemView::NoSelection); // the check boxes say who is in

    buildLayout();
    connectSignals();
    rebuildSets();
}

void AccountSetsEditor::buildLayout() {
    auto *title = new QLabel(tr("<h3>Account sets</h3>"), this);
    title->setObjectName(QStringLiteral("accountSetsTitle"));
    auto *setsTitle = new QLabel(tr("&Sets"), this);
    setsTitle->setBuddy(m_sets);
    auto *newRow = new QHBoxLayout;
    newRow->addWidget(m_newName, 1);
    newRow->addWidget(m_create);
    auto *setButtons = new QHBoxLayout;
    setButtons->addWidget(m_rename);
    setButtons->addWidget(m_delete);
    setButtons->addStretch();
    auto *left = new QVBoxLayout;
    left->addWidget(setsTitle);
    left->addWidget(m_sets, 1);
    left->addLayout(setButtons);
    left->addLayout(newRow);
    auto *right = new QVBoxLayout;
    right->addWidget(m_membersTitle);
    right->addWidget(m_members, 1);
    right->addWidget(m_hint);
    auto *columns = new QHBoxLayout;
    columns->addLayout(left, 2);
    columns->addLayout(right, 3);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(title);
    layout->addWidget(m_message);
    layout->addLayout(columns, 1);
    // Inside the Accounts page's scroll area it gets its size hint: room for a few sets and accounts.
    setMinimumHeight(fontMetrics().height() * 18);
    setTabOrder(m_sets, m_rename);
    setTabOrder(m_rename, m_delete);
    setTabOrder(m_delete, m_newName);
    setTabOrder(m_newName, m_create);
    setTabOrder(m_create, m_members);
}

void AccountSetsEditor::connectSignals() {
    auto *deleteShortcut = new QAction(this);
    deleteShortcut->setShortcut(QKeySequence::Delete);
    deleteShortcut->setShortcutContext(Qt::WidgetShortcut);
    m_sets->addAction(deleteShortcut);
    connect(m_create, &QPushButton::clicked, this, &AccountSetsEditor::createSet);
    connect(m_newName, &QLineEdit::returnPressed, this, &AccountSetsEditor::createSet);
    connect(m_newName, &QLineEdit::textChanged, this, &AccountSetsEditor::updateButtons);
    connect(m_rename, &QPushButton::clicked, this, [this] {
        if (m_sets->currentItem()) {
            m_sets->editItem(m_sets->currentItem());
        }
    });
    connect(m_delete, &QPushButton::clicked, this, &AccountSetsEditor::askToDeleteSet);
    connect(deleteShortcut, &QAction::triggered, this, &AccountSetsEditor::askToDeleteSet);
    connect(m_sets, &QListWidget::currentItemChanged, this, &AccountSetsEditor::rebuildMembers);
    connect(m_sets, &QListWidget::itemChanged, this, &AccountSetsEditor::renameSet);
    connect(m_members, &QListWidget::itemChanged, this, &AccountSetsEditor::onMemberChanged);
    connect(&m_backend, &Backend::accountSetsChanged, this, &AccountSetsEditor::rebuildSets);
    connect(&m_backend, &Backend::accountsChanged, this, &AccountSetsEditor::rebuildMembers);
}

QString AccountSetsEditor::currentSetId() const {
    return m_sets->currentItem() ? m_sets->currentItem()->data(IdRole).toString() : QString();
}

void AccountSetsEditor::selectSet(const QString &id) {
    for (int row = 0; row < m_sets->count(); ++row) {
        if (m_sets->item(row)->data(IdRole).toString() == id) {
            m_sets->setCurrentRow(row);
            return;
        }
    }
}

const AccountSet *AccountSetsEditor::currentSet() const {
    const QString id = currentSetId();
    for (const AccountSet &set : m_backend.accountSets()) {
        if (set.id == id) {
            return &set;
        }
    }
    return nullptr;
}

void AccountSetsEditor::rebuildSets() {
    const QString keep = currentSetId();
    {
        const QSignalBlocker blocker(m_sets);
        m_sets->clear();
        for (const AccountSet &set : m_backend.accountSets()) {
            auto *item = new QListWidgetItem(set.name, m_sets);
            item->setData(IdRole, set.id);
            item->setFlags(item->flags() | Qt::ItemIsEditable);
            item->setToolTip(set.name + u" · " + countText(set.accountIds.size()));
        }
    }
    selectSet(keep);
    if (!m_sets->currentItem() && m_sets->count() > 0) {
        m_sets->setCurrentRow(0);
    }
    rebuildMembers();
}

void AccountSetsEditor::rebuildMembers() {
    const AccountSet *set = currentSet();
    {
        const QSignalBlocker blocker(m_members);
        m_members->clear();
        for (const AccountSummary &account : set ? m_backend.accounts() : QList<AccountSummary>()) {
            auto *item = new QListWidgetItem(account.label(), m_members);
            item->setData(IdRole, account.id);
            item->setIcon(AccountPicker::avatar(account, m_members->iconSize().width(), palette(),
                                                devicePixelRatioF()));
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
            item->setCheckState(set->accountIds.contains(account.id) ? Qt::Checked : Qt::Unchecked);
        }
    }
    m_membersTitle->setText(
        set ? tr("&Accounts in “%1” (%2)").arg(set->name, countText(set->accountIds.size()))
            : tr("&Accounts in the set"));
    if (m_backend.accountSets().isEmpty()) {
        m_hint->setText(
            tr("No account sets yet. A set is a named group of accounts (“brand channels”): a "
               "post for the set goes to each of its accounts. Name one on the left to create it."));
    } else if (m_backend.accounts().isEmpty()) {
        m_hint->setText(tr("No TikTok account is connected yet, so there is nobody to put in a set."));
    } else {
        m_hint->setText(tr("Tick the accounts that belong to the set; each change is saved at once."));
    }
    m_members->setEnabled(set != nullptr);
    updateButtons();
}

void AccountSetsEditor::updateButtons() {
    const bool chosen = m_sets->currentItem() != nullptr;
    m_rename->setEnabled(chosen);
    m_delete->setEnabled(chosen);
    m_create->setEnabled(!m_newName->text().trimmed().isEmpty());
}

Backend::Done<QList<AccountSet>> AccountSetsEditor::answer(const QString &selectAfter) {
    return [this, selectAfter](std::expected<QList<AccountSet>, Error> sets) {
        if (!sets) {
            m_message->showMessage(sets.error().message, InlineMessage::Kind::Error);
            rebuildSets(); // back to what the database holds
            return;
        }
        m_message->hide();
        // The Backend announced the sets before it answers, so a new set is listed already.
        for (const AccountSet &set : *sets) {
            if (!selectAfter.isEmpty() && set.name == selectAfter) {
                selectSet(set.id);
            }
        }
    };
}

void AccountSetsEditor::createSet() {
    const QString name = m_newName->text().trimmed();
    if (name.isEmpty()) {
        return;
    }
    m_newName->clear();
    m_backend.createAccountSet(name, this, answer(name));
}

void AccountSetsEditor::renameSet(QListWidgetItem *item) {
    const QString id = item->data(IdRole).toString();
    m_backend.renameAccountSet(id, item->text().trimmed(), this, answer());
}

void AccountSetsEditor::askToDeleteSet() {
    const AccountSet *set = currentSet();
    if (!set) {
        return;
    }
    auto *confirm = new QMessageBox(QMessageBox::Question, tr("Delete account set"),
                                    tr("Delete the account set “%1”? Its accounts stay connected, and posts "
                                       "already made for the set keep their accounts.")
                                        .arg(set->name),
                                    QMessageBox::NoButton, this);
    confirm->setObjectName(QStringLiteral("confirmDeleteAccountSet"));
    confirm->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *remove = confirm->addButton(tr("Delete set"), QMessageBox::DestructiveRole);
    remove->setObjectName(QStringLiteral("confirmDeleteAccountSetButton"));
    confirm->addButton(QMessageBox::Cancel);
    confirm->setDefaultButton(QMessageBox::Cancel);
    connect(remove, &QPushButton::clicked, this,
            [this, id = set->id] { m_backend.deleteAccountSet(id, this, answer()); });
    confirm->open();
}

void AccountSetsEditor::onMemberChanged() {
    const QString id = currentSetId();
    if (id.isEmpty()) {
        return;
    }
    QStringList checked;
    for (int row = 0; row < m_members->count(); ++row) {
        if (m_members->item(row)->checkState() == Qt::Checked) {
            checked << m_members->item(row)->data(IdRole).toString();
        }
    }
    m_backend.setAccountSetMembers(id, checked, this, answer());
}

} // namespace cq::ui
