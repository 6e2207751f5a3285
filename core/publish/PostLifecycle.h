#pragma once

#include "media/MediaStore.h"
#include "post/Finding.h"
#include "post/Lifecycle.h"
#include "post/PostValidator.h"
#include "post/StoredPost.h"
#include "publish/WorkspaceSettings.h"
#include "storage/Database.h"
#include "storage/PostRepository.h"
#include "util/Clock.h"

#include <functional>

namespace cq {

// Moves stored posts through their lifecycle (docs/lifecycle.md) by the one table in
// post/Lifecycle.h: every transition checks the table and, where the table says so, the post's
// validation findings, then writes the post and an append-only history row (who, when, from, to,
// comment) in one transaction. Refusals are ErrorCode::InvalidTransition or ValidationFailed.
class PostLifecycle {
public:
    PostLifecycle(const Database &database, const MediaStore &store, const Clock &clock, QString actor);

    const QString &actor() const { return m_actor; }
    const Database &database() const { return m_db; }
    const Clock &clock() const { return m_clock; }
    const WorkspaceSettings &workspace() const { return m_workspace; }
    PostRepository &repository() { return m_repository; }

    // Inserts a new post as a draft with its "create" history row (with `comment`). A post for several
    // accounts becomes one post per account (one publish per account), in one transaction, sharing
    // the stored media.
    std::expected<QList<StoredPost>, Error> insertDrafts(StoredPost post, const QString &comment = {});

    // A new draft with the same content, account, schedule and stored media (the same objects) as
    // post `id` in any status (a post that failed, say, or one to post again), with no publish id and
    // its own history ("create", commented "Duplicate of ID"). NotFound when there is no such post.
    std::expected<StoredPost, Error> duplicate(const QString &id);

    // The actions people may take on this post now, with the workspace's approval rule.
    std::expected<QList<PostAction>, Error> allowedActions(const StoredPost &post) const;

    std::expected<StoredPost, Error> submit(const QString &id);
    std::expected<StoredPost, Error> approve(const QString &id, const QString &comment);
    std::expected<StoredPost, Error> requestChanges(const QString &id, const QString &comment);
    // `when` without an offset (Qt::LocalTime) is read in `timeZone` (an IANA id; empty: the workspace
    // default) for that date, so 18:30 Berlin stays 18:30 across daylight-saving changes.
    std::expected<StoredPost, Error> schedule(const QString &id, const QDateTime &when,
                                              const QString &timeZone = {});
    // Replaces caption, settings and account (the media stay: `edited` lists the same media, by URL,
    // else ErrorCode::Usage). A time in `edited.scheduledFor` moves the post; none keeps its time; a
    // time in a QTimeZone also sets the post's zone. Approvals are withdrawn.
    std::expected<StoredPost, Error> edit(const QString &id, const Post &edited);
    std::expected<StoredPost, Error> cancel(const QString &id, const QString &comment = {});
    // Reordering an account's queue: two posts of one account trade times (each keeps its zone), in
    // one transaction, each moved by the action a calendar drag would use (Lifecycle::
    // rescheduleAction: scheduled posts are validated again at their new time). All or nothing.
    std::expected<std::pair<StoredPost, StoredPost>, Error> swapTimes(const QString &firstId,
                                                                      const QString &secondId);
    // needs_attention or failed → scheduled for now: the user decided to try again.
    std::expected<StoredPost, Error> retry(const QString &id);
    // needs_attention → published: the user checked TikTok and saw the post.
    std::expected<StoredPost, Error> markPublished(const QString &id, const QString &comment = {});
    // Any action that needs no more than a comment (submit, approve, request changes, cancel, retry,
    // mark published), for callers that hold the action as a value (the CLI, the window).
    std::expected<StoredPost, Error> act(const QString &id, PostAction action, const QString &comment);
    // Deletes a post that is not on its way to TikTok and releases its media from the store.
    std::expected<void, Error> remove(const QString &id);

    // Runner side. Claims a post for `runner` (scheduled, or publishing with an expired lease) and
    // records it in the history, in one transaction. False when another runner was quicker.
    std::expected<bool, Error> claim(const QString &id, PostStatus from, const QString &runner,
                                     const QDateTime &leaseUntil, const QString &comment);
    // Moves a post along on behalf of a runner (StorePublishId, StartProcessing, MarkUnknown...).
    // `historyAction` overrides the action's name in the history ("missed"); `actor` is who the history
    // names ("runner:host-pid"; empty: this lifecycle's actor).
    std::expected<StoredPost, Error> advance(const QString &id, PostAction action, const QString &comment,
                                             const std::function<void(StoredPost &)> &change = {},
                                             const QString &historyAction = {}, const QString &actor = {});
    // Records a finished attempt and the transition it causes (Publish, Fail, MarkUnknown) in one
    // transaction, so the log and the status never disagree. The history names the attempt's runner.
    std::expected<StoredPost, Error> settle(const PublishAttempt &attempt, PostAction action,
                                            const QString &comment,
                                            const std::function<void(StoredPost &)> &change = {});

    // Findings for a stored post (its media as probed at creation), against the creator info cached for
    // its account (creator.unknown when there is none). `forSubmit` also asks for an account.
    std::expected<QList<Finding>, Error> validate(const StoredPost &post, bool forSubmit) const;
    // Other posts of the same account, queued or published, with the same media bytes.
    std::expected<QList<DuplicateMedia>, Error> duplicatesOf(const StoredPost &post) const;

private:
    using Apply = std::function<std::expected<void, Error>(StoredPost &)>;
    std::expected<StoredPost, Error>
    perform(const QString &id, PostAction action, const QString &comment, const Apply &apply,
            const QString &actor = {}, const QString &historyAction = {},
            const std::function<std::expected<void, Error>()> &alsoInTransaction = {});
    // perform() inside a transaction the caller holds (several posts changed at once).
    std::expected<StoredPost, Error> performInTransaction(const QString &id, PostAction action,
                                                          const QString &comment, const Apply &apply,
                                                          const QString &actor = {},
                                                          const QString &historyAction = {});
    // The post, and the table's rule that lets `action` move it now (InvalidTransition, saying why, if none).
    std::expected<std::pair<StoredPost, LifecycleRule>, Error> load(const QString &id,
                                                                    PostAction action) const;
    std::expected<PostStatus, Error> gate(const StoredPost &post, const LifecycleRule &rule) const;

    const Database &m_db;
    const MediaStore &m_store;
    const Clock &m_clock;
    QString m_actor;
    PostRepository m_repository;
    WorkspaceSettings m_workspace;
};

} // namespace cq
