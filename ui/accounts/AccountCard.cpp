#include "accounts/AccountCard.h"

#include "common/StatusText.h"
#include "common/TimeText.h"
#include "composer/AccountPicker.h"

#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace cq::ui {

namespace {
constexpr int AvatarLines = 4; // the avatar is as tall as four lines of text
} // namespace

AccountCard::AccountCard(QWidget *parent)
    : QFrame(parent)
    , m_avatar(new QLabel)
    , m_name(new QLabel)
    , m_handle(new QLabel)
    , m_unaudited(new QLabel)
    , m_refresh(new QPushButton(tr("&Refresh")))
    , m_disconnect(new QPushButton(tr("&Disconnect…")))
    , m_form(new QFormLayout) {
    setFrameShape(QFrame::StyledPanel);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    m_avatar->setObjectName(QStringLiteral("accountAvatar"));
    m_name->setObjectName(QStringLiteral("accountName"));
    m_handle->setObjectName(QStringLiteral("accountHandle"));
    QFont bold = m_name->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.2);
    m_name->setFont(bold);
    for (QLabel *label : {m_name, m_handle}) {
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    m_refresh->setObjectName(QStringLiteral("refreshAccountButton"));
    m_refresh->setToolTip(tr("Ask TikTok for this account's creator info again"));
    m_disconnect->setObjectName(QStringLiteral("disconnectAccountButton"));
    m_disconnect->setToolTip(tr("Revoke ClipQueue's access at TikTok and forget the account here"));
    connect(m_refresh, &QPushButton::clicked, this, [this] { Q_EMIT refreshRequested(m_account.id); });
    connect(m_disconnect, &QPushButton::clicked, this, [this] { Q_EMIT disconnectRequested(m_account.id); });

    m_privacy = addRow(tr("Privacy levels offered:"), "accountPrivacy");
    m_disabled = addRow(tr("Turned off by the creator:"), "accountDisabledInteractions");
    m_maxDuration = addRow(tr("Longest video:"), "accountMaxDuration");
    m_token = addRow(tr("Authorisation:"), "accountToken");
    m_fetched = addRow(tr("Creator info fetched:"), "accountFetched");
    m_scopes = addRow(tr("Permissions granted:"), "accountScopes");
    m_token->setTextFormat(Qt::RichText);

    m_unaudited->setObjectName(QStringLiteral("unauditedExplanation"));
    m_unaudited->setWordWrap(true);
    m_unaudited->setFrameShape(QFrame::StyledPanel);
    m_unaudited->setMargin(fontMetrics().height() / 2);
    m_unaudited->setTextFormat(Qt::RichText);
    m_unaudited->setOpenExternalLinks(true);
    m_unaudited->setText(
        tr("<b>Private posting only.</b> Your TikTok developer app is not audited by TikTok yet, so every "
           "post from it goes out as \"Only me\", and the account must be set to private in the TikTok "
           "app when it posts (at most 5 accounts may post through it a day). To post publicly, submit "
           "the app for TikTok's audit in the <a href=\"https://developers.tiktok.com/apps\">developer "
           "portal</a>; TikTok audits apps that serve many creators, not a team's own upload tool. "
           "Until then, pick \"Only me\" and make the posts public in the TikTok app afterwards."));

    auto *names = new QVBoxLayout;
    names->addWidget(m_name);
    names->addWidget(m_handle);
    names->addLayout(m_form);
    names->addWidget(m_unaudited);
    names->addStretch(); // any height to spare goes below the text, not between its lines
    auto *buttons = new QVBoxLayout;
    buttons->addWidget(m_refresh);
    buttons->addWidget(m_disconnect);
    buttons->addStretch();
    auto *top = new QHBoxLayout;
    top->addWidget(m_avatar, 0, Qt::AlignTop);
    top->addLayout(names, 1);
    top->addLayout(buttons);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    setTabOrder(m_refresh, m_disconnect);
}

QLabel *AccountCard::addRow(const QString &label, const char *objectName) {
    auto *value = new QLabel;
    value->setObjectName(QLatin1StringView(objectName));
    value->setWordWrap(true);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *caption = new QLabel(label);
    caption->setBuddy(value);
    m_form->addRow(caption, value);
    return value;
}

QString AccountCard::durationText(int seconds) {
    const int minutes = seconds / 60;
    const int rest = seconds % 60;
    if (minutes == 0) {
        return tr("%1 s").arg(rest);
    }
    return rest == 0 ? tr("%1 min").arg(minutes) : tr("%1 min %2 s").arg(minutes).arg(rest);
}

QString AccountCard::tokenStateLabel(TokenState state) {
    switch (state) {
    case TokenState::Valid:
        return tr("Valid");
    case TokenState::AccessExpired:
        return tr("Valid");
    case TokenState::ExpiringSoon:
        return tr("Expires soon");
    case TokenState::Expired:
        return tr("Expired");
    }
    return {};
}

QString AccountCard::tokenText(const AccountSummary &account, const QDateTime &nowUtc) {
    const QString renews =
        account.refreshExpiresAt.isValid() ? momentLabel(account.refreshExpiresAt) : tr("unknown");
    switch (account.tokenState(nowUtc)) {
    case TokenState::Expired:
        return tr("Expired on %1. Connect the account again to keep posting.").arg(renews);
    case TokenState::ExpiringSoon: {
        const qint64 days = nowUtc.daysTo(account.refreshExpiresAt);
        const QString when = days == 0   ? tr("today")
                             : days == 1 ? tr("tomorrow")
                                         : tr("in %n day(s)", nullptr, int(days));
        return tr("Ends on %1 (%2). Connect the account again before then to keep posting.")
            .arg(renews, when);
    }
    case TokenState::AccessExpired:
        return tr("Renewed on its next use; renewable until %1.").arg(renews);
    case TokenState::Valid:
        break;
    }
    return tr("until %1; renews itself until %2.").arg(momentLabel(account.accessExpiresAt), renews);
}

void AccountCard::setAccount(const AccountSummary &account, const QDateTime &nowUtc) {
    m_account = account;
    setObjectName(u"account-" + account.id);
    setAccessibleName(tr("Account %1").arg(account.label()));
    m_name->setText(account.displayName.isEmpty() ? account.id : account.displayName);
    QStringList handle;
    if (!account.username.isEmpty()) {
        handle << u'@' + account.username;
    }
    if (account.isDefault) {
        handle << tr("default account");
    }
    m_handle->setText(handle.join(QStringLiteral(" · ")));
    m_handle->setVisible(!handle.isEmpty());
    m_refresh->setAccessibleName(tr("Refresh %1").arg(account.label()));
    m_disconnect->setAccessibleName(tr("Disconnect %1").arg(account.label()));
    const QString unknown = tr("not known yet: refresh the account");
    if (account.creator) {
        QStringList levels;
        for (const QString &level : account.creator->privacyLevelOptions) {
            levels << privacyLabel(level);
        }
        m_privacy->setText(levels.isEmpty() ? tr("none") : levels.join(QStringLiteral(", ")));
        QStringList off;
        if (account.creator->commentDisabled) {
            off << tr("Comments");
        }
        if (account.creator->duetDisabled) {
            off << tr("Duet");
        }
        if (account.creator->stitchDisabled) {
            off << tr("Stitch");
        }
        m_disabled->setText(off.isEmpty() ? tr("nothing") : off.join(QStringLiteral(", ")));
        m_maxDuration->setText(account.creator->maxVideoPostDurationSec
                                   ? durationText(*account.creator->maxVideoPostDurationSec)
                                   : tr("not said by TikTok"));
    } else {
        for (QLabel *label : {m_privacy, m_disabled, m_maxDuration}) {
            label->setText(unknown);
        }
    }
    // The state in a word first, so that it reads at a glance (and not by colour).
    m_token->setText(u"<b>" + tokenStateLabel(account.tokenState(nowUtc)).toHtmlEscaped() + u"</b> · "
                     + tokenText(account, nowUtc).toHtmlEscaped());
    m_fetched->setText(account.creatorInfoFetchedAt.isValid() ? momentLabel(account.creatorInfoFetchedAt)
                                                              : tr("never"));
    m_scopes->setText(account.scopes.join(QStringLiteral(", ")));
    m_form->setRowVisible(m_scopes, !account.scopes.isEmpty());
    m_unaudited->setVisible(account.unauditedClient);
    updateAvatar();
}

void AccountCard::setBusy(bool busy) {
    m_refresh->setEnabled(!busy);
    m_disconnect->setEnabled(!busy);
}

void AccountCard::updateAvatar() {
    const int side = fontMetrics().height() * AvatarLines;
    m_avatar->setPixmap(AccountPicker::avatar(m_account, side, palette(), devicePixelRatioF()));
    m_avatar->setFixedSize(side, side);
}

void AccountCard::changeEvent(QEvent *event) {
    QFrame::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange) {
        updateAvatar();
    }
}

} // namespace cq::ui
