// clipqueue-cli post, workspace and run (docs/cli.md) against a real SQLite data folder.
#include "CliHarness.h"
#include "ScriptedPublisher.h"
#include "TestFixtures.h"
#include "media/MediaDescriptor.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace cq;
using cq::cli::ExitCode;
using cq::test::CliRun;

class TestCliPosts : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void createPrintsTheIdAndListShowsIt();
    void createMakesOnePostPerAccount();
    void createRefusesBrokenInput_data();
    void createRefusesBrokenInput();
    void reviewFlowWithApprovalRequired();
    void scheduleReadsTimesInTheChosenZone();
    void exportKeepsUnknownFields();
    void runOncePublishesDuePostsAndExits();
    void runWithoutPublisherIsARuntimeFailure();
    void realBinaryListsJson();

private:
    CliRun cli(const QStringList &arguments);
    QString writePost(const QString &name, const QByteArray &json);
    QByteArray postJson(const QString &media = {}, const QString &extra = {}) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    cq::test::PublishLedger m_ledger;
};

void TestCliPosts::init() {
    m_dir = std::make_unique<QTemporaryDir>();
    qputenv("CLIPQUEUE_DATA_DIR", m_dir->path().toUtf8());
    qunsetenv("CLIPQUEUE_DATABASE_URL");
    qputenv("CLIPQUEUE_PROFILE_NAME", "ana");
}

CliRun TestCliPosts::cli(const QStringList &arguments) {
    return cq::test::runCli(arguments, [this](Session &) -> std::expected<std::unique_ptr<Publisher>, Error> {
        return std::make_unique<cq::test::ScriptedPublisher>(m_ledger);
    });
}

QString TestCliPosts::writePost(const QString &name, const QByteArray &json) {
    const QString path = m_dir->filePath(name);
    QFile file(path);
    file.open(QIODevice::WriteOnly);
    file.write(json);
    return path;
}

QByteArray TestCliPosts::postJson(const QString &media, const QString &extra) const {
    const QString url =
        fileUrlForPath(cq::test::fixturePath(media.isEmpty() ? QStringLiteral("vertical.mp4") : media));
    return (u"{\"content\":{\"text\":\"Hello 👋\",\"media\":[{\"url\":\"" + url
            + u"\"}],\"platformOverrides\":{\"tiktok\":{\"settings\":{\"privacyLevel\":\"SELF_ONLY\"}}}},"
              u"\"accounts\":[\"acct-1\"],\"scheduledFor\":null"
            + extra + u'}')
        .toUtf8();
}

void TestCliPosts::createPrintsTheIdAndListShowsIt() {
    const CliRun created = cli(
        {QStringLiteral("post"), QStringLiteral("create"), writePost(QStringLiteral("p.json"), postJson())});
    QVERIFY2(created.exitCode == ExitCode::Success, qPrintable(created.err));
    const QString id = created.out.trimmed();
    QCOMPARE(id.size(), 36);

    const CliRun list = cli({QStringLiteral("post"), QStringLiteral("list"), QStringLiteral("--json")});
    QCOMPARE(list.exitCode, ExitCode::Success);
    const QJsonArray posts = list.json().array();
    QCOMPARE(posts.size(), 1);
    QCOMPARE(posts.first().toObject().value(u"id").toString(), id);
    QCOMPARE(posts.first().toObject().value(u"status").toString(), QStringLiteral("draft"));
    QCOMPARE(posts.first().toObject().value(u"createdBy").toString(), QStringLiteral("ana"));

    const CliRun show = cli({QStringLiteral("post"), QStringLiteral("show"), id, QStringLiteral("--json")});
    QCOMPARE(show.exitCode, ExitCode::Success);
    const QJsonObject detail = show.json().object();
    QCOMPARE(detail.value(u"history").toArray().size(), 1);
    QCOMPARE(detail.value(u"storedMedia").toArray().first().toObject().value(u"sha256").toString().size(),
             64);
    QCOMPARE(detail.value(u"post").toObject().value(u"content").toObject().value(u"text").toString(),
             QStringLiteral("Hello 👋"));

    QCOMPARE(cli({QStringLiteral("post"), QStringLiteral("list"), QStringLiteral("--status"),
                  QStringLiteral("scheduled"), QStringLiteral("--json")})
                 .json()
                 .array()
                 .size(),
             0);
}

void TestCliPosts::createMakesOnePostPerAccount() {
    // One publish per account: a post for two accounts becomes two posts sharing the stored media.
    const QByteArray json = postJson().replace(R"(["acct-1"])", R"(["acct-1","acct-2"])");
    const CliRun created = cli({QStringLiteral("post"), QStringLiteral("create"), QStringLiteral("--submit"),
                                writePost(QStringLiteral("two.json"), json)});
    QVERIFY2(created.exitCode == ExitCode::Success, qPrintable(created.err));
    const QStringList ids = created.out.trimmed().split(u'\n');
    QCOMPARE(ids.size(), 2);
    QStringList accounts;
    QSet<QString> media;
    for (const QString &id : ids) {
        const QJsonObject detail =
            cli({QStringLiteral("post"), QStringLiteral("show"), id, QStringLiteral("--json")})
                .json()
                .object();
        QCOMPARE(detail.value(u"status").toString(), QStringLiteral("scheduled"));
        const QJsonArray postAccounts = detail.value(u"post").toObject().value(u"accounts").toArray();
        QCOMPARE(postAccounts.size(), 1);
        accounts << postAccounts.first().toString();
        media << detail.value(u"storedMedia").toArray().first().toObject().value(u"sha256").toString();
    }
    QCOMPARE(accounts, (QStringList{QStringLiteral("acct-1"), QStringLiteral("acct-2")}));
    QCOMPARE(media.size(), 1); // one stored copy, referenced twice

    // --json: an array, one object per account.
    const CliRun asJson = cli({QStringLiteral("post"), QStringLiteral("create"), QStringLiteral("--json"),
                               writePost(QStringLiteral("two-again.json"), json)});
    QCOMPARE(asJson.exitCode, ExitCode::Success);
    QCOMPARE(asJson.json().array().size(), 2);
}

void TestCliPosts::createRefusesBrokenInput_data() {
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("says");
    QTest::newRow("malformed JSON") << QByteArray("{\"content\": [") << 1 << QStringLiteral("line 1");
    QTest::newRow("unreadable media")
        << postJson(QStringLiteral("truncated.mp4")) << 1 << QStringLiteral("truncated.mp4");
    QTest::newRow("invalid post with --submit")
        << postJson(QStringLiteral("short.mp4")) << 1 << QStringLiteral("video.duration_too_short");
}

void TestCliPosts::createRefusesBrokenInput() {
    QFETCH(QByteArray, json);
    QFETCH(int, exitCode);
    QFETCH(QString, says);
    const CliRun run = cli({QStringLiteral("post"), QStringLiteral("create"), QStringLiteral("--submit"),
                            writePost(QStringLiteral("bad.json"), json)});
    QCOMPARE(int(run.exitCode), exitCode);
    QVERIFY2(run.err.contains(says), qPrintable(run.err));
    const auto stored =
        cli({QStringLiteral("post"), QStringLiteral("list"), QStringLiteral("--json")}).json().array();
    if (run.out.isEmpty()) {
        QCOMPARE(stored.size(), 0); // nothing half-written
    } else {                        // a valid JSON post that fails validation is kept as a draft, and says so
        QVERIFY(run.err.contains(u"saved as a draft"));
        QCOMPARE(stored.first().toObject().value(u"id").toString(), run.out.trimmed());
        QCOMPARE(stored.first().toObject().value(u"status").toString(), QStringLiteral("draft"));
    }
}

void TestCliPosts::reviewFlowWithApprovalRequired() {
    QCOMPARE(cli({QStringLiteral("workspace"), QStringLiteral("set"), QStringLiteral("approval_required"),
                  QStringLiteral("true")})
                 .exitCode,
             ExitCode::Success);
    const QString id = cli({QStringLiteral("post"), QStringLiteral("create"), QStringLiteral("--submit"),
                            writePost(QStringLiteral("p.json"), postJson())})
                           .out.trimmed();
    auto status = [&] {
        return cli({QStringLiteral("post"), QStringLiteral("show"), id, QStringLiteral("--json")})
            .json()
            .object()
            .value(u"status")
            .toString();
    };
    QCOMPARE(status(), QStringLiteral("in_review"));
    const CliRun early = cli({QStringLiteral("post"), QStringLiteral("schedule"), id, QStringLiteral("--at"),
                              QStringLiteral("2027-01-05T18:30:00Z")});
    QCOMPARE(early.exitCode, ExitCode::InvalidInput);
    QVERIFY2(early.err.contains(u"approv"), qPrintable(early.err));
    QCOMPARE(cli({QStringLiteral("post"), QStringLiteral("request-changes"), id}).exitCode, ExitCode::Usage);
    QCOMPARE(cli({QStringLiteral("post"), QStringLiteral("request-changes"), id, QStringLiteral("--comment"),
                  QStringLiteral("Add the hashtag")})
                 .exitCode,
             ExitCode::Success);
    QCOMPARE(status(), QStringLiteral("changes_requested"));
    QCOMPARE(cli({QStringLiteral("post"), QStringLiteral("approve"), id}).exitCode, ExitCode::InvalidInput);
    QCOMPARE(cli({QStringLiteral("post"), QStringLiteral("approve"), QStringLiteral("nope")}).exitCode,
             ExitCode::InvalidInput);
    // The author resubmits (the post JSON is the same here), the reviewer approves, then it is scheduled.
    // Resubmitting goes through PostLifecycle::submit, which `post create --submit` also uses.
    const QString again = cli({QStringLiteral("post"), QStringLiteral("create"), QStringLiteral("--submit"),
                               writePost(QStringLiteral("p2.json"), postJson())})
                              .out.trimmed();
    QCOMPARE(cli({QStringLiteral("post"), QStringLiteral("approve"), again, QStringLiteral("--comment"),
                  QStringLiteral("Ship it")})
                 .exitCode,
             ExitCode::Success);
    const CliRun scheduled = cli({QStringLiteral("post"), QStringLiteral("schedule"), again,
                                  QStringLiteral("--at"), QStringLiteral("2027-01-05T18:30:00Z")});
    QVERIFY2(scheduled.exitCode == ExitCode::Success, qPrintable(scheduled.err));
    const CliRun shown = cli({QStringLiteral("post"), QStringLiteral("show"), again});
    QVERIFY2(shown.out.contains(u"approve  in_review -> approved  \"Ship it\""), qPrintable(shown.out));
}

void TestCliPosts::scheduleReadsTimesInTheChosenZone() {
    const QString id = cli({QStringLiteral("post"), QStringLiteral("create"),
                            writePost(QStringLiteral("p.json"), postJson())})
                           .out.trimmed();
    const CliRun scheduled =
        cli({QStringLiteral("post"), QStringLiteral("schedule"), id, QStringLiteral("--at"),
             QStringLiteral("2027-03-28T18:30"), QStringLiteral("--zone"), QStringLiteral("Europe/Berlin"),
             QStringLiteral("--json")});
    QVERIFY2(scheduled.exitCode == ExitCode::Success, qPrintable(scheduled.err));
    QCOMPARE(scheduled.json().object().value(u"scheduledFor").toString(),
             QStringLiteral("2027-03-28T16:30:00.000Z"));
    QCOMPARE(scheduled.json().object().value(u"timeZone").toString(), QStringLiteral("Europe/Berlin"));
    QCOMPARE(cli({QStringLiteral("post"), QStringLiteral("schedule"), id, QStringLiteral("--at"),
                  QStringLiteral("soon")})
                 .exitCode,
             ExitCode::Usage);
    QCOMPARE(
        cli({QStringLiteral("post"), QStringLiteral("schedule"), id, QStringLiteral("--at"),
             QStringLiteral("2027-03-28T18:30"), QStringLiteral("--zone"), QStringLiteral("Mars/Olympus")})
            .exitCode,
        ExitCode::Usage);
}

void TestCliPosts::exportKeepsUnknownFields() {
    const QString id =
        cli({QStringLiteral("post"), QStringLiteral("create"),
             writePost(QStringLiteral("p.json"), postJson({}, QStringLiteral(",\"x-campaign\":\"q4\"")))})
            .out.trimmed();
    const CliRun exported = cli({QStringLiteral("post"), QStringLiteral("export"), id});
    QCOMPARE(exported.exitCode, ExitCode::Success);
    QCOMPARE(exported.json().object().value(u"x-campaign").toString(), QStringLiteral("q4"));
    QCOMPARE(exported.json()
                 .object()
                 .value(u"content")
                 .toObject()
                 .value(u"media")
                 .toArray()
                 .first()
                 .toObject()
                 .value(u"height"),
             QJsonValue(640)); // the probed values
}

void TestCliPosts::runOncePublishesDuePostsAndExits() {
    QStringList ids;
    for (int i = 0; i < 3; ++i) {
        ids << cli({QStringLiteral("post"), QStringLiteral("create"), QStringLiteral("--submit"),
                    writePost(QStringLiteral("p.json"), postJson())})
                   .out.trimmed();
    }
    const CliRun run = cli({QStringLiteral("run"), QStringLiteral("--once")});
    QVERIFY2(run.exitCode == ExitCode::Success, qPrintable(run.err));
    for (const QString &id : ids) {
        QVERIFY2(run.out.contains(id + u"  published"), qPrintable(run.out));
        QCOMPARE(m_ledger.count(id), 1);
    }
    QCOMPARE(cli({QStringLiteral("post"), QStringLiteral("list"), QStringLiteral("--status"),
                  QStringLiteral("published"), QStringLiteral("--json")})
                 .json()
                 .array()
                 .size(),
             3);
    // Nothing left: a second run publishes nothing.
    QCOMPARE(cli({QStringLiteral("run"), QStringLiteral("--once")}).out, QString());
    QCOMPARE(m_ledger.total(), 3);
}

void TestCliPosts::runWithoutPublisherIsARuntimeFailure() {
    // The default TikTok publisher refuses a plain-http API base that is not this computer.
    qputenv("CLIPQUEUE_TIKTOK_API_BASE", "http://api.example.com");
    const CliRun run = cq::test::runCli({QStringLiteral("run"), QStringLiteral("--once")});
    qunsetenv("CLIPQUEUE_TIKTOK_API_BASE");
    QCOMPARE(run.exitCode, ExitCode::Runtime);
    QVERIFY2(run.err.contains(u"http://"), qPrintable(run.err));
}

void TestCliPosts::realBinaryListsJson() {
    cli({QStringLiteral("post"), QStringLiteral("create"), writePost(QStringLiteral("p.json"), postJson())});
    QProcess process;
    process.start(cq::test::cliPath(),
                  {QStringLiteral("post"), QStringLiteral("list"), QStringLiteral("--json")});
    QVERIFY(process.waitForFinished(30000));
    QCOMPARE(process.exitCode(), 0);
    QCOMPARE(QJsonDocument::fromJson(process.readAllStandardOutput()).array().size(), 1);
    process.start(cq::test::cliPath(),
                  {QStringLiteral("post"), QStringLiteral("frobnicate"), QStringLiteral("x")});
    QVERIFY(process.waitForFinished(30000));
    QCOMPARE(process.exitCode(), 2);
}

QTEST_GUILESS_MAIN(TestCliPosts)
#include "tst_cli_posts.moc"
