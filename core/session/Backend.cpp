#include "session/Backend.h"

#include "media/MediaProber.h"
#include "media/RegularFile.h"
#include "post/PostMediaCheck.h"
#include "publish/ConformQueue.h"
#include "publish/Publisher.h"
#include "publish/SchedulerRunner.h"
#include "session/Session.h"
#include "storage/AccountRepository.h"
#include "storage/PostingTimesRepository.h"
#include "tiktok/DesktopLogin.h"
#include "util/Settings.h"

#include <QCoreApplication>
#include <QFile>
#include <QFutureWatcher>
#include <QSet>
#include <QThreadPool>
#include <QTimeZone>
#include <QTimer>

namespace cq {

namespace {

Error notStarted() {
    return Error{ErrorCode::Database, QStringLiteral("ClipQueue's database is not open yet.")};
}

// Statuses whose post can still change before it goes out: only those are checked again.
bool stillChecked(PostStatus status) {
    return status == PostStatus::Draft || status == PostStatus::InReview
           || status == PostStatus::ChangesRequested || status == PostStatus::Approved
           || status == PostStatus::Scheduled;
}

// Whether a change of an account set worked; the sets are read again afterwards.
std::expected<void, Error> setChanged(const std::expected<AccountSet, Error> &set) {
    if (!set) {
        return std::unexpected(set.error());
    }
    return {};
}

// What a finished conversion of one item (Backend::conformMedia) answers.
std::expected<ConformedMedia, Error>
conformAnswer(const QFuture<std::expected<ConformResult, Error>> &future) {
    if (future.isCanceled() || future.resultCount() == 0) {
        return std::unexpected(
            Error{ErrorCode::Cancelled,
                  QCoreApplication::translate("cq::Backend", "The conversion was cancelled.")});
    }
    const std::expected<ConformResult, Error> result = future.result();
    if (!result) {
        return std::unexpected(result.error());
    }
    if (result->converted.isEmpty()) {
        const QString why = result->notes.isEmpty()
                                ? QCoreApplication::translate("cq::Backend", "The file needs no conversion.")
                                : result->notes.first();
        return std::unexpected(Error{ErrorCode::NotFound, why});
    }
    return result->converted.first();
}

// What TikTok answers when an unaudited app posts anything but SELF_ONLY.
const QString unauditedCode = QStringLiteral("unaudited_client_can_only_post_to_private_accounts");

// The account as it is in `accounts`; NotFound when it is gone.
std::expected<AccountSummary, Error> summaryOf(const QList<AccountSummary> &accounts, const QString &id) {
    for (const AccountSummary &account : accounts) {
        if (account.id == id || (id.isEmpty() && account.isDefault)) { // empty: the default account
            return account;
        }
    }
    return std::unexpected(Error{ErrorCode::NotFound, Backend::tr("The account is not connected any more.")});
}

} // namespace

QString AccountSummary::label() const {
    return username.isEmpty() ? displayName : displayName + u" (@" + username + u')';
}

TokenState AccountSummary::tokenState(const QDateTime &nowUtc) const {
    if (refreshExpiresAt.isValid() && refreshExpiresAt <= nowUtc) {
        return TokenState::Expired;
    }
    if (refreshExpiresAt.isValid() && refreshExpiresAt <= nowUtc.addDays(ExpiringSoonDays)) {
        return TokenState::ExpiringSoon;
    }
    if (accessExpiresAt.isValid() && accessExpiresAt <= nowUtc) {
        return TokenState::AccessExpired;
    }
    return TokenState::Valid;
}

bool AccountSummary::privateOnly() const {
    return creator && creator->privacyLevelOptions == QStringList{QString::fromLatin1(privacy::SelfOnly)};
}

int PostRow::errorCount() const {
    return int(
        std::count_if(findings.cbegin(), findings.cend(), [](const Finding &f) { return f.isError(); }));
}

int PostRow::warningCount() const {
    return int(findings.size()) - errorCount();
}

// Everything here is created, used and destroyed on the worker thread.
class Backend::Worker : public QObject {
public:
    explicit Worker(Backend &owner)
        : m_owner(owner) {}

    ~Worker() override {
        if (m_runner) {
            m_runner->stop();
        }
        // The runner refers to the publisher and the session: it goes first.
        m_runner.reset();
        m_publisher.reset();
    }

    Session *session() const { return m_session.get(); }

    void start(const Options &options) {
        auto session = Session::open();
        if (!session) {
            Q_EMIT m_owner.failedToStart(session.error().message);
            return;
        }
        m_session = std::move(*session);
        m_lastSeenMs = m_session->clock().nowUtc().toMSecsSinceEpoch();
        m_lastDeletionMs = m_lastSeenMs;
        m_factory = options.publisherFactory;
        announce();
        publishAccountSets();
        fetchAvatars();
        refreshCreators();
        if (options.publish) {
            setPublishing(true);
        }
        // Made here, so that it lives on this thread.
        auto *poll = new QTimer(this);
        connect(poll, &QTimer::timeout, this, &Worker::poll);
        poll->start(options.pollInterval);
    }

    std::expected<PostRow, Error> row(const StoredPost &post) const {
        PostRow row;
        row.post = post;
        auto approval = m_session->workspace().approvalRequired();
        if (!approval) {
            return std::unexpected(approval.error());
        }
        row.actions = Lifecycle::userActions(post.status, *approval);
        if (stillChecked(post.status)) {
            auto findings = m_session->posts().validate(post, true);
            if (!findings) {
                return std::unexpected(findings.error());
            }
            row.findings = *findings;
        }
        return row;
    }

    std::expected<QList<PostRow>, Error> rows(const QList<StoredPost> &posts) const {
        QList<PostRow> result;
        result.reserve(posts.size());
        for (const StoredPost &post : posts) {
            auto made = row(post);
            if (!made) {
                return std::unexpected(made.error());
            }
            result << *made;
        }
        return result;
    }

    // Tells the window about a post this process changed, so that the next poll does not again.
    void changed(const PostRow &row) {
        m_seenRevisions.insert(row.post.id, row.post.revision);
        Q_EMIT m_owner.postChanged(row);
        // "Post now" goes out now, not at the runner's next planned look.
        if (m_runner && row.post.status == PostStatus::Scheduled) {
            m_runner->wake();
        }
    }

    void removed(const QString &id) {
        m_seenRevisions.remove(id);
        m_announcedDeletions.insert(id);
        Q_EMIT m_owner.postRemoved(id);
    }

    std::expected<PostRow, Error> changedRow(const std::expected<StoredPost, Error> &post) {
        if (!post) {
            return std::unexpected(post.error());
        }
        auto made = row(*post);
        if (made) {
            changed(*made);
        }
        return made;
    }

    void announce() {
        QMetaObject::invokeMethod(
            &m_owner,
            [owner = &m_owner, workspace = workspaceInfo(), accounts = accountSummaries()] {
                owner->onReady(workspace, accounts);
            },
            Qt::QueuedConnection);
    }

    void publishWorkspace() {
        QMetaObject::invokeMethod(
            &m_owner,
            [owner = &m_owner, workspace = workspaceInfo()] {
                owner->m_workspace = workspace;
                Q_EMIT owner->workspaceChanged();
            },
            Qt::QueuedConnection);
    }

    WorkspaceInfo workspaceInfo() const {
        WorkspaceInfo workspace;
        const WorkspaceSettings &settings = m_session->workspace();
        workspace.approvalRequired = settings.approvalRequired().value_or(false);
        workspace.defaultTimeZone =
            QString::fromUtf8(settings.defaultTimeZone().value_or(QTimeZone::systemTimeZone()).id());
        workspace.graceMinutes = int(settings.gracePeriod().value_or(std::chrono::minutes(15)).count());
        workspace.mediaStoreRoot = m_session->store().root();
        workspace.databaseDescription = m_session->config().database.describe();
        workspace.actor = m_session->posts().actor();
        const Settings local; // read here: the settings dialog may have changed them
        workspace.photoHostConfigured = !local.value(Setting::PhotoUploadUrl).isEmpty()
                                        && !local.value(Setting::PhotoPublicUrl).isEmpty();
        workspace.tiktokAppAudited = local.flag(Setting::TikTokAppAudited);
        return workspace;
    }

    QList<AccountSummary> accountSummaries() const {
        AccountRepository repository(m_session->database());
        QList<AccountSummary> summaries;
        for (const Account &account : repository.list().value_or(QList<Account>())) {
            AccountSummary summary;
            summary.id = account.id;
            summary.openId = account.openId;
            summary.displayName = account.displayName;
            summary.isDefault = account.isDefault;
            summary.avatar = m_avatars.value(account.id);
            summary.accessExpiresAt = account.accessExpiresAt;
            summary.refreshExpiresAt = account.refreshExpiresAt;
            if (auto cached = repository.creatorInfo(account.id); cached && *cached) {
                summary.creator = (*cached)->info;
                summary.creatorInfoFetchedAt = (*cached)->fetchedAt;
                summary.username = (*cached)->info.username;
            }
            summary.unauditedClient = m_unaudited.contains(account.id) || summary.privateOnly();
            summary.scopes = m_scopes.value(account.id);
            if (auto granted = repository.scopes(account.id); granted && *granted) {
                summary.scopes = **granted; // in the row since schema 5; the token store for older accounts
            }
            summaries << summary;
        }
        return summaries;
    }

    // Creator info of every account, fresh from TikTok (where this machine holds its tokens).
    void refreshCreators() {
        if (!m_session->tiktok()) {
            return; // no TikTok app configured: the cached info is all there is
        }
        for (const AccountSummary &account : accountSummaries()) {
            refreshAccount(account.id, [this](std::expected<AccountSummary, Error> refreshed) {
                if (!refreshed) {
                    Q_EMIT m_owner.errorOccurred(
                        Backend::tr("Creator info not refreshed: %1").arg(refreshed.error().message));
                }
            });
        }
    }

    // Creator info of one account, fresh from TikTok; the window hears of it either way.
    void refreshAccount(const QString &id, Done<AccountSummary> done) {
        m_session->refreshCreatorInfo(
            id, [this, id, done = std::move(done)](std::expected<CreatorInfo, Error> info) {
                if (!info && info.error().message.contains(unauditedCode)) {
                    m_unaudited.insert(id);
                }
                publishAccounts();
                fetchAvatars();
                if (!info) {
                    done(std::unexpected(info.error()));
                    return;
                }
                done(summaryOf(accountSummaries(), id));
            });
    }

    // What the account granted, from its stored tokens (once per account: the keychain is slow).
    void noteScopes(const QString &id) {
        auto services = m_session->tiktok();
        if (!services || m_scopes.contains(id)) {
            return;
        }
        auto account = (*services)->accounts->find(id);
        auto tokens = account ? (*services)->store->load(account->openId)
                              : std::expected<tiktok::TokenSet, Error>(std::unexpected(account.error()));
        if (tokens && !tokens->scope.isEmpty()) {
            m_scopes.insert(id, tokens->scope.split(u',', Qt::SkipEmptyParts));
        }
    }

    void connectAccount(const UrlOpener &openInBrowser, Done<AccountSummary> done) {
        if (m_login) {
            done(std::unexpected(
                Error{ErrorCode::Usage, Backend::tr("An account is being connected already.")}));
            return;
        }
        auto services = m_session->tiktok();
        auto credentials = services ? (*services)->config.checkCredentials()
                                    : std::expected<void, Error>(std::unexpected(services.error()));
        if (!credentials) {
            done(std::unexpected(credentials.error()));
            return;
        }
        m_loginDone = std::move(done);
        // The browser opens on the GUI thread; the loopback listener waits here.
        m_login = new tiktok::DesktopLogin(
            *(*services)->oauth,
            [this, openInBrowser](const QUrl &url) {
                QMetaObject::invokeMethod(
                    &m_owner, [openInBrowser, url] { openInBrowser(url); }, Qt::QueuedConnection);
                return true;
            },
            5 * 60'000, this);
        connect(m_login, &tiktok::DesktopLogin::succeeded, this, &Worker::onLoginTokens);
        connect(m_login, &tiktok::DesktopLogin::failed, this,
                [this](const QString &code, const QString &message) {
                    const QString said = message.isEmpty() ? code : message;
                    finishLogin(std::unexpected(
                        Error{ErrorCode::Network,
                              code == u"access_denied"
                                  ? Backend::tr("The connection was declined on TikTok's page; nothing was "
                                                "connected.")
                                  : Backend::tr("TikTok did not connect the account: %1").arg(said)}));
                });
        m_login->start();
    }

    void cancelLogin() {
        if (tiktok::DesktopLogin *login = m_login) {
            finishLogin(std::unexpected(
                Error{ErrorCode::Cancelled, Backend::tr("Connecting the account was cancelled.")}));
            login->cancel(); // frees the port now; the login deletes itself once it has ended
        }
    }

    void onLoginTokens(const tiktok::TokenSet &tokens) {
        auto services = m_session->tiktok();
        auto account = services ? (*services)->accounts->add(tokens)
                                : std::expected<Account, Error>(std::unexpected(services.error()));
        if (!account) {
            finishLogin(std::unexpected(account.error()));
            return;
        }
        m_scopes.insert(account->id, tokens.scope.split(u',', Qt::SkipEmptyParts)); // a new grant
        refreshAccount(account->id, [this, id = account->id](std::expected<AccountSummary, Error> summary) {
            // Connected either way: the creator info is fetched again before publishing.
            finishLogin(summary ? summary : summaryOf(accountSummaries(), id));
        });
    }

    // Ends the connection under way. The login object may still wait for a redirect or a token
    // answer that refers to it: it goes once that comes (or its listener times out), heard by no one.
    void finishLogin(std::expected<AccountSummary, Error> result) {
        if (!m_login) {
            return;
        }
        tiktok::DesktopLogin *login = std::exchange(m_login, nullptr);
        disconnect(login, nullptr, this, nullptr);
        connect(login, &tiktok::DesktopLogin::succeeded, login, &QObject::deleteLater);
        connect(login, &tiktok::DesktopLogin::failed, login, &QObject::deleteLater);
        std::exchange(m_loginDone, {})(std::move(result));
    }

    void disconnectAccount(const QString &id, Done<void> done) {
        auto services = m_session->tiktok();
        if (!services) {
            done(std::unexpected(services.error()));
            return;
        }
        (*services)->accounts->disconnect(
            id, [this, id, done = std::move(done)](std::expected<void, Error> result) {
                m_avatars.remove(id);
                m_avatarUrls.remove(id);
                m_unaudited.remove(id);
                publishAccounts();
                done(result);
            });
    }

    std::expected<int, Error> countDueWithin(std::chrono::minutes window) const {
        PostRepository &repository = m_session->posts().repository();
        PostFilter scheduled;
        scheduled.statuses = {PostStatus::Scheduled, PostStatus::Publishing, PostStatus::Processing};
        PostFilter later = scheduled;
        later.statuses = {PostStatus::Scheduled};
        later.fromUtc = m_session->clock().nowUtc().addSecs(std::chrono::seconds(window).count());
        auto all = repository.countByStatus(scheduled);
        auto notYet = all ? repository.countByStatus(later) : all;
        if (!notYet) {
            return std::unexpected(notYet.error());
        }
        int due = 0;
        for (auto it = all->cbegin(); it != all->cend(); ++it) {
            due += it.value() - notYet->value(it.key());
        }
        return due;
    }

    void setPublishing(bool on) {
        if (on && !m_runner) {
            startRunner(m_factory);
        } else if (on) {
            m_runner->start();
        } else if (m_runner) {
            m_runner->stop();
        }
        m_publishingWanted = on;
        const bool publishing = on && m_runner;
        QMetaObject::invokeMethod(
            &m_owner,
            [owner = &m_owner, publishing] {
                owner->m_publishing = publishing;
                Q_EMIT owner->publishingChanged(publishing);
            },
            Qt::QueuedConnection);
    }

    // The TikTok side is made again from the settings; the runner (which holds the publisher, which
    // holds the TikTok client) goes first and comes back if it ran.
    void reloadTikTok() {
        cancelLogin();
        if (m_runner) {
            m_runner->stop();
        }
        m_runner.reset();
        m_publisher.reset();
        m_session->resetTikTok();
        if (m_publishingWanted) {
            setPublishing(true);
        }
        refreshCreators();
        publishWorkspace(); // the photo host and the audited app are part of what the window shows
    }

    // Sends the accounts as they are now to the window.
    void publishAccounts() {
        QMetaObject::invokeMethod(
            &m_owner,
            [owner = &m_owner, accounts = accountSummaries()] {
                owner->m_accounts = accounts;
                Q_EMIT owner->accountsChanged();
            },
            Qt::QueuedConnection);
    }

    // Sends the account sets as they are now to the window (with `onlyIfChanged`, only when they
    // differ from what it was sent last: the poll's way to follow the CLI and other machines).
    void publishAccountSets(bool onlyIfChanged = false) {
        auto sets = m_session->accountSets().list();
        if (!sets) {
            Q_EMIT m_owner.errorOccurred(Backend::tr("Account sets not read: %1").arg(sets.error().message));
            return;
        }
        if (onlyIfChanged && *sets == m_publishedSets) {
            return;
        }
        m_publishedSets = *sets;
        QMetaObject::invokeMethod(
            &m_owner,
            [owner = &m_owner, sets = *sets] {
                owner->m_accountSets = sets;
                Q_EMIT owner->accountSetsChanged();
            },
            Qt::QueuedConnection);
    }

    // Each account's avatar, once per address: small pictures on TikTok's CDN, fetched through the one
    // transport (a size cap and a deadline; no credentials travel with them).
    void fetchAvatars() {
        for (const AccountSummary &account : accountSummaries()) {
            const QString url = account.creator ? account.creator->avatarUrl : QString();
            if (url.isEmpty() || m_avatarUrls.value(account.id) == url) {
                continue;
            }
            m_avatarUrls.insert(account.id, url);
            net::HttpRequest request = net::HttpRequest::get(QUrl(url));
            request.maxResponseBytes = 2 * 1024 * 1024;
            request.deadline = std::chrono::seconds(20);
            m_session->http().send(std::move(request), [this, id = account.id](net::HttpResult result) {
                if (!result.isSuccess() || result.body.isEmpty()) {
                    return; // the initial stays; nothing to tell the user
                }
                m_avatars.insert(id, result.body);
                publishAccounts();
            });
        }
    }

    void startRunner(const PublisherFactory &factory) {
        if (factory) {
            m_publisher = factory(*m_session);
        } else if (auto tiktok = m_session->makeTikTokPublisher(); tiktok) {
            m_publisher = std::move(*tiktok);
        } else {
            Q_EMIT m_owner.errorOccurred(
                Backend::tr("Not publishing from this computer: %1").arg(tiktok.error().message));
            return;
        }
        m_runner = std::make_unique<SchedulerRunner>(m_session->posts(), *m_publisher, m_session->clock(),
                                                     m_session->runnerOptions());
        connect(m_publisher.get(), &Publisher::uploadProgress, this,
                [this](const QString &id, qint64 sent, qint64 total) {
                    Q_EMIT m_owner.uploadProgress(id, sent, total);
                });
        connect(m_runner.get(), &SchedulerRunner::postSettled, this, [this](const QString &id, PostStatus) {
            auto settled = changedRow(m_session->posts().repository().get(id));
            if (settled) {
                noteUnaudited(*settled);
                Q_EMIT m_owner.postSettled(*settled);
            }
        });
        connect(m_runner.get(), &SchedulerRunner::errorOccurred, this,
                [this](const QString &message) { Q_EMIT m_owner.errorOccurred(message); });
        connect(m_runner.get(), &SchedulerRunner::gaveUp, this, [this](const QString &message) {
            Q_EMIT m_owner.errorOccurred(
                Backend::tr("Publishing stopped: %1 Restart ClipQueue once the database works again.")
                    .arg(message));
        });
        m_runner->start();
    }

    // TikTok's word that the app is unaudited, from the post's last attempt, marks its account.
    void noteUnaudited(const PostRow &row) {
        auto attempts = m_session->posts().repository().attempts(row.post.id);
        if (attempts && !attempts->isEmpty() && attempts->constLast().errorCode == unauditedCode
            && !m_unaudited.contains(row.post.accountId())) {
            m_unaudited.insert(row.post.accountId());
            publishAccounts();
        }
    }

    // Follows what others changed (the runner's claims and uploads, the CLI, other machines on a team
    // database) by the posts' updated time: changed rows only, never a reload.
    void poll() {
        // One millisecond back: a change in the same millisecond as the last one seen is not missed;
        // the revision tells what was seen already.
        auto changes = m_session->posts().repository().changedSince(m_lastSeenMs - 1, 500);
        if (!changes) {
            return;
        }
        for (const StoredPost &post : *changes) {
            m_lastSeenMs = std::max(m_lastSeenMs, post.updatedAt.toMSecsSinceEpoch());
            if (m_seenRevisions.value(post.id) == post.revision) {
                continue;
            }
            if (auto made = row(post)) {
                changed(*made);
            }
        }
        // Deletions leave tombstones, read the same way.
        auto deleted = m_session->posts().repository().deletedSince(m_lastDeletionMs - 1);
        publishAccountSets(true); // a handful of rows: reading them is cheaper than tracking changes
        if (!deleted) {
            return;
        }
        for (const auto &[id, atMs] : *deleted) {
            m_lastDeletionMs = std::max(m_lastDeletionMs, atMs);
            if (!m_announcedDeletions.contains(id)) {
                m_announcedDeletions.insert(id);
                removed(id);
            }
        }
    }

private:
    Backend &m_owner;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<Publisher> m_publisher;
    std::unique_ptr<SchedulerRunner> m_runner;
    qint64 m_lastSeenMs = 0;
    qint64 m_lastDeletionMs = 0;
    QHash<QString, QString> m_avatarUrls; // account id → the avatar address asked for
    QHash<QString, QByteArray> m_avatars; // account id → the picture's bytes
    QSet<QString> m_announcedDeletions;   // deletions told already (this window's own among them)
    QHash<QString, int> m_seenRevisions;
    QList<AccountSet> m_publishedSets;    // what the window was last told
    QSet<QString> m_unaudited;            // accounts TikTok refused as posting through an unaudited app
    QHash<QString, QStringList> m_scopes; // account id → the scopes it granted
    PublisherFactory m_factory;
    bool m_publishingWanted = false;
    tiktok::DesktopLogin *m_login = nullptr; // the connection under way
    Done<AccountSummary> m_loginDone;
};

Backend::Backend(QObject *parent)
    : QObject(parent) {
    qRegisterMetaType<cq::PostRow>();
    m_thread.setObjectName(QStringLiteral("ClipQueue services"));
}

Backend::~Backend() {
    stopConforms();
    stop();
}

void Backend::start(Options options) {
    if (m_worker) {
        return;
    }
    m_publishing = options.publish; // what the worker is about to do; publishingChanged() follows
    m_worker = new Worker(*this);
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start();
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, options] { worker->start(options); }, Qt::QueuedConnection);
}

void Backend::stop() {
    if (!m_worker) {
        return;
    }
    m_thread.quit();
    m_thread.wait();
    m_worker = nullptr; // deleted on its thread as it finished
    m_ready = false;
    m_publishing = false;
}

void Backend::onReady(const WorkspaceInfo &workspace, const QList<AccountSummary> &accounts) {
    m_workspace = workspace;
    m_accounts = accounts;
    m_ready = true;
    Q_EMIT workspaceChanged();
    Q_EMIT accountsChanged();
    Q_EMIT ready();
}

template<typename T>
void Backend::run(QObject *context, std::function<std::expected<T, Error>(Worker &)> work, Done<T> done) {
    runAsync<T>(
        context, [work = std::move(work)](Worker &worker, Done<T> answer) { answer(work(worker)); },
        std::move(done));
}

template<typename T>
void Backend::runAsync(QObject *context, std::function<void(Worker &, Done<T>)> work, Done<T> done) {
    if (!m_worker) {
        QMetaObject::invokeMethod(
            context, [done = std::move(done)] { done(std::unexpected(notStarted())); }, Qt::QueuedConnection);
        return;
    }
    // The result travels back through this object (it outlives the worker); `context` may be gone by
    // then, which the guard tells on this thread.
    QPointer<QObject> guard(context);
    QMetaObject::invokeMethod(
        m_worker,
        [this, worker = m_worker, guard, work = std::move(work), done = std::move(done)]() mutable {
            Done<T> answer = [this, guard, done = std::move(done)](std::expected<T, Error> result) mutable {
                QMetaObject::invokeMethod(
                    this,
                    [guard, done = std::move(done), result = std::move(result)]() mutable {
                        if (guard) {
                            done(std::move(result));
                        }
                    },
                    Qt::QueuedConnection);
            };
            if (!worker->session()) {
                answer(std::unexpected(notStarted()));
                return;
            }
            work(*worker, std::move(answer));
        },
        Qt::QueuedConnection);
}

void Backend::countPosts(const PostFilter &filter, QObject *context, Done<QHash<PostStatus, int>> done) {
    run<QHash<PostStatus, int>>(
        context,
        [filter](Worker &worker) { return worker.session()->posts().repository().countByStatus(filter); },
        std::move(done));
}

void Backend::listPosts(const PostFilter &filter, const std::optional<PostCursor> &after, int limit,
                        QObject *context, Done<QList<PostRow>> done) {
    run<QList<PostRow>>(
        context,
        [filter, after, limit](Worker &worker) -> std::expected<QList<PostRow>, Error> {
            auto posts = worker.session()->posts().repository().page(filter, after, limit);
            if (!posts) {
                return std::unexpected(posts.error());
            }
            return worker.rows(*posts);
        },
        std::move(done));
}

void Backend::postDetails(const QString &id, QObject *context, Done<PostDetails> done) {
    run<PostDetails>(
        context,
        [id](Worker &worker) -> std::expected<PostDetails, Error> {
            PostRepository &repository = worker.session()->posts().repository();
            auto post = repository.get(id);
            if (!post) {
                return std::unexpected(post.error());
            }
            auto row = worker.row(*post);
            auto history = repository.history(id);
            auto attempts = repository.attempts(id);
            if (!row || !history || !attempts) {
                return std::unexpected(!row ? row.error() : !history ? history.error() : attempts.error());
            }
            return PostDetails{*row, *history, *attempts};
        },
        std::move(done));
}

void Backend::createPost(const Post &post, const QString &baseDirectory, CreateIntent intent,
                         QObject *context, Done<QList<PostRow>> done) {
    run<QList<PostRow>>(
        context,
        [this, post, baseDirectory, intent](Worker &worker) {
            return createRows(worker, post, baseDirectory, intent != CreateIntent::SaveDraft);
        },
        std::move(done));
}

void Backend::editPost(const QString &id, const Post &post, QObject *context, Done<PostRow> done) {
    run<PostRow>(
        context,
        [id, post](Worker &worker) { return worker.changedRow(worker.session()->posts().edit(id, post)); },
        std::move(done));
}

void Backend::perform(const QString &id, PostAction action, const QString &comment, QObject *context,
                      Done<std::optional<PostRow>> done) {
    run<std::optional<PostRow>>(
        context,
        [id, action, comment](Worker &worker) -> std::expected<std::optional<PostRow>, Error> {
            PostLifecycle &posts = worker.session()->posts();
            if (action == PostAction::Delete) {
                if (auto removed = posts.remove(id); !removed) {
                    return std::unexpected(removed.error());
                }
                worker.removed(id);
                return std::optional<PostRow>();
            }
            auto row = worker.changedRow(posts.act(id, action, comment));
            if (!row) {
                return std::unexpected(row.error());
            }
            return std::optional<PostRow>(*row);
        },
        std::move(done));
}

void Backend::schedule(const QString &id, const QDateTime &localTime, const QString &timeZone,
                       QObject *context, Done<PostRow> done) {
    run<PostRow>(
        context,
        [id, localTime, timeZone](Worker &worker) {
            return worker.changedRow(worker.session()->posts().schedule(id, localTime, timeZone));
        },
        std::move(done));
}

void Backend::duplicate(const QString &id, QObject *context, Done<PostRow> done) {
    run<PostRow>(
        context, [id](Worker &worker) { return worker.changedRow(worker.session()->posts().duplicate(id)); },
        std::move(done));
}

void Backend::changeAccountSets(QObject *context,
                                std::function<std::expected<void, Error>(AccountSets &)> change,
                                Done<QList<AccountSet>> done) {
    run<QList<AccountSet>>(
        context,
        [change = std::move(change)](Worker &worker) -> std::expected<QList<AccountSet>, Error> {
            AccountSets &sets = worker.session()->accountSets();
            if (auto changed = change(sets); !changed) {
                return std::unexpected(changed.error());
            }
            worker.publishAccountSets();
            return sets.list();
        },
        std::move(done));
}

void Backend::connectAccount(UrlOpener openInBrowser, QObject *context, Done<AccountSummary> done) {
    runAsync<AccountSummary>(
        context,
        [openInBrowser = std::move(openInBrowser)](Worker &worker, Done<AccountSummary> answer) {
            worker.connectAccount(openInBrowser, std::move(answer));
        },
        std::move(done));
}

void Backend::createAccountSet(const QString &name, QObject *context, Done<QList<AccountSet>> done) {
    changeAccountSets(
        context, [name](AccountSets &sets) { return setChanged(sets.create(name)); }, std::move(done));
}

void Backend::renameAccountSet(const QString &id, const QString &name, QObject *context,
                               Done<QList<AccountSet>> done) {
    changeAccountSets(
        context, [id, name](AccountSets &sets) { return setChanged(sets.rename(id, name)); },
        std::move(done));
}

void Backend::setAccountSetMembers(const QString &id, const QStringList &accountIds, QObject *context,
                                   Done<QList<AccountSet>> done) {
    changeAccountSets(
        context, [id, accountIds](AccountSets &sets) { return setChanged(sets.setAccounts(id, accountIds)); },
        std::move(done));
}

void Backend::deleteAccountSet(const QString &id, QObject *context, Done<QList<AccountSet>> done) {
    changeAccountSets(
        context, [id](AccountSets &sets) { return sets.remove(id); }, std::move(done));
}

void Backend::cancelConnect() {
    if (m_worker) {
        QMetaObject::invokeMethod(
            m_worker, [worker = m_worker] { worker->cancelLogin(); }, Qt::QueuedConnection);
    }
}

void Backend::refreshAccount(const QString &id, QObject *context, Done<AccountSummary> done) {
    runAsync<AccountSummary>(
        context,
        [id](Worker &worker, Done<AccountSummary> answer) { worker.refreshAccount(id, std::move(answer)); },
        std::move(done));
}

void Backend::disconnectAccount(const QString &id, QObject *context, Done<void> done) {
    runAsync<void>(
        context, [id](Worker &worker, Done<void> answer) { worker.disconnectAccount(id, std::move(answer)); },
        std::move(done));
}

void Backend::setWorkspaceSetting(const QString &key, const QString &value, QObject *context,
                                  Done<void> done) {
    run<void>(
        context,
        [key, value](Worker &worker) -> std::expected<void, Error> {
            auto set = WorkspaceSettings(worker.session()->database()).set(key, value);
            if (set) {
                worker.publishWorkspace();
            }
            return set;
        },
        std::move(done));
}

void Backend::countDueWithin(std::chrono::minutes window, QObject *context, Done<int> done) {
    run<int>(
        context, [window](Worker &worker) { return worker.countDueWithin(window); }, std::move(done));
}

void Backend::setPublishing(bool on) {
    if (m_worker) {
        QMetaObject::invokeMethod(
            m_worker,
            [worker = m_worker, on] {
                if (worker->session()) {
                    worker->setPublishing(on);
                }
            },
            Qt::QueuedConnection);
    }
}

void Backend::reloadTikTokSettings() {
    if (m_worker) {
        QMetaObject::invokeMethod(
            m_worker,
            [worker = m_worker] {
                if (worker->session()) {
                    worker->reloadTikTok();
                }
            },
            Qt::QueuedConnection);
    }
}

void Backend::testDatabase(const QString &url, QObject *context, Done<QString> done) {
    QPointer<QObject> guard(context);
    QThreadPool::globalInstance()->start([url, guard, done = std::move(done)]() mutable {
        std::expected<QString, Error> result = [&]() -> std::expected<QString, Error> {
            auto config = url.trimmed().isEmpty()
                              ? std::unexpected(Error{ErrorCode::Usage, tr("Enter a database URL first.")})
                              : DatabaseConfig::fromUrl(url.trimmed());
            if (!config) {
                return std::unexpected(config.error());
            }
            auto database = Database::openUnmigrated(*config);
            if (!database) {
                return std::unexpected(database.error());
            }
            return config->describe();
        }();
        // Back on the GUI thread, where the guard can be read safely.
        QMetaObject::invokeMethod(
            QCoreApplication::instance(),
            [guard, done = std::move(done), result = std::move(result)]() mutable {
                if (guard) {
                    done(std::move(result));
                }
            },
            Qt::QueuedConnection);
    });
}

std::expected<QList<PostRow>, Error> Backend::createRows(Worker &worker, const Post &post,
                                                         const QString &baseDirectory, bool submit) {
    Session &session = *worker.session();
    StagedMedia staged(session.database(), session.store()); // a failed create leaves no object
    MediaDownloader::Options options = session.mediaDownloadOptions();
    options.hold = &staged.hold();
    auto downloaded = downloadRemoteMedia(post, session.network(), session.store(), options);
    if (!downloaded) {
        return std::unexpected(downloaded.error());
    }
    const auto progress = [this](qint64 doneBytes, qint64 totalBytes) {
        Q_EMIT storeProgress(doneBytes, totalBytes);
    };
    auto created = session.importer().create(post, baseDirectory, submit, *downloaded, progress, &staged);
    if (!created) {
        return std::unexpected(created.error());
    }
    auto rows = worker.rows(created->perAccount);
    if (!rows) {
        return rows;
    }
    for (const PostRow &row : *rows) {
        worker.changed(row);
    }
    if (created->notSubmitted) {
        // The posts are stored all the same, as drafts: the rows say so (with the findings that kept
        // them back), so that the caller does not store them a second time.
        Q_EMIT errorOccurred(
            tr("Saved as a draft but not submitted: %1").arg(created->notSubmitted->message));
    }
    return rows;
}

void Backend::planFromFiles(const QStringList &paths, QObject *context, Done<QList<CsvPostRow>> done) {
    run<QList<CsvPostRow>>(
        context,
        [paths](Worker &) -> std::expected<QList<CsvPostRow>, Error> {
            return PlanCheck::rowsFromFiles(paths);
        },
        std::move(done));
}

void Backend::planFromCsv(const QString &path, QObject *context, Done<QList<CsvPostRow>> done) {
    run<QList<CsvPostRow>>(
        context,
        [path](Worker &worker) -> std::expected<QList<CsvPostRow>, Error> {
            QFile file(path);
            if (auto opened = openRegularFile(file); !opened) {
                return std::unexpected(
                    Error{ErrorCode::Io, path + u": cannot read it (" + opened.error() + u")."});
            }
            const QTimeZone zone =
                worker.session()->workspace().defaultTimeZone().value_or(QTimeZone::systemTimeZone());
            return parseCsvPosts(file.readAll(), QString::fromUtf8(zone.id()));
        },
        std::move(done));
}

void Backend::checkPlan(const QList<CsvPostRow> &rows, const QString &baseDirectory, QObject *context,
                        Done<QList<CheckedRow>> done) {
    run<QList<CheckedRow>>(
        context,
        [rows, baseDirectory](Worker &worker) -> std::expected<QList<CheckedRow>, Error> {
            Session &session = *worker.session();
            const MediaProber prober;
            return PlanCheck(session.database(), session.posts().repository(), prober)
                .check(rows, baseDirectory, session.clock().nowUtc());
        },
        std::move(done));
}

void Backend::storePlan(const QList<CsvPostRow> &rows, const QString &baseDirectory, bool submit,
                        QObject *context, Done<PlanStored> done) {
    run<PlanStored>(
        context,
        [this, rows, baseDirectory, submit](Worker &worker) -> std::expected<PlanStored, Error> {
            PlanStored stored;
            for (const CsvPostRow &row : rows) {
                auto made = createRows(worker, row.post, baseDirectory, submit);
                if (made) {
                    stored.rows << *made;
                } else {
                    stored.failures << QStringLiteral("line %1: %2").arg(row.line).arg(made.error().message);
                }
            }
            return stored;
        },
        std::move(done));
}

void Backend::swapTimes(const QString &firstId, const QString &secondId, QObject *context,
                        Done<QList<PostRow>> done) {
    run<QList<PostRow>>(
        context,
        [firstId, secondId](Worker &worker) -> std::expected<QList<PostRow>, Error> {
            auto swapped = worker.session()->posts().swapTimes(firstId, secondId);
            if (!swapped) {
                return std::unexpected(swapped.error());
            }
            QList<PostRow> rows;
            for (const StoredPost &post : {swapped->first, swapped->second}) {
                auto row = worker.changedRow(post);
                if (!row) {
                    return std::unexpected(row.error());
                }
                rows << *row;
            }
            return rows;
        },
        std::move(done));
}

void Backend::postingTimes(const QString &accountId, QObject *context, Done<PostingTimes> done) {
    run<PostingTimes>(
        context,
        [accountId](Worker &worker) {
            return PostingTimesRepository(worker.session()->database()).get(accountId);
        },
        std::move(done));
}

void Backend::setPostingTimes(const QString &accountId, const PostingTimes &times, QObject *context,
                              Done<PostingTimes> done) {
    run<PostingTimes>(
        context,
        [this, accountId, times](Worker &worker) -> std::expected<PostingTimes, Error> {
            const PostingTimesRepository repository(worker.session()->database());
            if (auto stored = repository.set(accountId, times); !stored) {
                return std::unexpected(stored.error());
            }
            QMetaObject::invokeMethod(
                this, [this, accountId] { Q_EMIT postingTimesChanged(accountId); }, Qt::QueuedConnection);
            return repository.get(accountId);
        },
        std::move(done));
}

void Backend::freeQueueSlots(const QDateTime &fromUtc, const QDateTime &beforeUtc, QObject *context,
                             Done<QList<QueueSlot>> done) {
    run<QList<QueueSlot>>(
        context,
        [fromUtc, beforeUtc](Worker &worker) {
            Session &session = *worker.session();
            return QueueSlots(session.database(), session.posts().repository())
                .freeBetween(fromUtc, beforeUtc);
        },
        std::move(done));
}

void Backend::nextQueueSlot(const QString &accountId, QObject *context, Done<std::optional<QueueSlot>> done) {
    run<std::optional<QueueSlot>>(
        context,
        [accountId](Worker &worker) -> std::expected<std::optional<QueueSlot>, Error> {
            Session &session = *worker.session();
            auto account = AccountRepository(session.database()).find(accountId);
            if (!account) {
                return std::unexpected(account.error());
            }
            if (!*account) {
                return std::optional<QueueSlot>(); // no account: no posting times either
            }
            return QueueSlots(session.database(), session.posts().repository())
                .nextFree((*account)->id, session.clock().nowUtc());
        },
        std::move(done));
}

void Backend::refreshCreatorInfo(const QString &accountId, QObject *context, Done<CreatorInfo> done) {
    // The same refresh as the Accounts page's, so an unaudited app is noticed here too.
    refreshAccount(accountId, context,
                   [done = std::move(done)](std::expected<AccountSummary, Error> account) {
                       if (!account) {
                           done(std::unexpected(account.error()));
                       } else if (!account->creator) {
                           done(std::unexpected(
                               Error{ErrorCode::NotFound, QStringLiteral("TikTok sent no creator info.")}));
                       } else {
                           done(*account->creator);
                       }
                   });
}

QList<Finding> Backend::validate(const Post &post, const QList<MediaCheck> &checks, const QString &accountId,
                                 bool forSubmit) const {
    ValidationContext context;
    context.now = QDateTime::currentDateTimeUtc();
    context.requireAccounts = forSubmit;
    for (const AccountSummary &account : m_accounts) {
        context.hasDefaultAccount = context.hasDefaultAccount || account.isDefault;
    }
    if (const AccountSummary *account = cachedAccount(accountId)) {
        context.creator = account->creator;
        if (account->refreshExpiresAt.isValid()) {
            context.tokenFreshUntil = account->refreshExpiresAt;
        }
    }
    // The photo host is this machine's: a machine that does not publish leaves the post to another.
    if (m_publishing) {
        context.photoHostConfigured = m_workspace.photoHostConfigured;
    }
    return validatePost(post, checks, context);
}

const AccountSummary *Backend::cachedAccount(const QString &id) const {
    for (const AccountSummary &account : m_accounts) {
        if (account.id == id || (id.isEmpty() && account.isDefault)) { // empty: the default account
            return &account;
        }
    }
    return nullptr;
}

quint64 Backend::conformMedia(const ConformRequest &request, QObject *context, Done<ConformedMedia> done) {
    using Result = std::expected<ConformResult, Error>;
    const quint64 job = ++m_lastConformJob;
    if (!m_ready) {
        QMetaObject::invokeMethod(
            context, [done = std::move(done)] { done(std::unexpected(notStarted())); }, Qt::QueuedConnection);
        return job;
    }
    if (!m_conformQueue) {
        m_conformStore = std::make_unique<MediaStore>(m_workspace.mediaStoreRoot);
        m_conformQueue = std::make_unique<ConformQueue>();
    }
    const AccountSummary *account = cachedAccount(request.accountId);
    ConformLimits limits = conformLimitsFor(account ? account->creator : std::nullopt);
    limits.trim = request.trim;
    limits.stripPhotoMetadata = request.stripLocation;
    // A post of this one item: the queue sends it to the video slot or the photo pool by its type.
    Post single;
    MediaDescriptor item = request.probed;
    item.url = fileUrlForPath(request.path);
    single.media << item;
    auto *watcher = new QFutureWatcher<Result>(this);
    m_conforms.insert(job, watcher);
    connect(watcher, &QFutureWatcherBase::progressValueChanged, this, [this, job](int value) {
        Q_EMIT conformProgress(job, double(value) / ConformQueue::ProgressMaximum);
    });
    QPointer<QObject> guard(context);
    connect(watcher, &QFutureWatcherBase::finished, this,
            [this, job, watcher, guard, done = std::move(done)] {
                m_conforms.remove(job);
                watcher->deleteLater();
                std::expected<ConformedMedia, Error> answer = conformAnswer(watcher->future());
                if (!answer) {
                    m_conformHolds.erase(job);
                }
                if (guard) {
                    done(std::move(answer));
                }
            });
    MediaHold *hold =
        m_conformHolds.emplace(job, std::make_unique<MediaHold>(*m_conformStore)).first->second.get();
    watcher->setFuture(
        m_conformQueue->conform(PostConformer({m_conformStore.get(), {}, hold}, limits), single, {}));
    return job;
}

void Backend::cancelConform(quint64 job) {
    if (QFutureWatcherBase *watcher = m_conforms.value(job)) {
        watcher->cancel();
    }
}

void Backend::stopConforms() {
    // The watchers answer nobody any more; the queue cancels its jobs and waits for them to stop, so
    // nothing half-written is left in the store.
    for (QFutureWatcherBase *watcher : std::as_const(m_conforms)) {
        watcher->disconnect(this);
        delete watcher;
    }
    m_conforms.clear();
    m_conformQueue.reset();
    m_conformHolds.clear(); // after the queue: no conversion joins a hold any more
}

} // namespace cq
