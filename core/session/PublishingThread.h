#pragma once

#include "post/CreatorInfo.h"
#include "post/PostStatus.h"

#include <QObject>
#include <QThread>

#include <functional>
#include <memory>
#include <optional>

namespace cq {

class Publisher;
class Session;

// The desktop app's background work on a worker thread of its own, with its own Session (database
// connection and network manager: one per thread), so that database, keychain, network and upload
// work never block the GUI: it finds the default account and its creator info (cached at once,
// then fresh from TikTok), and, when asked to publish, runs the scheduler runner and its publisher.
// Signals arrive queued on the owner's thread. Stopping (or destroying) it leaves claimed posts to
// the lease rules: a later runner resumes them.
class PublishingThread : public QObject {
    Q_OBJECT

public:
    // Makes the publisher inside the worker thread; tests pass a scripted one. Empty: TikTok's.
    using PublisherFactory = std::function<std::unique_ptr<Publisher>(Session &)>;

    explicit PublishingThread(PublisherFactory factory = {}, QObject *parent = nullptr);
    ~PublishingThread() override;

    // `publish`: also publish due posts of the connected account (else only the account's info).
    void start(bool publish = true);
    void stop();

Q_SIGNALS:
    // The default account ("Ana (@ana.makes)") and what TikTok says it allows; sent with the cached
    // creator info first and again with TikTok's fresh answer. Not sent when no account is connected.
    void creatorChanged(const QString &accountLabel, const std::optional<cq::CreatorInfo> &info);
    void started(const QString &runnerId);
    void failedToStart(const QString &message);
    // `caption` is the post's text, to tell the user which post it is.
    void uploadProgress(const QString &postId, const QString &caption, qint64 sentBytes, qint64 totalBytes);
    void postSettled(const QString &postId, const QString &caption, cq::PostStatus status);
    void errorOccurred(const QString &message);

private:
    class Worker;
    PublisherFactory m_factory;
    QThread m_thread;
    Worker *m_worker = nullptr; // lives in m_thread, deleted there when it finishes
};

} // namespace cq
