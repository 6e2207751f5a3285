#include "tiktok/TikTokPublisher.h"

#include "post/PostMediaCheck.h"
#include "post/PostValidator.h"
#include "tiktok/PublishJob.h"

#include <QLoggingCategory>
#include <QTimer>

Q_LOGGING_CATEGORY(lcPublish, "clipqueue.publish", QtInfoMsg)

namespace cq::tiktok {

using Repeatable = RetryPolicy::Repeatable;

namespace {
// The settings video and photo posts share, under the same names.
QJsonObject sharedPostInfo(const Post &post) {
    return QJsonObject{
        {QStringLiteral("privacy_level"), post.tiktok.privacyLevel},
        {QStringLiteral("disable_comment"), post.tiktok.disableComment},
        {QStringLiteral("brand_content_toggle"), post.tiktok.brandContentToggle},
        {QStringLiteral("brand_organic_toggle"), post.tiktok.brandOrganicToggle},
    };
}
} // namespace

QJsonObject videoPostInfo(const Post &post) {
    QJsonObject info = sharedPostInfo(post);
    info.insert(QStringLiteral("title"), post.text);
    info.insert(QStringLiteral("disable_duet"), post.tiktok.disableDuet);
    info.insert(QStringLiteral("disable_stitch"), post.tiktok.disableStitch);
    info.insert(QStringLiteral("is_aigc"), post.tiktok.isAigc);
    if (post.tiktok.videoCoverTimestampMs) {
        info.insert(QStringLiteral("video_cover_timestamp_ms"), *post.tiktok.videoCoverTimestampMs);
    }
    return info;
}

QJsonObject photoPostInfo(const Post &post) {
    QJsonObject info = sharedPostInfo(post);
    info.insert(QStringLiteral("title"), post.tiktok.title);
    info.insert(QStringLiteral("description"), post.text);
    info.insert(QStringLiteral("auto_add_music"), post.tiktok.autoAddMusic);
    return info;
}

namespace {
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

PublishResult failedWith(const TikTokError &error, const QString &publishId) {
    return makeResult(PublishResult::Outcome::Failed, publishId, error.code, error.messageWithAdvice(),
                      error.logId, error.httpStatus);
}
} // namespace

TikTokPublisher::TikTokPublisher(TikTokClient &client, AccessTokenProvider &tokens, const MediaStore &store,
                                 const Clock &clock, Options options, QObject *parent)
    : Publisher(parent)
    , m_client(client)
    , m_tokens(tokens)
    , m_store(store)
    , m_clock(clock)
    , m_options(options) {
    connect(&m_client, &TikTokClient::uploadProgress, this, &TikTokPublisher::onUploadProgress);
}

TikTokPublisher::~TikTokPublisher() = default;

void TikTokPublisher::onUploadProgress(const QUrl &url, qint64 sentBytes, qint64 totalBytes) {
    // The client reports progress per upload URL; name the post it belongs to.
    for (const Job &job : std::as_const(m_jobs)) {
        if (const VideoUpload *video = job->video(); video && video->uploadUrl == url) {
            Q_EMIT uploadProgress(job->post.id, sentBytes, totalBytes);
            return;
        }
        const PhotoUpload *photos = job->photos();
        if (photos && !photos->isComplete() && photos->photos.at(photos->next).hostTarget == url) {
            Q_EMIT uploadProgress(job->post.id, photos->bytesBefore(photos->next) + sentBytes,
                                  photos->totalBytes());
            return;
        }
    }
}

void TikTokPublisher::finish(const Job &job, PublishResult result, bool confirmedByTikTok) {
    if (result.publishId.isEmpty()) {
        result.publishId = job->publishId;
    }
    if (result.outcome == PublishResult::Outcome::Failed && job->mayBeAtTikTok && !confirmedByTikTok) {
        result.outcome = PublishResult::Outcome::Unknown; // a new attempt could post twice: the user decides
    }
    m_jobs.remove(job->post.id);
    qCInfo(lcPublish) << "post" << job->post.id << "ended" << int(result.outcome) << result.errorCode;
    Q_EMIT finished(job->post.id, result);
}

template<typename T>
void TikTokPublisher::send(const Job &job, Repeatable repeatable,
                           std::function<void(TikTokCallback<T>)> attempt, std::function<void(T)> succeeded) {
    runWithRetries<T>(
        this, m_options.retry, repeatable, std::move(attempt), std::move(succeeded),
        [this, job](const TikTokError &error) { finish(job, failedWith(error, job->publishId)); });
}

template<typename T>
void TikTokPublisher::sendAuthorized(const Job &job, Repeatable repeatable, AccountToken::Call<T> call,
                                     std::function<void(T)> succeeded) {
    send<T>(
        job, repeatable, [job, call](TikTokCallback<T> done) { job->token->call<T>(call, std::move(done)); },
        std::move(succeeded));
}

std::optional<Refusal> TikTokPublisher::prepare(PublishJob &job) {
    const StoredPost &post = job.post;
    auto token = AccountToken::open(m_tokens, job.accountId);
    if (!token) {
        return Refusal{QStringLiteral("auth_removed"), token.error().message};
    }
    job.token = *token;
    job.mode = post.content.tiktok.sendsToDrafts() ? PostMode::Drafts : PostMode::DirectPost;
    const bool photos = !post.media.isEmpty()
                        && std::all_of(post.media.cbegin(), post.media.cend(),
                                       [](const StoredMedia &media) { return media.descriptor.isPhoto(); });
    if (photos) {
        auto upload = planPhotoUpload(post, m_store, m_client.config());
        if (!upload) {
            return upload.error();
        }
        job.upload = std::move(*upload);
        return std::nullopt;
    }
    auto upload = planVideoUpload(post, m_store);
    if (!upload) {
        return upload.error();
    }
    job.upload = std::move(*upload);
    return std::nullopt;
}

void TikTokPublisher::publish(const StoredPost &post) {
    auto job = std::make_shared<PublishJob>();
    job->post = post;
    job->accountId = post.accountId();
    job->publishId = post.publishId;
    job->mayBeAtTikTok = !post.publishId.isEmpty();
    m_jobs.insert(post.id, job);
    if (auto refused = prepare(*job)) {
        finish(job, makeResult(PublishResult::Outcome::Failed, {}, refused->code, refused->message));
        return;
    }
    if (!post.publishId.isEmpty()) {
        // A resumption: ask TikTok where this publish stands before doing anything else.
        startPolling(job, std::chrono::milliseconds(0));
        return;
    }
    checkCreator(job);
}

void TikTokPublisher::checkCreator(const Job &job) {
    sendAuthorized<CreatorInfo>(
        job, Repeatable::Always,
        [this](const QString &token, auto done) { m_client.queryCreatorInfo(token, done); },
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
                                           finding.message));
                    return;
                }
            }
            if (job->photos()) {
                uploadPhoto(job);
            } else {
                initVideo(job);
            }
        });
}

void TikTokPublisher::initVideo(const Job &job) {
    sendAuthorized<VideoInit>(
        job, Repeatable::Always,
        [this, job](const QString &token, auto done) {
            m_client.initVideoUpload(token, job->mode, videoPostInfo(job->post.toPost()), job->video()->plan,
                                     done);
        },
        [this, job](VideoInit init) {
            job->publishId = init.publishId;
            job->video()->uploadUrl = init.uploadUrl;
            job->video()->nextChunk = 0;
            // Stored before the first byte goes out: a restart resumes instead of posting twice.
            Q_EMIT publishIdAssigned(job->post.id, init.publishId);
            uploadChunk(job);
        });
}

void TikTokPublisher::uploadChunk(const Job &job) {
    if (job->video()->isComplete()) {
        Q_EMIT processing(job->post.id);
        startPolling(job, m_options.firstPoll);
        return;
    }
    job->mayBeAtTikTok = job->video()->isLastChunkNext();
    send<int>(
        job, Repeatable::Always,
        [this, job](auto done) {
            const VideoUpload &current = *job->video();
            m_client.uploadChunk(current.uploadUrl, current.path, current.mimeType, current.plan,
                                 current.nextChunk, done);
        },
        [this, job](int) {
            ++job->video()->nextChunk;
            uploadChunk(job);
        });
}

void TikTokPublisher::uploadPhoto(const Job &job) {
    if (job->photos()->isComplete()) {
        initPhotos(job);
        return;
    }
    send<int>(
        job, Repeatable::Always,
        [this, job](auto done) {
            const PhotoUpload::Photo &photo = job->photos()->photos.at(job->photos()->next);
            m_client.uploadPhoto(photo.hostTarget, photo.path, photo.mimeType, done);
        },
        [this, job](int) {
            ++job->photos()->next;
            uploadPhoto(job);
        });
}

void TikTokPublisher::initPhotos(const Job &job) {
    job->mayBeAtTikTok = true; // TikTok starts pulling the photos as soon as it accepts the init
    sendAuthorized<QString>(
        job, Repeatable::OnlyIfRefused,
        [this, job](const QString &token, auto done) {
            const Post post = job->post.toPost();
            m_client.initPhotoPost(token, job->mode, photoPostInfo(post), job->photos()->publicUrls(),
                                   post.tiktok.photoCoverIndex, done);
        },
        [this, job](QString publishId) {
            job->publishId = publishId;
            Q_EMIT publishIdAssigned(job->post.id, publishId);
            Q_EMIT processing(job->post.id);
            startPolling(job, m_options.firstPoll);
        });
}

void TikTokPublisher::startPolling(const Job &job, std::chrono::milliseconds firstDelay) {
    job->poll = StatusPoll{0, m_clock.monotonicMs() + m_options.statusDeadline.count()};
    if (firstDelay.count() == 0) {
        pollStatus(job);
        return;
    }
    QTimer::singleShot(firstDelay, this, [this, job] { pollStatus(job); });
}

void TikTokPublisher::pollStatus(const Job &job) {
    sendAuthorized<PublishStatus>(
        job, Repeatable::Always,
        [this, job](const QString &token, auto done) { m_client.fetchStatus(token, job->publishId, done); },
        [this, job](const PublishStatus &status) { onStatus(job, status); });
}

void TikTokPublisher::onStatus(const Job &job, const PublishStatus &status) {
    if (status.status == u"PUBLISH_COMPLETE" || status.status == u"SEND_TO_USER_INBOX") {
        PublishResult published = makeResult(PublishResult::Outcome::Published, job->publishId, {}, {});
        published.publicPostIds = status.publicPostIds;
        finish(job, published);
        return;
    }
    if (status.status == u"FAILED") {
        finish(job,
               makeResult(PublishResult::Outcome::Failed, job->publishId, status.failReason,
                          u"TikTok could not publish the post: " + status.failReason),
               true);
        return;
    }
    const VideoUpload *video = job->video();
    if (video && status.status == u"PROCESSING_UPLOAD" && video->nextChunk == 0
        && job->post.status != PostStatus::Processing && status.uploadedBytes
        && *status.uploadedBytes < video->plan.videoSizeBytes) {
        // Resumed, and TikTok says it never received the whole file: that upload is dropped, so a
        // new one may start. (Without uploaded_bytes nothing is assumed.)
        qCInfo(lcPublish) << "resuming" << job->post.id << ": upload incomplete, starting again";
        job->mayBeAtTikTok = false;
        initVideo(job);
        return;
    }
    if (m_clock.monotonicMs() > job->poll.deadlineMs) {
        finish(job,
               makeResult(PublishResult::Outcome::Unknown, job->publishId, QStringLiteral("status_deadline"),
                          u"TikTok still reports " + status.status
                              + u" after the deadline; check the account in TikTok."));
        return;
    }
    job->poll.count += 1;
    const auto delay = std::min<std::chrono::milliseconds>(
        m_options.firstPoll * (1 << std::min(job->poll.count, 8)), m_options.maxPoll);
    QTimer::singleShot(delay, this, [this, job] { pollStatus(job); });
}

} // namespace cq::tiktok
