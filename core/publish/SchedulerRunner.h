#pragma once

#include "publish/PostLifecycle.h"
#include "publish/Publisher.h"

#include <QObject>
#include <QSet>
#include <QTimer>

#include <chrono>
#include <functional>

namespace cq {

// Publishes due posts. It claims each due post with a lease (so several runners on one PostgreSQL
// database never publish the same post twice; a dead runner's claims are taken over once its lease
// expires), hands it to the Publisher and records how it ended. It sleeps until the next due time
// instead of polling, wakes at least every `maxSleep` to see posts other machines added, and
// notices wall-clock jumps and resume from sleep. A post whose time passed by more than the grace
// period while nothing ran goes to needs_attention instead of out late.
class SchedulerRunner : public QObject {
    Q_OBJECT

public:
    struct Options {
        QString runnerId;
        std::chrono::milliseconds lease{std::chrono::minutes(5)};
        std::chrono::milliseconds maxSleep{std::chrono::seconds(60)};
        std::chrono::milliseconds clockCheck{std::chrono::seconds(5)};
        int batchSize = 25;
        // Tells whether another runner is known to be dead (a process on this machine that is gone),
        // so that its claims are taken over at once instead of when its lease runs out.
        std::function<bool(const QString &runnerId)> isRunnerDead;
        // Whether this runner holds what the post needs (its account's tokens). On a shared database
        // a post this runner cannot publish is left to one that can, instead of failing here.
        std::function<bool(const StoredPost &post)> canPublish;
        // A pass that fails (the database refuses, say) is tried again after this, doubling up to
        // maxSleep; after maxFailedPasses failures in a row the runner stops and emits gaveUp().
        std::chrono::milliseconds firstErrorBackoff{std::chrono::seconds(1)};
        int maxFailedPasses = 8;
    };

    SchedulerRunner(PostLifecycle &service, Publisher &publisher, const Clock &clock, Options options,
                    QObject *parent = nullptr);

    void start();
    // Looks for due posts now instead of at the next planned wake-up: a post was just scheduled here.
    void wake();
    void stop();
    // One pass now: take over expired claims, set missed posts aside, claim and publish due posts.
    // Returns how many posts it handed to the publisher.
    std::expected<int, Error> runPass();
    int inFlight() const { return int(m_inFlight.size()); }
    const QString &runnerId() const { return m_options.runnerId; }

Q_SIGNALS:
    void postSettled(const QString &postId, cq::PostStatus status);
    void idle(); // nothing in flight after a settle
    // Said once per distinct error in a row: a database that keeps refusing is not a flood.
    void errorOccurred(const QString &message);
    // Passes kept failing (Options::maxFailedPasses): the runner stopped.
    void gaveUp(const QString &message);
    void clockJumped(qint64 driftMs);

private:
    void onPublishIdAssigned(const QString &postId, const QString &publishId);
    void onProcessing(const QString &postId);
    void onFinished(const QString &postId, const PublishResult &result);
    void scheduleNextWake();
    void onPassFailed(const Error &error);
    void checkClock();
    void hand(const QString &postId);
    std::chrono::milliseconds gracePeriod() const;
    QString actorName() const; // who history rows written by this runner name
    // The parts of one pass; each returns how many posts it handed to the publisher.
    std::expected<int, Error> takeOverExpiredClaims(const QDateTime &now, const QDateTime &leaseUntil);
    std::expected<int, Error> claimDuePosts(const QDateTime &now, const QDateTime &leaseUntil);
    // What became of one due post.
    enum class DueOutcome {
        Handed,         // claimed and handed to the publisher
        SetAside,       // its time passed unattended: needs attention
        LeftInPlace,    // still due but not for this runner (another's account, a damaged row)
        TakenByAnother, // another runner was quicker
    };
    std::expected<DueOutcome, Error> takeDuePost(const QString &id, const QDateTime &now,
                                                 const QDateTime &leaseUntil,
                                                 std::chrono::milliseconds grace);

    PostLifecycle &m_service;
    Publisher &m_publisher;
    const Clock &m_clock;
    Options m_options;
    QTimer m_wake;
    QTimer m_clockCheck;
    QTimer m_leaseRenewal;
    QSet<QString> m_inFlight;
    QSet<QString> m_leftToOthers; // told once per post
    int m_leftInPlace = 0;        // due posts the last pass left where they were
    int m_failedPasses = 0;       // in a row
    QString m_lastPassError;      // told already
    bool leaveToOthers(const StoredPost &post);
    QHash<QString, QDateTime> m_attemptStarted;
    qint64 m_wallAtCheck = 0;
    qint64 m_monotonicAtCheck = 0;
};

} // namespace cq
