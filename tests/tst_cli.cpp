// clipqueue-cli probe and validate (docs/cli.md): in-process for the details, and once
// through the real binary for exit codes and JSON on stdout.
#include "CliHarness.h"
#include "TestFixtures.h"
#include "media/MediaDescriptor.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace cq;
using cq::cli::ExitCode;
using cq::test::CliRun;
using cq::test::fixturePath;
using cq::test::runCli;

namespace {

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &content) {
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        qFatal("cannot write %s", qPrintable(path));
    }
    file.write(content);
    return path;
}

QByteArray postJson(const QString &mediaPath, const QString &text, const char *privacy = "SELF_ONLY") {
    const QJsonObject post{
        {QStringLiteral("content"),
         QJsonObject{{QStringLiteral("text"), text},
                     {QStringLiteral("media"),
                      QJsonArray{QJsonObject{{QStringLiteral("url"), fileUrlForPath(mediaPath)}}}},
                     {QStringLiteral("platformOverrides"),
                      QJsonObject{{QStringLiteral("tiktok"),
                                   QJsonObject{{QStringLiteral("settings"),
                                                QJsonObject{{QStringLiteral("privacyLevel"),
                                                             QString::fromLatin1(privacy)}}}}}}}}},
        {QStringLiteral("scheduledFor"), QJsonValue::Null},
    };
    return QJsonDocument(post).toJson();
}

const QByteArray creatorJson = R"({"creator_nickname":"Ana","creator_username":"ana",
 "privacy_level_options":["PUBLIC_TO_EVERYONE","SELF_ONLY"],"comment_disabled":false,
 "duet_disabled":true,"stitch_disabled":false,"max_video_post_duration_sec":300})";

QStringList codesOf(const QJsonDocument &document) {
    QStringList codes;
    for (const QJsonValue &finding : document.object().value(u"findings").toArray()) {
        codes << finding.toObject().value(u"code").toString();
    }
    return codes;
}

} // namespace

class TestCli : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void usageErrorsExitWith2_data();
    void usageErrorsExitWith2();
    void everyErrorCodeHasAnExitCode();
    void probeJsonIsOneArrayInArgumentOrder();
    void probeTextNamesEachFile();
    void validateAcceptsAValidPost();
    void validateReportsErrorsAndExits1();
    void validateWithoutCreatorWarnsCreatorUnknown();
    void validateMalformedJsonNamesLineAndColumn();
    void realBinaryProbe();
    void realBinaryValidate();
    void qtOwnMessagesStayOffStderr();

private:
    QTemporaryDir m_dir;
};

void TestCli::initTestCase() {
    QVERIFY(m_dir.isValid());
    // No ClipQueue database here: validate reports creator.unknown instead of using cached info.
    qputenv("CLIPQUEUE_DATA_DIR", m_dir.path().toUtf8());
    qunsetenv("CLIPQUEUE_DATABASE_URL");
}

void TestCli::usageErrorsExitWith2_data() {
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("no command") << QStringList{};
    QTest::newRow("unknown command") << QStringList{QStringLiteral("publish-everything")};
    QTest::newRow("probe without files") << QStringList{QStringLiteral("probe")};
    QTest::newRow("probe with an unknown option")
        << QStringList{QStringLiteral("probe"), QStringLiteral("--colour"), QStringLiteral("a.mp4")};
    QTest::newRow("validate without a post") << QStringList{QStringLiteral("validate")};
    QTest::newRow("validate with two posts")
        << QStringList{QStringLiteral("validate"), QStringLiteral("a.json"), QStringLiteral("b.json")};
    QTest::newRow("a limit that is no number") << QStringList{
        QStringLiteral("post"), QStringLiteral("list"), QStringLiteral("--limit"), QStringLiteral("ten")};
    QTest::newRow("post without a command") << QStringList{QStringLiteral("post")};
    QTest::newRow("an unknown post command")
        << QStringList{QStringLiteral("post"), QStringLiteral("publish")};
    QTest::newRow("post show without an id") << QStringList{QStringLiteral("post"), QStringLiteral("show")};
    QTest::newRow("post submit with two ids") << QStringList{QStringLiteral("post"), QStringLiteral("submit"),
                                                             QStringLiteral("a"), QStringLiteral("b")};
    QTest::newRow("post edit without a file")
        << QStringList{QStringLiteral("post"), QStringLiteral("edit"), QStringLiteral("a")};
    QTest::newRow("post delete with an unknown option") << QStringList{
        QStringLiteral("post"), QStringLiteral("delete"), QStringLiteral("--force"), QStringLiteral("a")};
    QTest::newRow("post duplicate with a comment")
        << QStringList{QStringLiteral("post"), QStringLiteral("duplicate"), QStringLiteral("a"),
                       QStringLiteral("--comment"), QStringLiteral("again")};
    QTest::newRow("an unknown status") << QStringList{QStringLiteral("post"), QStringLiteral("list"),
                                                      QStringLiteral("--status"), QStringLiteral("lost")};
    QTest::newRow("a schedule that is no time")
        << QStringList{QStringLiteral("post"), QStringLiteral("schedule"), QStringLiteral("a"),
                       QStringLiteral("--at"), QStringLiteral("soon")};
    QTest::newRow("request-changes without a comment")
        << QStringList{QStringLiteral("post"), QStringLiteral("request-changes"), QStringLiteral("a")};
    QTest::newRow("a token lifetime that is no number")
        << QStringList{QStringLiteral("accounts"),        QStringLiteral("import"),
                       QStringLiteral("--open-id"),       QStringLiteral("o"),
                       QStringLiteral("--access-token"),  QStringLiteral("a"),
                       QStringLiteral("--refresh-token"), QStringLiteral("r"),
                       QStringLiteral("--expires-in"),    QStringLiteral("soon")};
}

void TestCli::usageErrorsExitWith2() {
    QFETCH(QStringList, arguments);
    const CliRun run = runCli(arguments);
    QCOMPARE(run.exitCode, ExitCode::Usage);
    QVERIFY2(run.err.contains(u"Usage"), qPrintable(run.err));
    QVERIFY(run.out.isEmpty());
    // Refused before anything was opened: no database appeared.
    QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("clipqueue.sqlite"))));
}

void TestCli::everyErrorCodeHasAnExitCode() {
    using cq::cli::exitCodeFor;
    QCOMPARE(exitCodeFor(ErrorCode::Usage), ExitCode::Usage);
    for (const ErrorCode code :
         {ErrorCode::MediaUnreadable, ErrorCode::JsonMalformed, ErrorCode::JsonInvalid, ErrorCode::NotFound,
          ErrorCode::InvalidTransition, ErrorCode::ValidationFailed}) {
        QCOMPARE(exitCodeFor(code), ExitCode::InvalidInput);
    }
    for (const ErrorCode code : {ErrorCode::Cancelled, ErrorCode::Io, ErrorCode::Database, ErrorCode::Network,
                                 ErrorCode::Conflict}) {
        QCOMPARE(exitCodeFor(code), ExitCode::Runtime);
    }
}

void TestCli::probeJsonIsOneArrayInArgumentOrder() {
    const QStringList files{fixturePath(QStringLiteral("rotated.mp4")),
                            fixturePath(QStringLiteral("empty.mp4")),
                            fixturePath(QStringLiteral("photo.webp"))};
    const CliRun run = runCli(QStringList{QStringLiteral("probe"), QStringLiteral("--json")} + files);
    QCOMPARE(run.exitCode, ExitCode::InvalidInput); // one file is unreadable
    const QJsonArray array = run.json().array();
    QCOMPARE(array.size(), 3);

    const QJsonObject rotated = array.at(0).toObject();
    QCOMPARE(rotated.value(u"filename").toString(), QStringLiteral("rotated.mp4"));
    QCOMPARE(rotated.value(u"type").toString(), QStringLiteral("video"));
    QCOMPARE(rotated.value(u"mimeType").toString(), QStringLiteral("video/mp4"));
    QCOMPARE(rotated.value(u"width").toInt(), 360);
    QCOMPARE(rotated.value(u"height").toInt(), 640);
    QCOMPARE(rotated.value(u"rotation").toInt(), 270);
    QCOMPARE(rotated.value(u"codec").toString(), QStringLiteral("h264"));
    QCOMPARE(rotated.value(u"frameRate").toDouble(), 30.0);
    QCOMPARE(rotated.value(u"hasAudio").toBool(true), false);
    QVERIFY(rotated.value(u"url").toString().startsWith(u"file:///"));
    QVERIFY(rotated.value(u"sizeBytes").toInteger() > 0);
    QVERIFY(!rotated.contains(u"error"));

    const QJsonObject empty = array.at(1).toObject();
    QCOMPARE(empty.value(u"filename").toString(), QStringLiteral("empty.mp4"));
    QCOMPARE(empty.value(u"error").toObject().value(u"code").toString(), QStringLiteral("media.unreadable"));
    QVERIFY(empty.value(u"error").toObject().value(u"message").toString().contains(u"empty"));

    QCOMPARE(array.at(2).toObject().value(u"mimeType").toString(), QStringLiteral("image/webp"));
}

void TestCli::probeTextNamesEachFile() {
    const CliRun run = runCli({QStringLiteral("probe"), fixturePath(QStringLiteral("vertical.mp4"))});
    QCOMPARE(run.exitCode, ExitCode::Success);
    QVERIFY2(run.out.startsWith(u"vertical.mp4: video  video/mp4  360x640"), qPrintable(run.out));
}

void TestCli::validateAcceptsAValidPost() {
    const QString post =
        writeFile(m_dir, QStringLiteral("ok.json"),
                  postJson(fixturePath(QStringLiteral("vertical.mp4")), QStringLiteral("Hello 👋")));
    const QString creator = writeFile(m_dir, QStringLiteral("creator.json"), creatorJson);
    const CliRun run = runCli(
        {QStringLiteral("validate"), QStringLiteral("--json"), QStringLiteral("--creator"), creator, post});
    QVERIFY2(run.exitCode == ExitCode::Success, qPrintable(run.out + run.err));
    QCOMPARE(run.json().object().value(u"valid").toBool(), true);
    QCOMPARE(codesOf(run.json()), QStringList{});
}

void TestCli::validateReportsErrorsAndExits1() {
    const QString post = writeFile(
        m_dir, QStringLiteral("bad.json"),
        postJson(fixturePath(QStringLiteral("short.mp4")), QString(2201, u'x'), "MUTUAL_FOLLOW_FRIENDS"));
    const QString creator = writeFile(m_dir, QStringLiteral("creator.json"), creatorJson);
    const CliRun run = runCli(
        {QStringLiteral("validate"), QStringLiteral("--json"), QStringLiteral("--creator"), creator, post});
    QCOMPARE(run.exitCode, ExitCode::InvalidInput);
    QCOMPARE(run.json().object().value(u"valid").toBool(), false);
    const QStringList codes = codesOf(run.json());
    QVERIFY2(codes.contains(u"caption.too_long"), qPrintable(codes.join(u',')));
    QVERIFY2(codes.contains(u"video.duration_too_short"), qPrintable(codes.join(u',')));
    QVERIFY2(codes.contains(u"privacy.not_allowed"), qPrintable(codes.join(u',')));
    const QJsonObject first = run.json().object().value(u"findings").toArray().at(0).toObject();
    QVERIFY(first.contains(u"severity") && first.contains(u"field") && first.contains(u"message"));

    const CliRun text = runCli({QStringLiteral("validate"), QStringLiteral("--creator"), creator, post});
    QCOMPARE(text.exitCode, ExitCode::InvalidInput);
    QVERIFY2(text.out.contains(u"caption.too_long") && text.out.contains(u"Not valid: 3 error(s)"),
             qPrintable(text.out));
}

void TestCli::validateWithoutCreatorWarnsCreatorUnknown() {
    const QString post =
        writeFile(m_dir, QStringLiteral("ok.json"),
                  postJson(fixturePath(QStringLiteral("vertical.mp4")), QStringLiteral("Hi")));
    const CliRun run = runCli({QStringLiteral("validate"), QStringLiteral("--json"), post});
    QCOMPARE(run.exitCode, ExitCode::Success);
    QCOMPARE(codesOf(run.json()), QStringList{QStringLiteral("creator.unknown")});
}

void TestCli::validateMalformedJsonNamesLineAndColumn() {
    const QString post = writeFile(m_dir, QStringLiteral("broken.json"), "{\n  \"content\": [1,,2]\n}\n");
    const CliRun run = runCli({QStringLiteral("validate"), QStringLiteral("--json"), post});
    QCOMPARE(run.exitCode, ExitCode::InvalidInput);
    const QJsonObject finding = run.json().object().value(u"findings").toArray().at(0).toObject();
    QCOMPARE(finding.value(u"code").toString(), QStringLiteral("post.json_malformed"));
    QVERIFY2(finding.value(u"message").toString().contains(u"line 2, column"),
             qPrintable(finding.value(u"message").toString()));
}

void TestCli::realBinaryProbe() {
    QProcess process;
    process.start(cq::test::cliPath(), {QStringLiteral("probe"), QStringLiteral("--json"),
                                        fixturePath(QStringLiteral("Clip mit Ümlaut 🎬 final.mp4")),
                                        fixturePath(QStringLiteral("truncated.mp4"))});
    QVERIFY(process.waitForFinished(30000));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 1);
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(process.readAllStandardOutput(), &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(document.array().size(), 2);
    QCOMPARE(document.array().at(0).toObject().value(u"filename").toString(),
             QStringLiteral("Clip mit Ümlaut 🎬 final.mp4"));
    QCOMPARE(document.array().at(1).toObject().value(u"error").toObject().value(u"code").toString(),
             QStringLiteral("media.unreadable"));
    QCOMPARE(process.readAllStandardError(), QByteArray()); // FFmpeg's own chatter stays out of stderr
}

void TestCli::realBinaryValidate() {
    const QString post =
        writeFile(m_dir, QStringLiteral("ok.json"),
                  postJson(fixturePath(QStringLiteral("vertical.mp4")), QStringLiteral("Hi")));
    QProcess process;
    process.start(cq::test::cliPath(), {QStringLiteral("validate"), QStringLiteral("--json"), post});
    QVERIFY(process.waitForFinished(30000));
    QCOMPARE(process.exitCode(), 0);
    QCOMPARE(QJsonDocument::fromJson(process.readAllStandardOutput()).object().value(u"valid").toBool(),
             true);

    process.start(cq::test::cliPath(), {QStringLiteral("validate"), QStringLiteral("--json")});
    QVERIFY(process.waitForFinished(30000));
    QCOMPARE(process.exitCode(), 2);
}

// stderr carries what the command says: Qt's own messages (here its plugin loader's, switched on
// by QT_DEBUG_PLUGINS) stay out unless CLIPQUEUE_DEBUG=1 asks for them.
void TestCli::qtOwnMessagesStayOffStderr() {
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("CLIPQUEUE_DATA_DIR"), m_dir.filePath(QStringLiteral("quiet")));
    environment.insert(QStringLiteral("QT_DEBUG_PLUGINS"), QStringLiteral("1"));
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(cq::test::cliPath(), {QStringLiteral("post"), QStringLiteral("list")});
    QVERIFY(process.waitForFinished(30000));
    QCOMPARE(process.exitCode(), 0);
    QCOMPARE(process.readAllStandardError(), QByteArray());

    environment.insert(QStringLiteral("CLIPQUEUE_DEBUG"), QStringLiteral("1"));
    process.setProcessEnvironment(environment);
    process.start(cq::test::cliPath(), {QStringLiteral("post"), QStringLiteral("list")});
    QVERIFY(process.waitForFinished(30000));
    QVERIFY(!process.readAllStandardError().isEmpty());
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
