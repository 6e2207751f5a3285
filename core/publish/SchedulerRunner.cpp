#include "publish/SchedulerRunner.h"

#include <QLoggingCategory>
#include <QUuid>

Q_LOGGING_CATEGORY(lcRunner, "clipqueue.runner", QtInfoMsg)

namespace cq {

namespace {
constexpr qint64 PassedOverRecheckMs = 5000;
}

SchedulerRunner::SchedulerRunner(PostLifecycle &service, Publisher &publisher, const Clock &clock,
                                 Options options, QObject *parent)
    : QObject(parent)
    , m_service(service)
    , m_publisher(publisher)
    , m_clock(clock)
    , m_options(std::move(options)) {
    if (m_options.runnerId.isEmpty()) {
        m_options.runnerId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    }
    m_wake.setSingleShot(true);
    m_wake.setTimerType(Qt::CoarseTimer);
    connect(&m_wake, &QTimer::timeout, this, [this] {
        if (auto done = runPass(); !done) {
            onPassFailed(done.error());
            return;
        }
        if (m_failedPasses > 0) {
            qCInfo(lcRunner) << "passes work again after" << m_failedPasses << "failures";
        }
        m_failedPasses = 0;
        m_lastPassError.clear();
        scheduleNextWake();
    });
    connect(&m_clockCheck, &QTimer::timeout, this, &SchedulerRunner::checkClock);
    connect(&m_leaseRenewal, &QTimer::timeout, this, [this] {
        if (!m_inFlight.isEmpty()) {
            const QDateTime until = m_clock.nowUtc().addMSecs(m_options.lease.count());
            if (auto renewed = m_service.repository().renewLease(m_options.runnerId, until); !renewed) {
                Q_EMIT errorOccurred(renewed.error().message);
            }
        }
    });
    connect(&m_publisher, &Publisher::publishIdAssigned, this, &SchedulerRunner::onPublishIdAssigned);
    connect(&m_publisher, &Publisher::processing, this, &SchedulerRunner::onProcessing);
    connect(&m_publisher, &Publisher::finished, this, &SchedulerRunner::onFinished);
}

void SchedulerRunner::start() {
    m_wallAtCheck = m_clock.nowUtc().toMSecsSinceEpoch();
    m_monotonicAtCheck = m_clock.monotonicMs();
    m_clockCheck.start(m_options.clockCheck);
    m_leaseRenewal.start(m_options.lease / 3);
    m_wake.start(0);
}

void SchedulerRunner::wake() {
    if (m_clockCheck.isActive()) { // started
        m_wake.start(0);
    }
}

void SchedulerRunner::stop() {
    m_wake.stop();
    m_clockCheck.stop();
    m_leaseRenewal.stop();
}

std::chrono::milliseconds SchedulerRunner::gracePeriod() const {
    return m_service.workspace().gracePeriod().value_or(std::chrono::minutes(15));
}

std::expected<int, Error> SchedulerRunner::runPass() {
    const QDateTime now = m_clock.nowUtc();
    const QDateTime leaseUntil = now.addMSecs(m_options.lease.count());
    auto takenOver = takeOverExpiredClaims(now, leaseUntil);
    if (!takenOver) {
        return takenOver;
    }
    auto claimed = claimDuePosts(now, leaseUntil);
    if (!claimed) {
        return claimed;
    }
    return *takenOver + *claimed;
}

std::expected<int, Error> SchedulerRunner::takeOverExpiredClaims(const QDateTime &now,
                                                                 const QDateTime &leaseUntil) {
    PostRepository &repository = m_service.repository();
    if (m_options.isRunnerDead) {
        auto runners = repository.claimingRunners();
        if (!runners) {
            return std::unexpected(runners.error());
        }
        for (const QString &runner : *runners) {
            if (runner != m_options.runnerId && m_options.isRunnerDead(runner)) {
                qCInfo(lcRunner) << "runner" << runner << "is gone: taking over its posts";
                if (auto released = repository.releaseClaimsOf(runner); !released) {
                    return std::unexpected(released.error());
                }
            }
        }
    }
    // A runner that died left posts in publishing: take them over once its lease ran out. The
    // publisher resumes from the stored publish id, so nothing is sent twice.
    auto expired = repository.expiredClaims(now);
    if (!expired) {
        return std::unexpected(expired.error());
    }
    int handed = 0;
    for (const QString &id : *expired) {
        auto post = repository.get(id);
        if (!post || m_inFlight.contains(id) || leaveToOthers(*post)) {
            continue;
        }
        auto claimed = m_service.claim(id, post->status, m_options.runnerId, leaseUntil,
                                       u"the lease of runner " + post->claimedBy + u" expired");
        if (claimed && *claimed) {
            hand(id);
            ++handed;
        }
    }
    return handed;
}

std::expected<int, Error> SchedulerRunner::claimDuePosts(const QDateTime &now, const QDateTime &leaseUntil) {
    const auto grace = gracePeriod();
    // Posts this pass looked at and left where they are (another runner's account, a damaged row):
    // they stay at the head of the due list, so each query asks for that many more and skips them.
    QSet<QString> passedOver;
    int leftInPlace = 0; // of those, the ones still scheduled and due
    int handed = 0;
    while (true) {
        const int limit = m_options.batchSize + int(passedOver.size());
        auto due = m_service.repository().dueIds(now, limit);
        if (!due) {
            return std::unexpected(due.error());
        }
        int lookedAt = 0;
        for (const QString &id : *due) {
            if (passedOver.contains(id)) {
                continue;
            }
            ++lookedAt;
            auto outcome = takeDuePost(id, now, leaseUntil, grace);
            if (!outcome) {
                return std::unexpected(outcome.error());
            }
            switch (*outcome) {
            case DueOutcome::Handed:
                ++handed;
                break;
            case DueOutcome::SetAside:
                break;
            case DueOutcome::LeftInPlace:
                ++leftInPlace;
                passedOver.insert(id);
                break;
            case DueOutcome::TakenByAnother:
                passedOver.insert(id);
                break;
            }
        }
        // Every post looked at left the list (claimed, set aside, taken by another runner) or joined
        // passedOver, so each round makes progress; stop when the list ran out.
        if (due->size() < limit || lookedAt == 0) {
            break;
        }
    }
    m_leftInPlace = leftInPlace;
    return handed;
}

std::expected<SchedulerRunner::DueOutcome, Error>
SchedulerRunner::takeDuePost(const QString &id, const QDateTime &now, const QDateTime &leaseUntil,
                             std::chrono::milliseconds grace) {
    auto post = m_service.repository().get(id);
    if (!post) {
        return DueOutcome::LeftInPlace; // a damaged row: looked at again next time
    }
    if (post->status != PostStatus::Scheduled) {
        return DueOutcome::TakenByAnother;
    }
    if (post->schedule.atUtc && post->schedule.atUtc->msecsTo(now) > grace.count()) {
        const QString comment = u"due at " + post->schedule.atUtc->toString(Qt::ISODate)
                                + u" but nothing ran until " + now.toString(Qt::ISODate)
                                + u"; not published late without asking";
        if (!m_service.advance(id, PostAction::MarkUnknown, comment, {}, QStringLiteral("missed"),
                               actorName())) {
            return DueOutcome::LeftInPlace;
        }
        Q_EMIT postSettled(id, PostStatus::NeedsAttention);
        return DueOutcome::SetAside;
    }
    if (leaveToOthers(*post)) {
        return DueOutcome::LeftInPlace;
    }
    auto claimed = m_service.claim(id, PostStatus::Scheduled, m_options.runnerId, leaseUntil, QString());
    if (!claimed) {
        return std::unexpected(claimed.error());
    }
    if (!*claimed) {
        return DueOutcome::TakenByAnother;
    }
    hand(id);
    return DueOutcome::Handed;
}

bool SchedulerRunner::leaveToOthers(const StoredPost &post) {
    if (!m_options.canPublish || m_options.canPublish(post)) {
        return false;
    }
    if (!m_leftToOthers.contains(post.id)) {
        m_leftToOthers.insert(post.id);
        Q_EMIT errorOccurred(
            u"Post " + post.id + u" is for an account whose tokens this machine does not hold ("
            + (post.accountId().isEmpty() ? QStringLiteral("the default account") : post.accountId())
            + u"); it is left to a runner that has them. Connect the account here to "
              u"publish it from this machine.");
    }
    return true;
}

void SchedulerRunner::hand(const QString &postId) {
    auto post = m_service.repository().get(postId);
    if (!post) {
        Q_EMIT errorOccurred(post.error().message);
        return;
    }
    m_inFlight.insert(postId);
    m_attemptStarted.insert(postId, m_clock.nowUtc());
    qCDebug(lcRunner) << "publishing" << postId << "runner" << m_options.runnerId;
    m_publisher.publish(*post);
}

QString SchedulerRunner::actorName() const {
    return u"runner:" + m_options.runnerId; // as claims name it
}

void SchedulerRunner::onPublishIdAssigned(const QString &postId, const QString &publishId) {
    auto stored = m_service.advance(
        postId, PostAction::StorePublishId, publishId, [&](StoredPost &post) { post.publishId = publishId; },
        {}, actorName());
    if (!stored) {
        Q_EMIT errorOccurred(stored.error().message);
    }
}

void SchedulerRunner::onProcessing(const QString &postId) {
    if (auto stored = m_service.advance(postId, PostAction::StartProcessing, QString(), {}, {}, actorName());
        !stored) {
        Q_EMIT errorOccurred(stored.error().message);
    }
}

void SchedulerRunner::onFinished(const QString &postId, const PublishResult &result) {
    if (!m_inFlight.remove(postId)) {
        return; // not ours
    }
    const QDateTime now = m_clock.nowUtc();
    PublishAttempt attempt;
    attempt.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    attempt.postId = postId;
    attempt.runner = m_options.runnerId;
    attempt.startedAt = m_attemptStarted.take(postId);
    attempt.finishedAt = now;
    attempt.outcome = result.outcome;
    attempt.httpStatus = result.httpStatus;
    attempt.errorCode = result.errorCode;
    attempt.errorMessage = result.errorMessage;
    attempt.logId = result.logId;
    attempt.publishId = result.publishId;
    QString comment = result.errorCode.isEmpty() ? QString() : result.errorCode + u": " + result.errorMessage;
    if (!result.publicPostIds.isEmpty()) {
        comment = u"TikTok post " + result.publicPostIds.join(u", ");
    }
    const PostAction action = result.outcome == AttemptOutcome::Published ? PostAction::Publish
                              : result.outcome == AttemptOutcome::Failed  ? PostAction::Fail
                                                                          : PostAction::MarkUnknown;
    // The attempt and the status it leads to are written in one transaction.
    auto settled = m_service.settle(attempt, action, comment, [&](StoredPost &post) {
        if (!result.publishId.isEmpty()) {
            post.publishId = result.publishId;
        }
        if (!result.publicPostIds.isEmpty()) {
            post.publicPostId = result.publicPostIds.first();
        }
    });
    if (!settled) {
        Q_EMIT errorOccurred(settled.error().message);
    } else {
        Q_EMIT postSettled(postId, settled->status);
    }
    if (m_inFlight.isEmpty()) {
        Q_EMIT idle();
    }
}

void SchedulerRunner::scheduleNextWake() {
    auto next = m_service.repository().nextDueTime();
    qint64 delayMs = m_options.maxSleep.count();
    if (next && *next) {
        delayMs = std::clamp<qint64>(m_clock.nowUtc().msecsTo(**next), 0, m_options.maxSleep.count());
    }
    // A due post the last pass left alone is due still, so its time would wake the runner at once,
    // again and again. Look again a little later instead (a post falling due meanwhile waits that long).
    if (m_leftInPlace > 0) {
        delayMs =
            std::max<qint64>(delayMs, std::min<qint64>(PassedOverRecheckMs, m_options.maxSleep.count()));
    }
    m_wake.start(std::chrono::milliseconds(delayMs));
}

void SchedulerRunner::onPassFailed(const Error &error) {
    ++m_failedPasses;
    if (error.message != m_lastPassError) {
        m_lastPassError = error.message;
        Q_EMIT errorOccurred(error.message);
    }
    if (m_failedPasses >= m_options.maxFailedPasses) {
        stop();
        Q_EMIT gaveUp(QStringLiteral("%1 passes in a row failed (last: %2); the runner stopped.")
                          .arg(m_failedPasses)
                          .arg(error.message));
        return;
    }
    // Trying again at once would fail the same way, a thousand times a second: back off.
    const qint64 backoffMs = std::min<qint64>(
        m_options.firstErrorBackoff.count() << std::min(m_failedPasses - 1, 20), m_options.maxSleep.count());
    m_wake.start(std::chrono::milliseconds(backoffMs));
}

void SchedulerRunner::checkClock() {
    const qint64 wall = m_clock.nowUtc().toMSecsSinceEpoch();
    const qint64 monotonic = m_clock.monotonicMs();
    // The monotonic clock stops during suspend and ignores clock changes; the wall clock does not.
    const qint64 drift = (wall - m_wallAtCheck) - (monotonic - m_monotonicAtCheck);
    m_wallAtCheck = wall;
    m_monotonicAtCheck = monotonic;
    if (std::abs(drift) > 2000) {
        qCInfo(lcRunner) << "wall clock moved by" << drift << "ms (clock change or resume): re-planning";
        Q_EMIT clockJumped(drift);
        m_wake.start(0);
    }
}

} // namespace cq
