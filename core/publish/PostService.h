#pragma once

#include "media/MediaProber.h"
#include "media/MediaStore.h"
#include "post/Finding.h"
#include "post/Post.h"
#include "storage/Database.h"
#include "storage/PostRepository.h"
#include "util/Clock.h"

#include <QHash>
#include <QTimeZone>

class QNetworkAccessManager;

namespace cq {

// Workspace settings keys (workspace_settings table).
namespace settings {
inline constexpr auto ApprovalRequired = "approval_required"; // "true" / "false" (default)
inline constexpr auto DefaultTimeZone = "default_time_zone";  // IANA id; default: this computer's
inline constexpr auto GraceMinutes = "grace_minutes";         // default 15
} // namespace settings

// A post's lifecycle (product.md section 4) as one guarded state machine over the database: every
// transition checks the rules, runs in one transaction with an append-only history row (who, when,
// from, to, comment), and fails with ErrorCode::InvalidTransition or ValidationFailed otherwise.
class PostService {
public:
    PostService(const Database &database, const MediaStore &store, const Clock &clock, QString actor);

    const QString &actor() const { return m_actor; }

    struct CreateResult {
        StoredPost post;              // the first (or only) account's post
        QList<StoredPost> perAccount; // one post per account listed, `post` first
        QList<Finding> findings;
        // Set when submitting was asked for and refused (validation errors, say): the posts are
        // stored whole as drafts all the same, and this says why they were not submitted.
        std::optional<Error> notSubmitted;
    };
    // Copies every local media item into the store, then inserts the post as a draft (and submits it
    // when `submit`). A post for several accounts becomes one post per account, inserted in one
    // transaction: each has its own lifecycle and publish id (one publish per account), and they
    // share the stored media. Relative paths are taken from `baseDirectory`. Remote media must have been
    // downloaded already: pass their stored objects in `downloaded` by media index.
    std::expected<CreateResult, Error> create(const Post &post, const QString &baseDirectory, bool submit,
                                              const QHash<int, StoredObject> &downloaded = {});

    std::expected<StoredPost, Error> submit(const QString &id);
    std::expected<StoredPost, Error> approve(const QString &id, const QString &comment);
    std::expected<StoredPost, Error> requestChanges(const QString &id, const QString &comment);
    // `localTime` without an offset is read in `timeZone` (an IANA id; empty: the workspace default).
    std::expected<StoredPost, Error> schedule(const QString &id, const QDateTime &when,
                                              const QString &timeZone = {});
    std::expected<StoredPost, Error> edit(const QString &id, const Post &post);
    std::expected<StoredPost, Error> cancel(const QString &id, const QString &comment = {});
    // needs_attention or failed → scheduled for now: the user decided to try again.
    std::expected<StoredPost, Error> retry(const QString &id);
    // needs_attention → published: the user checked TikTok and saw the post.
    std::expected<StoredPost, Error> markPublished(const QString &id, const QString &comment = {});

    // Deletes a post that is not on its way to TikTok (draft, changes_requested, cancelled, failed,
    // published) and releases its media from the store.
    std::expected<void, Error> remove(const QString &id);

    // Moves a post along on behalf of a runner (publishing → processing → published, failed,
    // needs_attention, or scheduled → needs_attention when its time passed unattended).
    std::expected<StoredPost, Error> transition(const QString &id, PostStatus to, const QString &action,
                                                const QString &comment,
                                                const std::function<void(StoredPost &)> &change = {});

    // Claims a post for `runner` (scheduled, or publishing with an expired lease) and records it in
    // the history, in one transaction. False when another runner was quicker.
    std::expected<bool, Error> claim(const QString &id, PostStatus from, const QString &runner,
                                     const QDateTime &leaseUntil, const QString &comment);

    std::expected<QList<Finding>, Error> validate(const StoredPost &post, bool forSubmit) const;
    std::expected<bool, Error> approvalRequired() const;
    std::expected<QTimeZone, Error> defaultTimeZone() const;

    PostRepository &repository() { return m_repository; }
    const Database &database() const { return m_db; }

private:
    std::expected<StoredPost, Error>
    change(const QString &id, const QString &action, const QString &comment,
           const std::function<std::expected<PostStatus, Error>(StoredPost &)> &apply);

    const Database &m_db;
    const MediaStore &m_store;
    const Clock &m_clock;
    QString m_actor;
    PostRepository m_repository;
};

// Downloads every remote media item of `post` into the store (blocking, with a local event loop),
// refusing more bytes than declared (or than TikTok accepts for the type when undeclared).
// Returns the stored objects by media index, for PostService::create().
std::expected<QHash<int, StoredObject>, Error>
downloadRemoteMedia(const Post &post, QNetworkAccessManager &network, const MediaStore &store);

// The profile name used as reviewer identity: the given one, else the OS user name.
QString defaultActorName(const QString &profileName = {});

} // namespace cq
