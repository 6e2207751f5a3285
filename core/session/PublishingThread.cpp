#include "session/PublishingThread.h"

#include "publish/Publisher.h"
#include "publish/SchedulerRunner.h"
#include "session/Session.h"

#include <QHash>

namespace cq {

// Everything here is created, used and destroyed on the worker thread. It emits its owner's
// signals, which reach the owner's thread queued.
class PublishingThread::Worker : public QObject {
public:
    Worker(PublishingThread &owner, PublisherFactory factory)
        : m_owner(owner)
        , m_factory(std::move(factory)) {}

    void run(bool publish) {
        auto session = Session::open();
        if (!session) {
            Q_EMIT m_owner.failedToStart(session.error().message);
            return;
        }
        m_session = std::move(*session);
        auto tiktok = m_session->tiktok();
        auto account = tiktok ? (*tiktok)->accounts->find(QString()) : std::unexpected(tiktok.error());
        if (!account) {
            Q_EMIT m_owner.failedToStart(account.error().message);
            return;
        }
        announceCreator(*account);
        if (publish) {
            startRunner();
        }
    }

    ~Worker() override {
        if (m_runner) {
            m_runner->stop();
        }
        // The runner refers to the publisher and the session: it goes first.
        m_runner.reset();
        m_publisher.reset();
    }

private:
    // The cached creator info at once, then TikTok's answer.
    void announceCreator(const Account &account) {
        const QString name = account.displayName;
        const auto announce = [this, name](const std::optional<CreatorInfo> &info) {
            Q_EMIT m_owner.creatorChanged(
                info && !info->username.isEmpty() ? name + u" (@" + info->username + u')' : name, info);
        };
        auto cached = m_session->creators().lookup(account.id);
        announce(cached && *cached ? std::optional((*cached)->info) : std::nullopt);
        m_session->refreshCreatorInfo(account.id, [this, announce](std::expected<CreatorInfo, Error> info) {
            if (info) {
                announce(*info);
            } else {
                Q_EMIT m_owner.errorOccurred(u"Creator info not refreshed: " + info.error().message);
            }
        });
    }

    void startRunner() {
        if (m_factory) {
            m_publisher = m_factory(*m_session);
        } else if (auto tiktok = m_session->makeTikTokPublisher(); tiktok) {
            m_publisher = std::move(*tiktok);
        } else {
            Q_EMIT m_owner.failedToStart(tiktok.error().message);
            return;
        }
        m_runner = std::make_unique<SchedulerRunner>(m_session->posts(), *m_publisher, m_session->clock(),
                                                     m_session->runnerOptions());
        connect(m_publisher.get(), &Publisher::uploadProgress, this,
                [this](const QString &id, qint64 sent, qint64 total) {
                    Q_EMIT m_owner.uploadProgress(id, captionOf(id), sent, total);
                });
        connect(m_runner.get(), &SchedulerRunner::postSettled, this,
                [this](const QString &id, PostStatus status) {
                    Q_EMIT m_owner.postSettled(id, captionOf(id), status);
                    m_captions.remove(id);
                });
        connect(m_runner.get(), &SchedulerRunner::errorOccurred, this,
                [this](const QString &message) { Q_EMIT m_owner.errorOccurred(message); });
        m_runner->start();
        Q_EMIT m_owner.started(m_runner->runnerId());
    }

    QString captionOf(const QString &id) {
        auto it = m_captions.find(id);
        if (it == m_captions.end()) {
            auto post = m_session->posts().repository().get(id);
            it = m_captions.insert(id, post ? post->content.text : QString());
        }
        return *it;
    }

    PublishingThread &m_owner;
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

void PublishingThread::start(bool publish) {
    if (m_worker) {
        return;
    }
    m_worker = new Worker(*this, m_factory);
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::started, m_worker, [worker = m_worker, publish] { worker->run(publish); });
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
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
