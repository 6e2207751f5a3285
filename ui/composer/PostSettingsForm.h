#pragma once

#include <QGroupBox>

#include "post/CreatorInfo.h"
#include "post/Post.h"

#include <optional>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QLayout;
class QLineEdit;
class QPlainTextEdit;
class QRadioButton;

namespace cq::ui {

class AccountPicker;
class CreatorHeader;
class DisclosureSection;
class WhenPicker;

// The TikTok settings of a post, as TikTok's content sharing guidelines ask for them: who posts
// (creator header and accounts), how (publish directly, or send to the TikTok app to finish), the
// caption with its UTF-16 counter and highlighted #hashtags/@mentions, a photo post's title and
// music, privacy (no default; exactly the levels the creator offers), the interactions (off by
// default; disabled with the reason where the creator turned them off; photo posts have only
// Comment), commercial content disclosure, the AI-generated label, and when. In inbox mode what
// TikTok ignores there is hidden and the form says the creator finishes the post in TikTok's app.
// Holds no rules: the creator and whether the post is a photo post, as the validator decides it,
// are given to follow().
class PostSettingsForm : public QGroupBox {
    Q_OBJECT

public:
    explicit PostSettingsForm(QWidget *parent = nullptr);

    AccountPicker *accounts() const { return m_accounts; }
    WhenPicker *when() const { return m_when; }
    CreatorHeader *creatorHeader() const { return m_creator; }

    // Writes caption, title, mode, privacy, interactions, disclosure and labels into `post`
    // (accounts, time and covers are others').
    void applyTo(Post &post) const;
    // Shows a stored post's settings.
    void load(const PostContent &content);
    // No caption, no privacy chosen, every interaction and label off, publishing directly.
    void clear();
    // What `creator` (nullopt: unknown) and a photo post allow: the privacy levels offered, the
    // interactions that can be turned on, which fields show, and the caption's limit.
    void follow(const std::optional<CreatorInfo> &creator, bool photoPost);
    bool sendsToInbox() const;
    void setSendsToInbox(bool inbox);
    // Whether branded content is disclosed (the consent line names TikTok's Branded Content Policy).
    bool brandedContent() const;
    // Moves the focus to the control of a finding's JSON Pointer; false when none shows it.
    bool focusField(const QString &pointer);
    QWidget *firstInFocusChain() const;
    QWidget *lastInFocusChain() const;

    // The readable label of a TikTok privacy level ("Everyone" for PUBLIC_TO_EVERYONE).
    static QString privacyLabel(const QString &level);

Q_SIGNALS:
    // The user changed a setting, the accounts or the time.
    void changed();

private:
    QWidget *buildMode();
    QLayout *buildCaption();
    QLayout *buildPhotoTitle();
    QWidget *buildPrivacy();
    QLayout *buildInteractions();
    QLayout *buildLabels();
    void connectChanges();
    void rebuildPrivacy(const QStringList &levels);
    void followInteractions(const std::optional<CreatorInfo> &creator, bool photoPost);
    void followPrivacyAndBranding();
    void updateVisibility();
    void updateCounters();

    CreatorHeader *m_creator;
    AccountPicker *m_accounts;
    QFormLayout *m_form = nullptr;
    QRadioButton *m_direct = nullptr;
    QRadioButton *m_inbox = nullptr;
    QLabel *m_modeNote = nullptr;
    QPlainTextEdit *m_caption = nullptr;
    QLabel *m_captionCounter = nullptr;
    QLineEdit *m_title = nullptr;
    QLabel *m_titleCounter = nullptr;
    QWidget *m_titleBox = nullptr;
    QComboBox *m_privacy = nullptr;
    QString m_wantedPrivacy; // the level chosen, kept while the creator's list does not offer it
    QWidget *m_interactionsBox = nullptr;
    QCheckBox *m_allowComment = nullptr;
    QCheckBox *m_allowDuet = nullptr;
    QCheckBox *m_allowStitch = nullptr;
    QLabel *m_interactionsNote = nullptr;
    DisclosureSection *m_disclosure = nullptr;
    QWidget *m_labelsBox = nullptr;
    QCheckBox *m_aigc = nullptr;
    QCheckBox *m_music = nullptr;
    WhenPicker *m_when;
    bool m_photoPost = false;
};

} // namespace cq::ui
