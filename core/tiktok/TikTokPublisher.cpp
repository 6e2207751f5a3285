#include "tiktok/TikTokPublisher.h"

#include "post/PostMediaCheck.h"
#include "post/PostValidator.h"
#include "tiktok/AccountToken.h"

#include <QDateTime>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QTimer>

Q_LOGGING_CATEGORY(lcPublish, "clipqueue.publish", QtInfoMsg)

namespace cq::tiktok {

struct TikTokPublisher::Job {
    StoredPost post;
    QString accountId;
    std::shared_ptr<AccountToken> token; // refreshed at most once per publish
    QString path;
    QString mimeType;
    ChunkPlan plan;
    VideoInit init;
    int nextChunk = 0;
    PostMode mode = PostMode::DirectPost;
    bool photos = false;
    QStringList photoPaths;
    QStringList photoMimeTypes;
    QStringList photoPublicUrls;
    QUrl photoTarget; // where the photo being uploaded goes
    int nextPhoto = 0;
    int pollCount = 0;
    QDateTime statusDeadline;
    // TikTok may already have this post (a resumption, the last chunk sent, a photo init sent): from
    // then on only TikTok's own FAILED status is a failure; any other end is an unknown outcome.
    bool mayBeAtTikTok = false;
};

QJsonObject videoPostInfo(const Post &post) {
    QJsonObject info{
        {QStringLiteral("title"), post.text},
        {QStringLiteral("privacy_level"), post.tiktok.privacyLevel},
        {QStringLiteral("disable_comment"), post.tiktok.disableComment},
        {QStringLiteral("disable_duet"), post.tiktok.disableDuet},
        {QStringLiteral("disable_stitch"), post.tiktok.disableStitch},
        {QStringLiteral("brand_content_toggle"), post.tiktok.brandContentToggle},
        {QStringLiteral("brand_organic_toggle"), post.tiktok.brandOrganicToggle},
        {QStringLiteral("is_aigc"), post.tiktok.isAigc},
    };
    if (post.tiktok.videoCoverTimestampMs) {
        info.insert(QStringLiteral("video_cover_timestamp_ms"), *post.tiktok.videoCoverTimestampMs);
    }
    return info;
}

namespace {
// The bytes of the first `count` photo files.
qint64 photoBytes(const QStringList &paths, qsizetype count) {
    qint64 bytes = 0;
    for (qsizetype i = 0; i < count && i < paths.size(); ++i) {
        bytes += QFileInfo(paths.at(i)).size();
    }
    return bytes;
}

PublishResult makeResult(PublishResult::Outcome outcome, const QString &publishId, const QString &code,
                         const QString &message, const QString &logId = {},
                         std::optional<int> httpStatus = {}) {
    PublishResult value;
    value.outcome = outcome;
    value.publishId = publishId;
    value.errorCode = code;
    value.errorMessage = message;
    value.logId = logId;
    value.httpStatus = httpStatus;
    return value;
}
} // namespace

QJsonObject photoPostInfo(const Post &post) {
    return QJsonObject{
        {QStringLiteral("title"), post.tiktok.title},
        {QStringLiteral("description"), post.text},
        {QStringLiteral("privacy_level"), post.tiktok.privacyLevel},
        {QStringLiteral("disable_comment"), post.tiktok.disableComment},
        {QStringLiteral("auto_add_music"), post.tiktok.autoAddMusic},
        {QStringLiteral("brand_content_toggle"), post.tiktok.brandContentToggle},
        {QStringLiteral("brand_organic_toggle"), post.tiktok.brandOrganicToggle},
    };
}

TikTokPublisher::TikTokPublisher(TikTokClient &client, AccessTokenProvider &tokens, const MediaStore &store,
                                 Options options, QObject *parent)
    : Publisher(parent)
    , m_client(client)
    , m_tokens(tokens)
    , m_store(store)
    , m_options(options) {
    // The client reports progress per upload URL; name the post it belongs to.
    connect(
        &m_client, &TikTokClient::uploadProgress, this, [this](const QUrl &url, qint64 sent, qint64 total) {
            for (const auto &job : std::as_const(m_jobs)) {
                if (!job->photos && job->init.uploadUrl == url) {
                    Q_EMIT uploadProgress(job->post.id, sent, total);
                    return;
                }
                if (job->photos && job->photoTarget == url) { // of the post's photos together
                    Q_EMIT uploadProgress(job->post.id, photoBytes(job->photoPaths, job->nextPhoto) + sent,
                                          photoBytes(job->photoPaths, job->photoPaths.size()));
                    return;
                }
            }
        });
}

TikTokPublisher::~TikTokPublisher() = default;

std::chrono::milliseconds TikTokPublisher::backoff(int attempt) const {
    const qint64 base = m_options.firstBackoff.count() << std::min(attempt, 16);
    const qint64 capped = std::min<qint64>(base, m_options.maxBackoff.count());
    // Full jitter keeps several runners from retrying in step.
    return std::chrono::milliseconds(capped / 2 + QRandomGenerator::global()->bounded(capped / 2 + 1));
}

void TikTokPublisher::finish(const std::shared_ptr<Job> &job, PublishResult result, bool confirmedByTikTok) {
    if (result.publishId.isEmpty()) {
        result.publishId = job->init.publishId;
    }
    if (result.outcome == PublishResult::Outcome::Failed && job->mayBeAtTikTok && !confirmedByTikTok) {
        result.outcome = PublishResult::Outcome::Unknown; // a new attempt could post twice: the user decides
    }
    m_jobs.remove(job->post.id);
    qCInfo(lcPublish) << "post" << job->post.id << "ended" << int(result.outcome) << result.errorCode;
    Q_EMIT finished(job->post.id, result);
}

void TikTokPublisher::publish(const StoredPost &post) {
    auto job = std::make_shared<Job>();
    job->post = post;
    job->accountId = post.accountId();
    job->mayBeAtTikTok = !post.publishId.isEmpty();
    m_jobs.insert(post.id, job);
    auto token = AccountToken::open(m_tokens, job->accountId);
    if (!token) {
        finish(job, makeResult(PublishResult::Outcome::Failed, post.publishId, QStringLiteral("auth_removed"),
                               token.error().message, {}, std::nullopt));
        return;
    }
    job->token = *token;
    job->mode = post.content.tiktok.sendsToDrafts() ? PostMode::Drafts : PostMode::DirectPost;
    job->photos = !post.media.isEmpty()
                  && std::all_of(post.media.cbegin(), post.media.cend(),
                                 [](const StoredMedia &media) { return media.descriptor.isPhoto(); });
    if (job->photos) {
        const ApiConfig &config = m_client.config();
        if (config.photoUploadBase.isEmpty() || config.photoPublicBase.isEmpty()) {
            finish(job,
                   makeResult(PublishResult::Outcome::Failed, post.publishId,
                              QStringLiteral("photo_host_missing"),
                              QStringLiteral(
                                  "TikTok pulls photos from a public URL. Set CLIPQUEUE_PHOTO_UPLOAD_URL "
                                  "(where ClipQueue PUTs them) and CLIPQUEUE_PHOTO_PUBLIC_URL (the prefix "
                                  "verified with TikTok).")));
            return;
        }
        for (const StoredMedia &media : post.media) {
            const QString extension =
                media.descriptor.mimeType == u"image/webp" ? QStringLiteral(".webp") : QStringLiteral(".jpg");
            job->photoPaths << m_store.pathFor(media.sha256);
            job->photoMimeTypes << media.descriptor.mimeType;
            // Named by content: the same photo is never uploaded under two names.
            QUrl publicUrl = config.photoPublicBase;
            publicUrl.setPath(publicUrl.path().chopped(publicUrl.path().endsWith(u'/') ? 1 : 0) + u'/'
                              + media.sha256 + extension);
            job->photoPublicUrls << publicUrl.toString();
        }
    } else {
        if (post.media.size() != 1) {
            finish(job,
                   makeResult(PublishResult::Outcome::Failed, post.publishId, QStringLiteral("not_supported"),
                              QStringLiteral("A TikTok post is one video or 1 to 35 photos.")));
            return;
        }
        job->path = m_store.pathFor(post.media.first().sha256);
        job->mimeType = post.media.first().descriptor.mimeType;
        const auto plan = ChunkPlan::forSize(post.media.first().descriptor.sizeBytes.value_or(0));
        if (!plan) {
            finish(job, makeResult(PublishResult::Outcome::Failed, post.publishId,
                                   QStringLiteral("file_size_check_failed"),
                                   QStringLiteral("The video's size cannot be uploaded to TikTok.")));
            return;
        }
        job->plan = *plan;
    }
    if (!post.publishId.isEmpty()) {
        // A resumption: ask TikTok where this publish stands before doing anything else.
        job->init.publishId = post.publishId;
        job->statusDeadline = QDateTime::currentDateTimeUtc().addMSecs(m_options.statusDeadline.count());
        pollStatus(job);
        return;
    }
    checkCreator(job);
}

template<typename T>
void TikTokPublisher::withRetries(const std::shared_ptr<Job> &job,
                                  std::function<void(TikTokClient::Callback<T>)> attempt,
                                  std::function<void(T)> succeeded, Repeatable repeatable) {
    auto tries = std::make_shared<int>(0);
    auto run = std::make_shared<std::function<void()>>();
    *run = [this, job, attempt, succeeded, repeatable, tries, run] {
        attempt([this, job, succeeded, repeatable, tries, run](std::expected<T, TikTokError> result) {
            if (result) {
                *run = nullptr; // break the self-reference: this request is done
                succeeded(*result);
                return;
            }
            const TikTokError &error = result.error();
            ++*tries;
            const auto giveUp = [&] {
                *run = nullptr;
                finish(job, makeResult(PublishResult::Outcome::Failed, job->init.publishId, error.code,
                                       error.messageWithAdvice(), error.logId, error.httpStatus));
            };
            switch (error.kind) {
            case TikTokError::Kind::Permanent:
            case TikTokError::Kind::Auth: // still refused after the token's one refresh
                giveUp();
                return;
            case TikTokError::Kind::RateLimited:
            case TikTokError::Kind::Transient:
                // A refused request (429) never reached the post; a timeout or a dropped connection
                // may have: a request that creates a post is not sent again then.
                if (*tries >= m_options.maxAttempts
                    || (repeatable == Repeatable::OnlyIfRefused
                        && error.kind == TikTokError::Kind::Transient)) {
                    giveUp();
                    return;
                }
                const auto wait =
                    error.kind == TikTokError::Kind::RateLimited ? m_options.rateLimitWait : backoff(*tries);
                qCInfo(lcPublish) << "retrying after" << error.code << "in" << wait.count() << "ms";
                QTimer::singleShot(wait, this, [run] { (*run)(); });
                return;
            }
        });
    };
    (*run)();
}

void TikTokPublisher::checkCreator(const std::shared_ptr<Job> &job) {
    withRetries<CreatorInfo>(
        job,
        [this, job](auto done) {
            job->token->call<CreatorInfo>(
                [this](const QString &token, auto answer) { m_client.queryCreatorInfo(token, answer); },
                done);
        },
        [this, job](CreatorInfo creator) {
            Q_EMIT creatorInfoFetched(job->accountId, creator);
            // Re-validate with what TikTok says now: a post no longer allowed fails with the
            // validation code instead of being sent.
            ValidationContext context;
            context.creator = creator;
            for (const Finding &finding :
                 validatePost(job->post.toPost(), storedMediaChecks(job->post), context)) {
                if (finding.isError()) {
                    finish(job, makeResult(PublishResult::Outcome::Failed, {}, findingCodeName(finding.code),
                                           finding.message, {}, std::nullopt));
                    return;
                }
            }
            startUpload(job);
        });
}

void TikTokPublisher::startUpload(const std::shared_ptr<Job> &job) {
    if (job->photos) {
        job->nextPhoto = 0;
        uploadPhoto(job);
    } else {
        initUpload(job);
    }
}

void TikTokPublisher::uploadPhoto(const std::shared_ptr<Job> &job) {
    if (job->nextPhoto >= job->photoPaths.size()) {
        initPhotoPost(job);
        return;
    }
    const ApiConfig &config = m_client.config();
    QUrl target = config.photoUploadBase;
    target.setPath(target.path().chopped(target.path().endsWith(u'/') ? 1 : 0) + u'/'
                   + QUrl(job->photoPublicUrls.at(job->nextPhoto)).fileName());
    job->photoTarget = target;
    withRetries<int>(
        job,
        [this, job, target](auto done) {
            m_client.uploadPhoto(target, job->photoPaths.at(job->nextPhoto),
                                 job->photoMimeTypes.at(job->nextPhoto), done);
        },
        [this, job](int) {
            ++job->nextPhoto;
            uploadPhoto(job);
        });
}

void TikTokPublisher::initPhotoPost(const std::shared_ptr<Job> &job) {
    job->mayBeAtTikTok = true; // TikTok starts pulling the photos as soon as it accepts the init
    withRetries<QString>(
        job,
        [this, job](auto done) {
            job->token->call<QString>(
                [this, job](const QString &token, auto answer) {
                    m_client.initPhotoPost(token, job->mode, photoPostInfo(job->post.toPost()),
                                           job->photoPublicUrls, 0, answer);
                },
                done);
        },
        [this, job](QString publishId) {
            job->init.publishId = publishId;
            Q_EMIT publishIdAssigned(job->post.id, publishId);
            Q_EMIT processing(job->post.id);
            job->statusDeadline = QDateTime::currentDateTimeUtc().addMSecs(m_options.statusDeadline.count());
            QTimer::singleShot(m_options.firstPoll, this, [this, job] { pollStatus(job); });
        },
        Repeatable::OnlyIfRefused);
}

void TikTokPublisher::initUpload(const std::shared_ptr<Job> &job) {
    withRetries<VideoInit>(
        job,
        [this, job](auto done) {
            job->token->call<VideoInit>(
                [this, job](const QString &token, auto answer) {
                    m_client.initVideoUpload(token, job->mode, videoPostInfo(job->post.toPost()), job->plan,
                                             answer);
                },
                done);
        },
        [this, job](VideoInit init) {
            job->init = init;
            job->nextChunk = 0;
            // Stored before the first byte goes out: a restart resumes instead of posting twice.
            Q_EMIT publishIdAssigned(job->post.id, init.publishId);
            uploadChunk(job);
        });
}

void TikTokPublisher::uploadChunk(const std::shared_ptr<Job> &job) {
    if (job->nextChunk >= job->plan.totalChunkCount) {
        Q_EMIT processing(job->post.id);
        job->statusDeadline = QDateTime::currentDateTimeUtc().addMSecs(m_options.statusDeadline.count());
        QTimer::singleShot(m_options.firstPoll, this, [this, job] { pollStatus(job); });
        return;
    }
    // Once the last chunk may have been accepted, TikTok may publish the post.
    job->mayBeAtTikTok = job->nextChunk == job->plan.totalChunkCount - 1;
    withRetries<int>(
        job,
        [this, job](auto done) {
            m_client.uploadChunk(job->init.uploadUrl, job->path, job->mimeType, job->plan, job->nextChunk,
                                 done);
        },
        [this, job](int) {
            ++job->nextChunk;
            uploadChunk(job);
        },
        Repeatable::Always);
}

void TikTokPublisher::pollStatus(const std::shared_ptr<Job> &job) {
    withRetries<PublishStatus>(
        job,
        [this, job](auto done) {
            job->token->call<PublishStatus>(
                [this, job](const QString &token, auto answer) {
                    m_client.fetchStatus(token, job->init.publishId, answer);
                },
                done);
        },
        [this, job](PublishStatus status) {
            if (status.status == u"PUBLISH_COMPLETE" || status.status == u"SEND_TO_USER_INBOX") {
                PublishResult published =
                    makeResult(PublishResult::Outcome::Published, job->init.publishId, {}, {});
                published.publicPostIds = status.publicPostIds;
                finish(job, published);
                return;
            }
            if (status.status == u"FAILED") {
                finish(job,
                       makeResult(PublishResult::Outcome::Failed, job->init.publishId, status.failReason,
                                  u"TikTok could not publish the post: " + status.failReason, {},
                                  std::nullopt),
                       true);
                return;
            }
            if (!job->photos && status.status == u"PROCESSING_UPLOAD" && job->nextChunk == 0
                && job->post.status != PostStatus::Processing && status.uploadedBytes
                && *status.uploadedBytes < job->plan.videoSizeBytes) {
                // Resumed, and TikTok says it never received the whole file: that upload is
                // dropped, so a new one may start. (Without uploaded_bytes nothing is assumed.)
                qCInfo(lcPublish) << "resuming" << job->post.id << ": upload incomplete, starting again";
                job->mayBeAtTikTok = false;
                initUpload(job);
                return;
            }
            if (QDateTime::currentDateTimeUtc() > job->statusDeadline) {
                finish(job, makeResult(PublishResult::Outcome::Unknown, job->init.publishId,
                                       QStringLiteral("status_deadline"),
                                       u"TikTok still reports " + status.status
                                           + u" after the deadline; check the account in TikTok.",
                                       {}, std::nullopt));
                return;
            }
            job->pollCount += 1;
            const auto delay = std::min<std::chrono::milliseconds>(
                m_options.firstPoll * (1 << std::min(job->pollCount, 8)), m_options.maxPoll);
            QTimer::singleShot(delay, this, [this, job] { pollStatus(job); });
        },
        Repeatable::Always);
}

} // namespace cq::tiktok
