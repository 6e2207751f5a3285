#pragma once

#include "media/MediaStore.h"
#include "publish/Publisher.h"
#include "tiktok/AccessTokenProvider.h"
#include "tiktok/AccountToken.h"
#include "tiktok/RetryPolicy.h"
#include "tiktok/TikTokClient.h"
#include "util/Clock.h"

#include <QHash>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>

namespace cq::tiktok {

struct PublishJob;
struct PublishStatus;
struct Refusal;

// Publishes video and photo posts through TikTok's Content Posting API (docs/tiktok.md,
// docs/lifecycle.md): creator info is fetched again and the post re-validated against it; a video's
// publish id is announced (and stored by the runner) before any byte is uploaded and its chunks
// stream from the managed store in order; photos go to the photo host first, then TikTok is told
// to pull them. Every request goes by one RetryPolicy, and every authenticated one refreshes an
// expired token once (AccountToken). Status is polled with growing pauses until PUBLISH_COMPLETE,
// SEND_TO_USER_INBOX or FAILED, or a deadline on the injected clock after which the outcome is
// unknown. A post handed over with a publish id resumes: an upload TikTok never completed is
// started anew (after asking for creator info again), otherwise only status polling continues, so
// nothing is posted twice. A failure before TikTok could have the post whose cause passes (offline,
// a posting cap) asks the runner to try again later (PublishResult::retryAfter); TikTok's FAILED
// with internal, video_pull_failed or photo_pull_failed is tried again with a new init.
class TikTokPublisher : public Publisher {
    Q_OBJECT

public:
    struct Options {
        RetryPolicy retry;
        std::chrono::milliseconds firstPoll{std::chrono::seconds(3)};
        std::chrono::milliseconds maxPoll{std::chrono::seconds(30)};
        std::chrono::milliseconds statusDeadline{std::chrono::minutes(30)};
        // Nothing reached TikTok and the network is down: the runner tries again after this (at
        // least once a minute), and at once when the network comes back.
        std::chrono::milliseconds offlineRetry{std::chrono::seconds(30)};
        // The creator cannot post now (a posting cap): the runner tries again after this.
        std::chrono::milliseconds cannotPostRetry{std::chrono::minutes(5)};
        // New inits after FAILED with internal, video_pull_failed or photo_pull_failed.
        int maxFailedRetries = 2;
        // New inits after a chunk PUT answered 403/404 (the upload URL expired or is unknown).
        int maxUploadRestarts = 2;
        std::chrono::milliseconds uploadUrlLifetime{std::chrono::hours(1)}; // TikTok's documented hour
    };

    TikTokPublisher(TikTokClient &client, AccessTokenProvider &tokens, const MediaStore &store,
                    const Clock &clock, Options options, QObject *parent = nullptr);
    ~TikTokPublisher() override;

    void publish(const StoredPost &post) override;

Q_SIGNALS:
    // What TikTok said about the creator right before publishing (to cache it for validation).
    void creatorInfoFetched(const QString &accountId, const cq::CreatorInfo &info);

private:
    using Job = std::shared_ptr<PublishJob>;
    // Opens the account's token and plans the upload; a refusal ends the publish before it starts.
    std::optional<Refusal> prepare(PublishJob &job);
    void checkCreator(const Job &job);
    // Photos to the photo host, or the video's init: the upload after the creator check.
    void startUpload(const Job &job);
    void initVideo(const Job &job);
    void uploadChunk(const Job &job);
    // 206/201: the next chunk; 416: go on from the bytes TikTok reports it has.
    void onChunkAnswer(const Job &job, const ChunkAnswer &answer);
    // Before the first byte: whether the link, as fast as it was measured, gets the video to
    // TikTok while the upload URL lives; says so (notice) when not.
    void checkUploadTime(const Job &job);
    void uploadPhoto(const Job &job);
    void initPhotos(const Job &job);
    // Polls from now until the status deadline, the first time after `firstDelay`.
    void startPolling(const Job &job, std::chrono::milliseconds firstDelay);
    void pollStatus(const Job &job);
    void onStatus(const Job &job, const PublishStatus &status);
    // TikTok's FAILED: a new init when the reason is one TikTok asks to retry and tries are left.
    void onFailedStatus(const Job &job, const PublishStatus &status);
    // A request failed for good: a failure, or a deferral when nothing reached TikTok and the
    // cause passes with time.
    void onRequestFailed(const Job &job, const TikTokError &error);
    void onUploadProgress(const QUrl &url, qint64 sentBytes, qint64 totalBytes);

    // Sends a request by the retry policy; a failure for good ends the publish.
    template<typename T>
    void send(const Job &job, RetryPolicy::Repeatable repeatable,
              std::function<void(TikTokCallback<T>)> attempt, std::function<void(T)> succeeded);
    // The same for a request with the account's access token.
    template<typename T>
    void sendAuthorized(const Job &job, RetryPolicy::Repeatable repeatable, AccountToken::Call<T> call,
                        std::function<void(T)> succeeded);
    // `confirmedByTikTok`: TikTok itself reported FAILED; other failures of a post TikTok may have
    // become unknown outcomes.
    void finish(const Job &job, PublishResult result, bool confirmedByTikTok = false);

    TikTokClient &m_client;
    AccessTokenProvider &m_tokens;
    const MediaStore &m_store;
    const Clock &m_clock;
    Options m_options;
    QHash<QString, Job> m_jobs;
    double m_bytesPerMs = 0; // upload throughput measured on the last chunks; 0: not yet known
};

// TikTok's post_info for a video post, and for a photo post.
QJsonObject videoPostInfo(const Post &post);
// In the inbox (Drafts) TikTok reads only the title and description of a photo post.
QJsonObject photoPostInfo(const Post &post, PostMode mode = PostMode::DirectPost);

} // namespace cq::tiktok
