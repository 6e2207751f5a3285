#pragma once

#include <QGroupBox>

#include "post/CreatorInfo.h"
#include "post/Post.h"

#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLayout;
class QPlainTextEdit;

namespace cq::ui {

class AccountPicker;
class WhenPicker;

// The TikTok settings of a post: whom it goes to, the caption with its UTF-16 counter, privacy (no
// default; only the levels the creator offers), the interactions (off by default; never one the
// creator or a photo post rules out) and when. Holds no rules: the creator and whether the post is
// a photo post, as the validator decides it, are given to follow().
class PostSettingsForm : public QGroupBox {
    Q_OBJECT

public:
    explicit PostSettingsForm(QWidget *parent = nullptr);

    AccountPicker *accounts() const { return m_accounts; }
    WhenPicker *when() const { return m_when; }

    // Writes the caption, privacy and interactions into `post` (accounts and time are the pickers').
    void applyTo(Post &post) const;
    // Shows a stored post's caption, privacy and interactions.
    void load(const PostContent &content);
    // No caption, no privacy chosen, every interaction off.
    void clear();
    // What `creator` (nullopt: unknown) and a photo post allow: the privacy levels that can be
    // chosen, the interactions that can be turned on, and the caption's limit.
    void follow(const std::optional<CreatorInfo> &creator, bool photoPost);
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
    QLayout *buildCaption();
    QWidget *buildPrivacy();
    QLayout *buildInteractions();
    void updateCounter(int limit);

    AccountPicker *m_accounts;
    QPlainTextEdit *m_caption = nullptr;
    QLabel *m_captionCounter = nullptr;
    QComboBox *m_privacy = nullptr;
    QCheckBox *m_allowComment = nullptr;
    QCheckBox *m_allowDuet = nullptr;
    QCheckBox *m_allowStitch = nullptr;
    QLabel *m_interactionsNote = nullptr;
    WhenPicker *m_when;
};

} // namespace cq::ui
