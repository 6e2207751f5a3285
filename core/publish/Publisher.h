#pragma once

#include "post/StoredPost.h"

#include <QObject>
#include <QStringList>

#include <chrono>
#include <optional>

namespace cq {

// How one publish attempt ended, with what TikTok said.
struct PublishResult {
    using Outcome = AttemptOutcome;
    Outcome outcome = Outcome::Unknown;
    QString publishId;
    QString errorCode; // TikTok's error.code or fail_reason
    QString errorMessage;
    QString logId;
    std::optional<int> httpStatus;
    QStringList publicPostIds; // TikTok's public post ids, once moderation made the post public
    // A failure before anything reached TikTok whose cause passes with time (no network, the
    // creator's posting cap): the runner keeps the post scheduled and hands it over again after this
    // wait, while the grace period lasts.
    std::optional<std::chrono::milliseconds> retryAfter;
    bool waitsForNetwork = false; // retryAfter because the network was down: retry when it returns
    // TikTok put the post in the creator's inbox (SEND_TO_USER_INBOX) rather than on the profile:
    // the creator finishes it in the TikTok app. errorMessage says so.
    bool deliveredToInbox = false;
};

// Sends one post to its platform. The scheduler runner hands a claimed post to publish() and waits
// for finished(); implementations emit publishIdAssigned() as soon as the platform names the
// attempt and before any media is uploaded, so that a restart resumes instead of posting twice.
// A post handed over with a publishId already set is a resumption.
class Publisher : public QObject {
    Q_OBJECT

public:
    using QObject::QObject;
    ~Publisher() override = default;

    virtual void publish(const StoredPost &post) = 0;

Q_SIGNALS:
    void publishIdAssigned(const QString &postId, const QString &publishId);
    void processing(const QString &postId);
    // Media bytes on their way to the platform, of `totalBytes` for the whole post.
    void uploadProgress(const QString &postId, qint64 sentBytes, qint64 totalBytes);
    void finished(const QString &postId, const cq::PublishResult &result);
    // One try of a publish that goes on failed (TikTok's FAILED with a reason it asks to retry):
    // recorded as an attempt; finished() follows later.
    void attemptFailed(const QString &postId, const cq::PublishResult &result);
    // Something the user should know while the publish goes on (a slow link...); an empty postId
    // concerns every post (the photo host failed its start-up check).
    void notice(const QString &postId, const QString &message);
};

} // namespace cq
