#include "composer/CreatorHeader.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

#include "composer/AccountPicker.h"
#include "composer/PaletteTones.h"

namespace cq::ui {

CreatorHeader::CreatorHeader(QWidget *parent)
    : QWidget(parent)
    , m_avatar(new QLabel(this))
    , m_name(new QLabel(this))
    , m_status(new QLabel(this)) {
    setObjectName(QStringLiteral("creatorHeader"));
    m_avatar->setObjectName(QStringLiteral("creatorAvatar"));
    m_name->setObjectName(QStringLiteral("creatorName"));
    m_name->setAccessibleName(tr("Posting as"));
    m_name->setTextFormat(Qt::PlainText);
    QFont bold = m_name->font();
    bold.setBold(true);
    m_name->setFont(bold);
    m_status->setObjectName(QStringLiteral("creatorStatus"));
    m_status->setAccessibleName(tr("Whether this account can post now"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    const int side = fontMetrics().height() * 5 / 2;
    m_avatar->setFixedSize(side, side);
    auto *text = new QVBoxLayout;
    text->setSpacing(0);
    text->addWidget(m_name);
    text->addWidget(m_status);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_avatar, 0, Qt::AlignTop);
    layout->addLayout(text, 1);
    hide();
}

void CreatorHeader::setAccount(const AccountSummary *account, const QString &cannotPost, bool asking) {
    setVisible(account != nullptr);
    if (!account) {
        return;
    }
    m_avatar->setPixmap(AccountPicker::avatar(*account, m_avatar->width(), palette(), devicePixelRatioF()));
    const QString nickname = account->creator && !account->creator->nickname.isEmpty()
                                 ? account->creator->nickname
                                 : account->displayName;
    const QString name = account->username.isEmpty()
                             ? tr("Posting as %1").arg(nickname)
                             : tr("Posting as %1 (@%2)").arg(nickname, account->username);
    m_name->setText(name);
    if (!cannotPost.isEmpty()) {
        m_status->setText(u"✖ " + cannotPost);
        setTextTone(m_status, errorTone(palette()));
    } else if (asking) {
        m_status->setText(tr("Asking TikTok whether this account can post…"));
        setTextTone(m_status, QColor());
    } else if (!account->creator) {
        m_status->setText(
            tr("Waiting for TikTok's creator info: this account's privacy options, interaction settings and "
               "longest video are not known yet."));
        setTextTone(m_status, QColor());
    } else {
        m_status->setText(tr("✔ TikTok says this account can post."));
        setTextTone(m_status, okTone(palette()));
    }
}

QString CreatorHeader::statusText() const {
    return m_status->text();
}

} // namespace cq::ui
