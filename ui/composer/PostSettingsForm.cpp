#include "composer/PostSettingsForm.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QRadioButton>
#include <QStandardItemModel>

#include "common/StatusText.h"
#include "composer/AccountPicker.h"
#include "composer/CaptionHighlighter.h"
#include "composer/CreatorHeader.h"
#include "composer/DisclosureSection.h"
#include "composer/PaletteTones.h"
#include "composer/WhenPicker.h"
#include "post/PostValidator.h"
#include "post/TikTokRules.h"

namespace cq::ui {

namespace {
QLabel *formLabel(const QString &text, QWidget *buddy) {
    auto *label = new QLabel(text, buddy->parentWidget());
    label->setBuddy(buddy);
    return label;
}

QLabel *noteLabel(const char *objectName, QWidget *parent) {
    auto *label = new QLabel(parent);
    label->setObjectName(QLatin1StringView(objectName));
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}

// "12 / 2200", bold and in the error tone once over the limit (TikTok counts UTF-16 code units, as
// QString does: an emoji outside the BMP counts 2).
void showCount(QLabel *counter, qsizetype units, int limit) {
    counter->setText(QStringLiteral("%1 / %2").arg(units).arg(limit));
    const bool over = units > limit;
    setTextTone(counter, over ? errorTone(counter->palette()) : QColor());
    QFont font = counter->font();
    font.setBold(over);
    counter->setFont(font);
}

QWidget *boxOf(QLayout *layout, QWidget *parent) {
    auto *box = new QWidget(parent);
    layout->setContentsMargins(0, 0, 0, 0);
    box->setLayout(layout);
    return box;
}
} // namespace

PostSettingsForm::PostSettingsForm(QWidget *parent)
    : QGroupBox(tr("TikTok post"), parent)
    , m_creator(new CreatorHeader(this))
    , m_accounts(new AccountPicker(this))
    , m_when(new WhenPicker(this)) {
    setObjectName(QStringLiteral("postSettings"));
    m_form = new QFormLayout(this);
    m_form->setLabelAlignment(Qt::AlignRight);
    m_form->setRowWrapPolicy(QFormLayout::DontWrapRows);
    m_form->addRow(m_creator);
    m_form->addRow(formLabel(tr("P&ost to"), m_accounts), m_accounts);
    QWidget *mode = buildMode();
    m_form->addRow(tr("How"), mode);
    QLayout *caption = buildCaption();
    m_form->addRow(formLabel(tr("&Caption"), m_caption), caption);
    m_titleBox = boxOf(buildPhotoTitle(), this);
    m_form->addRow(formLabel(tr("T&itle"), m_title), m_titleBox);
    QWidget *privacy = buildPrivacy();
    m_form->addRow(formLabel(tr("&Who can see it"), privacy), privacy);
    m_interactionsBox = boxOf(buildInteractions(), this);
    m_form->addRow(tr("Interactions"), m_interactionsBox);
    m_disclosure = new DisclosureSection(this);
    m_form->addRow(tr("Disclosure"), m_disclosure);
    m_labelsBox = boxOf(buildLabels(), this);
    m_form->addRow(tr("Label"), m_labelsBox);
    m_form->addRow(formLabel(tr("Wh&en"), m_when), m_when);
    connectChanges();

    // In the order they are shown (they were made in another).
    const QList<QWidget *> chain{firstInFocusChain(),
                                 m_direct,
                                 m_inbox,
                                 m_caption,
                                 m_title,
                                 m_privacy,
                                 m_allowComment,
                                 m_allowDuet,
                                 m_allowStitch,
                                 m_disclosure->firstInFocusChain(),
                                 m_disclosure->lastInFocusChain(),
                                 m_aigc,
                                 m_music,
                                 m_when->firstInFocusChain()};
    for (qsizetype i = 1; i < chain.size(); ++i) {
        setTabOrder(chain.at(i - 1), chain.at(i));
    }
    updateVisibility();
}

void PostSettingsForm::connectChanges() {
    connect(m_accounts, &AccountPicker::checkedChanged, this, &PostSettingsForm::changed);
    connect(m_caption, &QPlainTextEdit::textChanged, this, &PostSettingsForm::changed);
    connect(m_title, &QLineEdit::textChanged, this, &PostSettingsForm::changed);
    // Rebuilding the list blocks its signals: every change that arrives here is the user's.
    connect(m_privacy, &QComboBox::currentIndexChanged, this, [this] {
        m_wantedPrivacy = m_privacy->currentData().toString();
        followPrivacyAndBranding();
        Q_EMIT changed();
    });
    for (QCheckBox *box : {m_allowComment, m_allowDuet, m_allowStitch, m_aigc, m_music}) {
        connect(box, &QCheckBox::toggled, this, &PostSettingsForm::changed);
    }
    connect(m_disclosure, &DisclosureSection::changed, this, [this] {
        followPrivacyAndBranding();
        Q_EMIT changed();
    });
    connect(m_inbox, &QRadioButton::toggled, this, [this] {
        updateVisibility();
        Q_EMIT changed();
    });
    connect(m_when, &WhenPicker::changed, this, &PostSettingsForm::changed);
}

QWidget *PostSettingsForm::buildMode() {
    auto *box = new QWidget(this);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(fontMetrics().height() / 4);
    m_direct = new QRadioButton(tr("&Publish directly"), box);
    m_direct->setObjectName(QStringLiteral("publishDirectlyRadio"));
    m_direct->setToolTip(tr("ClipQueue posts it onto the profile with the settings below."));
    m_inbox = new QRadioButton(tr("Send to the TikTok &app to finish"), box);
    m_inbox->setObjectName(QStringLiteral("sendToInboxRadio"));
    m_inbox->setToolTip(tr("TikTok's MEDIA_UPLOAD mode: the creator finishes the post in the "
                           "TikTok app."));
    auto *group = new QButtonGroup(box);
    group->addButton(m_direct);
    group->addButton(m_inbox);
    m_direct->setChecked(true);
    m_modeNote = noteLabel("postModeNote", box);
    m_modeNote->setText(
        tr("The creator gets a notification in the TikTok app and finishes the post there: who can see it, "
           "interactions, disclosure and labels are chosen in the app, and TikTok ignores them here. At most "
           "5 posts can wait in the app per 24 hours."));
    layout->addWidget(m_direct);
    layout->addWidget(m_inbox);
    layout->addWidget(m_modeNote);
    return box;
}

QLayout *PostSettingsForm::buildCaption() {
    m_caption = new QPlainTextEdit(this);
    m_caption->setObjectName(QStringLiteral("captionEdit"));
    m_caption->setPlaceholderText(tr("Caption, #hashtags and @mentions"));
    m_caption->setAcceptDrops(false); // dropped files go to the post, not into the caption
    m_caption->setTabChangesFocus(true);
    new CaptionHighlighter(m_caption);
    const QFontMetrics metrics = m_caption->fontMetrics();
    m_caption->setFixedHeight(metrics.lineSpacing() * 4 + metrics.height());
    m_captionCounter = new QLabel(this);
    m_captionCounter->setObjectName(QStringLiteral("captionCounter"));
    m_captionCounter->setAlignment(Qt::AlignRight);
    m_captionCounter->setAccessibleName(tr("Caption length"));
    m_captionCounter->setToolTip(tr("Counted as TikTok counts: most emoji count 2."));
    auto *box = new QVBoxLayout;
    box->setSpacing(metrics.height() / 8);
    box->addWidget(m_caption);
    box->addWidget(m_captionCounter);
    return box;
}

QLayout *PostSettingsForm::buildPhotoTitle() {
    m_title = new QLineEdit(this);
    m_title->setObjectName(QStringLiteral("photoTitleEdit"));
    m_title->setPlaceholderText(tr("A short title for the photos"));
    m_titleCounter = new QLabel(this);
    m_titleCounter->setObjectName(QStringLiteral("titleCounter"));
    m_titleCounter->setAccessibleName(tr("Title length"));
    auto *box = new QHBoxLayout;
    box->addWidget(m_title, 1);
    box->addWidget(m_titleCounter);
    return box;
}

QWidget *PostSettingsForm::buildPrivacy() {
    m_privacy = new QComboBox(this);
    m_privacy->setObjectName(QStringLiteral("privacyCombo"));
    m_privacy->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    rebuildPrivacy(privacy::allLevels());
    return m_privacy;
}

QLayout *PostSettingsForm::buildInteractions() {
    // All off by default, as TikTok's guidelines require: the user turns them on.
    m_allowComment = new QCheckBox(tr("Allow co&mments"), this);
    m_allowComment->setObjectName(QStringLiteral("allowCommentCheck"));
    m_allowDuet = new QCheckBox(tr("Allow &Duet"), this);
    m_allowDuet->setObjectName(QStringLiteral("allowDuetCheck"));
    m_allowStitch = new QCheckBox(tr("Allow S&titch"), this);
    m_allowStitch->setObjectName(QStringLiteral("allowStitchCheck"));
    m_interactionsNote = noteLabel("interactionsNote", this);
    m_interactionsNote->hide();
    auto *interactions = new QVBoxLayout;
    interactions->setSpacing(fontMetrics().height() / 4);
    for (QWidget *widget :
         std::initializer_list<QWidget *>{m_allowComment, m_allowDuet, m_allowStitch, m_interactionsNote}) {
        interactions->addWidget(widget);
    }
    return interactions;
}

QLayout *PostSettingsForm::buildLabels() {
    m_aigc = new QCheckBox(tr("AI-&generated content"), this);
    m_aigc->setObjectName(QStringLiteral("aiGeneratedCheck"));
    m_aigc->setToolTip(tr("Turn on if AI made or substantially changed this video: TikTok labels "
                          "it \"AI-generated\"."));
    m_music = new QCheckBox(tr("Let TikTok add &music"), this);
    m_music->setObjectName(QStringLiteral("autoAddMusicCheck"));
    m_music->setToolTip(tr("TikTok adds recommended music to the photos."));
    auto *labels = new QVBoxLayout;
    labels->addWidget(m_aigc);
    labels->addWidget(m_music);
    return labels;
}

QString PostSettingsForm::privacyLabel(const QString &level) {
    return ui::privacyLabel(level);
}

void PostSettingsForm::applyTo(Post &post) const {
    post.text = m_caption->toPlainText();
    TikTokSettings &s = post.tiktok;
    s.privacyLevel = m_privacy->currentData().toString();
    s.disableComment = !m_allowComment->isChecked();
    s.disableDuet = !m_allowDuet->isChecked();
    s.disableStitch = !m_allowStitch->isChecked();
    m_disclosure->applyTo(s);
    s.isAigc = m_aigc->isChecked() && !m_photoPost;
    s.autoAddMusic = m_music->isChecked() && m_photoPost;
    s.title = m_photoPost ? m_title->text() : QString();
    s.postMode = sendsToInbox() ? QStringLiteral("MEDIA_UPLOAD") : QStringLiteral("DIRECT_POST");
}

void PostSettingsForm::load(const PostContent &content) {
    const TikTokSettings &s = content.tiktok;
    m_caption->setPlainText(content.text);
    m_title->setText(s.title);
    m_wantedPrivacy = s.privacyLevel;
    m_privacy->setCurrentIndex(std::max(0, m_privacy->findData(s.privacyLevel)));
    m_allowComment->setChecked(!s.disableComment);
    m_allowDuet->setChecked(!s.disableDuet);
    m_allowStitch->setChecked(!s.disableStitch);
    m_disclosure->load(s);
    m_aigc->setChecked(s.isAigc);
    m_music->setChecked(s.autoAddMusic);
    setSendsToInbox(s.sendsToDrafts());
    followPrivacyAndBranding();
}

void PostSettingsForm::clear() {
    load(PostContent());
}

bool PostSettingsForm::sendsToInbox() const {
    return m_inbox->isChecked();
}

void PostSettingsForm::setSendsToInbox(bool inbox) {
    (inbox ? m_inbox : m_direct)->setChecked(true);
    updateVisibility();
}

bool PostSettingsForm::brandedContent() const {
    return m_disclosure->brandedContent();
}

void PostSettingsForm::follow(const std::optional<CreatorInfo> &creator, bool photoPost) {
    m_photoPost = photoPost;
    // Exactly the levels this creator offers (TikTok's UX guidelines); all four while unknown.
    rebuildPrivacy(creator ? creator->privacyLevelOptions : privacy::allLevels());
    followInteractions(creator, photoPost);
    followPrivacyAndBranding();
    updateVisibility();
    updateCounters();
}

void PostSettingsForm::rebuildPrivacy(const QStringList &levels) {
    QStringList shown;
    for (int row = 1; row < m_privacy->count(); ++row) {
        shown << m_privacy->itemData(row).toString();
    }
    if (shown == levels && m_privacy->count() > 0) {
        return;
    }
    const QSignalBlocker blocker(m_privacy);
    m_privacy->clear();
    // TikTok requires an explicit choice: the placeholder is not a level and cannot be chosen back.
    m_privacy->addItem(tr("Choose who can see this post"), QString());
    if (auto *items = qobject_cast<QStandardItemModel *>(m_privacy->model())) {
        items->item(0)->setEnabled(false);
    }
    for (const QString &level : levels) {
        m_privacy->addItem(privacyLabel(level), level);
    }
    // The level chosen stays chosen when the creator still offers it; else nothing is chosen.
    m_privacy->setCurrentIndex(std::max(0, m_privacy->findData(m_wantedPrivacy)));
}

void PostSettingsForm::followInteractions(const std::optional<CreatorInfo> &creator, bool photoPost) {
    // What the creator turned off in TikTok stays off, greyed, with the reason beside it.
    const auto byCreator = tr("Turned off in this account's TikTok settings.");
    QStringList off;
    for (const auto &[box, disabled, name] :
         {std::tuple{m_allowComment, creator && creator->commentDisabled, tr("Comments")},
          std::tuple{m_allowDuet, creator && creator->duetDisabled, tr("Duet")},
          std::tuple{m_allowStitch, creator && creator->stitchDisabled, tr("Stitch")}}) {
        if (disabled && box->isChecked()) {
            const QSignalBlocker blocker(box);
            box->setChecked(false);
        }
        box->setEnabled(!disabled);
        box->setToolTip(disabled ? byCreator : QString());
        if (disabled && (box == m_allowComment || !photoPost)) {
            off << name;
        }
    }
    // Photo posts have only Comment: Duet and Stitch are not shown at all.
    for (QCheckBox *box : {m_allowDuet, m_allowStitch}) {
        if (photoPost && box->isChecked()) {
            const QSignalBlocker blocker(box);
            box->setChecked(false);
        }
        box->setVisible(!photoPost);
    }
    m_interactionsNote->setText(off.isEmpty()
                                    ? QString()
                                    : tr("%1: turned off in this account's TikTok settings, so this post "
                                         "cannot allow them.")
                                          .arg(off.join(QStringLiteral(", "))));
    m_interactionsNote->setVisible(!off.isEmpty());
}

void PostSettingsForm::followPrivacyAndBranding() {
    // Branded content cannot be private: "Only me" is disabled while it is on, and branded content
    // while "Only me" is chosen, each saying why.
    const bool branded = m_disclosure->brandedContent();
    const int selfOnly = m_privacy->findData(QString::fromLatin1(privacy::SelfOnly));
    if (auto *items = qobject_cast<QStandardItemModel *>(m_privacy->model()); items && selfOnly > 0) {
        QStandardItem *item = items->item(selfOnly);
        const bool enabled = !branded || m_privacy->currentIndex() == selfOnly;
        if (item->isEnabled() != enabled) {
            item->setEnabled(enabled);
        }
        item->setToolTip(branded ? DisclosureSection::brandedNotPrivateText() : QString());
    }
    m_disclosure->setPrivateChosen(m_privacy->currentData().toString()
                                   == QLatin1StringView(privacy::SelfOnly));
}

void PostSettingsForm::updateVisibility() {
    const bool inbox = sendsToInbox();
    m_modeNote->setVisible(inbox);
    m_form->setRowVisible(m_titleBox, m_photoPost);
    m_form->setRowVisible(m_privacy, !inbox);
    m_form->setRowVisible(m_interactionsBox, !inbox);
    m_form->setRowVisible(m_disclosure, !inbox);
    m_aigc->setVisible(!m_photoPost);
    m_music->setVisible(m_photoPost);
    m_form->setRowVisible(m_labelsBox, !inbox);
    if (auto *label = qobject_cast<QLabel *>(m_form->labelForField(m_labelsBox))) {
        label->setText(m_photoPost ? tr("Music") : tr("Label"));
    }
}

void PostSettingsForm::updateCounters() {
    showCount(m_captionCounter, m_caption->toPlainText().size(), captionLimitUtf16(m_photoPost));
    showCount(m_titleCounter, m_title->text().size(), rules::MaxPhotoTitleUtf16);
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
    } else if (pointer.endsWith(u"/title")) {
        target = m_title;
    } else if (pointer.endsWith(u"/isAigc")) {
        target = m_aigc;
    } else if (pointer.endsWith(u"/postMode")) {
        target = m_direct;
    } else if (pointer == u"/scheduledFor") {
        target = m_when->firstInFocusChain();
    } else if (pointer == u"/accounts") {
        target = m_accounts;
    } else if (m_disclosure->focusField(pointer)) {
        return true;
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
