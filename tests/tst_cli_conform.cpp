// clipqueue-cli conform, validate's `fix` and post create --conform (docs/cli.md, "conform").
#include "CliHarness.h"
#include "TestFixtures.h"
#include "media/MediaDescriptor.h"
#include "media/MediaStore.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
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

const QByteArray creatorJson = R"({"privacy_level_options":["SELF_ONLY"],"max_video_post_duration_sec":5})";

QJsonObject findingWithCode(const QJsonDocument &validation, const QString &code) {
    for (const QJsonValue &finding : validation.object().value(u"findings").toArray()) {
        if (finding.toObject().value(u"code").toString() == code) {
            return finding.toObject();
        }
    }
    return {};
}

QStringList errorCodes(const QJsonDocument &validation) {
    QStringList codes;
    for (const QJsonValue &finding : validation.object().value(u"findings").toArray()) {
        if (finding.toObject().value(u"severity").toString() == u"error") {
            codes << finding.toObject().value(u"code").toString();
        }
    }
    return codes;
}

QString mediaUrl(const QJsonDocument &post, int index) {
    return post.object()
        .value(u"content")
        .toObject()
        .value(u"media")
        .toArray()
        .at(index)
        .toObject()
        .value(u"url")
        .toString();
}

} // namespace

class TestCliConform : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void validateJsonSaysWhatTheFixIs();
    void conformWritesBesideThePostAndPrintsTheFixedPost();
    void conformTrimsToTheCreatorsMaximum();
    void conformWithNothingToConvertPrintsThePost();
    void conformStripsLocationWhenAsked();
    void conformUsageErrorsExitWith2();
    void postCreateConformStoresTheConvertedCopy();
    void realBinaryConform();

private:
    QString copyFixture(const QString &name);
    QString writeFile(const QString &name, const QByteArray &content);
    QString writePost(const QStringList &mediaUrls);

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestCliConform::init() {
    m_dir = std::make_unique<QTemporaryDir>();
    qputenv("CLIPQUEUE_DATA_DIR", m_dir->filePath(QStringLiteral("data")).toUtf8());
    qunsetenv("CLIPQUEUE_DATABASE_URL");
}

QString TestCliConform::copyFixture(const QString &name) {
    const QString path = m_dir->filePath(name);
    QFile::copy(fixturePath(name), path);
    return path;
}

QString TestCliConform::writeFile(const QString &name, const QByteArray &content) {
    const QString path = m_dir->filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        qFatal("cannot write %s", qPrintable(path));
    }
    file.write(content);
    return path;
}

// A post with relative media URLs (they are read from the post's folder).
QString TestCliConform::writePost(const QStringList &mediaUrls) {
    QJsonArray media;
    for (const QString &url : mediaUrls) {
        media.append(QJsonObject{{QStringLiteral("url"), url}});
    }
    const QJsonObject settings{{QStringLiteral("privacyLevel"), QStringLiteral("SELF_ONLY")}};
    const QJsonObject post{
        {QStringLiteral("content"),
         QJsonObject{
             {QStringLiteral("text"), QStringLiteral("Fix it")},
             {QStringLiteral("media"), media},
             {QStringLiteral("platformOverrides"),
              QJsonObject{{QStringLiteral("tiktok"), QJsonObject{{QStringLiteral("settings"), settings}}}}}}},
        {QStringLiteral("scheduledFor"), QJsonValue::Null},
    };
    return writeFile(QStringLiteral("post.json"), QJsonDocument(post).toJson());
}

void TestCliConform::validateJsonSaysWhatTheFixIs() {
    copyFixture(QStringLiteral("screenshot.png"));
    const QString post = writePost({QStringLiteral("screenshot.png")});
    const CliRun run = runCli({QStringLiteral("validate"), QStringLiteral("--json"), post});
    QCOMPARE(run.exitCode, ExitCode::InvalidInput);
    const QJsonObject format = findingWithCode(run.json(), QStringLiteral("photo.format_unsupported"));
    QCOMPARE(format.value(u"fix").toString(), QStringLiteral("scale to 1080x2337 JPEG"));
    // Findings no conversion clears have no `fix` at all.
    QVERIFY(!findingWithCode(run.json(), QStringLiteral("creator.unknown")).contains(u"fix"));
}

void TestCliConform::conformWritesBesideThePostAndPrintsTheFixedPost() {
    const QString png = copyFixture(QStringLiteral("screenshot.png"));
    const QString jpeg = copyFixture(QStringLiteral("photo_4000x3000.jpg"));
    copyFixture(QStringLiteral("photo.jpg"));
    const QByteArray pngBytes = cq::test::fixtureBytes(QStringLiteral("screenshot.png"));
    const QString post = writePost({QStringLiteral("screenshot.png"), QStringLiteral("photo.jpg"),
                                    QStringLiteral("photo_4000x3000.jpg")});
    const CliRun run = runCli({QStringLiteral("conform"), post});
    QCOMPARE(run.exitCode, ExitCode::Success);
    QVERIFY2(run.err.contains(u"media/0 screenshot.png: scale to 1080x2337 JPEG -> "), qPrintable(run.err));
    QVERIFY(run.err.contains(u"media/2 photo_4000x3000.jpg: scale to 1440x1080 JPEG -> "));
    // Converted files sit beside the post; an item that needed nothing keeps its file.
    QCOMPARE(mediaUrl(run.json(), 0),
             fileUrlForPath(m_dir->filePath(QStringLiteral("screenshot.tiktok.jpg"))));
    QCOMPARE(mediaUrl(run.json(), 1), fileUrlForPath(m_dir->filePath(QStringLiteral("photo.jpg"))));
    QCOMPARE(mediaUrl(run.json(), 2),
             fileUrlForPath(m_dir->filePath(QStringLiteral("photo_4000x3000.tiktok.jpg"))));
    QFile original(png);
    QVERIFY(original.open(QIODevice::ReadOnly));
    QCOMPARE(original.readAll(), pngBytes);
    QVERIFY(QFileInfo::exists(jpeg));

    // The printed post is valid, from any folder.
    QDir(m_dir->path()).mkdir(QStringLiteral("elsewhere"));
    const QString fixed = writeFile(QStringLiteral("elsewhere/fixed.json"), run.out.toUtf8());
    const CliRun validation = runCli({QStringLiteral("validate"), QStringLiteral("--json"), fixed});
    QVERIFY2(errorCodes(validation.json()).isEmpty(), qPrintable(errorCodes(validation.json()).join(u", ")));
    QCOMPARE(validation.exitCode, ExitCode::Success);
}

void TestCliConform::conformTrimsToTheCreatorsMaximum() {
    copyFixture(QStringLiteral("long.mp4"));
    const QString creator = writeFile(QStringLiteral("creator.json"), creatorJson);
    const QString post = writePost({QStringLiteral("long.mp4")});
    const QString output = m_dir->filePath(QStringLiteral("converted"));
    const CliRun run = runCli({QStringLiteral("conform"), QStringLiteral("--creator"), creator,
                               QStringLiteral("--output-dir"), output, QStringLiteral("--trim-start"),
                               QStringLiteral("1.5"), post});
    QCOMPARE(run.exitCode, ExitCode::Success);
    QVERIFY2(run.err.contains(u"trimmed to 1.5 s - 6.5 s"), qPrintable(run.err));
    QCOMPARE(mediaUrl(run.json(), 0), fileUrlForPath(output + u"/long.tiktok.mp4"));
    const QString fixed = writeFile(QStringLiteral("fixed.json"), run.out.toUtf8());
    const CliRun validation = runCli(
        {QStringLiteral("validate"), QStringLiteral("--json"), QStringLiteral("--creator"), creator, fixed});
    QVERIFY2(errorCodes(validation.json()).isEmpty(), qPrintable(errorCodes(validation.json()).join(u", ")));
}

void TestCliConform::conformWithNothingToConvertPrintsThePost() {
    copyFixture(QStringLiteral("vertical.mp4"));
    const CliRun run = runCli({QStringLiteral("conform"), writePost({QStringLiteral("vertical.mp4")})});
    QCOMPARE(run.exitCode, ExitCode::Success);
    QVERIFY(run.err.contains(u"Nothing to convert."));
    QCOMPARE(mediaUrl(run.json(), 0), fileUrlForPath(m_dir->filePath(QStringLiteral("vertical.mp4"))));
}

void TestCliConform::conformStripsLocationWhenAsked() {
    QFile::copy(cq::test::dataPath(QStringLiteral("exif_orientation6.jpg")),
                m_dir->filePath(QStringLiteral("turned.jpg")));
    copyFixture(QStringLiteral("photo.jpg"));
    const QString post = writePost({QStringLiteral("photo.jpg"), QStringLiteral("turned.jpg")});
    const CliRun plain = runCli({QStringLiteral("conform"), post});
    QVERIFY(plain.err.contains(u"Nothing to convert."));
    const CliRun run = runCli({QStringLiteral("conform"), QStringLiteral("--strip-location"), post});
    QCOMPARE(run.exitCode, ExitCode::Success);
    QVERIFY2(run.err.contains(u"media/0 photo.jpg: remove metadata (location) -> "), qPrintable(run.err));
    QVERIFY(run.err.contains(u"media/1 turned.jpg: convert to a 32x64 JPEG, turned upright -> "));
    QCOMPARE(mediaUrl(run.json(), 1), fileUrlForPath(m_dir->filePath(QStringLiteral("turned.tiktok.jpg"))));
}

void TestCliConform::conformUsageErrorsExitWith2() {
    const QString post = writePost({QStringLiteral("vertical.mp4")});
    QCOMPARE(runCli({QStringLiteral("conform")}).exitCode, ExitCode::Usage);
    QCOMPARE(runCli({QStringLiteral("conform"), QStringLiteral("--trim-start"), QStringLiteral("x"), post})
                 .exitCode,
             ExitCode::Usage);
    QCOMPARE(runCli({QStringLiteral("conform"), QStringLiteral("--trim-start"), QStringLiteral("4"),
                     QStringLiteral("--trim-end"), QStringLiteral("2"), post})
                 .exitCode,
             ExitCode::Usage);
    QCOMPARE(runCli({QStringLiteral("conform"), m_dir->filePath(QStringLiteral("missing.json"))}).exitCode,
             ExitCode::InvalidInput);
}

void TestCliConform::postCreateConformStoresTheConvertedCopy() {
    copyFixture(QStringLiteral("fps120.mp4"));
    const QString post = writePost({QStringLiteral("fps120.mp4")});
    const CliRun created = runCli({QStringLiteral("post"), QStringLiteral("create"),
                                   QStringLiteral("--conform"), QStringLiteral("--json"), post});
    QVERIFY2(created.exitCode == ExitCode::Success, qPrintable(created.err));
    QVERIFY2(created.err.contains(u"media/0 fps120.mp4: re-encode as H.264/AAC MP4, at 60 fps"),
             qPrintable(created.err));
    const QString id = created.json().object().value(u"id").toString();
    QVERIFY(!id.isEmpty());
    const CliRun exported = runCli({QStringLiteral("post"), QStringLiteral("export"), id});
    QCOMPARE(exported.exitCode, ExitCode::Success);
    const QJsonObject media =
        exported.json().object().value(u"content").toObject().value(u"media").toArray().at(0).toObject();
    QCOMPARE(media.value(u"frameRate").toDouble(), 60.0);
    QCOMPARE(media.value(u"filename").toString(), QStringLiteral("fps120.tiktok.mp4"));
    // The post refers to the converted object in the managed store.
    const QString store = m_dir->filePath(QStringLiteral("data/media"));
    QVERIFY2(media.value(u"url").toString().startsWith(fileUrlForPath(store + u"/objects")),
             qPrintable(media.value(u"url").toString()));
    // And the stored post is valid: no frame-rate error is left.
    const QString stored = writeFile(QStringLiteral("stored.json"), exported.out.toUtf8());
    const CliRun validation = runCli({QStringLiteral("validate"), QStringLiteral("--json"), stored});
    QVERIFY2(errorCodes(validation.json()).isEmpty(), qPrintable(errorCodes(validation.json()).join(u", ")));
}

void TestCliConform::realBinaryConform() {
    copyFixture(QStringLiteral("photo.gif"));
    const QString post = writePost({QStringLiteral("photo.gif")});
    QProcess process;
    process.start(cq::test::cliPath(), {QStringLiteral("conform"), post});
    QVERIFY(process.waitForFinished(120'000));
    QCOMPARE(process.exitCode(), 0);
    const QJsonDocument fixed = QJsonDocument::fromJson(process.readAllStandardOutput());
    QCOMPARE(mediaUrl(fixed, 0), fileUrlForPath(m_dir->filePath(QStringLiteral("photo.tiktok.jpg"))));
}

QTEST_GUILESS_MAIN(TestCliConform)
#include "tst_cli_conform.moc"
