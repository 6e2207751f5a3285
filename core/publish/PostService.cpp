#include "publish/PostService.h"

#include "media/MediaDownloader.h"
#include "post/PostValidator.h"
#include "post/TikTokRules.h"
#include "storage/AccountRepository.h"
#include "storage/MediaGarbageCollector.h"
#include "storage/WorkspaceSettingsRepository.h"

#include <QDir>
#include <QUrl>
#include <QUuid>

#ifdef Q_OS_UNIX
#include <pwd.h>
#include <unistd.h>
#endif

namespace cq {

namespace {

std::unexpected<Error> notAllowed(const StoredPost &post, const QString &action) {
    return std::unexpected(Error{ErrorCode::InvalidTransition, u"Post " + post.id + u" is "
                                                                   + postStatusName(post.status)
                                                                   + u"; it cannot be " + action + u" now."});
}

std::unexpected<Error> validationFailed(const QList<Finding> &findings) {
    QStringList errors;
    for (const Finding &finding : findings) {
        if (finding.isError()) {
            errors << findingCodeName(finding.code) + u": " + finding.message;
        }
    }
    return std::unexpected(
        Error{ErrorCode::ValidationFailed,
              u"The post has validation errors; fix them first:\n  " + errors.join(u"\n  ")});
}

bool isOneOf(PostStatus status, std::initializer_list<PostStatus> statuses) {
    return std::find(statuses.begin(), statuses.end(), status) != statuses.end();
}

} // namespace

std::expected<QHash<int, StoredObject>, Error>
downloadRemoteMedia(const Post &post, QNetworkAccessManager &network, const MediaStore &store) {
    QHash<int, StoredObject> downloaded;
    for (qsizetype i = 0; i < post.media.size(); ++i) {
        const MediaDescriptor &media = post.media.at(i);
        if (locateMedia(media.url).kind != MediaLocation::Kind::Remote) {
            continue;
        }
        const qint64 limit =
            media.sizeBytes.value_or(media.isPhoto() ? rules::MaxPhotoBytes : rules::MaxVideoBytes);
        auto object = MediaDownloader::fetch(network, store, QUrl(media.url), limit);
        if (!object) {
            return std::unexpected(object.error());
        }
        if (media.sizeBytes && object->sizeBytes != *media.sizeBytes) {
            return std::unexpected(
                Error{ErrorCode::MediaUnreadable,
                      QStringLiteral("%1 has %2 bytes but the post declares %3. Fix sizeBytes or the "
                                     "URL.")
                          .arg(media.url)
                          .arg(object->sizeBytes)
                          .arg(*media.sizeBytes)});
        }
        downloaded.insert(int(i), *object);
    }
    return downloaded;
}

QString defaultActorName(const QString &profileName) {
    if (!profileName.isEmpty()) {
        return profileName;
    }
    QString user = qEnvironmentVariable("USER", qEnvironmentVariable("USERNAME"));
#ifdef Q_OS_UNIX
    if (user.isEmpty()) {
        if (const passwd *entry = ::getpwuid(::getuid())) {
            user = QString::fromLocal8Bit(entry->pw_name);
        }
    }
#endif
    return user.isEmpty() ? QStringLiteral("unknown") : user;
}

PostService::PostService(const Database &database, const MediaStore &store, const Clock &clock, QString actor)
    : m_db(database)
    , m_store(store)
    , m_clock(clock)
    , m_actor(std::move(actor))
    , m_repository(database) {
}

std::expected<bool, Error> PostService::approvalRequired() const {
    auto value = WorkspaceSettingsRepository(m_db).value(QString::fromLatin1(settings::ApprovalRequired),
                                                         QStringLiteral("false"));
    if (!value) {
        return std::unexpected(value.error());
    }
    return *value == u"true";
}

std::expected<QTimeZone, Error> PostService::defaultTimeZone() const {
    auto value =
        WorkspaceSettingsRepository(m_db).value(QString::fromLatin1(settings::DefaultTimeZone), QString());
    if (!value) {
        return std::unexpected(value.error());
    }
    const QTimeZone zone(value->toUtf8());
    return value->isEmpty() || !zone.isValid() ? QTimeZone::systemTimeZone() : zone;
}

std::expected<QList<Finding>, Error> PostService::validate(const StoredPost &post, bool forSubmit) const {
    // Stored media was probed at creation and is in the store: its descriptors are the probed values.
    QList<MediaCheck> checks;
    for (const StoredMedia &media : post.media) {
        checks << MediaCheck{media.descriptor, std::nullopt};
    }
    ValidationContext context;
    context.now = m_clock.nowUtc();
    context.requireAccounts = forSubmit;
    auto hasDefault = AccountRepository(m_db).hasDefault();
    if (!hasDefault) {
        return std::unexpected(hasDefault.error());
    }
    context.hasDefaultAccount = *hasDefault;
    Post post2 = post.post;
    post2.scheduledFor = post.scheduledAtUtc;
    return validatePost(post2, checks, context);
}

std::expected<PostService::CreateResult, Error>
PostService::create(const Post &input, const QString &baseDirectory, bool submit,
                    const QHash<int, StoredObject> &downloaded) {
    const MediaProber prober;
    StoredPost stored;
    stored.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    stored.post = input;
    stored.createdBy = m_actor;
    stored.createdAt = m_clock.nowUtc();
    stored.updatedAt = stored.createdAt;
    auto zone = defaultTimeZone();
    if (!zone) {
        return std::unexpected(zone.error());
    }
    stored.timeZone = QString::fromUtf8(zone->id());
    stored.scheduledAtUtc = input.scheduledFor ? std::optional(input.scheduledFor->toUTC()) : std::nullopt;

    // Copy first, insert after: a row never refers to bytes that are not in the store yet.
    for (qsizetype i = 0; i < input.media.size(); ++i) {
        const MediaDescriptor &declared = input.media.at(i);
        StoredMedia media;
        media.originalUrl = declared.url;
        const MediaLocation location = locateMedia(declared.url);
        const bool local = location.kind == MediaLocation::Kind::LocalFile;
        if (!local && !downloaded.contains(int(i))) {
            return std::unexpected(
                Error{ErrorCode::Usage, u"Media " + QString::number(i + 1) + u" (" + declared.url
                                            + u") has not been downloaded into the media store."});
        }
        // Local files are probed before they are copied (an unreadable file is not copied at all);
        // downloaded bytes are local now and probed the same way, so declared metadata is checked.
        const StoredObject fetched = local ? StoredObject{} : downloaded.value(int(i));
        const QString probePath = local ? QDir(baseDirectory).absoluteFilePath(location.localPath)
                                        : m_store.pathFor(fetched.sha256);
        auto probed = prober.probe(probePath);
        if (!probed) {
            return std::unexpected(
                local ? probed.error()
                      : Error{probed.error().code, declared.url + u": " + probed.error().message});
        }
        auto object = local ? m_store.importFile(probePath) : std::expected<StoredObject, Error>(fetched);
        if (!object) {
            return std::unexpected(object.error());
        }
        media.descriptor = *probed;
        media.descriptor.url = declared.url;
        media.descriptor.sourceJson = declared.sourceJson;
        media.sha256 = object->sha256;
        media.descriptor.sizeBytes = object->sizeBytes;
        stored.media << media;
        stored.post.media[i] = media.descriptor;
    }

    auto findings = validate(stored, false);
    if (!findings) {
        return std::unexpected(findings.error());
    }
    QList<StoredPost> posts{stored};
    if (input.accounts.size() > 1) {
        posts.clear();
        for (const QString &account : input.accounts) {
            StoredPost copy = stored;
            copy.id = posts.isEmpty() ? stored.id : QUuid::createUuid().toString(QUuid::WithoutBraces);
            copy.post.accounts = {account};
            posts << copy;
        }
    }
    auto inserted = m_db.transaction([&]() -> std::expected<void, Error> {
        for (const StoredPost &post : std::as_const(posts)) {
            if (auto done = m_repository.insert(post); !done) {
                return done;
            }
            auto logged = m_repository.appendHistory(
                post.id, HistoryEntry{0, post.createdAt, m_actor, QStringLiteral("create"), std::nullopt,
                                      PostStatus::Draft, QString()});
            if (!logged) {
                return logged;
            }
        }
        return {};
    });
    if (!inserted) {
        return std::unexpected(inserted.error());
    }
    std::optional<Error> notSubmitted;
    for (qsizetype i = 0; submit && i < posts.size() && !notSubmitted; ++i) {
        auto submitted = this->submit(posts.at(i).id);
        if (submitted) {
            posts[i] = *submitted;
        } else {
            notSubmitted = submitted.error();
        }
    }
    return CreateResult{posts.first(), posts, *findings, notSubmitted};
}

std::expected<StoredPost, Error>
PostService::change(const QString &id, const QString &action, const QString &comment,
                    const std::function<std::expected<PostStatus, Error>(StoredPost &)> &apply) {
    StoredPost result;
    auto done = m_db.transaction([&]() -> std::expected<void, Error> {
        auto post = m_repository.get(id);
        if (!post) {
            return std::unexpected(post.error());
        }
        const PostStatus from = post->status;
        const int revision = post->revision;
        auto to = apply(*post);
        if (!to) {
            return std::unexpected(to.error());
        }
        post->status = *to;
        post->updatedAt = m_clock.nowUtc();
        if (auto updated = m_repository.update(*post, revision); !updated) {
            return updated;
        }
        post->revision = revision + 1;
        if (auto logged = m_repository.appendHistory(
                id, HistoryEntry{0, post->updatedAt, m_actor, action, from, *to, comment});
            !logged) {
            return logged;
        }
        result = *post;
        return {};
    });
    if (!done) {
        return std::unexpected(done.error());
    }
    return result;
}

std::expected<StoredPost, Error> PostService::submit(const QString &id) {
    return change(id, QStringLiteral("submit"), QString(),
                  [&](StoredPost &post) -> std::expected<PostStatus, Error> {
                      if (!isOneOf(post.status, {PostStatus::Draft, PostStatus::ChangesRequested})) {
                          return notAllowed(post, QStringLiteral("submitted"));
                      }
                      auto findings = validate(post, true);
                      if (!findings) {
                          return std::unexpected(findings.error());
                      }
                      if (hasErrors(*findings)) {
                          return validationFailed(*findings);
                      }
                      auto approval = approvalRequired();
                      if (!approval) {
                          return std::unexpected(approval.error());
                      }
                      return *approval ? PostStatus::InReview : PostStatus::Scheduled;
                  });
}

std::expected<StoredPost, Error> PostService::approve(const QString &id, const QString &comment) {
    return change(id, QStringLiteral("approve"), comment,
                  [&](StoredPost &post) -> std::expected<PostStatus, Error> {
                      if (post.status != PostStatus::InReview) {
                          return notAllowed(post, QStringLiteral("approved"));
                      }
                      auto findings = validate(post, true); // validation runs again at approval
                      if (!findings) {
                          return std::unexpected(findings.error());
                      }
                      if (hasErrors(*findings)) {
                          return validationFailed(*findings);
                      }
                      return PostStatus::Approved;
                  });
}

std::expected<StoredPost, Error> PostService::requestChanges(const QString &id, const QString &comment) {
    if (comment.trimmed().isEmpty()) {
        return std::unexpected(
            Error{ErrorCode::Usage, QStringLiteral("Say what should change: a comment is required.")});
    }
    return change(id, QStringLiteral("request_changes"), comment,
                  [&](StoredPost &post) -> std::expected<PostStatus, Error> {
                      if (!isOneOf(post.status, {PostStatus::InReview, PostStatus::Approved})) {
                          return notAllowed(post, QStringLiteral("sent back for changes"));
                      }
                      return PostStatus::ChangesRequested;
                  });
}

std::expected<StoredPost, Error> PostService::schedule(const QString &id, const QDateTime &when,
                                                       const QString &timeZone) {
    QTimeZone zone;
    if (!timeZone.isEmpty()) {
        zone = QTimeZone(timeZone.toUtf8());
        if (!zone.isValid()) {
            return std::unexpected(Error{ErrorCode::Usage, u"\"" + timeZone
                                                               + u"\" is not a time zone; use an IANA name "
                                                                 u"such as Europe/Berlin."});
        }
    } else {
        auto fallback = defaultTimeZone();
        if (!fallback) {
            return std::unexpected(fallback.error());
        }
        zone = *fallback;
    }
    // A wall-clock time is read in the zone for that date, so 18:30 Berlin stays 18:30 across DST.
    QDateTime utc = when;
    if (when.timeSpec() == Qt::LocalTime) {
        utc = QDateTime(when.date(), when.time(), zone);
    }
    utc = utc.toUTC();
    return change(
        id, QStringLiteral("schedule"), QString(), [&](StoredPost &post) -> std::expected<PostStatus, Error> {
            auto approval = approvalRequired();
            if (!approval) {
                return std::unexpected(approval.error());
            }
            const bool allowed = *approval
                                     ? isOneOf(post.status, {PostStatus::Approved, PostStatus::Scheduled})
                                     : isOneOf(post.status, {PostStatus::Draft, PostStatus::ChangesRequested,
                                                             PostStatus::Approved, PostStatus::Scheduled});
            if (!allowed) {
                if (*approval
                    && isOneOf(post.status,
                               {PostStatus::Draft, PostStatus::InReview, PostStatus::ChangesRequested})) {
                    return std::unexpected(
                        Error{ErrorCode::InvalidTransition,
                              u"Post " + post.id + u" is " + postStatusName(post.status)
                                  + u"; this workspace requires approval, so it can be scheduled "
                                    u"once a reviewer approves it."});
                }
                return notAllowed(post, QStringLiteral("scheduled"));
            }
            post.scheduledAtUtc = utc;
            post.timeZone = QString::fromUtf8(zone.id());
            post.post.scheduledFor = utc;
            auto findings = validate(post, true);
            if (!findings) {
                return std::unexpected(findings.error());
            }
            if (hasErrors(*findings)) {
                return validationFailed(*findings);
            }
            return PostStatus::Scheduled;
        });
}

std::expected<StoredPost, Error> PostService::edit(const QString &id, const Post &edited) {
    return change(
        id, QStringLiteral("edit"), QString(), [&](StoredPost &post) -> std::expected<PostStatus, Error> {
            if (!isOneOf(post.status, {PostStatus::Draft, PostStatus::ChangesRequested, PostStatus::InReview,
                                       PostStatus::Approved, PostStatus::Scheduled})) {
                return notAllowed(post, QStringLiteral("edited"));
            }
            if (edited.media.size() != post.media.size()) {
                return std::unexpected(
                    Error{ErrorCode::Usage, QStringLiteral("Editing keeps the post's media; create a new "
                                                           "post to change it.")});
            }
            const QList<MediaDescriptor> media = post.post.media;
            const std::optional<QDateTime> scheduledFor = post.post.scheduledFor;
            post.post = edited;
            post.post.media = media;
            // An edit without a time keeps the post's time, in the row and in its JSON alike.
            if (!edited.scheduledFor) {
                post.post.scheduledFor = scheduledFor;
            }
            post.scheduledAtUtc =
                edited.scheduledFor ? std::optional(edited.scheduledFor->toUTC()) : post.scheduledAtUtc;
            auto approval = approvalRequired();
            if (!approval) {
                return std::unexpected(approval.error());
            }
            // Editing withdraws an approval; without approvals a scheduled post stays scheduled if valid.
            if (post.status == PostStatus::Scheduled && !*approval) {
                auto findings = validate(post, true);
                if (!findings) {
                    return std::unexpected(findings.error());
                }
                return hasErrors(*findings) ? PostStatus::Draft : PostStatus::Scheduled;
            }
            return PostStatus::Draft;
        });
}

std::expected<StoredPost, Error> PostService::cancel(const QString &id, const QString &comment) {
    return change(id, QStringLiteral("cancel"), comment,
                  [&](StoredPost &post) -> std::expected<PostStatus, Error> {
                      // Once ClipQueue talks to TikTok, cancelling could leave a post half-sent: wait for the
                      // outcome.
                      if (isOneOf(post.status, {PostStatus::Publishing, PostStatus::Processing,
                                                PostStatus::Published, PostStatus::Cancelled})) {
                          return notAllowed(post, QStringLiteral("cancelled"));
                      }
                      return PostStatus::Cancelled;
                  });
}

std::expected<StoredPost, Error> PostService::retry(const QString &id) {
    return change(id, QStringLiteral("retry"), QString(),
                  [&](StoredPost &post) -> std::expected<PostStatus, Error> {
                      if (!isOneOf(post.status, {PostStatus::Failed, PostStatus::NeedsAttention})) {
                          return notAllowed(post, QStringLiteral("retried"));
                      }
                      post.scheduledAtUtc = m_clock.nowUtc();
                      post.post.scheduledFor = post.scheduledAtUtc;
                      // A new attempt starts from scratch: the old publish id belongs to a confirmed failure
                      // or to an outcome the user has now judged.
                      post.publishId.clear();
                      post.claimedBy.clear();
                      post.leaseUntil.reset();
                      return PostStatus::Scheduled;
                  });
}

std::expected<StoredPost, Error> PostService::markPublished(const QString &id, const QString &comment) {
    return change(id, QStringLiteral("mark_published"), comment,
                  [&](StoredPost &post) -> std::expected<PostStatus, Error> {
                      if (post.status != PostStatus::NeedsAttention) {
                          return notAllowed(post, QStringLiteral("marked as published"));
                      }
                      post.claimedBy.clear();
                      post.leaseUntil.reset();
                      return PostStatus::Published;
                  });
}

std::expected<void, Error> PostService::remove(const QString &id) {
    auto done = m_db.transaction([&]() -> std::expected<void, Error> {
        auto post = m_repository.get(id);
        if (!post) {
            return std::unexpected(post.error());
        }
        if (!isOneOf(post->status, {PostStatus::Draft, PostStatus::ChangesRequested, PostStatus::Cancelled,
                                    PostStatus::Failed, PostStatus::Published})) {
            return notAllowed(*post, QStringLiteral("deleted (cancel it first)"));
        }
        return m_repository.remove(id);
    });
    if (!done) {
        return done;
    }
    if (auto collected = MediaGarbageCollector(m_db, m_store).collect(); !collected) {
        return std::unexpected(collected.error());
    }
    return {};
}

std::expected<bool, Error> PostService::claim(const QString &id, PostStatus from, const QString &runner,
                                              const QDateTime &leaseUntil, const QString &comment) {
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
                                                           from == PostStatus::Scheduled
                                                               ? QStringLiteral("claim")
                                                               : QStringLiteral("take_over"),
                                                           from, PostStatus::Publishing, comment});
    });
    if (!done) {
        return std::unexpected(done.error());
    }
    return won;
}

std::expected<StoredPost, Error> PostService::transition(const QString &id, PostStatus to,
                                                         const QString &action, const QString &comment,
                                                         const std::function<void(StoredPost &)> &apply) {
    return change(id, action, comment, [&](StoredPost &post) -> std::expected<PostStatus, Error> {
        const bool allowed = [&] {
            switch (to) {
            case PostStatus::Processing:
                return post.status == PostStatus::Publishing;
            case PostStatus::Published:
            case PostStatus::Failed:
                return isOneOf(post.status, {PostStatus::Publishing, PostStatus::Processing});
            case PostStatus::NeedsAttention:
                return isOneOf(post.status,
                               {PostStatus::Scheduled, PostStatus::Publishing, PostStatus::Processing});
            case PostStatus::Publishing:
                return post.status == PostStatus::Publishing; // publish id stored, lease kept
            default:
                return false;
            }
        }();
        if (!allowed) {
            return notAllowed(post, u"moved to " + postStatusName(to));
        }
        if (apply) {
            apply(post);
        }
        if (to != PostStatus::Publishing && to != PostStatus::Processing) {
            post.claimedBy.clear();
            post.leaseUntil.reset();
        }
        return to;
    });
}

} // namespace cq
