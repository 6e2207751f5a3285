#pragma once

#include "post/CreatorInfo.h"
#include "post/Finding.h"
#include "post/Lifecycle.h"
#include "post/Post.h"
#include "post/PostValidator.h"
#include "post/PostingTimes.h"
#include "post/StoredPost.h"
#include "publish/PlanCheck.h"
#include "publish/PostConformer.h"
#include "publish/QueueSlots.h"
#include "storage/AccountSetRepository.h"
#include "storage/PostRepository.h"
#include "util/Error.h"

#include <QDateTime>
#include <QFutureWatcherBase>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QThread>
#include <QUrl>

#include <chrono>
#include <expected>
#include <functional>
#include <memory>
#include <optional>
#include <unordered_map>

namespace cq {

class AccountSets;
class ConformQueue;
class Publisher;
class Session;

// How an account's authorisation stands now.
enum class TokenState {
    Valid,         // the access token is good
    AccessExpired, // the access token ran out; it is refreshed on its next use, nothing to do
    ExpiringSoon,  // the refresh token ends within AccountSummary::ExpiringSoonDays: reconnect
    Expired,       // the refresh token ran out: the account must be connected again
};

// A connected account as the window shows it.
struct AccountSummary {
    static constexpr int ExpiringSoonDays = 14;

    QString id;
    QString openId;
    QString displayName;
    QString username; // from the creator info; empty before it is known
    bool isDefault = false;
    std::optional<CreatorInfo> creator;
    QDateTime creatorInfoFetchedAt;
    QByteArray avatar; // the avatar's image bytes, once downloaded
    QDateTime accessExpiresAt;
    QDateTime refreshExpiresAt;
    QStringList scopes; // what the account granted ClipQueue (user.info.basic ...); empty: not known
    // TikTok refused a post because the developer app is not audited
    // (unaudited_client_can_only_post_to_private_accounts), or the account is offered "Only me" alone.
    bool unauditedClient = false;

    // "Ana (@ana.makes)", or the display name alone.
    QString label() const;
    TokenState tokenState(const QDateTime &nowUtc) const;
    // The creator info offers no privacy level but SELF_ONLY: what an unaudited app gets.
    bool privateOnly() const;
};

// The workspace's shared settings and where this machine keeps its data.
struct WorkspaceInfo {
    bool approvalRequired = false;
    QString defaultTimeZone;
    int graceMinutes = 15;
    QString mediaStoreRoot; // to find stored objects' files (thumbnails)
    QString databaseDescription;
    QString actor; // whose name history rows carry
    // TikTok pulls photos from a public address: whether this machine has a photo host to put them on.
    bool photoHostConfigured = false;
    // Whether the user's TikTok app passed TikTok's audit (CLIPQUEUE_TIKTOK_APP_AUDITED=1). Unaudited
    // apps can post directly only "Only me" to private accounts; sending to the inbox has no such limit.
    bool tiktokAppAudited = false;
};

// One post with what the window shows beside it: its findings now and the actions the lifecycle
// allows it.
struct PostRow {
    StoredPost post;
    QList<Finding> findings;
    QList<PostAction> actions;

    int errorCount() const;
    int warningCount() const;
};

// Everything about one post, for its details panel.
struct PostDetails {
    PostRow row;
    QList<HistoryEntry> history;
    QList<PublishAttempt> attempts;
};

// One media item the composer holds, to be made acceptable to TikTok (Backend::conformMedia()).
struct ConformRequest {
    QString path;                  // the local file (or a media store object) as it is now; only read
    MediaDescriptor probed;        // what probing it found: a video waits for the one video slot
    QString accountId;             // whose creator maximum length applies (empty: the default account)
    std::optional<TimeRange> trim; // the part of a too-long video to keep; default: from the start
    bool stripLocation = false;    // photos lose their metadata (location), even without a finding
};

// What the composer asks for when it stores a post.
enum class CreateIntent {
    SaveDraft,
    Submit,   // to review when approval is required, else scheduled
    Schedule, // submit, then schedule at the post's time (approval must not be required)
};

// The one GUI-thread facade over ClipQueue's services, which live on a worker thread of their own
// (a Session with its own database connection and network manager). Every command is asynchronous:
// it is queued to the worker and its result comes back to `context` on the caller's thread (and is
// dropped if `context` is gone). Changes, whoever made them (this window, the runner, the CLI or
// another machine on a team database), come back as signals, so pages never block, never run SQL
// and never hold a rule of their own.
class Backend : public QObject {
    Q_OBJECT

public:
    template<typename T>
    using Done = std::function<void(std::expected<T, Error>)>;
    // Opens an address in the user's browser; called on the GUI thread (the app passes
    // QDesktopServices::openUrl, tests a function that plays the browser).
    using UrlOpener = std::function<void(const QUrl &)>;
    // Makes the publisher inside the worker thread; tests pass a scripted one. Empty: TikTok's.
    using PublisherFactory = std::function<std::unique_ptr<Publisher>(Session &)>;

    struct Options {
        bool publish = true; // run the scheduler on this machine
        std::chrono::milliseconds pollInterval{std::chrono::seconds(2)};
        PublisherFactory publisherFactory;
    };

    explicit Backend(QObject *parent = nullptr);
    ~Backend() override;

    // Opens the session on the worker thread, announces accounts and workspace, then (with
    // `publish`) runs the scheduler and follows changes.
    void start(Options options);
    void stop();
    bool isReady() const { return m_ready; }
    const WorkspaceInfo &workspace() const { return m_workspace; }
    const QList<AccountSummary> &accounts() const { return m_accounts; }
    // Saved account sets by name, as of start-up and this window's last change (accountSetsChanged).
    const QList<AccountSet> &accountSets() const { return m_accountSets; }

    void countPosts(const PostFilter &filter, QObject *context, Done<QHash<PostStatus, int>> done);
    void listPosts(const PostFilter &filter, const std::optional<PostCursor> &after, int limit,
                   QObject *context, Done<QList<PostRow>> done);
    void postDetails(const QString &id, QObject *context, Done<PostDetails> done);

    // Copies the media into the store (progress in storeProgress()) and stores the post, one per
    // account, as `intent` says. Relative media paths are read from `baseDirectory`. When submitting
    // is refused the posts are stored as drafts all the same: their rows come back as drafts (with
    // the findings that kept them back) and errorOccurred() says why.
    void createPost(const Post &post, const QString &baseDirectory, CreateIntent intent, QObject *context,
                    Done<QList<PostRow>> done);
    // Replaces caption, settings and time of a stored post (its media stay).
    void editPost(const QString &id, const Post &post, QObject *context, Done<PostRow> done);
    // A lifecycle action that needs no more than a comment: submit, approve, request changes, cancel,
    // retry, mark published, delete.
    void perform(const QString &id, PostAction action, const QString &comment, QObject *context,
                 Done<std::optional<PostRow>> done);
    // `localTime` is read in `timeZone` (empty: the workspace default).
    void schedule(const QString &id, const QDateTime &localTime, const QString &timeZone, QObject *context,
                  Done<PostRow> done);
    // Two posts of one account trade times (PostLifecycle::swapTimes): reordering its queue.
    void swapTimes(const QString &firstId, const QString &secondId, QObject *context,
                   Done<QList<PostRow>> done);
    // A new draft with the same content and stored media.
    void duplicate(const QString &id, QObject *context, Done<PostRow> done);

    // Account sets. Each command answers with every set as it is afterwards (also announced by
    // accountSetsChanged()); refusals (a blank or taken name, an unknown set) say why.
    void createAccountSet(const QString &name, QObject *context, Done<QList<AccountSet>> done);
    void renameAccountSet(const QString &id, const QString &name, QObject *context,
                          Done<QList<AccountSet>> done);
    // Makes the set's members exactly `accountIds`.
    void setAccountSetMembers(const QString &id, const QStringList &accountIds, QObject *context,
                              Done<QList<AccountSet>> done);
    void deleteAccountSet(const QString &id, QObject *context, Done<QList<AccountSet>> done);
    // Connects a TikTok account the desktop way (tiktok::DesktopLogin on the worker): TikTok's
    // authorise page goes to `openInBrowser`, the answer comes back to a loopback port, the tokens
    // are stored and the creator info fetched. `done` gets the new account, or why not (ErrorCode::
    // Cancelled after cancelConnect()). One connection at a time.
    void connectAccount(UrlOpener openInBrowser, QObject *context, Done<AccountSummary> done);
    void cancelConnect();
    // Asks TikTok for the account's creator info again (refreshing its access token if it ran out).
    void refreshAccount(const QString &id, QObject *context, Done<AccountSummary> done);
    // Revokes the account at TikTok and forgets it here. An error after which the account is gone
    // all the same says so (TikTok did not confirm the revocation).
    void disconnectAccount(const QString &id, QObject *context, Done<void> done);
    // A workspace setting shared through the database (settings::ApprovalRequired ...), checked by
    // WorkspaceSettings; workspaceChanged() follows.
    void setWorkspaceSetting(const QString &key, const QString &value, QObject *context, Done<void> done);
    // Posts scheduled to go out within `window` from now (those without a time included), and posts
    // on their way to TikTok: what quitting would hold back.
    void countDueWithin(std::chrono::minutes window, QObject *context, Done<int> done);
    // Publishing from this computer: the runner claims due posts, or is paused (a post already on
    // its way still finishes).
    void setPublishing(bool on);
    bool isPublishing() const { return m_publishing; }
    // Reads the TikTok app and photo host settings again (after the settings dialog changed them).
    void reloadTikTokSettings();
    // Opens `url` as a database and closes it again on a pool thread, without touching its schema:
    // "Test connection". `done` gets a description of what answered.
    static void testDatabase(const QString &url, QObject *context, Done<QString> done);
    // Asks TikTok for the creator info of `accountId` (empty: default) now, as TikTok's guidelines
    // ask before the post screen; accountsChanged() brings it to accounts() before `done` runs.
    void refreshCreatorInfo(const QString &accountId, QObject *context, Done<CreatorInfo> done);
    // An account's weekly posting times (empty when it has none).
    void postingTimes(const QString &accountId, QObject *context, Done<PostingTimes> done);
    // Replaces them; postingTimesChanged() follows.
    void setPostingTimes(const QString &accountId, const PostingTimes &times, QObject *context,
                         Done<PostingTimes> done);
    // Posting times no post holds yet, of every account, at or after `fromUtc` and before `beforeUtc`.
    void freeQueueSlots(const QDateTime &fromUtc, const QDateTime &beforeUtc, QObject *context,
                        Done<QList<QueueSlot>> done);
    // Where "add to queue" puts a post of `accountId` (empty: the default account) now: its next
    // free posting time; nullopt when the account has no posting times.
    void nextQueueSlot(const QString &accountId, QObject *context, Done<std::optional<QueueSlot>> done);

    // Bulk scheduling. A plan's rows from videos and folders (captions from sidecar .txt files) or
    // from a CSV file (post/CsvPosts.h; a Usage error for a bad header).
    void planFromFiles(const QStringList &paths, QObject *context, Done<QList<CsvPostRow>> done);
    void planFromCsv(const QString &path, QObject *context, Done<QList<CsvPostRow>> done);
    // Every row checked before anything is stored (media probed; "queue" rows given free posting times).
    void checkPlan(const QList<CsvPostRow> &rows, const QString &baseDirectory, QObject *context,
                   Done<QList<CheckedRow>> done);
    // Stores the rows (drafts, or submitted), each as createPost() would; a row that fails does not
    // stop the others: the error names its line, the posts stored come back.
    struct PlanStored {
        QList<PostRow> rows;
        QStringList failures; // "line 3: …"
    };
    void storePlan(const QList<CsvPostRow> &rows, const QString &baseDirectory, bool submit, QObject *context,
                   Done<PlanStored> done);

    // Converts one media file as its findings' `fix` says (PostConformer, on a ConformQueue owned
    // here: photos side by side, one video at a time, never on the GUI thread) into a NEW object of
    // the managed media store; the original is only read. Returns the job's id for conformProgress()
    // and cancelConform(). `done` gets the converted item, probed; ErrorCode::Cancelled after
    // cancelConform() or when the Backend is destroyed (the queue then leaves nothing half-written);
    // NotFound when the file needs no conversion. The window closing does not stop it.
    quint64 conformMedia(const ConformRequest &request, QObject *context, Done<ConformedMedia> done);
    void cancelConform(quint64 job);
    // Conversions queued or running.
    int conformsRunning() const { return int(m_conforms.size()); }

    // Validation of a post the composer holds, with the creator info of `accountId` (empty: default).
    // Pure and fast: runs on the caller's thread.
    QList<Finding> validate(const Post &post, const QList<MediaCheck> &checks, const QString &accountId,
                            bool forSubmit) const;

Q_SIGNALS:
    void ready();
    void failedToStart(const QString &message);
    void accountsChanged();
    void accountSetsChanged();
    void workspaceChanged();
    // A post was created, changed or moved on; the row is as it is now.
    void postChanged(const cq::PostRow &row);
    void postRemoved(const QString &id);
    // An account's posting times were changed from this window.
    void postingTimesChanged(const QString &accountId);
    // Media bytes of a post on their way to TikTok.
    void uploadProgress(const QString &postId, qint64 sentBytes, qint64 totalBytes);
    // Bytes copied into the media store by createPost().
    void storeProgress(qint64 doneBytes, qint64 totalBytes);
    // The runner finished with a post (published, failed, needs attention).
    void postSettled(const cq::PostRow &row);
    void errorOccurred(const QString &message);
    void publishingChanged(bool on);
    // A conversion of conformMedia() is `fraction` (0 to 1) done.
    void conformProgress(quint64 job, double fraction);

private:
    class Worker;
    friend class Worker;
    // Runs `work` on the worker with its session and hands the result to `done` on `context`'s thread.
    template<typename T>
    void run(QObject *context, std::function<std::expected<T, Error>(Worker &)> work, Done<T> done);
    // The same for work that answers later: `work` hands its result to the Done it gets (once).
    template<typename T>
    void runAsync(QObject *context, std::function<void(Worker &, Done<T>)> work, Done<T> done);
    void onReady(const WorkspaceInfo &workspace, const QList<AccountSummary> &accounts);
    // Runs `change` on the worker's account sets, then answers (and announces) every set.
    void changeAccountSets(QObject *context, std::function<std::expected<void, Error>(AccountSets &)> change,
                           Done<QList<AccountSet>> done);
    // On the worker: downloads, stores and (with `submit`) submits `post`, announcing the rows.
    std::expected<QList<PostRow>, Error> createRows(Worker &worker, const Post &post,
                                                    const QString &baseDirectory, bool submit);

    // The account `id` (empty: the default one) as cached here; nullptr when there is none.
    const AccountSummary *cachedAccount(const QString &id) const;
    void stopConforms();

    QThread m_thread;
    Worker *m_worker = nullptr; // lives in m_thread, deleted there when it finishes
    bool m_ready = false;
    bool m_publishing = false;
    WorkspaceInfo m_workspace;
    QList<AccountSummary> m_accounts;
    QList<AccountSet> m_accountSets;
    // Conversions (conformMedia): the store they write into outlives the queue, which cancels and
    // waits for its jobs when it goes. Each job's watcher delivers its progress and result here.
    std::unique_ptr<MediaStore> m_conformStore;
    std::unique_ptr<ConformQueue> m_conformQueue;
    // One hold per conversion (a hold is joined by one thread at a time), by job: what the composer
    // converted stays in the store until the app quits, saved in a post or not yet, whatever
    // clean-up runs meanwhile (a deleted post, another process starting). A conversion that
    // failed or was cancelled holds nothing and lets go at once.
    std::unordered_map<quint64, std::unique_ptr<MediaHold>> m_conformHolds;
    QHash<quint64, QFutureWatcherBase *> m_conforms; // job -> its watcher
    quint64 m_lastConformJob = 0;
};

} // namespace cq

Q_DECLARE_METATYPE(cq::PostRow)
