// The scheduler runner: claims due posts, hands them to the publisher, records every attempt, and
// never publishes late or twice without asking.
#include "ScriptedPublisher.h"
#include "StoreFixture.h"
#include "TestFixtures.h"
#include "publish/SchedulerRunner.h"
#include "storage/WorkspaceSettingsRepository.h"

#include <QDir>
#include <QSignalSpy>
#include <QTest>

using namespace cq;
using namespace cq::test;

namespace {

struct RunnerRig {
    StoreFixture fixture;
    PublishLedger ledger;
    ScriptedPublisher publisher{ledger};
    std::unique_ptr<SchedulerRunner> runner;

    explicit RunnerRig(SchedulerRunner::Options options = {}) {
        if (options.runnerId.isEmpty()) {
            options.runnerId = QStringLiteral("runner-1");
        }
        runner = std::make_unique<SchedulerRunner>(fixture.posts(), publisher, fixture.clock(), options);
    }
    QString scheduledPost(qint64 dueInMs) {
        Post post = validVideoPost();
        post.scheduledFor = fixture.clock().nowUtc().addMSecs(std::max<qint64>(dueInMs, 1000));
        auto created = fixture.importer().create(post, QString(), true);
        if (!created) {
            qFatal("%s", qPrintable(created.error().message));
        }
        if (dueInMs < 1000) { // due already: move it into the past directly
            StoredPost stored = *fixture.posts().repository().get(created->post.id);
            stored.schedule.atUtc = fixture.clock().nowUtc().addMSecs(dueInMs);
            fixture.posts().repository().update(stored, stored.revision);
        }
        return created->post.id;
    }
    PostStatus status(const QString &id) { return fixture.posts().repository().get(id)->status; }
};

} // namespace

class TestRunner : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void publishesADuePostAndRecordsTheAttempt();
    void publishesFromTheStoreAfterTheOriginalIsGone();
    void leavesPostsThatAreNotDue();
    void keepsTikTokErrorsOfAFailedAttempt();
    void unknownOutcomeNeedsAttention();
    void processingComesBeforePublished();
    void missedPostsBeyondGraceNeedAttention();
    void leavesPostsItCannotPublishToOtherRunners();
    void lateWithinGraceStillPublishes();
    void takesOverAnExpiredLeaseAndResumes();
    void wakesAtTheNextDueTimeWithoutPolling();
    void noticesWallClockJumps();
    void persistentDatabaseErrorIsToldOnceAndBacksOff();
};

void TestRunner::leavesPostsItCannotPublishToOtherRunners() {
    // Runner 1 lacks the tokens of acct-2 (a team on a shared database): it leaves those posts alone
    // and says so once each; runner 2, which has them, publishes them. More of them than a batch
    // stand before runner 1's own post in the queue, and do not hold it up.
    SchedulerRunner::Options options;
    options.batchSize = 2;
    options.canPublish = [](const StoredPost &post) {
        return post.accountId() != u"acct-2";
    };
    RunnerRig rig(options);
    QStringList theirs;
    for (int i = 0; i < 3; ++i) {
        const QString id = rig.scheduledPost(-60'000 + i * 1000);
        StoredPost other = *rig.fixture.posts().repository().get(id);
        other.content.accounts = {QStringLiteral("acct-2")};
        QVERIFY(rig.fixture.posts().repository().update(other, other.revision));
        theirs << id;
    }
    const QString mine = rig.scheduledPost(-1000);
    QSignalSpy told(rig.runner.get(), &SchedulerRunner::errorOccurred);
    QCOMPARE(rig.runner->runPass().value(), 1);
    QCOMPARE(rig.runner->runPass().value(), 0);
    QCOMPARE(told.count(), 3);
    QVERIFY(told.first().first().toString().contains(u"acct-2"));
    QTRY_COMPARE(rig.status(mine), PostStatus::Published);
    for (const QString &id : theirs) {
        QCOMPARE(rig.status(id), PostStatus::Scheduled);
    }

    SchedulerRunner::Options secondOptions;
    secondOptions.runnerId = QStringLiteral("runner-2");
    SchedulerRunner second(rig.fixture.posts(), rig.publisher, rig.fixture.clock(), secondOptions);
    QCOMPARE(second.runPass().value(), 3);
    for (const QString &id : theirs) {
        QTRY_COMPARE(rig.status(id), PostStatus::Published);
    }
}

void TestRunner::publishesADuePostAndRecordsTheAttempt() {
    RunnerRig rig;
    QString storedPath;
    rig.publisher.inspect = [&](const StoredPost &post) {
        storedPath = rig.fixture.store().pathFor(post.media.first().sha256);
    };
    const QString id = rig.scheduledPost(-1000);
    QSignalSpy settled(rig.runner.get(), &SchedulerRunner::postSettled);
    QCOMPARE(rig.runner->runPass().value(), 1);
    QCOMPARE(rig.status(id), PostStatus::Publishing);
    QTRY_COMPARE(settled.count(), 1);
    QCOMPARE(rig.status(id), PostStatus::Published);
    QVERIFY(QFile::exists(storedPath)); // the publisher reads from the store, not the original
    QCOMPARE(rig.ledger.count(id), 1);

    const auto stored = rig.fixture.posts().repository().get(id);
    QCOMPARE(stored->publishId, u"v_pub_" + id.left(8));
    QVERIFY(stored->claimedBy.isEmpty());
    const auto attempts = rig.fixture.posts().repository().attempts(id);
    QCOMPARE(attempts->size(), 1);
    QCOMPARE(attempts->first().outcome, cq::AttemptOutcome::Published);
    QCOMPARE(attempts->first().runner, QStringLiteral("runner-1"));
    QStringList actions;
    const QList<HistoryEntry> history = rig.fixture.posts().repository().history(id).value();
    for (const HistoryEntry &entry : history) {
        actions << entry.action;
        // What the runner did is signed by the runner, not by whoever runs the process.
        if (entry.action != u"create" && entry.action != u"submit") {
            QCOMPARE(entry.actor, QStringLiteral("runner:runner-1"));
        }
    }
    QCOMPARE(actions,
             (QStringList{QStringLiteral("create"), QStringLiteral("submit"), QStringLiteral("claim"),
                          QStringLiteral("publish_id"), QStringLiteral("published")}));
    // A second pass finds nothing: published once.
    QCOMPARE(rig.runner->runPass().value(), 0);
}

void TestRunner::publishesFromTheStoreAfterTheOriginalIsGone() {
    RunnerRig rig;
    const QString original = QDir(rig.fixture.dataDirectory()).filePath(QStringLiteral("deleted-later.mp4"));
    QVERIFY(QFile::copy(fixturePath(QStringLiteral("landscape.mp4")), original));
    const auto created = rig.fixture.importer().create(validVideoPost(original), QString(), true);
    QVERIFY(created.has_value());
    QVERIFY(QFile::remove(original));
    bool storedCopyReadable = false;
    rig.publisher.inspect = [&](const StoredPost &stored) {
        storedCopyReadable = rig.fixture.store().verify(stored.media.first().sha256).has_value();
    };
    QCOMPARE(rig.runner->runPass().value(), 1);
    QTRY_COMPARE(rig.status(created->post.id), PostStatus::Published);
    QVERIFY(storedCopyReadable);
}

void TestRunner::leavesPostsThatAreNotDue() {
    RunnerRig rig;
    const QString id = rig.scheduledPost(60'000);
    QCOMPARE(rig.runner->runPass().value(), 0);
    QCOMPARE(rig.status(id), PostStatus::Scheduled);
    rig.fixture.clock().advance(60'000);
    QCOMPARE(rig.runner->runPass().value(), 1);
}

void TestRunner::keepsTikTokErrorsOfAFailedAttempt() {
    RunnerRig rig;
    const QString id = rig.scheduledPost(-1000);
    rig.publisher.setScript(id, ScriptedPublisher::Script::Fail);
    rig.runner->runPass();
    QTRY_COMPARE(rig.status(id), PostStatus::Failed);
    const PublishAttempt attempt = rig.fixture.posts().repository().attempts(id)->first();
    QCOMPARE(attempt.outcome, cq::AttemptOutcome::Failed);
    QCOMPARE(attempt.errorCode, QStringLiteral("spam_risk_too_many_posts"));
    QCOMPARE(attempt.logId, QStringLiteral("202611250000000000ABCDEF"));
    QCOMPARE(attempt.httpStatus, 403);
    QVERIFY(attempt.finishedAt.has_value());
    QVERIFY(
        rig.fixture.posts().repository().history(id)->last().comment.contains(u"spam_risk_too_many_posts"));
    // A confirmed failure allows a new attempt.
    QCOMPARE(rig.fixture.posts().retry(id)->status, PostStatus::Scheduled);
    rig.publisher.setScript(id, ScriptedPublisher::Script::Publish);
    rig.runner->runPass();
    QTRY_COMPARE(rig.status(id), PostStatus::Published);
    QCOMPARE(rig.fixture.posts().repository().attempts(id)->size(), 2);
}

void TestRunner::unknownOutcomeNeedsAttention() {
    RunnerRig rig;
    const QString id = rig.scheduledPost(-1000);
    rig.publisher.setScript(id, ScriptedPublisher::Script::Unknown);
    rig.runner->runPass();
    QTRY_COMPARE(rig.status(id), PostStatus::NeedsAttention);
    QCOMPARE(rig.fixture.posts().repository().attempts(id)->first().outcome, cq::AttemptOutcome::Unknown);
    // ClipQueue never guesses: nothing more happens until the user decides.
    QCOMPARE(rig.runner->runPass().value(), 0);
    QCOMPARE(rig.ledger.count(id), 1);
    QCOMPARE(rig.fixture.posts().markPublished(id, QStringLiteral("I see it on TikTok"))->status,
             PostStatus::Published);
}

void TestRunner::processingComesBeforePublished() {
    RunnerRig rig;
    const QString id = rig.scheduledPost(-1000);
    rig.publisher.setScript(id, ScriptedPublisher::Script::ProcessThenPublish);
    rig.runner->runPass();
    QTRY_COMPARE(rig.status(id), PostStatus::Published);
    QStringList tos;
    const QList<HistoryEntry> history = rig.fixture.posts().repository().history(id).value();
    for (const HistoryEntry &entry : history) {
        tos << postStatusName(entry.to);
    }
    QVERIFY2(tos.join(u',').endsWith(u"publishing,publishing,processing,published"),
             qPrintable(tos.join(u',')));
}

void TestRunner::missedPostsBeyondGraceNeedAttention() {
    RunnerRig rig;
    const QString id = rig.scheduledPost(-16 * 60'000); // due 16 minutes ago, grace is 15
    QCOMPARE(rig.runner->runPass().value(), 0);
    QCOMPARE(rig.status(id), PostStatus::NeedsAttention);
    QCOMPARE(rig.ledger.count(id), 0);
    QVERIFY(rig.fixture.posts().repository().history(id)->last().comment.contains(u"not published late"));
    QCOMPARE(rig.fixture.posts().repository().history(id)->last().action, QStringLiteral("missed"));
}

void TestRunner::lateWithinGraceStillPublishes() {
    RunnerRig rig;
    QVERIFY(WorkspaceSettingsRepository(rig.fixture.database())
                .setValue(QStringLiteral("grace_minutes"), QStringLiteral("30")));
    const QString id = rig.scheduledPost(-16 * 60'000);
    QCOMPARE(rig.runner->runPass().value(), 1);
    QTRY_COMPARE(rig.status(id), PostStatus::Published);
}

void TestRunner::takesOverAnExpiredLeaseAndResumes() {
    RunnerRig first; // its publisher hangs, as if the process died mid-upload
    first.publisher.setDefault(ScriptedPublisher::Script::Hang);
    const QString id = first.scheduledPost(-1000);
    QCOMPARE(first.runner->runPass().value(), 1);
    QTRY_COMPARE(first.fixture.posts().repository().get(id)->publishId, u"v_pub_" + id.left(8));

    auto database = first.fixture.openAnother();
    PostLifecycle service(*database, first.fixture.store(), first.fixture.clock(), QStringLiteral("bob"));
    PublishLedger ledger;
    ScriptedPublisher publisher(ledger);
    SchedulerRunner::Options options;
    options.runnerId = QStringLiteral("runner-2");
    SchedulerRunner second(service, publisher, first.fixture.clock(), options);
    QCOMPARE(second.runPass().value(), 0); // the lease still holds
    first.fixture.clock().advance(5 * 60'000 + 1000);
    QCOMPARE(second.runPass().value(), 1);
    QTRY_COMPARE(first.status(id), PostStatus::Published);
    // The second runner resumed the same TikTok publish instead of starting another.
    QCOMPARE(ledger.publishIdSeen(id), u"v_pub_" + id.left(8));
    QCOMPARE(service.repository().history(id)->at(3).action, QStringLiteral("publish_id"));
    bool tookOver = false;
    const QList<HistoryEntry> history = service.repository().history(id).value();
    for (const HistoryEntry &entry : history) {
        tookOver = tookOver || (entry.action == u"take_over" && entry.comment.contains(u"runner-1"));
    }
    QVERIFY(tookOver);
}

void TestRunner::wakesAtTheNextDueTimeWithoutPolling() {
    SchedulerRunner::Options options;
    options.clockCheck = std::chrono::seconds(5);
    RunnerRig rig(options);
    rig.fixture.clock().setFlowing(true);
    const QString id = rig.scheduledPost(1500);
    QSignalSpy settled(rig.runner.get(), &SchedulerRunner::postSettled);
    rig.runner->start();
    QTest::qWait(800);
    QCOMPARE(rig.status(id), PostStatus::Scheduled); // not before its time
    QTRY_COMPARE_WITH_TIMEOUT(settled.count(), 1, 5000);
    QCOMPARE(rig.status(id), PostStatus::Published);
}

void TestRunner::noticesWallClockJumps() {
    SchedulerRunner::Options options;
    options.clockCheck = std::chrono::milliseconds(20);
    RunnerRig rig(options);
    const QString id = rig.scheduledPost(10 * 60'000);
    QSignalSpy jumped(rig.runner.get(), &SchedulerRunner::clockJumped);
    rig.runner->start();
    QTest::qWait(100);
    QCOMPARE(rig.status(id), PostStatus::Scheduled);
    rig.fixture.clock().advanceWall(11 * 60'000); // resume from sleep: wall time moved, monotonic did not
    QTRY_VERIFY(jumped.count() >= 1);
    QVERIFY(jumped.first().first().toLongLong() >= 11 * 60'000 - 100);
    QTRY_COMPARE(rig.status(id), PostStatus::Published); // one minute late, within grace
}

// A database that refuses every write (read-only) fails each pass the same way: the runner says
// so once, waits longer after each failure instead of trying again at once, and gives up.
void TestRunner::persistentDatabaseErrorIsToldOnceAndBacksOff() {
    SchedulerRunner::Options options;
    options.firstErrorBackoff = std::chrono::milliseconds(20);
    options.maxFailedPasses = 4;
    RunnerRig rig(options);
    rig.scheduledPost(-1000);
    QVERIFY(rig.fixture.database().exec(QStringLiteral("PRAGMA query_only = ON")).has_value());
    QSignalSpy errors(rig.runner.get(), &SchedulerRunner::errorOccurred);
    QSignalSpy gaveUp(rig.runner.get(), &SchedulerRunner::gaveUp);
    rig.runner->start();
    QVERIFY(gaveUp.wait(20000));
    QCOMPARE(errors.count(), 1);
    QVERIFY2(errors.first().at(0).toString().contains(u"readonly"),
             qPrintable(errors.first().at(0).toString()));
    QVERIFY(!gaveUp.first().at(0).toString().isEmpty());
    QTest::qWait(200); // and nothing more: it stopped
    QCOMPARE(errors.count(), 1);
}

QTEST_GUILESS_MAIN(TestRunner)
#include "tst_runner.moc"
