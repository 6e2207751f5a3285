#pragma once

#include "publish/PostStatus.h"

#include <QObject>
#include <QThread>

#include <functional>
#include <memory>

namespace cq {

class Publisher;
class Session;

// The scheduler runner and its publisher on a worker thread of their own, with their own Session
// (database connection and network manager: one per thread), so that reading chunks, uploading
// and database work never block the GUI. Signals arrive queued on the owner's thread. Stopping
// (or destroying) it leaves claimed posts to the lease rules: a later runner resumes them.
class PublishingThread : public QObject {
    Q_OBJECT

public:
    // Makes the publisher inside the worker thread; tests pass a scripted one. Empty: TikTok's.
    using PublisherFactory = std::function<std::unique_ptr<Publisher>(Session &)>;

    explicit PublishingThread(PublisherFactory factory = {}, QObject *parent = nullptr);
    ~PublishingThread() override;

    void start();
    void stop();

Q_SIGNALS:
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
