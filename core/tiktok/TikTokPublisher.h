#pragma once

#include "media/MediaStore.h"
#include "publish/Publisher.h"
#include "tiktok/AccessTokenProvider.h"
#include "tiktok/TikTokClient.h"

#include <QHash>

#include <chrono>
#include <functional>
#include <memory>

namespace cq::tiktok {

// Publishes video posts through TikTok's Content Posting API (docs/tiktok.md, docs/lifecycle.md):
// creator info is fetched again and the post re-validated against it; the publish id is announced
// (and stored by the runner) before any byte is uploaded; chunks stream from the managed store in
// order; transient failures are retried with exponential backoff and jitter, rate limits waited
// out, an expired token refreshed once; status is polled with backoff until PUBLISH_COMPLETE,
// SEND_TO_USER_INBOX or FAILED, or a deadline after which the outcome is unknown.
// A post handed over with a publish id resumes: an upload TikTok never completed is started anew,
// otherwise only status polling continues, so nothing is posted twice.
class TikTokPublisher : public Publisher {
    Q_OBJECT

public:
    struct Options {
        int maxAttempts = 5; // per request
        std::chrono::milliseconds firstBackoff{std::chrono::seconds(1)};
        std::chrono::milliseconds maxBackoff{std::chrono::seconds(60)};
        std::chrono::milliseconds rateLimitWait{std::chrono::seconds(61)}; // per-minute windows
        std::chrono::milliseconds firstPoll{std::chrono::seconds(3)};
        std::chrono::milliseconds maxPoll{std::chrono::seconds(30)};
        std::chrono::milliseconds statusDeadline{std::chrono::minutes(30)};
    };

    TikTokPublisher(TikTokClient &client, AccessTokenProvider &tokens, const MediaStore &store,
                    Options options, QObject *parent = nullptr);
    ~TikTokPublisher() override;

    void publish(const StoredPost &post) override;

Q_SIGNALS:
    // What TikTok said about the creator right before publishing (to cache it for validation).
    void creatorInfoFetched(const QString &accountId, const cq::CreatorInfo &info);

private:
    struct Job;
    void checkCreator(const std::shared_ptr<Job> &job);
    void startUpload(const std::shared_ptr<Job> &job);
    void initUpload(const std::shared_ptr<Job> &job);
    void uploadPhoto(const std::shared_ptr<Job> &job);
    void initPhotoPost(const std::shared_ptr<Job> &job);
    void uploadChunk(const std::shared_ptr<Job> &job);
    void pollStatus(const std::shared_ptr<Job> &job);
    // Runs `attempt` until it succeeds or fails for good, applying the retry rules.
    // Whether a request may be sent again after a timeout or dropped connection, when it may have
    // reached TikTok: yes for reads and uploads, not for a request that creates a post by itself.
    enum class Repeatable { Always, OnlyIfRefused };
    template<typename T>
    void withRetries(const std::shared_ptr<Job> &job, std::function<void(TikTokClient::Callback<T>)> attempt,
                     std::function<void(T)> succeeded, Repeatable repeatable = Repeatable::Always);
    // `confirmedByTikTok`: TikTok itself reported FAILED; other failures of a post TikTok may have
    // become unknown outcomes.
    void finish(const std::shared_ptr<Job> &job, PublishResult result, bool confirmedByTikTok = false);
    std::chrono::milliseconds backoff(int attempt) const;

    TikTokClient &m_client;
    AccessTokenProvider &m_tokens;
    const MediaStore &m_store;
    Options m_options;
    QHash<QString, std::shared_ptr<Job>> m_jobs;
};

// TikTok's post_info for a video post, and for a photo post.
QJsonObject videoPostInfo(const Post &post);
QJsonObject photoPostInfo(const Post &post);

} // namespace cq::tiktok
