#pragma once

#include "post/StoredPost.h"

#include <QObject>
#include <QStringList>

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
};

} // namespace cq
