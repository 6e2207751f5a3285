// A writer killed with SIGKILL in the middle of its transactions leaves an SQLite database that
// passes PRAGMA integrity_check and has lost no post it reported as committed, and holds no
// half-written post.
#include "TestFixtures.h"
#include "storage/Database.h"
#include "storage/PostRepository.h"

#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace cq;

class TestCrashSafety : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void killedWriterLosesNothingCommitted_data();
    void killedWriterLosesNothingCommitted();
};

void TestCrashSafety::killedWriterLosesNothingCommitted_data() {
    QTest::addColumn<int>("killAfterIds");
    QTest::newRow("early") << 30;
    QTest::newRow("later") << 400;
    QTest::newRow("much later") << 1500;
}

void TestCrashSafety::killedWriterLosesNothingCommitted() {
    QFETCH(int, killAfterIds);
    QTemporaryDir dir;
    const QString databasePath = dir.filePath(QStringLiteral("clipqueue.sqlite"));
    QProcess writer;
    writer.start(qEnvironmentVariable("CLIPQUEUE_TEST_HELPER_DIR") + QStringLiteral("/storage_writer"),
                 {databasePath, cq::test::fixturePath(QStringLiteral("photo.jpg"))});
    QVERIFY2(writer.waitForStarted(10000), qPrintable(writer.errorString()));
    QStringList committed;
    QByteArray pending;
    QDeadlineTimer deadline(60000);
    while (committed.size() < killAfterIds && !deadline.hasExpired()) {
        if (!writer.waitForReadyRead(10000)) {
            QFAIL(qPrintable(u"the writer stopped: " + QString::fromUtf8(writer.readAllStandardError())));
        }
        pending += writer.readAllStandardOutput();
        while (pending.contains('\n')) {
            const qsizetype end = pending.indexOf('\n');
            committed << QString::fromLatin1(pending.left(end));
            pending.remove(0, end + 1);
        }
    }
    ::kill(pid_t(writer.processId()), SIGKILL); // mid-transaction: it writes without pause
    QVERIFY(writer.waitForFinished(10000));
    QCOMPARE(writer.exitStatus(), QProcess::CrashExit);
    // Ids printed after the last read may have committed too; what was read certainly did.
    pending += writer.readAllStandardOutput();

    auto database = Database::open(DatabaseConfig::sqlite(databasePath));
    QVERIFY2(database.has_value(), qPrintable(database ? QString() : database.error().message));
    auto integrity = (*database)->exec(QStringLiteral("PRAGMA integrity_check"));
    QVERIFY(integrity.has_value() && integrity->next());
    QCOMPARE(integrity->value(0).toString(), QStringLiteral("ok"));
    auto keys = (*database)->exec(QStringLiteral("PRAGMA foreign_key_check"));
    QVERIFY(keys.has_value());
    QVERIFY2(!keys->next(), "no dangling references");

    QSet<QString> stored;
    auto ids = (*database)->exec(QStringLiteral("SELECT id FROM posts"));
    while (ids->next()) {
        stored.insert(ids->value(0).toString());
    }
    for (const QString &id : committed) {
        QVERIFY2(stored.contains(id), qPrintable(u"committed post lost: " + id));
    }
    // Every post there is whole: its media row and its history row came with it.
    auto partial = (*database)->exec(QStringLiteral(
        "SELECT COUNT(*) FROM posts p WHERE NOT EXISTS (SELECT 1 FROM post_media m WHERE m.post_id = p.id) "
        "OR NOT EXISTS (SELECT 1 FROM post_history h WHERE h.post_id = p.id)"));
    QVERIFY(partial && partial->next());
    QCOMPARE(partial->value(0).toInt(), 0);
    qInfo("killed after %lld committed posts; %lld in the database", qlonglong(committed.size()),
          qlonglong(stored.size()));
}

QTEST_GUILESS_MAIN(TestCrashSafety)
#include "tst_crashsafety.moc"
