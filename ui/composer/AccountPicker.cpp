#include "composer/AccountPicker.h"

#include <QEvent>
#include <QLabel>
#include <QListWidget>
#include <QPainter>
#include <QPainterPath>
#include <QVBoxLayout>

namespace cq::ui {

namespace {
constexpr int IdRole = Qt::UserRole + 1;
constexpr int SetMembersRole = Qt::UserRole + 2; // on a set's row: its account ids
constexpr int MaxVisibleRows = 4;

// The initial shown when there is no picture: the first letter (or emoji) of the name.
QString initialOf(const AccountSummary &account) {
    const QString name = account.displayName.trimmed().isEmpty() ? account.username : account.displayName;
    if (name.isEmpty()) {
        return QStringLiteral("?");
    }
    const qsizetype length = name.at(0).isHighSurrogate() && name.size() > 1 ? 2 : 1;
    return name.left(length).toUpper();
}
} // namespace

AccountPicker::AccountPicker(QWidget *parent)
    : QWidget(parent)
    , m_list(new QListWidget(this))
    , m_none(new QLabel(this)) {
    setObjectName(QStringLiteral("accountPicker"));
    m_list->setObjectName(QStringLiteral("accountList"));
    m_list->setAccessibleName(tr("Accounts to post to"));
    m_list->setSelectionMode(QAbstractItemView::NoSelection); // the check boxes say what is chosen
    m_list->setUniformItemSizes(true);
    const int side = fontMetrics().height() * 2;
    m_list->setIconSize(QSize(side, side));
    connect(m_list, &QListWidget::itemChanged, this, &AccountPicker::onItemChanged);

    m_none->setObjectName(QStringLiteral("noAccountHint"));
    m_none->setWordWrap(true);
    m_none->setTextFormat(Qt::RichText);
    m_none->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_none->setText(tr("No TikTok account is connected yet. <a href=\"#accounts\">Connect the account</a> "
                       "on the Accounts page; it shows up here."));
    connect(m_none, &QLabel::linkActivated, this, &AccountPicker::connectRequested);
    // One or the other shows: a hidden widget takes no room in the layout.
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_none);
    layout->addWidget(m_list);
    setFocusProxy(m_list);
    fitHeight();
}

QPixmap AccountPicker::avatar(const AccountSummary &account, int sidePx, const QPalette &palette,
                              qreal devicePixelRatio) {
    QPixmap pixmap(QSize(sidePx, sidePx) * devicePixelRatio);
    pixmap.setDevicePixelRatio(devicePixelRatio);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    const QRectF circle(0, 0, sidePx, sidePx);
    QPainterPath round;
    round.addEllipse(circle);
    const QImage picture = QImage::fromData(account.avatar);
    if (!picture.isNull()) {
        painter.setClipPath(round);
        const QSize cover = picture.size().scaled(circle.size().toSize(), Qt::KeepAspectRatioByExpanding);
        QRectF target(QPointF(), cover);
        target.moveCenter(circle.center());
        painter.drawImage(target, picture);
        return pixmap;
    }
    painter.fillPath(round, palette.color(QPalette::Highlight));
    QFont font = painter.font();
    font.setPixelSize(sidePx / 2);
    font.setBold(true);
    painter.setFont(font);
    painter.setPen(palette.color(QPalette::HighlightedText));
    painter.drawText(circle, Qt::AlignCenter, initialOf(account));
    return pixmap;
}

QListWidgetItem *AccountPicker::itemFor(const AccountSummary &account, bool checked) const {
    QString text = account.displayName.isEmpty() ? account.id : account.displayName;
    QStringList second;
    if (!account.username.isEmpty()) {
        second << u'@' + account.username;
    }
    if (account.isDefault) {
        second << tr("default account");
    }
    if (!second.isEmpty()) {
        text += u'\n' + second.join(QStringLiteral(" · "));
    }
    auto *item = new QListWidgetItem(text);
    item->setData(IdRole, account.id);
    item->setIcon(avatar(account, m_list->iconSize().width(), palette(), devicePixelRatioF()));
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
    item->setCheckState(checked ? Qt::Checked : Qt::Unchecked);
    item->setToolTip(account.label());
    return item;
}

QListWidgetItem *AccountPicker::itemFor(const AccountSet &set) const {
    QStringList names;
    for (const AccountSummary &account : m_accounts) {
        if (set.accountIds.contains(account.id)) {
            names << account.displayName;
        }
    }
    const QString count =
        names.size() == 1 ? tr("set of 1 account") : tr("set of %1 accounts").arg(names.size());
    auto *item = new QListWidgetItem(set.name + u'\n' + count);
    item->setData(SetMembersRole, set.accountIds);
    AccountSummary look; // drawn like an account: the set's initial
    look.displayName = set.name;
    item->setIcon(avatar(look, m_list->iconSize().width(), palette(), devicePixelRatioF()));
    item->setFlags(names.isEmpty() ? Qt::ItemIsSelectable
                                   : Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
    item->setCheckState(Qt::Unchecked);
    item->setToolTip(names.isEmpty() ? tr("This set has no accounts.")
                                     : tr("Checks %1").arg(names.join(u", ")));
    return item;
}

void AccountPicker::setAccountSets(const QList<AccountSet> &sets) {
    m_sets = sets;
    rebuild(checkedIds());
}

void AccountPicker::updateSetStates() {
    const QStringList checked = checkedIds();
    const QSignalBlocker blocker(m_list);
    for (int row = 0; row < m_list->count(); ++row) {
        QListWidgetItem *item = m_list->item(row);
        const QStringList members = item->data(SetMembersRole).toStringList();
        if (!item->data(SetMembersRole).isValid() || members.isEmpty()) {
            continue;
        }
        const auto in = std::count_if(members.cbegin(), members.cend(),
                                      [&](const QString &id) { return checked.contains(id); });
        item->setCheckState(in == 0                ? Qt::Unchecked
                            : in == members.size() ? Qt::Checked
                                                   : Qt::PartiallyChecked);
    }
}

void AccountPicker::setAccounts(const QList<AccountSummary> &accounts) {
    QStringList checked = checkedIds();
    m_accounts = accounts;
    const auto known = [&](const QString &id) {
        return std::any_of(accounts.cbegin(), accounts.cend(),
                           [&](const AccountSummary &a) { return a.id == id; });
    };
    checked.removeIf([&](const QString &id) { return !known(id); });
    if (checked.isEmpty()) {
        for (const AccountSummary &account : accounts) {
            if (account.isDefault) {
                checked << account.id;
            }
        }
    }
    rebuild(checked);
}

void AccountPicker::rebuild(const QStringList &checked) {
    const QStringList before = checkedIds();
    {
        const QSignalBlocker blocker(m_list);
        m_list->clear();
        for (const AccountSummary &account : std::as_const(m_accounts)) {
            m_list->addItem(itemFor(account, checked.contains(account.id)));
        }
        for (const AccountSet &set : m_single || m_accounts.isEmpty() ? QList<AccountSet>() : m_sets) {
            m_list->addItem(itemFor(set));
        }
    }
    updateSetStates();
    m_none->setVisible(m_accounts.isEmpty());
    m_list->setVisible(!m_accounts.isEmpty());
    fitHeight();
    if (checkedIds() != before) {
        Q_EMIT checkedChanged();
    }
}

void AccountPicker::fitHeight() {
    // As many rows as there are accounts (up to a few; then it scrolls), no empty space below.
    if (m_accounts.isEmpty()) {
        return;
    }
    const int rows = std::min<int>(m_list->count(), MaxVisibleRows);
    const int rowHeight = std::max(m_list->sizeHintForRow(0), m_list->iconSize().height() + 4);
    m_list->setFixedHeight(rows * rowHeight + 2 * m_list->frameWidth() + 2);
}

QStringList AccountPicker::checkedIds() const {
    QStringList ids;
    for (int row = 0; row < m_list->count(); ++row) {
        if (m_list->item(row)->checkState() == Qt::Checked && m_list->item(row)->data(IdRole).isValid()) {
            ids << m_list->item(row)->data(IdRole).toString();
        }
    }
    return ids;
}

void AccountPicker::setCheckedIds(const QStringList &ids) {
    rebuild(ids);
}

void AccountPicker::checkDefault() {
    QStringList ids;
    for (const AccountSummary &account : std::as_const(m_accounts)) {
        if (account.isDefault) {
            ids << account.id;
        }
    }
    rebuild(ids);
}

void AccountPicker::setSingleChoice(bool single, const QString &why) {
    const bool changed = single != m_single;
    m_single = single;
    m_list->setToolTip(single ? why : QString());
    if (changed && !m_sets.isEmpty()) {
        rebuild(checkedIds()); // sets are offered only while several accounts may be chosen
    }
}

void AccountPicker::onItemChanged(QListWidgetItem *changed) {
    if (changed->data(SetMembersRole).isValid()) {
        // A set stands for its accounts: checking it checks them all, unchecking unchecks them.
        const QStringList members = changed->data(SetMembersRole).toStringList();
        const bool check = changed->checkState() != Qt::Unchecked;
        {
            const QSignalBlocker blocker(m_list);
            for (int row = 0; row < m_list->count(); ++row) {
                QListWidgetItem *item = m_list->item(row);
                if (members.contains(item->data(IdRole).toString())) {
                    item->setCheckState(check ? Qt::Checked : Qt::Unchecked);
                }
            }
        }
        updateSetStates();
        Q_EMIT checkedChanged();
        return;
    }
    if (m_single) {
        const QSignalBlocker blocker(m_list);
        if (changed->checkState() == Qt::Checked) {
            for (int row = 0; row < m_list->count(); ++row) {
                if (m_list->item(row) != changed) {
                    m_list->item(row)->setCheckState(Qt::Unchecked);
                }
            }
        } else if (checkedIds().isEmpty()) {
            changed->setCheckState(Qt::Checked); // one account it must go to
            return;
        }
    }
    updateSetStates();
    Q_EMIT checkedChanged();
}

const AccountSummary *AccountPicker::primary() const {
    const QStringList checked = checkedIds();
    for (const AccountSummary &account : m_accounts) {
        if (checked.isEmpty() ? account.isDefault : account.id == checked.first()) {
            return &account;
        }
    }
    return nullptr;
}

void AccountPicker::changeEvent(QEvent *event) {
    QWidget::changeEvent(event);
    // Avatars are drawn in palette colours: draw them again when the theme changes.
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange) {
        rebuild(checkedIds());
    }
}

} // namespace cq::ui
