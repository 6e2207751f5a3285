#pragma once

#include "session/Backend.h"

#include <QHash>
#include <QWidget>

#include <functional>
#include <optional>

class QFormLayout;
class QLabel;
class QListWidget;
class QPushButton;
class QStackedWidget;
class QTableView;

namespace cq::ui {

class SeverityLabel;
class PostHistoryModel;
class PublishAttemptsModel;

// Everything about one post, kept current while it is shown: its media with thumbnails, caption,
// TikTok settings in plain words, account, time (in the post's zone and this computer's), status,
// validation findings, its history and every publish attempt with what TikTok said, the link to the
// post on TikTok once it is public, and buttons for exactly the actions the lifecycle allows it now
// (PostRow::actions). For a post whose outcome is unknown it says what is unknown and what each
// choice does. All data comes from the Backend; refusals appear inline.
class PostDetailsPanel : public QWidget {
    Q_OBJECT

public:
    explicit PostDetailsPanel(Backend &backend, QWidget *parent = nullptr);
    ~PostDetailsPanel() override;

    // Loads and shows post `id`, following its changes; an empty id shows nothing.
    void showPost(const QString &id);
    const QString &postId() const { return m_id; }
    // What is shown now; nullopt before the first load or when the post is gone.
    const std::optional<PostDetails> &details() const { return m_details; }
    // A page with controls of its own (the review page) hides the action buttons.
    void setActionsVisible(bool visible);
    PostHistoryModel *historyModel() const { return m_history; }
    PublishAttemptsModel *attemptsModel() const { return m_attempts; }

    // https://www.tiktok.com/@<username>/video/<id>; empty without a username.
    static QString tiktokUrl(const QString &username, const QString &publicPostId);
    // The button of `action` is named "<camelCaseActionName>Button": "requestChangesButton".
    static QString buttonName(PostAction action);

Q_SIGNALS:
    // The user asked to edit the post in the composer.
    void editRequested(const QString &id);
    // Duplicate made a new draft.
    void duplicated(const QString &newId);
    // The details of `id` were (re)loaded and are shown.
    void loaded(const QString &id);

private:
    using Finish = std::function<void(const QString &error)>;

    QWidget *buildContent();
    QWidget *buildHeader();
    QWidget *buildActions();
    QWidget *buildAttentionBox();
    QWidget *buildSettings();
    QWidget *buildRecords();
    QLabel *addValueRow(QFormLayout *form, const QString &title, const QString &objectName);

    void reload();
    void present(const PostDetails &details);
    void presentHeader(const PostRow &row);
    void presentMedia(const StoredPost &post);
    void presentSettings(const StoredPost &post);
    void presentFindings(const PostRow &row);
    void presentAttention(const PostDetails &details);
    void presentActions();
    void showPlaceholder(const QString &text);
    void updateThumbnail(const QString &sha256);
    const AccountSummary *accountOf(const StoredPost &post) const;
    QString actionToolTip(PostAction action) const;

    void trigger(PostAction action);
    void perform(PostAction action, const QString &comment, const Finish &finish = {});
    void requestChanges();
    void schedule();
    void confirmDelete();
    void duplicate();
    void setBusy(bool busy);

    Backend &m_backend;
    QString m_id;
    std::optional<PostDetails> m_details;
    int m_serial = 0; // answers to older requests are dropped
    bool m_busy = false;
    bool m_actionsVisible = true;

    QStackedWidget *m_stack = nullptr;
    QLabel *m_placeholder = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_caption = nullptr;
    QListWidget *m_media = nullptr;
    QWidget *m_attention = nullptr;
    QLabel *m_attentionIcon = nullptr;
    QLabel *m_attentionText = nullptr;
    QWidget *m_actions = nullptr;
    QHash<PostAction, QPushButton *> m_buttons;
    QPushButton *m_duplicate = nullptr;
    SeverityLabel *m_message = nullptr;
    QLabel *m_account = nullptr;
    QLabel *m_when = nullptr;
    QLabel *m_privacy = nullptr;
    QLabel *m_interactions = nullptr;
    QLabel *m_commercial = nullptr;
    QLabel *m_aigc = nullptr;
    QLabel *m_postMode = nullptr;
    QLabel *m_link = nullptr;
    QFormLayout *m_settingsForm = nullptr;
    QWidget *m_findingsSection = nullptr;
    QWidget *m_findings = nullptr; // one SeverityLabel per finding, errors first
    QWidget *m_attemptsSection = nullptr;
    QTableView *m_attemptsView = nullptr;
    QTableView *m_historyView = nullptr;
    PostHistoryModel *m_history;
    PublishAttemptsModel *m_attempts;
};

} // namespace cq::ui
