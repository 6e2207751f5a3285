#include "publish/PostLifecycle.h"

#include "post/PostMediaCheck.h"
#include "post/PostValidator.h"
#include "storage/AccountRepository.h"
#include "storage/MediaGarbageCollector.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QUuid>

#include <algorithm>

namespace cq {

namespace {

// The context of the texts the window shows (translated there; English in the command-line tool).
class Text {
    Q_DECLARE_TR_FUNCTIONS(cq::PostLifecycle)
};

std::unexpected<Error> validationFailed(const QList<Finding> &findings) {
    QStringList errors;
    for (const Finding &finding : findings) {
        if (finding.isError()) {
            errors << findingCodeName(finding.code) + u": " + finding.message;
        }
    }
    return std::unexpected(
        Error{ErrorCode::ValidationFailed,
              Text::tr("The post has validation errors; fix them first:\n  %1").arg(errors.join(u"\n  "))});
}

// A wall-clock time without an offset is read in `zone` for that date.
QDateTime toUtcIn(const QDateTime &when, const QTimeZone &zone) {
    if (when.timeSpec() == Qt::LocalTime) {
        return QDateTime(when.date(), when.time(), zone).toUTC();
    }
    return when.toUTC();
}

// An edit may restate the post's media (as `post export` prints them) but not change them: the
// stored bytes were probed and validated when the post was created.
std::expected<void, Error> keepsMedia(const StoredPost &post, const Post &edited) {
    bool same = edited.media.size() == post.media.size();
    for (qsizetype i = 0; same && i < edited.media.size(); ++i) {
        same = edited.media.at(i).url == post.media.at(i).originalUrl();
    }
    if (!same) {
        return std::unexpected(Error{
            ErrorCode::Usage, Text::tr("Editing keeps the post's media (the same media, in the same order); "
                                       "create a new post to change them.")});
    }
    return {};
}

// The lifecycle's reason, naming the post.
std::unexpected<Error> notAllowed(const QString &id, PostAction action, PostStatus status,
                                  bool approvalRequired) {
    return std::unexpected(
        Error{ErrorCode::InvalidTransition, Lifecycle::whyNot(action, status, approvalRequired)
                                                .replace(QStringLiteral("This post"), u"Post " + id)});
}

void releaseClaim(StoredPost &post) {
    post.claimedBy.clear();
    post.leaseUntil.reset();
}

} // namespace

PostLifecycle::PostLifecycle(const Database &database, const MediaStore &store, const Clock &clock,
                             QString actor)
    : m_db(database)
    , m_store(store)
    , m_clock(clock)
    , m_actor(std::move(actor))
    , m_repository(database)
    , m_workspace(database) {
}

std::expected<QList<StoredPost>, Error> PostLifecycle::insertDrafts(StoredPost post, const QString &comment) {
    post.status = PostStatus::Draft;
    post.createdAt = m_clock.nowUtc();
    post.updatedAt = post.createdAt;
    post.revision = 1;
    QList<StoredPost> posts{post};
    if (post.content.accounts.size() > 1) {
        posts.clear();
        for (const QString &account : std::as_const(post.content.accounts)) {
            StoredPost copy = post;
            copy.id = posts.isEmpty() ? post.id : QUuid::createUuid().toString(QUuid::WithoutBraces);
            copy.content.accounts = {account};
            posts << copy;
        }
    }
    auto inserted = m_db.transaction([&]() -> std::expected<void, Error> {
        for (const StoredPost &each : std::as_const(posts)) {
            if (auto done = m_repository.insert(each); !done) {
                return done;
            }
            auto logged = m_repository.appendHistory(
                each.id, HistoryEntry{0, each.createdAt, m_actor, QStringLiteral("create"), std::nullopt,
                                      PostStatus::Draft, comment});
            if (!logged) {
                return logged;
            }
        }
        return {};
    });
    if (!inserted) {
        return std::unexpected(inserted.error());
    }
    return posts;
}

std::expected<StoredPost, Error> PostLifecycle::duplicate(const QString &id) {
    auto original = m_repository.get(id);
    if (!original) {
        return std::unexpected(original.error());
    }
    StoredPost copy;
    copy.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    copy.content = original->content;
    copy.media = original->media;
    copy.schedule = original->schedule; // a time that has passed is refused when it is submitted
    copy.createdBy = m_actor;
    auto inserted = insertDrafts(copy, u"Duplicate of " + id);
    if (!inserted) {
        return std::unexpected(inserted.error());
    }
    // The original may have been deleted meanwhile and its media collected before the copy referred
    // to them: then take the copy back rather than keep a post without its bytes.
    for (const StoredMedia &media : std::as_const(copy.media)) {
        if (!QFileInfo::exists(m_store.pathFor(media.sha256))) {
            remove(copy.id);
            return std::unexpected(
                Error{ErrorCode::NotFound, Text::tr("Post %1 was deleted meanwhile.").arg(id)});
        }
    }
    return inserted->first();
}

std::expected<QList<PostAction>, Error> PostLifecycle::allowedActions(const StoredPost &post) const {
    auto approval = m_workspace.approvalRequired();
    if (!approval) {
        return std::unexpected(approval.error());
    }
    return Lifecycle::userActions(post.status, *approval);
}

std::expected<QList<Finding>, Error> PostLifecycle::validate(const StoredPost &post, bool forSubmit) const {
    ValidationContext context;
    context.now = m_clock.nowUtc();
    context.requireAccounts = forSubmit;
    const AccountRepository accounts(m_db);
    auto hasDefault = accounts.hasDefault();
    if (!hasDefault) {
        return std::unexpected(hasDefault.error());
    }
    context.hasDefaultAccount = *hasDefault;
    if (auto cached = accounts.creatorInfo(post.accountId()); cached && *cached) {
        context.creator = (*cached)->info;
    }
    // Without a refresh before then, the account's authorisation runs out at the refresh token's end.
    if (auto account = accounts.find(post.accountId()); account && *account) {
        const QDateTime &until = (*account)->refreshExpiresAt;
        if (until.isValid() && until.toMSecsSinceEpoch() > 0) {
            context.tokenFreshUntil = until;
        }
    }
    auto duplicates = duplicatesOf(post);
    if (!duplicates) {
        return std::unexpected(duplicates.error());
    }
    context.duplicates = *duplicates;
    return validatePost(post.toPost(), storedMediaChecks(post), context);
}

std::expected<QList<DuplicateMedia>, Error> PostLifecycle::duplicatesOf(const StoredPost &post) const {
    QStringList hashes;
    for (const StoredMedia &media : post.media) {
        hashes << media.sha256;
    }
    // A post naming no account goes to the default account: look for that account's posts.
    QString account = post.accountId();
    if (account.isEmpty()) {
        auto fallback = AccountRepository(m_db).find(QString());
        account = fallback && *fallback ? (*fallback)->id : QString();
    }
    auto shared = m_repository.sharingMedia(account, hashes, post.id);
    if (!shared) {
        return std::unexpected(shared.error());
    }
    QList<DuplicateMedia> duplicates;
    for (const PostRepository::SharedMedia &other : *shared) {
        const auto named = std::find_if(duplicates.cbegin(), duplicates.cend(), [&](const DuplicateMedia &d) {
            return d.mediaIndex == hashes.indexOf(other.sha256);
        });
        if (named != duplicates.cend()) {
            continue; // one other post per item is enough to name
        }
        duplicates << DuplicateMedia{int(hashes.indexOf(other.sha256)), other.postId,
                                     postStatusName(other.status)};
    }
    return duplicates;
}

// Where the table sends the post, after the validation gate the table names.
std::expected<PostStatus, Error> PostLifecycle::gate(const StoredPost &post,
                                                     const LifecycleRule &rule) const {
    const PostStatus to = rule.to.value_or(post.status);
    if (rule.validation == ValidationGate::None) {
        return to;
    }
    auto findings = validate(post, true);
    if (!findings) {
        return std::unexpected(findings.error());
    }
    if (!hasErrors(*findings)) {
        return to;
    }
    if (rule.validation == ValidationGate::DraftOnErrors) {
        return PostStatus::Draft;
    }
    return validationFailed(*findings);
}

std::expected<std::pair<StoredPost, LifecycleRule>, Error> PostLifecycle::load(const QString &id,
                                                                               PostAction action) const {
    auto post = m_repository.get(id);
    if (!post) {
        return std::unexpected(post.error());
    }
    auto approval = m_workspace.approvalRequired();
    if (!approval) {
        return std::unexpected(approval.error());
    }
    const auto rule = Lifecycle::find(action, post->status, *approval);
    if (!rule) {
        return notAllowed(id, action, post->status, *approval);
    }
    return std::pair{*post, *rule};
}

std::expected<StoredPost, Error>
PostLifecycle::perform(const QString &id, PostAction action, const QString &comment, const Apply &apply,
                       const QString &actor, const QString &historyAction,
                       const std::function<std::expected<void, Error>()> &alsoInTransaction) {
    StoredPost result;
    auto done = m_db.transaction([&]() -> std::expected<void, Error> {
        if (alsoInTransaction) {
            if (auto also = alsoInTransaction(); !also) {
                return also;
            }
        }
        auto performed = performInTransaction(id, action, comment, apply, actor, historyAction);
        if (!performed) {
            return std::unexpected(performed.error());
        }
        result = *performed;
        return {};
    });
    if (!done) {
        return std::unexpected(done.error());
    }
    return result;
}

std::expected<StoredPost, Error> PostLifecycle::performInTransaction(const QString &id, PostAction action,
                                                                     const QString &comment,
                                                                     const Apply &apply, const QString &actor,
                                                                     const QString &historyAction) {
    auto checked = load(id, action);
    if (!checked) {
        return std::unexpected(checked.error());
    }
    auto &[post, rule] = *checked;
    const PostStatus from = post.status;
    const int revision = post.revision;
    if (apply) {
        if (auto applied = apply(post); !applied) {
            return std::unexpected(applied.error());
        }
    }
    auto to = gate(post, rule);
    if (!to) {
        return std::unexpected(to.error());
    }
    post.status = *to;
    if (*to != PostStatus::Publishing && *to != PostStatus::Processing) {
        releaseClaim(post);
    }
    post.updatedAt = m_clock.nowUtc();
    if (auto updated = m_repository.update(post, revision); !updated) {
        return std::unexpected(updated.error());
    }
    post.revision = revision + 1;
    const QString name = historyAction.isEmpty() ? Lifecycle::actionName(action) : historyAction;
    if (auto logged = m_repository.appendHistory(
            id, HistoryEntry{0, post.updatedAt, actor.isEmpty() ? m_actor : actor, name, from, *to, comment});
        !logged) {
        return std::unexpected(logged.error());
    }
    return post;
}

std::expected<std::pair<StoredPost, StoredPost>, Error> PostLifecycle::swapTimes(const QString &firstId,
                                                                                 const QString &secondId) {
    std::pair<StoredPost, StoredPost> result;
    auto done = m_db.transaction([&]() -> std::expected<void, Error> {
        auto first = m_repository.get(firstId);
        auto second = m_repository.get(secondId);
        if (!first || !second) {
            return std::unexpected(!first ? first.error() : second.error());
        }
        if (first->accountId() != second->accountId()) {
            return std::unexpected(
                Error{ErrorCode::Usage, Text::tr("Only posts of the same account swap times.")});
        }
        auto approval = m_workspace.approvalRequired();
        if (!approval) {
            return std::unexpected(approval.error());
        }
        // Each moves as a drag would move it, to the other's time in its own zone's reading.
        const auto move = [&](const StoredPost &post,
                              const PostSchedule &to) -> std::expected<StoredPost, Error> {
            const auto action = Lifecycle::rescheduleAction(post.status, *approval);
            if (!action) {
                return notAllowed(post.id, PostAction::Schedule, post.status, *approval);
            }
            const QString comment = u"Swapped times with " + (post.id == firstId ? secondId : firstId);
            return performInTransaction(post.id, *action, comment,
                                        [&to](StoredPost &moved) -> std::expected<void, Error> {
                                            moved.schedule.atUtc = to.atUtc;
                                            return {};
                                        });
        };
        auto movedFirst = move(*first, second->schedule);
        if (!movedFirst) {
            return std::unexpected(movedFirst.error());
        }
        auto movedSecond = move(*second, first->schedule);
        if (!movedSecond) {
            return std::unexpected(movedSecond.error());
        }
        result = {*movedFirst, *movedSecond};
        return {};
    });
    if (!done) {
        return std::unexpected(done.error());
    }
    return result;
}

std::expected<StoredPost, Error> PostLifecycle::submit(const QString &id) {
    return perform(id, PostAction::Submit, QString(), {});
}

std::expected<StoredPost, Error> PostLifecycle::approve(const QString &id, const QString &comment) {
    return perform(id, PostAction::Approve, comment, {}); // validation runs again at approval
}

std::expected<StoredPost, Error> PostLifecycle::requestChanges(const QString &id, const QString &comment) {
    if (comment.trimmed().isEmpty()) {
        return std::unexpected(
            Error{ErrorCode::Usage, Text::tr("Say what should change: a comment is required.")});
    }
    return perform(id, PostAction::RequestChanges, comment, {});
}

std::expected<StoredPost, Error> PostLifecycle::schedule(const QString &id, const QDateTime &when,
                                                         const QString &timeZone) {
    QTimeZone zone;
    if (!timeZone.isEmpty()) {
        zone = QTimeZone(timeZone.toUtf8());
        if (!zone.isValid()) {
            return std::unexpected(
                Error{ErrorCode::Usage, Text::tr("\"%1\" is not a time zone; use an IANA name such as "
                                                 "Europe/Berlin.")
                                            .arg(timeZone)});
        }
    } else {
        auto fallback = m_workspace.defaultTimeZone();
        if (!fallback) {
            return std::unexpected(fallback.error());
        }
        zone = *fallback;
    }
    const QDateTime utc = toUtcIn(when, zone);
    return perform(id, PostAction::Schedule, QString(), [&](StoredPost &post) -> std::expected<void, Error> {
        post.schedule = PostSchedule{utc, QString::fromUtf8(zone.id())};
        return {};
    });
}

std::expected<StoredPost, Error> PostLifecycle::edit(const QString &id, const Post &edited) {
    return perform(id, PostAction::Edit, QString(), [&](StoredPost &post) -> std::expected<void, Error> {
        if (auto same = keepsMedia(post, edited); !same) {
            return same;
        }
        if (edited.accounts.size() > 1) {
            // One post per account: a second account is a second post (create, or duplicate and edit).
            return std::unexpected(Error{
                ErrorCode::Usage,
                Text::tr("A stored post goes to one account; create a new post for each other account.")});
        }
        post.content = edited;
        // An edit without a time keeps the post's time.
        if (edited.scheduledFor) {
            post.schedule.atUtc = edited.scheduledFor->toUTC();
            if (edited.scheduledFor->timeSpec() == Qt::TimeZone) { // picked in a zone: it keeps that zone
                post.schedule.timeZone = QString::fromUtf8(edited.scheduledFor->timeZone().id());
            }
        }
        return {};
    });
}

std::expected<StoredPost, Error> PostLifecycle::cancel(const QString &id, const QString &comment) {
    return perform(id, PostAction::Cancel, comment, {});
}

std::expected<StoredPost, Error> PostLifecycle::retry(const QString &id) {
    return perform(id, PostAction::Retry, QString(), [&](StoredPost &post) -> std::expected<void, Error> {
        post.schedule.atUtc = m_clock.nowUtc();
        // A new attempt starts from scratch: the old publish id belongs to a confirmed failure or to an
        // outcome the user has now judged.
        post.publishId.clear();
        return {};
    });
}

std::expected<StoredPost, Error> PostLifecycle::markPublished(const QString &id, const QString &comment) {
    return perform(id, PostAction::MarkPublished, comment, {});
}

std::expected<StoredPost, Error> PostLifecycle::act(const QString &id, PostAction action,
                                                    const QString &comment) {
    switch (action) {
    case PostAction::Submit:
        return submit(id);
    case PostAction::Approve:
        return approve(id, comment);
    case PostAction::RequestChanges:
        return requestChanges(id, comment);
    case PostAction::Cancel:
        return cancel(id, comment);
    case PostAction::Retry:
        return retry(id);
    case PostAction::MarkPublished:
        return markPublished(id, comment);
    default:
        return std::unexpected(
            Error{ErrorCode::Usage, Lifecycle::actionName(action) + u" needs more than a comment."});
    }
}

std::expected<void, Error> PostLifecycle::remove(const QString &id) {
    auto done = m_db.transaction([&]() -> std::expected<void, Error> {
        if (auto checked = load(id, PostAction::Delete); !checked) {
            return std::unexpected(checked.error());
        }
        return m_repository.remove(id, m_clock.nowUtc());
    });
    if (!done) {
        return done;
    }
    if (auto collected = MediaGarbageCollector(m_db, m_store).collect(); !collected) {
        return std::unexpected(collected.error());
    }
    return {};
}

std::expected<bool, Error> PostLifecycle::claim(const QString &id, PostStatus from, const QString &runner,
                                                const QDateTime &leaseUntil, const QString &comment) {
    const PostAction action = from == PostStatus::Scheduled ? PostAction::Claim : PostAction::TakeOver;
    if (!Lifecycle::allows(action, from, false)) {
        return std::unexpected(Error{ErrorCode::InvalidTransition, Lifecycle::whyNot(action, from, false)});
    }
    bool won = false;
    auto done = m_db.transaction([&]() -> std::expected<void, Error> {
        const QDateTime now = m_clock.nowUtc();
        auto claimed = m_repository.claim(id, from, runner, leaseUntil, now);
        if (!claimed) {
            return std::unexpected(claimed.error());
        }
        won = *claimed;
        if (!won) {
            return {};
        }
        return m_repository.appendHistory(id, HistoryEntry{0, now, u"runner:" + runner,
                                                           Lifecycle::actionName(action), from,
                                                           PostStatus::Publishing, comment});
    });
    if (!done) {
        return std::unexpected(done.error());
    }
    return won;
}

std::expected<StoredPost, Error> PostLifecycle::advance(const QString &id, PostAction action,
                                                        const QString &comment,
                                                        const std::function<void(StoredPost &)> &change,
                                                        const QString &historyAction, const QString &actor) {
    return perform(
        id, action, comment,
        [&](StoredPost &post) -> std::expected<void, Error> {
            if (change) {
                change(post);
            }
            return {};
        },
        actor, historyAction);
}

std::expected<StoredPost, Error> PostLifecycle::settle(const PublishAttempt &attempt, PostAction action,
                                                       const QString &comment,
                                                       const std::function<void(StoredPost &)> &change) {
    return perform(
        attempt.postId, action, comment,
        [&](StoredPost &post) -> std::expected<void, Error> {
            if (change) {
                change(post);
            }
            return {};
        },
        attempt.runner.isEmpty() ? QString() : u"runner:" + attempt.runner, {},
        [&] { return m_repository.recordAttempt(attempt); });
}

} // namespace cq
