// Remote media is downloaded into the managed store when a post is created: streamed, limited,
// verified, and nothing half-downloaded stays behind.
#include "LoopbackHttpServer.h"
#include "StoreFixture.h"
#include "TestFixtures.h"
#include "media/MediaDownloader.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

using namespace cq;
using namespace cq::test;

Q_DECLARE_METATYPE(cq::ErrorCode)

class TestMediaDownload : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void downloadsIntoTheStore();
    void failuresLeaveNothingBehind_data();
    void failuresLeaveNothingBehind();
    void postWithRemotePhotoIsCreatedFromTheDownload_data();
    void postWithRemotePhotoIsCreatedFromTheDownload();
    void refusedDownloadGoesWithTheFailedCreate();
    void undeclaredMetadataIsRefusedBeforeDownloading();
    void declaredSizeMustMatch();
    void trickleEndsAtTheDeadline();
    void stalledDownloadSaysItStalled();
    void privateAddressesAreRefusedUnlessAllowed();
    void crossSchemeRedirectsAreRefused();
};

void TestMediaDownload::initTestCase() {
    // The servers here are on this computer: allowed, as on a headless machine fetching from a local
    // share. privateAddressesAreRefusedUnlessAllowed() checks the default.
    qputenv("CLIPQUEUE_ALLOW_PRIVATE_MEDIA_URLS", "1");
}

void TestMediaDownload::downloadsIntoTheStore() {
    LoopbackHttpServer server;
    const QByteArray bytes = fixtureBytes(QStringLiteral("vertical.mp4"));
    server.route("/clips/launch.mp4", {200, bytes, "video/mp4", true, false, {}});
    QTemporaryDir dir;
    MediaStore store(dir.filePath(QStringLiteral("media")));
    QNetworkAccessManager network;
    net::HttpTransport http(network);
    MediaDownloader downloader(http, store);
    QSignalSpy progress(&downloader, &MediaDownloader::progress);
    QSignalSpy finished(&downloader, &MediaDownloader::finished);
    downloader.start(QUrl(server.url(QStringLiteral("/clips/launch.mp4"))), bytes.size());
    QTRY_COMPARE(finished.count(), 1);
    QVERIFY2(downloader.result().has_value(),
             qPrintable(downloader.result() ? QString() : downloader.result().error().message));
    QCOMPARE(downloader.result()->sha256,
             QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex()));
    QVERIFY(progress.count() >= 1);
    QCOMPARE(progress.last().at(0).toLongLong(), bytes.size());
    QVERIFY(QDir(dir.filePath(QStringLiteral("media/incoming"))).isEmpty());
}

void TestMediaDownload::failuresLeaveNothingBehind_data() {
    QTest::addColumn<int>("status");
    QTest::addColumn<bool>("sendLength");
    QTest::addColumn<qint64>("limit");
    QTest::addColumn<QString>("says");
    QTest::addColumn<ErrorCode>("code");
    QTest::newRow("404") << 404 << true << qint64(1'000'000) << QStringLiteral("HTTP 404") << ErrorCode::Io;
    // A size beyond the declared one is the input's fault, as every size mismatch: one exit code.
    QTest::newRow("declared larger than allowed")
        << 200 << true << qint64(1000) << QStringLiteral("more than") << ErrorCode::MediaUnreadable;
    QTest::newRow("undeclared and larger than allowed")
        << 200 << false << qint64(1000) << QStringLiteral("more than") << ErrorCode::MediaUnreadable;
}

void TestMediaDownload::failuresLeaveNothingBehind() {
    QFETCH(int, status);
    QFETCH(bool, sendLength);
    QFETCH(qint64, limit);
    QFETCH(QString, says);
    QFETCH(ErrorCode, code);
    LoopbackHttpServer server;
    server.route("/big.jpg",
                 {status, fixtureBytes(QStringLiteral("photo.jpg")), "image/jpeg", sendLength, false, {}});
    QTemporaryDir dir;
    MediaStore store(dir.filePath(QStringLiteral("media")));
    QNetworkAccessManager network;
    const auto result =
        MediaDownloader::fetch(network, store, QUrl(server.url(QStringLiteral("/big.jpg"))), limit);
    QVERIFY(!result.has_value());
    QCOMPARE(result.error().code, code);
    QVERIFY2(result.error().message.contains(says), qPrintable(result.error().message));
    QVERIFY(QDir(dir.filePath(QStringLiteral("media/incoming"))).isEmpty());
    QVERIFY(QDir(dir.filePath(QStringLiteral("media/objects"))).isEmpty());
}

void TestMediaDownload::postWithRemotePhotoIsCreatedFromTheDownload_data() {
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("a JPEG") << fixtureBytes(QStringLiteral("photo.jpg")) << true;
    // Declared a 1080x1350 JPEG, but the bytes are no picture: probed after download, refused.
    QTest::newRow("not a picture") << QByteArray(fixtureBytes(QStringLiteral("photo.jpg")).size(), 'x')
                                   << false;
}

namespace {
// A photo post whose one 1080x1350 JPEG of `sizeBytes` is at `url`.
Post remotePhotoPost(const QString &url, qint64 sizeBytes) {
    Post post = validVideoPost();
    MediaDescriptor photo;
    photo.url = url;
    photo.type = MediaType::Photo;
    photo.mimeType = QStringLiteral("image/jpeg");
    photo.sizeBytes = sizeBytes;
    photo.width = 1080;
    photo.height = 1350;
    post.media = {photo};
    return post;
}
} // namespace

void TestMediaDownload::postWithRemotePhotoIsCreatedFromTheDownload() {
    QFETCH(QByteArray, bytes);
    QFETCH(bool, accepted);
    LoopbackHttpServer server;
    server.route("/p/1.jpg", {200, bytes, "image/jpeg", true, false, {}});
    StoreFixture fixture;
    QVERIFY2(fixture.isReady(), qPrintable(fixture.why()));
    const Post post = remotePhotoPost(server.url(QStringLiteral("/p/1.jpg")), bytes.size());
    const MediaDescriptor &photo = post.media.constFirst();
    QNetworkAccessManager network;
    const auto downloaded = downloadRemoteMedia(post, network, fixture.store());
    QVERIFY2(downloaded.has_value(), qPrintable(downloaded ? QString() : downloaded.error().message));
    const auto created = fixture.importer().create(post, QString(), true, *downloaded);
    if (!accepted) {
        QVERIFY(!created.has_value());
        QCOMPARE(created.error().code, ErrorCode::MediaUnreadable);
        QVERIFY2(created.error().message.startsWith(photo.url), qPrintable(created.error().message));
        QVERIFY(fixture.posts().repository().list(std::nullopt, 10)->isEmpty()); // no half-written post
        return;
    }
    QVERIFY2(created.has_value(), qPrintable(created ? QString() : created.error().message));
    QCOMPARE(created->post.status, PostStatus::Scheduled);
    QCOMPARE(created->post.media.first().originalUrl(), photo.url);
    QVERIFY(fixture.store().verify(created->post.media.first().sha256).has_value());
    QCOMPARE(server.requests().size(), 1);
    QCOMPARE(server.requests().first().method, QByteArray("GET"));
}

// A download the create then refuses (not a picture after all) leaves with the failed create, as
// every caller of create() holds its downloads (StagedMedia).
void TestMediaDownload::refusedDownloadGoesWithTheFailedCreate() {
    LoopbackHttpServer server;
    const QByteArray bytes(fixtureBytes(QStringLiteral("photo.jpg")).size(), 'x');
    server.route("/p/1.jpg", {200, bytes, "image/jpeg", true, false, {}});
    StoreFixture fixture;
    REQUIRE_STORE_FOR(u"media download", fixture);
    const Post post = remotePhotoPost(server.url(QStringLiteral("/p/1.jpg")), bytes.size());
    QNetworkAccessManager network;
    QString downloadedPath;
    {
        StagedMedia staged(fixture.database(), fixture.store());
        MediaDownloader::Options options;
        options.hold = &staged.hold();
        const auto downloaded = downloadRemoteMedia(post, network, fixture.store(), options);
        QVERIFY2(downloaded.has_value(), qPrintable(downloaded ? QString() : downloaded.error().message));
        downloadedPath = downloaded->value(0).path;
        QVERIFY(QFile::exists(downloadedPath));
        const auto created = fixture.importer().create(post, QString(), false, *downloaded, {}, &staged);
        QVERIFY(!created.has_value());
        QCOMPARE(created.error().code, ErrorCode::MediaUnreadable);
    }
    QVERIFY(!QFile::exists(downloadedPath));
    QVERIFY(QDir(fixture.store().root() + u"/holds").isEmpty());
}

void TestMediaDownload::undeclaredMetadataIsRefusedBeforeDownloading() {
    LoopbackHttpServer server;
    server.route("/p/1.jpg", {200, fixtureBytes(QStringLiteral("photo.jpg")), "image/jpeg", true, false, {}});
    QTemporaryDir dir;
    MediaStore store(dir.filePath(QStringLiteral("media")));
    Post post;
    MediaDescriptor photo;
    photo.url = server.url(QStringLiteral("/p/1.jpg"));
    photo.type = MediaType::Photo; // no mimeType, width, height
    post.media = {photo};
    QNetworkAccessManager network;
    const auto downloaded = downloadRemoteMedia(post, network, store);
    QVERIFY(!downloaded.has_value());
    QCOMPARE(downloaded.error().code, ErrorCode::MediaUnreadable);
    QCOMPARE(server.requests().size(), 0);
}

void TestMediaDownload::declaredSizeMustMatch() {
    LoopbackHttpServer server;
    const QByteArray bytes = fixtureBytes(QStringLiteral("photo.jpg"));
    server.route("/p/1.jpg", {200, bytes, "image/jpeg", true, false, {}});
    QTemporaryDir dir;
    MediaStore store(dir.filePath(QStringLiteral("media")));
    Post post;
    MediaDescriptor photo;
    photo.url = server.url(QStringLiteral("/p/1.jpg"));
    photo.type = MediaType::Photo;
    photo.mimeType = QStringLiteral("image/jpeg");
    photo.width = 1080;
    photo.height = 1350;
    photo.sizeBytes = bytes.size() + 10; // the server sends fewer bytes than declared
    post.media = {photo};
    QNetworkAccessManager network;
    const auto downloaded = downloadRemoteMedia(post, network, store);
    QVERIFY(!downloaded.has_value());
    QVERIFY2(downloaded.error().message.contains(u"declares"), qPrintable(downloaded.error().message));
    QCOMPARE(downloaded.error().code, ErrorCode::MediaUnreadable);
}

namespace {
// A server that answers 200 with a Content-Length, sends `head` of the body and then one byte per
// `every` for as long as the connection lasts: neither silent (no transfer timeout) nor done.
class TricklingServer : public QObject {
public:
    // `every` 0: silent after `head`; negative: closes the connection after `head`.
    TricklingServer(QByteArray head, std::chrono::milliseconds every)
        : m_head(std::move(head))
        , m_closesAfterHead(every.count() < 0) {
        m_server.listen(QHostAddress::LocalHost);
        m_timer.setInterval(std::max(every, std::chrono::milliseconds(0)));
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            m_socket = m_server.nextPendingConnection();
            connect(m_socket, &QTcpSocket::readyRead, this, [this] {
                m_socket->readAll();
                if (!m_answered) {
                    m_answered = true;
                    m_socket->write(
                        "HTTP/1.1 200 OK\r\nContent-Type: video/mp4\r\nContent-Length: 1000000\r\n\r\n"
                        + m_head);
                    if (m_timer.interval() > 0) {
                        m_timer.start();
                    } else if (m_closesAfterHead) {
                        m_socket->disconnectFromHost();
                    }
                }
            });
        });
        connect(&m_timer, &QTimer::timeout, this, [this] {
            if (m_socket) {
                m_socket->write("x");
            }
        });
    }
    QString url() const { return QStringLiteral("http://127.0.0.1:%1/clip.mp4").arg(m_server.serverPort()); }

private:
    QTcpServer m_server;
    QPointer<QTcpSocket> m_socket;
    QTimer m_timer;
    QByteArray m_head;
    bool m_closesAfterHead = false;
    bool m_answered = false;
};
} // namespace

// A server trickling a byte at a time never trips the transfer timeout; the overall deadline ends
// the download all the same.
void TestMediaDownload::trickleEndsAtTheDeadline() {
    TricklingServer server("abc", std::chrono::milliseconds(20));
    QTemporaryDir dir;
    MediaStore store(dir.filePath(QStringLiteral("media")));
    QNetworkAccessManager network;
    MediaDownloader::Options options;
    options.deadline = std::chrono::milliseconds(500);
    const auto result = MediaDownloader::fetch(network, store, QUrl(server.url()), 1'000'000, options);
    QVERIFY(!result.has_value());
    QCOMPARE(result.error().code, ErrorCode::Io);
    QVERIFY2(result.error().message.contains(u"did not finish"), qPrintable(result.error().message));
    QVERIFY(QDir(dir.filePath(QStringLiteral("media/incoming"))).isEmpty());
    QVERIFY(MediaDownloader::deadlineFor(4'000'000'000) > std::chrono::hours(1)); // slow links still finish
    QVERIFY(MediaDownloader::deadlineFor(20'000'000) < std::chrono::minutes(5));
}

// A server that stops sending in the middle says so: not "(HTTP 200)", which reads like success.
void TestMediaDownload::stalledDownloadSaysItStalled() {
    TricklingServer server("abc", std::chrono::milliseconds(0));
    QTemporaryDir dir;
    MediaStore store(dir.filePath(QStringLiteral("media")));
    QNetworkAccessManager network;
    MediaDownloader::Options options;
    options.transferTimeout = std::chrono::milliseconds(300);
    const auto result = MediaDownloader::fetch(network, store, QUrl(server.url()), 1'000'000, options);
    QVERIFY(!result.has_value());
    QVERIFY2(!result.error().message.contains(u"HTTP 200"), qPrintable(result.error().message));
    QVERIFY2(result.error().message.contains(u"timed out"), qPrintable(result.error().message));

    TricklingServer closing("abc", std::chrono::milliseconds(-1)); // 3 of 1,000,000 bytes, then gone
    const auto cut = MediaDownloader::fetch(network, store, QUrl(closing.url()), 1'000'000, options);
    QVERIFY(!cut.has_value());
    QVERIFY2(!cut.error().message.contains(u"HTTP 200"), qPrintable(cut.error().message));
    QVERIFY2(cut.error().message.contains(u"closed") || cut.error().message.contains(u"3 of"),
             qPrintable(cut.error().message));
    QVERIFY(QDir(dir.filePath(QStringLiteral("media/incoming"))).isEmpty());
}

// A post file must not make ClipQueue fetch from this computer or the user's network: loopback
// (by address and by name) is refused before a request is sent, unless allowed.
void TestMediaDownload::privateAddressesAreRefusedUnlessAllowed() {
    LoopbackHttpServer server;
    const QByteArray bytes = fixtureBytes(QStringLiteral("photo.jpg"));
    server.route("/p/1.jpg", {200, bytes, "image/jpeg", true, false, {}});
    QTemporaryDir dir;
    MediaStore store(dir.filePath(QStringLiteral("media")));
    QNetworkAccessManager network;
    MediaDownloader::Options refused;
    refused.allowPrivateAddresses = false;
    const QString byAddress = server.url(QStringLiteral("/p/1.jpg"));
    const QString byName =
        QString(byAddress).replace(QStringLiteral("127.0.0.1"), QStringLiteral("localhost"));
    for (const QString &url : {byAddress, byName}) {
        const auto result = MediaDownloader::fetch(network, store, QUrl(url), bytes.size(), refused);
        QVERIFY2(!result.has_value(), qPrintable(url));
        QCOMPARE(result.error().code, ErrorCode::MediaUnreadable);
        QVERIFY2(result.error().message.contains(u"private"), qPrintable(result.error().message));
        QVERIFY2(result.error().message.contains(u"CLIPQUEUE_ALLOW_PRIVATE_MEDIA_URLS"),
                 qPrintable(result.error().message));
    }
    QCOMPARE(server.requests().size(), 0);
    MediaDownloader::Options allowed;
    allowed.allowPrivateAddresses = true;
    QVERIFY(MediaDownloader::fetch(network, store, QUrl(byAddress), bytes.size(), allowed).has_value());
}

void TestMediaDownload::crossSchemeRedirectsAreRefused() {
    LoopbackHttpServer server;
    server.route(
        "/p/1.jpg",
        {302,
         {},
         "text/plain",
         true,
         false,
         {{"Location", QStringLiteral("https://127.0.0.1:%1/p/2.jpg").arg(server.port()).toUtf8()}}});
    QTemporaryDir dir;
    MediaStore store(dir.filePath(QStringLiteral("media")));
    QNetworkAccessManager network;
    const auto result =
        MediaDownloader::fetch(network, store, QUrl(server.url(QStringLiteral("/p/1.jpg"))), 1000);
    QVERIFY(!result.has_value());
    QVERIFY2(result.error().message.contains(u"another scheme"), qPrintable(result.error().message));
}

QTEST_GUILESS_MAIN(TestMediaDownload)
#include "tst_mediadownload.moc"
