// Photo hosts TikTok pulls photos from: an S3-compatible bucket (AWS Signature V4, against s3rver, a
// real S3-compatible server that verifies signatures: @20minutes/s3rver), a plain PUT/WebDAV host with a
// bearer token, and the start-up check that the public prefix serves what was uploaded.
#include "AwaitClient.h"
#include "LoopbackHttpServer.h"
#include "TestFixtures.h"
#include "net/AwsSignature.h"
#include "tiktok/PublishJob.h"

#include <QDir>
#include <QFile>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace cq;
using namespace cq::tiktok;
using cq::test::await;
using cq::test::LoopbackHttpServer;

namespace {

// s3rver on 127.0.0.1 with a bucket "photos" and its default credentials (S3RVER / S3RVER).
class S3rver {
public:
    ~S3rver() {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }
    // Empty when it runs; else why not.
    QString start() {
        const QString package = qEnvironmentVariable("CLIPQUEUE_TEST_HELPER_DIR")
                                + QStringLiteral("/s3rver/node_modules/@20minutes/s3rver");
        const QString node = QStandardPaths::findExecutable(QStringLiteral("node"));
        if (!QFile::exists(package + u"/package.json") || node.isEmpty()) {
            return u"s3rver is not installed at " + package
                   + u" (ctest's fixtures.s3rver installs it with npm)";
        }
        m_process.setProcessChannelMode(QProcess::MergedChannels);
        m_process.start(node, {QStringLiteral(CLIPQUEUE_S3RVER_START), package, m_data.path()});
        static const QRegularExpression listening(QStringLiteral(R"(listening on 127\.0\.0\.1:(\d+))"));
        QByteArray output;
        const bool up = QTest::qWaitFor(
            [&] {
                output += m_process.readAll();
                const auto match = listening.match(QString::fromUtf8(output));
                if (match.hasMatch()) {
                    m_port = match.captured(1).toInt();
                }
                return m_port > 0 || m_process.state() == QProcess::NotRunning;
            },
            60000);
        return up && m_port > 0 ? QString() : u"s3rver did not start: " + QString::fromUtf8(output);
    }
    QString base() const { return QStringLiteral("http://127.0.0.1:%1/").arg(m_port); }

private:
    QProcess m_process;
    QTemporaryDir m_data;
    int m_port = 0;
};

ApiConfig s3Config(const S3rver &server, const QString &secret = QStringLiteral("S3RVER")) {
    ApiConfig config;
    config.photoUploadBase = QUrl(server.base());
    config.photoPublicBase = QUrl(server.base() + QStringLiteral("photos/"));
    config.photoS3AccessKey = QStringLiteral("S3RVER");
    config.photoS3SecretKey = secret;
    config.photoS3Bucket = QStringLiteral("photos");
    return config;
}

QByteArray fileBytes(const QString &path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestPhotoHost : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void signatureMatchesAwsExample();
    void s3UploadIsSignedAndReadable();
    void s3RefusesAWrongSecret();
    void s3HostPassesTheStartUpCheck();
    void webDavHostGetsTheBearerToken();
    void publicPrefixThatServesSomethingElseFailsTheCheck();
    void s3SettingsComeFromTheEnvironment();

private:
    QNetworkAccessManager m_network;
    net::HttpTransport m_http{m_network};
};

void TestPhotoHost::signatureMatchesAwsExample() {
    // "GET Object" from AWS's Signature Version 4 documentation (header-based authentication).
    const net::AwsCredentials credentials{QStringLiteral("AKIAIOSFODNN7EXAMPLE"),
                                          QStringLiteral("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"),
                                          QStringLiteral("us-east-1"), QStringLiteral("s3")};
    const auto headers = net::awsSignatureV4(
        "GET", QUrl(QStringLiteral("https://examplebucket.s3.amazonaws.com/test.txt")),
        {{"Range", "bytes=0-9"}}, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        credentials, QDateTime(QDate(2013, 5, 24), QTime(0, 0), Qt::UTC));
    const auto authorization = std::find_if(
        headers.cbegin(), headers.cend(), [](const auto &header) { return header.first == "Authorization"; });
    QVERIFY(authorization != headers.cend());
    QCOMPARE(
        authorization->second,
        QByteArray("AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, "
                   "SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, "
                   "Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41"));
}

void TestPhotoHost::s3UploadIsSignedAndReadable() {
    S3rver server;
    if (const QString why = server.start(); !why.isEmpty()) {
        QSKIP(qPrintable(why));
    }
    TikTokClient client(m_http, s3Config(server));
    const QString photo = cq::test::fixturePath(QStringLiteral("photo.jpg"));
    // Where a post's photo goes: the bucket under the upload URL, as planPhotoUpload names it.
    const QUrl target = ApiConfig::under(client.config().photoUploadTarget(), QStringLiteral("abc.jpg"));
    QCOMPARE(target.path(), QStringLiteral("/photos/abc.jpg"));
    const auto stored =
        await<int>([&](auto done) { client.uploadPhoto(target, photo, QStringLiteral("image/jpeg"), done); });
    QVERIFY2(stored.has_value(), qPrintable(stored ? QString() : stored.error().message));
    auto get = net::HttpRequest::get(QUrl(server.base() + QStringLiteral("photos/abc.jpg")));
    get.maxResponseBytes = 32 << 20;
    std::optional<net::HttpResult> served;
    m_http.send(std::move(get), [&](const net::HttpResult &result) { served = result; });
    QTRY_VERIFY_WITH_TIMEOUT(served.has_value(), 30000);
    QCOMPARE(served->httpStatus, 200);
    QCOMPARE(served->body, fileBytes(photo));
}

void TestPhotoHost::s3RefusesAWrongSecret() {
    S3rver server;
    if (const QString why = server.start(); !why.isEmpty()) {
        QSKIP(qPrintable(why));
    }
    // The server checks the signature: the same request signed with another secret is refused.
    TikTokClient client(m_http, s3Config(server, QStringLiteral("not-the-secret")));
    const auto stored = await<int>([&](auto done) {
        client.uploadPhoto(QUrl(server.base() + QStringLiteral("photos/abc.jpg")),
                           cq::test::fixturePath(QStringLiteral("photo.jpg")), QStringLiteral("image/jpeg"),
                           done);
    });
    QVERIFY(!stored.has_value());
    QCOMPARE(stored.error().code, QStringLiteral("photo_host_refused"));
    QCOMPARE(stored.error().httpStatus, 403);
}

void TestPhotoHost::s3HostPassesTheStartUpCheck() {
    S3rver server;
    if (const QString why = server.start(); !why.isEmpty()) {
        QSKIP(qPrintable(why));
    }
    TikTokClient client(m_http, s3Config(server));
    std::optional<std::expected<void, Error>> checked;
    client.checkPhotoHost([&](auto result) { checked = result; });
    QTRY_VERIFY_WITH_TIMEOUT(checked.has_value(), 30000);
    QVERIFY2(checked->has_value(), qPrintable(*checked ? QString() : checked->error().message));
}

void TestPhotoHost::webDavHostGetsTheBearerToken() {
    LoopbackHttpServer host;
    QHash<QByteArray, QByteArray> files;
    host.setHandler([&](const LoopbackHttpServer::Request &request) {
        if (request.method == "PUT") {
            if (request.headers.value("authorization") != "Bearer dav-secret") {
                return LoopbackHttpServer::Response{401, {}, "text/plain", true, false, {}};
            }
            files.insert(request.path.mid(QByteArray("/dav").size()), request.body);
            return LoopbackHttpServer::Response{201, {}, "text/plain", true, false, {}};
        }
        const QByteArray name = request.path.mid(QByteArray("/public").size());
        return files.contains(name)
                   ? LoopbackHttpServer::Response{200, files.value(name), "text/plain", true, false, {}}
                   : LoopbackHttpServer::Response{404, {}, "text/plain", true, false, {}};
    });
    ApiConfig config;
    config.photoUploadBase = QUrl(host.url(QStringLiteral("/dav/")));
    config.photoPublicBase = QUrl(host.url(QStringLiteral("/public/")));
    config.photoUploadToken = QStringLiteral("dav-secret");
    TikTokClient client(m_http, config);
    std::optional<std::expected<void, Error>> checked;
    client.checkPhotoHost([&](auto result) { checked = result; });
    QTRY_VERIFY_WITH_TIMEOUT(checked.has_value(), 30000);
    QVERIFY2(checked->has_value(), qPrintable(*checked ? QString() : checked->error().message));
    QVERIFY(files.contains("/clipqueue-host-check.txt"));
}

void TestPhotoHost::publicPrefixThatServesSomethingElseFailsTheCheck() {
    LoopbackHttpServer host;
    host.setHandler([](const LoopbackHttpServer::Request &request) {
        return LoopbackHttpServer::Response{
            request.method == "PUT" ? 201 : 404, {}, "text/plain", true, false, {}};
    });
    ApiConfig config;
    config.photoUploadBase = QUrl(host.url(QStringLiteral("/dav/")));
    config.photoPublicBase = QUrl(host.url(QStringLiteral("/wrong-prefix/")));
    TikTokClient client(m_http, config);
    std::optional<std::expected<void, Error>> checked;
    client.checkPhotoHost([&](auto result) { checked = result; });
    QTRY_VERIFY_WITH_TIMEOUT(checked.has_value(), 30000);
    QVERIFY(!checked->has_value());
    QVERIFY2(checked->error().message.contains(u"CLIPQUEUE_PHOTO_PUBLIC_URL"),
             qPrintable(checked->error().message));
}

void TestPhotoHost::s3SettingsComeFromTheEnvironment() {
    qputenv("CLIPQUEUE_PHOTO_S3_ACCESS_KEY", "AKIA-TEST");
    qputenv("CLIPQUEUE_PHOTO_S3_BUCKET", "photos");
    qunsetenv("CLIPQUEUE_PHOTO_S3_SECRET_KEY");
    QCOMPARE(ApiConfig::fromSettings(Settings()).error().code, ErrorCode::Usage); // a key without its secret
    qputenv("CLIPQUEUE_PHOTO_S3_SECRET_KEY", "s3cret");
    const auto config = ApiConfig::fromSettings(Settings());
    QVERIFY(config.has_value());
    QVERIFY(config->usesS3());
    QCOMPARE(config->photoS3Region, QStringLiteral("us-east-1"));
    QCOMPARE(config->photoS3Bucket, QStringLiteral("photos"));
    qunsetenv("CLIPQUEUE_PHOTO_S3_ACCESS_KEY");
    qunsetenv("CLIPQUEUE_PHOTO_S3_SECRET_KEY");
    qunsetenv("CLIPQUEUE_PHOTO_S3_BUCKET");
}

QTEST_GUILESS_MAIN(TestPhotoHost)
#include "tst_photohost.moc"
