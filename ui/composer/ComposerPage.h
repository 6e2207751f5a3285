#pragma once

#include <QWidget>

#include "post/Post.h"
#include "session/Backend.h"

#include <functional>
#include <optional>

class QAction;
class QCheckBox;
class QLabel;
class QListView;
class QMimeData;
class QProgressBar;
class QPushButton;
class QSplitter;
class QTimer;

namespace cq {
class MediaProber;
}

namespace cq::ui {

class FindingsModel;
class InlineMessage;
class MediaFixer;
class MediaListModel;
class MediaPane;
class MediaProbeQueue;
class PostSettingsForm;

// The composer page of the main window: drop video or photo files on it (or Add media…); each is
// probed off the GUI thread and listed with a thumbnail and its metadata. Beside the media: the
// accounts it goes to, the TikTok settings, when it goes out, and every validation finding,
// re-checked on each change. Save draft / Submit for review / Schedule / Post now store it through
// the Backend (copying the media into the store on the worker, with progress), each enabled only
// when core allows it, with the reason beside the buttons when not. editPost() loads a stored post
// to change its caption, settings and time (its media stay).
//
// TikTok's content sharing guidelines are met here and in PostSettingsForm: creator info is asked
// for when the page shows, the consent line stands beside the buttons, and after a post goes out
// the result line says TikTok may take a few minutes and follows its status. A drop of several
// videos can become one post per video.
//
// "Fix it for me": a media item whose findings a conversion clears has "Fix" on its row and on those
// findings ("Fix all" when there is more than one; photos can also lose their location), which
// converts it through the Backend into a new object of the media store, with progress and Cancel on
// the row; a video longer than the creator allows is trimmed first in the preview (TrimStep).
//
// The page holds no rules of its own: findings are Backend::validate(), what may happen to a post is
// Lifecycle's table.
class ComposerPage : public QWidget {
    Q_OBJECT

public:
    // `backend` and `prober` must outlive the page.
    ComposerPage(Backend &backend, const MediaProber &prober, QWidget *parent = nullptr);
    ~ComposerPage() override;

    // For the shell's File menu: New post (Ctrl+N; asks about unsaved changes first) and Add media…
    // (Ctrl+O). They stay enabled on other pages and emit showRequested().
    QList<QAction *> fileActions() const;
    // For the shell's Post menu: Save draft (Ctrl+S) and Submit for review / Schedule / Post now
    // (Ctrl+Return), named for what they do now. Enabled only while the page is shown and core
    // allows them, so the keys do nothing on other pages.
    QList<QAction *> postActions() const;

    // Adds local files to the post, in order; they are probed in the background.
    void addFiles(const QStringList &paths);
    // Loads a stored post to edit (its caption, settings and time; its media are shown, read-only).
    // Call confirmDiscard() first: whatever was being composed is replaced.
    void editPost(const PostRow &row);
    // The post being edited; nullopt while composing a new one.
    std::optional<QString> editedPostId() const;
    // Empties the composer for a new post (no question asked).
    void clear();
    // A new post for `atUtc`, shown in `zone` (a time picked in the calendar). Call confirmDiscard()
    // first: whatever was being composed is replaced.
    void composeAt(const QDateTime &atUtc, const QString &zone);

    // Whether anything was composed or changed since the page was cleared, loaded or saved.
    bool hasUnsavedChanges() const;
    // Before leaving (closing, another page, New post): asks Save / Discard / Cancel when there are
    // unsaved changes. Save waits for the post to be stored. Returns whether leaving is fine now.
    bool confirmDiscard();

    // The post as composed now (for a stored post: its content with the edited fields).
    Post post() const;
    // What saving stores: post(), or with "One post per video" one post per video (same caption
    // and settings, no cover frame).
    QList<Post> postsToStore() const;
    bool isOnePostPerVideo() const { return m_onePostPerVideo; }
    MediaListModel *mediaModel() const;
    FindingsModel *findingsModel() const { return m_findings; }
    MediaProbeQueue *probeQueue() const;
    MediaFixer *fixer() const { return m_fixer; }
    bool isBusy() const { return m_busy; }

Q_SIGNALS:
    // New post or Add media… was chosen while another page may be shown.
    void showRequested();
    // Posts were stored (one per account) or the edited post was saved; rows as they are now.
    void postsSaved(const QList<cq::PostRow> &rows);
    // "Connect an account" was chosen: the Accounts page should show.
    void accountsRequested();

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    // What the user composed, to tell whether anything changed since the last save or load.
    struct Snapshot {
        QString caption;
        TikTokSettings settings;
        QStringList media;
        QStringList accounts;
        std::optional<QDateTime> when;
        bool operator==(const Snapshot &) const = default;
    };
    // Whether the actions may run now, and why not.
    struct Allowed {
        bool save = false;
        bool submit = false;
        QString saveWhy;
        QString submitWhy;
    };
    using Finished = std::function<void(bool saved)>;

    void buildActions();
    // "Fix it for me" (ComposerPageFix.cpp).
    QWidget *buildFixBar(QWidget *parent);
    void connectFixes();
    void requestFix(int itemId);
    void updateFixes();
    void updateFindingFixButtons();
    QWidget *buildNotices();
    QWidget *buildFindingsPane();
    QWidget *buildActionBar();
    QLabel *buildConsent(QWidget *parent);
    void connectBackend();
    void followCreator(const Post &current, const QList<MediaCheck> &checks);
    void updateConsent();
    void updateAuditHint();
    void followSent(const PostRow &row);
    void askCreator();
    QList<Finding> validateAll(const QList<MediaCheck> &checks) const;
    QList<int> videoRows() const;
    void updateSplitOffer();
    void setOnePostPerVideo(bool split);
    void createEach(QList<Post> remaining, CreateIntent intent, QList<PostRow> stored,
                    const Finished &finished);

    void chooseFiles();
    void newPost();
    void revalidate();
    void revalidateSoon();
    void updateSummary();
    void updateActions();
    Allowed allowed() const;
    QString saveBlocker() const;
    void showFinding(const QModelIndex &index);
    void onAccountsChanged();
    // "Add to queue": the next free posting time of the first chosen account, from the Backend.
    void requestQueueSlot();
    void onWorkspaceChanged();
    void onStoreProgress(qint64 doneBytes, qint64 totalBytes);
    void onPostChanged(const PostRow &row);
    void onPostRemoved(const QString &id);

    // Storing: each ends in `finished` (also when refused or cancelled).
    void save(bool submit, const Finished &finished = {});
    void create(CreateIntent intent, const Finished &finished);
    void edit(bool submit, const Finished &finished);
    void submitEdited(const PostRow &edited, const Finished &finished);
    void confirmLosingApproval(const std::function<void()> &proceed, const Finished &cancelled);
    void setBusy(bool busy, int files = 0);
    void succeeded(const QString &message, const QList<PostRow> &rows);
    void failed(const QString &what, const Error &error);
    void showResult(const QString &message);
    void showError(const QString &message);
    void loadReviewerComment(const QString &postId);

    Snapshot snapshot() const;
    void markSaved();
    QString describeCreated(CreateIntent intent, const QList<PostRow> &rows) const;
    QString describeEdited(const PostRow &row) const;
    QString describeWhen(const PostRow &row) const;
    QString accountName(const QString &id) const;
    QString storePathOf(const QString &sha256) const;
    static QStringList localFiles(const QMimeData *mime);

    Backend &m_backend;
    FindingsModel *m_findings;
    std::optional<PostRow> m_editing;
    Snapshot m_saved;
    bool m_busy = false;
    bool m_shown = false;
    int m_copyingFiles = 0;
    QTimer *m_clock;
    QTimer *m_revalidation; // coalesces bursts of media changes into one revalidate()
    bool m_revalidationPending = false;

    QAction *m_newPostAction = nullptr;
    QAction *m_addMediaAction = nullptr;
    QAction *m_saveAction = nullptr;
    QAction *m_submitAction = nullptr;

    QLabel *m_editingNote = nullptr;
    QLabel *m_reviewerComment = nullptr;
    QLabel *m_result = nullptr;
    QLabel *m_error = nullptr;
    // Creator info is fetched when the page shows and when another account is chosen: the account
    // being asked about, and when each was last asked (TikTok allows 20 queries a minute).
    QString m_creatorAsking;
    QHash<QString, qint64> m_creatorAskedMs;
    InlineMessage *m_auditHint = nullptr;
    InlineMessage *m_splitOffer = nullptr; // "One post per video" for a drop of several videos
    bool m_onePostPerVideo = false;
    bool m_auditHintDismissed = false;
    QLabel *m_consent = nullptr;
    // The posts stored by the last "Post now" / "Schedule", whose status the result line follows.
    QStringList m_sentIds;
    QString m_sentMessage;
    QSplitter *m_content = nullptr;
    MediaPane *m_media = nullptr;
    PostSettingsForm *m_settings = nullptr;
    QListView *m_findingsView = nullptr;
    MediaFixer *m_fixer = nullptr;
    QWidget *m_fixBar = nullptr;
    QCheckBox *m_stripLocation = nullptr;
    QPushButton *m_fixAll = nullptr;
    QLabel *m_summary = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_progressLabel = nullptr;
    QLabel *m_reason = nullptr;
    QPushButton *m_saveButton = nullptr;
    QPushButton *m_submitButton = nullptr;
};

} // namespace cq::ui
