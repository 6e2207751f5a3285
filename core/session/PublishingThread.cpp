#include "session/PublishingThread.h"

#include "publish/Publisher.h"
#include "publish/SchedulerRunner.h"
#include "session/Session.h"

#include <QHash>

namespace cq {

// Everything here is created, used and destroyed on the worker thread.
class PublishingThread::Worker : public QObject {
    Q_OBJECT

public:
    explicit Worker(PublisherFactory factory)
        : m_factory(std::move(factory)) {}

    void run() {
        auto session = Session::open();
        if (!session) {
            Q_EMIT failedToStart(session.error().message);
            return;
        }
        m_session = std::move(*session);
        if (m_factory) {
            m_publisher = m_factory(*m_session);
        } else if (auto tiktok = m_session->makeTikTokPublisher(); tiktok) {
            m_publisher = std::move(*tiktok);
        } else {
            Q_EMIT failedToStart(tiktok.error().message);
            return;
        }
        m_runner = std::make_unique<SchedulerRunner>(m_session->posts(), *m_publisher, m_session->clock(),
                                                     Session::localRunnerOptions());
        connect(m_publisher.get(), &Publisher::uploadProgress, this,
                [this](const QString &id, qint64 sent, qint64 total) {
                    Q_EMIT uploadProgress(id, captionOf(id), sent, total);
                });
        connect(m_runner.get(), &SchedulerRunner::postSettled, this,
                [this](const QString &id, PostStatus status) {
                    Q_EMIT postSettled(id, captionOf(id), status);
                    m_captions.remove(id);
                });
        connect(m_runner.get(), &SchedulerRunner::errorOccurred, this, &Worker::errorOccurred);
        m_runner->start();
        Q_EMIT started(m_runner->runnerId());
    }

    ~Worker() override {
        if (m_runner) {
            m_runner->stop();
        }
        // The runner refers to the publisher and the session: it goes first.
        m_runner.reset();
        m_publisher.reset();
    }

Q_SIGNALS:
    void started(const QString &runnerId);
    void failedToStart(const QString &message);
    void uploadProgress(const QString &postId, const QString &caption, qint64 sentBytes, qint64 totalBytes);
    void postSettled(const QString &postId, const QString &caption, cq::PostStatus status);
    void errorOccurred(const QString &message);

private:
    QString captionOf(const QString &id) {
        auto it = m_captions.find(id);
        if (it == m_captions.end()) {
            auto post = m_session->posts().repository().get(id);
            it = m_captions.insert(id, post ? post->post.text : QString());
        }
        return *it;
    }

    PublisherFactory m_factory;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<Publisher> m_publisher;
    std::unique_ptr<SchedulerRunner> m_runner;
    QHash<QString, QString> m_captions;
};

PublishingThread::PublishingThread(PublisherFactory factory, QObject *parent)
    : QObject(parent)
    , m_factory(std::move(factory)) {
    m_thread.setObjectName(QStringLiteral("ClipQueue publishing"));
}

PublishingThread::~PublishingThread() {
    stop();
}

void PublishingThread::start() {
    if (m_worker) {
        return;
    }
    m_worker = new Worker(m_factory);
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::started, m_worker, &Worker::run);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &Worker::started, this, &PublishingThread::started);
    connect(m_worker, &Worker::failedToStart, this, &PublishingThread::failedToStart);
    connect(m_worker, &Worker::uploadProgress, this, &PublishingThread::uploadProgress);
    connect(m_worker, &Worker::postSettled, this, &PublishingThread::postSettled);
    connect(m_worker, &Worker::errorOccurred, this, &PublishingThread::errorOccurred);
    m_thread.start();
}

void PublishingThread::stop() {
    if (!m_worker) {
        return;
    }
    m_thread.quit();
    m_thread.wait();
    m_worker = nullptr; // deleted on its thread as it finished
}

} // namespace cq

#include "PublishingThread.moc"
