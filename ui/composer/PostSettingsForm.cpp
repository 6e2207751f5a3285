#include "composer/PostSettingsForm.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QStandardItemModel>

#include "composer/AccountPicker.h"
#include "composer/PaletteTones.h"
#include "composer/WhenPicker.h"
#include "post/PostValidator.h"

namespace cq::ui {

namespace {
QLabel *formLabel(const QString &text, QWidget *buddy) {
    auto *label = new QLabel(text, buddy->parentWidget());
    label->setBuddy(buddy);
    return label;
}
} // namespace

PostSettingsForm::PostSettingsForm(QWidget *parent)
    : QGroupBox(QStringLiteral("TikTok post"), parent)
    , m_accounts(new AccountPicker(this))
    , m_when(new WhenPicker(this)) {
    setObjectName(QStringLiteral("postSettings"));
    auto *form = new QFormLayout(this);
    form->setLabelAlignment(Qt::AlignRight);
    form->addRow(formLabel(QStringLiteral("P&ost to"), m_accounts), m_accounts);
    QLayout *caption = buildCaption();
    form->addRow(formLabel(QStringLiteral("&Caption"), m_caption), caption);
    QWidget *privacy = buildPrivacy();
    form->addRow(formLabel(QStringLiteral("&Who can see it"), privacy), privacy);
    form->addRow(QStringLiteral("Interactions"), buildInteractions());
    form->addRow(formLabel(QStringLiteral("Wh&en"), m_when), m_when);

    connect(m_accounts, &AccountPicker::checkedChanged, this, &PostSettingsForm::changed);
    connect(m_caption, &QPlainTextEdit::textChanged, this, &PostSettingsForm::changed);
    connect(m_privacy, &QComboBox::currentIndexChanged, this, &PostSettingsForm::changed);
    for (QCheckBox *box : {m_allowComment, m_allowDuet, m_allowStitch}) {
        connect(box, &QCheckBox::toggled, this, &PostSettingsForm::changed);
    }
    connect(m_when, &WhenPicker::changed, this, &PostSettingsForm::changed);

    // In the order they are shown (they were made in another).
    const QList<QWidget *> chain{
        firstInFocusChain(),        m_caption, m_privacy, m_allowComment, m_allowDuet, m_allowStitch,
        m_when->firstInFocusChain()};
    for (qsizetype i = 1; i < chain.size(); ++i) {
        setTabOrder(chain.at(i - 1), chain.at(i));
    }
}

QLayout *PostSettingsForm::buildCaption() {
    m_caption = new QPlainTextEdit(this);
    m_caption->setObjectName(QStringLiteral("captionEdit"));
    m_caption->setPlaceholderText(QStringLiteral("Caption, #hashtags and @mentions"));
    m_caption->setAcceptDrops(false); // dropped files go to the post, not into the caption
    m_caption->setTabChangesFocus(true);
    const QFontMetrics metrics = m_caption->fontMetrics();
    m_caption->setFixedHeight(metrics.lineSpacing() * 4 + metrics.height());
    m_captionCounter = new QLabel(this);
    m_captionCounter->setObjectName(QStringLiteral("captionCounter"));
    m_captionCounter->setAlignment(Qt::AlignRight);
    m_captionCounter->setAccessibleName(QStringLiteral("Caption length"));
    auto *box = new QVBoxLayout;
    box->setSpacing(metrics.height() / 8);
    box->addWidget(m_caption);
    box->addWidget(m_captionCounter);
    return box;
}

QWidget *PostSettingsForm::buildPrivacy() {
    m_privacy = new QComboBox(this);
    m_privacy->setObjectName(QStringLiteral("privacyCombo"));
    // TikTok requires an explicit choice: the placeholder is not a level and cannot be chosen back.
    m_privacy->addItem(QStringLiteral("Choose who can see this post"), QString());
    if (auto *items = qobject_cast<QStandardItemModel *>(m_privacy->model())) {
        items->item(0)->setEnabled(false);
    }
    for (const QString &level : privacy::allLevels()) {
        m_privacy->addItem(privacyLabel(level), level);
    }
    return m_privacy;
}

QLayout *PostSettingsForm::buildInteractions() {
    // All off by default, as TikTok's guidelines require: the user turns them on.
    m_allowComment = new QCheckBox(QStringLiteral("Allow co&mments"), this);
    m_allowComment->setObjectName(QStringLiteral("allowCommentCheck"));
    m_allowDuet = new QCheckBox(QStringLiteral("Allow &Duet"), this);
    m_allowDuet->setObjectName(QStringLiteral("allowDuetCheck"));
    m_allowStitch = new QCheckBox(QStringLiteral("Allow S&titch"), this);
    m_allowStitch->setObjectName(QStringLiteral("allowStitchCheck"));
    m_interactionsNote = new QLabel(QStringLiteral("Photo posts can only allow comments."), this);
    m_interactionsNote->setObjectName(QStringLiteral("interactionsNote"));
    m_interactionsNote->setWordWrap(true);
    m_interactionsNote->setEnabled(false); // greyed, like the options it explains
    m_interactionsNote->hide();
    auto *interactions = new QVBoxLayout;
    interactions->setSpacing(fontMetrics().height() / 4);
    for (QWidget *widget :
         std::initializer_list<QWidget *>{m_allowComment, m_allowDuet, m_allowStitch, m_interactionsNote}) {
        interactions->addWidget(widget);
    }
    return interactions;
}

QString PostSettingsForm::privacyLabel(const QString &level) {
    if (level == QLatin1StringView(privacy::PublicToEveryone)) {
        return QStringLiteral("Everyone");
    }
    if (level == QLatin1StringView(privacy::MutualFollowFriends)) {
        return QStringLiteral("Friends");
    }
    if (level == QLatin1StringView(privacy::FollowerOfCreator)) {
        return QStringLiteral("Followers");
    }
    if (level == QLatin1StringView(privacy::SelfOnly)) {
        return QStringLiteral("Only me");
    }
    return level; // a level TikTok added later: its API name is better than nothing
}

void PostSettingsForm::applyTo(Post &post) const {
    post.text = m_caption->toPlainText();
    post.tiktok.privacyLevel = m_privacy->currentData().toString();
    post.tiktok.disableComment = !m_allowComment->isChecked();
    post.tiktok.disableDuet = !m_allowDuet->isChecked();
    post.tiktok.disableStitch = !m_allowStitch->isChecked();
}

void PostSettingsForm::load(const PostContent &content) {
    m_caption->setPlainText(content.text);
    m_privacy->setCurrentIndex(std::max(0, m_privacy->findData(content.tiktok.privacyLevel)));
    m_allowComment->setChecked(!content.tiktok.disableComment);
    m_allowDuet->setChecked(!content.tiktok.disableDuet);
    m_allowStitch->setChecked(!content.tiktok.disableStitch);
}

void PostSettingsForm::clear() {
    load(PostContent());
}

void PostSettingsForm::follow(const std::optional<CreatorInfo> &creator, bool photoPost) {
    // Only the levels this creator offers can be chosen (TikTok's UX guidelines). A level chosen
    // before stays chosen: the findings say it is not allowed.
    if (auto *items = qobject_cast<QStandardItemModel *>(m_privacy->model())) {
        for (int row = 1; row < items->rowCount(); ++row) {
            const bool offered =
                !creator || creator->privacyLevelOptions.contains(m_privacy->itemData(row).toString());
            if (items->item(row)->isEnabled() != offered) {
                items->item(row)->setEnabled(offered);
            }
        }
    }
    // Photo posts have only Comment; and what the creator turned off in TikTok stays off.
    const bool commentOff = creator && creator->commentDisabled;
    const bool duetOff = photoPost || (creator && creator->duetDisabled);
    const bool stitchOff = photoPost || (creator && creator->stitchDisabled);
    for (const auto &[box, off] : {std::pair{m_allowComment, commentOff}, std::pair{m_allowDuet, duetOff},
                                   std::pair{m_allowStitch, stitchOff}}) {
        if (off && box->isChecked()) {
            const QSignalBlocker blocker(box);
            box->setChecked(false);
        }
        box->setEnabled(!off);
    }
    QStringList notes;
    if (photoPost) {
        notes << QStringLiteral("Photo posts can only allow comments.");
    }
    if (creator && (creator->commentDisabled || creator->duetDisabled || creator->stitchDisabled)) {
        notes << QStringLiteral("Options this account turned off in TikTok cannot be allowed.");
    }
    m_interactionsNote->setText(notes.join(u'\n'));
    m_interactionsNote->setVisible(!notes.isEmpty());
    updateCounter(captionLimitUtf16(photoPost));
}

void PostSettingsForm::updateCounter(int limit) {
    // TikTok counts UTF-16 code units, as QString does: an emoji outside the BMP counts 2.
    const qsizetype units = m_caption->toPlainText().size();
    m_captionCounter->setText(QStringLiteral("%1 / %2").arg(units).arg(limit));
    const bool over = units > limit;
    setTextTone(m_captionCounter, over ? errorTone(palette()) : QColor());
    QFont font = m_captionCounter->font();
    font.setBold(over);
    m_captionCounter->setFont(font);
}

bool PostSettingsForm::focusField(const QString &pointer) {
    QWidget *target = nullptr;
    if (pointer == u"/content/text") {
        target = m_caption;
    } else if (pointer.endsWith(u"/privacyLevel")) {
        target = m_privacy;
    } else if (pointer.endsWith(u"/disableComment")) {
        target = m_allowComment;
    } else if (pointer.endsWith(u"/disableDuet")) {
        target = m_allowDuet;
    } else if (pointer.endsWith(u"/disableStitch")) {
        target = m_allowStitch;
    } else if (pointer == u"/scheduledFor") {
        target = m_when->firstInFocusChain();
    } else if (pointer == u"/accounts") {
        target = m_accounts;
    }
    if (target) {
        target->setFocus();
    }
    return target != nullptr;
}

QWidget *PostSettingsForm::firstInFocusChain() const {
    return m_accounts->focusProxy() ? m_accounts->focusProxy() : m_accounts;
}

QWidget *PostSettingsForm::lastInFocusChain() const {
    return m_when->lastInFocusChain();
}

} // namespace cq::ui
