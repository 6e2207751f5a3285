// clipqueue-cli planning commands against a real SQLite data folder: `accounts times` (weekly
// posting times), `post create --add-to-queue`, and `post import FILE.csv` (every row checked
// first, a report of the rows with findings, nothing stored unless all are valid or
// --skip-invalid).
#include "CliHarness.h"
#include "TestFixtures.h"
#include "media/MediaDescriptor.h"
#include "session/Session.h"
#include "storage/AccountRepository.h"
#include "storage/WorkspaceSettingsRepository.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace cq;
using cq::cli::ExitCode;
using cq::test::CliRun;
using cq::test::runCli;

class TestCliPlanning : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void accountsTimesSetsAndShows();
    void accountsTimesRefusesWhatItCannotRead();
    void createAddsToTheQueue();
    void createAddToQueueWithoutTimesSaysHow();
    void importReportsBadRowsAndStoresNothing();
    void importSkipInvalidStoresTheGoodRows();
    void importFillsQueueTimesOneAfterAnother();

private:
    QString write(const QString &name, const QByteArray &bytes);
    int postCount();

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestCliPlanning::init() {
    m_dir = std::make_unique<QTemporaryDir>();
    qputenv("CLIPQUEUE_DATA_DIR", m_dir->path().toUtf8());
    qunsetenv("CLIPQUEUE_DATABASE_URL");
    qputenv("CLIPQUEUE_PROFILE_NAME", "ana");
    auto session = Session::open();
    QVERIFY(session);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QVERIFY(AccountRepository((*session)->database())
                .insert(Account{QStringLiteral("acct-1"), QStringLiteral("open-1"), QStringLiteral("Ana"),
                                true, now.addDays(1), now.addDays(365)},
                        now));
    QVERIFY(WorkspaceSettingsRepository((*session)->database())
                .setValue(QStringLiteral("default_time_zone"), QStringLiteral("Europe/Berlin")));
}

QString TestCliPlanning::write(const QString &name, const QByteArray &bytes) {
    const QString path = m_dir->filePath(name);
    QFile file(path);
    file.open(QIODevice::WriteOnly);
    file.write(bytes);
    return path;
}

int TestCliPlanning::postCount() {
    return int(runCli({QStringLiteral("post"), QStringLiteral("list"), QStringLiteral("--json")})
                   .json()
                   .array()
                   .size());
}

void TestCliPlanning::accountsTimesSetsAndShows() {
    CliRun none = runCli({QStringLiteral("accounts"), QStringLiteral("times"), QStringLiteral("acct-1")});
    QCOMPARE(none.exitCode, ExitCode::Success);
    QCOMPARE(none.out, QStringLiteral("No posting times.\n"));
    CliRun set = runCli({QStringLiteral("accounts"), QStringLiteral("times"), QStringLiteral("acct-1"),
                         QStringLiteral("--set"), QStringLiteral("mon-fri 18:30, sat 11:00"),
                         QStringLiteral("--zone"), QStringLiteral("America/New_York")});
    QCOMPARE(set.exitCode, ExitCode::Success);
    QVERIFY2(set.out.startsWith(u"Mon-Fri 18:30, Sat 11:00 (America/New_York)\nNext free: "),
             qPrintable(set.out));
    // Without --zone, the workspace's zone.
    CliRun berlin = runCli({QStringLiteral("accounts"), QStringLiteral("times"), QStringLiteral("acct-1"),
                            QStringLiteral("--set"), QStringLiteral("daily 9:00")});
    QVERIFY2(berlin.out.startsWith(u"Mon-Sun 09:00 (Europe/Berlin)"), qPrintable(berlin.out));
    QVERIFY(berlin.out.contains(u"T09:00:00"));
}

void TestCliPlanning::accountsTimesRefusesWhatItCannotRead() {
    CliRun bad = runCli({QStringLiteral("accounts"), QStringLiteral("times"), QStringLiteral("acct-1"),
                         QStringLiteral("--set"), QStringLiteral("someday 18:30")});
    QCOMPARE(bad.exitCode, ExitCode::Usage);
    QVERIFY2(bad.err.contains(u"someday"), qPrintable(bad.err));
    CliRun unknown = runCli({QStringLiteral("accounts"), QStringLiteral("times"), QStringLiteral("nobody")});
    QCOMPARE(unknown.exitCode, ExitCode::InvalidInput);
}

void TestCliPlanning::createAddsToTheQueue() {
    QCOMPARE(runCli({QStringLiteral("accounts"), QStringLiteral("times"), QStringLiteral("acct-1"),
                     QStringLiteral("--set"), QStringLiteral("daily 18:30")})
                 .exitCode,
             ExitCode::Success);
    const QString post =
        write(QStringLiteral("post.json"),
              QStringLiteral("{\"content\":{\"text\":\"Queued\",\"platformOverrides\":{\"tiktok\":{"
                             "\"settings\":{\"privacyLevel\":\"SELF_ONLY\"}}}},\"media\":[{\"url\":\"%1\"}],"
                             "\"accounts\":[\"acct-1\"]}")
                  .arg(fileUrlForPath(cq::test::fixturePath(QStringLiteral("vertical.mp4"))))
                  .toUtf8());
    QStringList times;
    for (int i = 0; i < 2; ++i) {
        CliRun made = runCli({QStringLiteral("post"), QStringLiteral("create"),
                              QStringLiteral("--add-to-queue"), QStringLiteral("--json"), post});
        QVERIFY2(made.exitCode == ExitCode::Success, qPrintable(made.err));
        times << made.json().object().value(QStringLiteral("scheduledFor")).toString();
    }
    QVERIFY2(times.at(0) != times.at(1), qPrintable(times.join(u", ")));
    const QDateTime first = QDateTime::fromString(times.at(0), Qt::ISODate);
    const QDateTime second = QDateTime::fromString(times.at(1), Qt::ISODate);
    QCOMPARE(first.addDays(1).toTimeZone(QTimeZone("Europe/Berlin")).time(), QTime(18, 30));
    QCOMPARE(first.toTimeZone(QTimeZone("Europe/Berlin")).date().addDays(1),
             second.toTimeZone(QTimeZone("Europe/Berlin")).date());
}

void TestCliPlanning::createAddToQueueWithoutTimesSaysHow() {
    const QString post = write(QStringLiteral("post.json"),
                               QStringLiteral("{\"content\":{\"text\":\"x\"},\"media\":[{\"url\":\"%1\"}]}")
                                   .arg(fileUrlForPath(cq::test::fixturePath(QStringLiteral("vertical.mp4"))))
                                   .toUtf8());
    CliRun made =
        runCli({QStringLiteral("post"), QStringLiteral("create"), QStringLiteral("--add-to-queue"), post});
    QCOMPARE(made.exitCode, ExitCode::Usage);
    QVERIFY2(made.err.contains(u"accounts times acct-1 --set"), qPrintable(made.err));
    QCOMPARE(postCount(), 0);
}

void TestCliPlanning::importReportsBadRowsAndStoresNothing() {
    const QString video = cq::test::fixturePath(QStringLiteral("vertical.mp4"));
    const QString csv =
        write(QStringLiteral("plan.csv"),
              QStringLiteral("file,caption,time,zone,account,privacy,interactions\n"
                             "%1,\"Launch, part 1\",2031-03-28T18:30,Europe/Berlin,acct-1,only me,comment\n"
                             "%2/missing.mp4,Gone,2031-03-29T18:30,,acct-1,everyone,\n"
                             "%1,Bad time,tomorrowish,,acct-1,everyone,\n")
                  .arg(video, m_dir->path())
                  .toUtf8());
    CliRun run = runCli({QStringLiteral("post"), QStringLiteral("import"), csv});
    QCOMPARE(run.exitCode, ExitCode::InvalidInput);
    QVERIFY2(run.out.contains(u"line 3: error") && run.out.contains(u"media.unreadable"),
             qPrintable(run.out));
    QVERIFY2(run.out.contains(u"line 4: error  Cannot read the time \"tomorrowish\""), qPrintable(run.out));
    QVERIFY2(!run.out.contains(u"line 2: error"), qPrintable(run.out));
    QVERIFY2(run.out.contains(u"3 row(s): 1 can be stored, 2 with errors."), qPrintable(run.out));
    QVERIFY2(run.err.contains(u"Nothing stored"), qPrintable(run.err));
    QCOMPARE(postCount(), 0);
    // JSON: every row with its findings.
    CliRun json = runCli({QStringLiteral("post"), QStringLiteral("import"), QStringLiteral("--dry-run"),
                          QStringLiteral("--json"), csv});
    const QJsonArray rows = json.json().object().value(QStringLiteral("rows")).toArray();
    QCOMPARE(rows.size(), 3);
    QCOMPARE(rows.at(0).toObject().value(QStringLiteral("valid")).toBool(), true);
    QCOMPARE(rows.at(0).toObject().value(QStringLiteral("scheduledFor")).toString(),
             QStringLiteral("2031-03-28T18:30:00+01:00"));
    QCOMPARE(rows.at(1).toObject().value(QStringLiteral("valid")).toBool(), false);
    QCOMPARE(json.json().object().value(QStringLiteral("stored")).toInt(), 0);
    QCOMPARE(postCount(), 0);
}

void TestCliPlanning::importSkipInvalidStoresTheGoodRows() {
    const QString video = cq::test::fixturePath(QStringLiteral("vertical.mp4"));
    const QString csv = write(QStringLiteral("plan.csv"),
                              QStringLiteral("File,Caption,Time,Privacy\n"
                                             "%1,\"Launch, \"\"quoted\"\"\",2031-03-28 18:30,followers\n"
                                             "%1,No privacy,2031-03-29 18:30,\n")
                                  .arg(video)
                                  .toUtf8());
    CliRun run =
        runCli({QStringLiteral("post"), QStringLiteral("import"), QStringLiteral("--skip-invalid"), csv});
    QVERIFY2(run.exitCode == ExitCode::Success, qPrintable(run.err + run.out));
    QVERIFY2(run.out.contains(u"privacy.required"), qPrintable(run.out));
    const QJsonArray list =
        runCli({QStringLiteral("post"), QStringLiteral("list"), QStringLiteral("--json")}).json().array();
    QCOMPARE(list.size(), 1);
    QVERIFY(list.at(0).toObject().value(QStringLiteral("text")).toString().startsWith(u"Launch, \"quoted\""));
}

void TestCliPlanning::importFillsQueueTimesOneAfterAnother() {
    QCOMPARE(runCli({QStringLiteral("accounts"), QStringLiteral("times"), QStringLiteral("acct-1"),
                     QStringLiteral("--set"), QStringLiteral("daily 11:00")})
                 .exitCode,
             ExitCode::Success);
    const QString video = cq::test::fixturePath(QStringLiteral("vertical.mp4"));
    const QString csv =
        write(QStringLiteral("plan.csv"),
              QStringLiteral("file,time,privacy\n%1,queue,only me\n%1,queue,only me\n").arg(video).toUtf8());
    CliRun run = runCli({QStringLiteral("post"), QStringLiteral("import"), QStringLiteral("--json"), csv});
    QVERIFY2(run.exitCode == ExitCode::Success, qPrintable(run.err));
    const QJsonArray rows = run.json().object().value(QStringLiteral("rows")).toArray();
    const QDateTime first = QDateTime::fromString(
        rows.at(0).toObject().value(QStringLiteral("scheduledFor")).toString(), Qt::ISODate);
    const QDateTime second = QDateTime::fromString(
        rows.at(1).toObject().value(QStringLiteral("scheduledFor")).toString(), Qt::ISODate);
    QCOMPARE(first.addDays(1), second);
    QCOMPARE(run.json().object().value(QStringLiteral("stored")).toInt(), 2);
    QCOMPARE(postCount(), 2);
}

QTEST_GUILESS_MAIN(TestCliPlanning)
#include "tst_cli_planning.moc"
