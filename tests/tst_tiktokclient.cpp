// The TikTok client against the loopback API stand-in, which enforces the documented contract.
#include "AwaitClient.h"
#include "TestFixtures.h"
#include "TikTokStandIn.h"
#include "tiktok/TikTokClient.h"

#include <QCryptographicHash>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUrlQuery>

using namespace cq;
using namespace cq::tiktok;
using cq::test::await;
using cq::test::TikTokStandIn;

namespace {

QJsonObject postInfo(const QString &privacy = QStringLiteral("SELF_ONLY")) {
    return QJsonObject{{QStringLiteral("title"), QStringLiteral("Launch day #launch")},
                       {QStringLiteral("privacy_level"), privacy},
                       {QStringLiteral("disable_comment"), true},
                       {QStringLiteral("disable_duet"), true},
                       {QStringLiteral("disable_stitch"), true},
                       {QStringLiteral("brand_content_toggle"), false}};
}

} // namespace

class TestTikTokClient : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void creatorInfoIsRead();
    void wrongTokenIsAnAuthError();
    void errorsInsideHttp200AreErrors();
    void cannotPostCodesComeWithTheCreatorInfo();
    void uploadUrlIsElsewhereAndExpires();
    void chunkTikTokAlreadyHasAnswersWhatItHas();
    void initRulesTikTokEnforces();
    void photoRulesTikTokEnforces_data();
    void photoRulesTikTokEnforces();
    void smallVideoGoesInOneChunk();
    void largeVideoGoesInSeveralChunksByteForByte();
    void draftsModeSendsNoPostInfo();
    void privacyMismatchIsPermanent();
    void initIsRateLimitedAtSixPerMinute();
    void serverErrorsAndDroppedConnectionsAreTransient();
    void postIdsKeepAllNineteenDigits();
    void plainHttpOnlyForLoopback_data();
    void plainHttpOnlyForLoopback();
    void photoPrefixNeedsHttpsAndADomain_data();
    void photoPrefixNeedsHttpsAndADomain();

private:
    std::expected<VideoInit, TikTokError> initFor(qint64 size, PostMode mode = PostMode::DirectPost);
    std::expected<int, TikTokError> uploadAll(const VideoInit &init, const QString &path,
                                              const ChunkPlan &plan);

    std::unique_ptr<TikTokStandIn> m_standIn;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<net::HttpTransport> m_http;
    std::unique_ptr<TikTokClient> m_client;
    QString m_token = QStringLiteral("act.valid-token");
};

void TestTikTokClient::init() {
    m_standIn = std::make_unique<TikTokStandIn>();
    m_client.reset();
    m_http.reset();
    m_network = std::make_unique<QNetworkAccessManager>();
    m_http = std::make_unique<net::HttpTransport>(*m_network);
    ApiConfig config;
    config.apiBase = QUrl(m_standIn->apiBase());
    m_client = std::make_unique<TikTokClient>(*m_http, config);
}

std::expected<VideoInit, TikTokError> TestTikTokClient::initFor(qint64 size, PostMode mode) {
    const ChunkPlan plan = *ChunkPlan::forSize(size);
    return await<VideoInit>(
        [&](auto done) { m_client->initVideoUpload(m_token, mode, postInfo(), plan, done); });
}

std::expected<int, TikTokError> TestTikTokClient::uploadAll(const VideoInit &init, const QString &path,
                                                            const ChunkPlan &plan) {
    std::expected<int, TikTokError> last = 0;
    for (int chunk = 0; chunk < plan.totalChunkCount && last; ++chunk) {
        const auto answer = await<ChunkAnswer>([&](auto done) {
            m_client->uploadChunk(init.uploadUrl, path, QStringLiteral("video/mp4"), plan, chunk, done);
        });
        last = answer ? std::expected<int, TikTokError>(answer->httpStatus) : std::unexpected(answer.error());
    }
    return last;
}

void TestTikTokClient::creatorInfoIsRead() {
    const auto info = await<CreatorInfo>([&](auto done) { m_client->queryCreatorInfo(m_token, done); });
    QVERIFY(info.has_value());
    QCOMPARE(info->nickname, QStringLiteral("Ana"));
    QCOMPARE(info->privacyLevelOptions.size(), 3);
    QVERIFY(info->duetDisabled);
    QCOMPARE(info->maxVideoPostDurationSec, 600);
}

void TestTikTokClient::wrongTokenIsAnAuthError() {
    const auto info =
        await<CreatorInfo>([&](auto done) { m_client->queryCreatorInfo(QStringLiteral("act.old"), done); });
    QVERIFY(!info.has_value());
    QCOMPARE(info.error().kind, TikTokError::Kind::Auth);
    QCOMPARE(info.error().code, QStringLiteral("access_token_invalid"));
    QCOMPARE(info.error().httpStatus, 401);
    QVERIFY(!info.error().logId.isEmpty());
}

void TestTikTokClient::errorsInsideHttp200AreErrors() {
    m_standIn->injectFault(
        "/v2/post/publish/creator_info/query/",
        TikTokStandIn::jsonAnswer(
            200, R"({"data":{},"error":{"code":"invalid_params","message":"bad","log_id":"L9"}})"));
    const auto info = await<CreatorInfo>([&](auto done) { m_client->queryCreatorInfo(m_token, done); });
    QVERIFY(!info.has_value());
    QCOMPARE(info.error().code, QStringLiteral("invalid_params"));
    QCOMPARE(info.error().logId, QStringLiteral("L9"));
    QCOMPARE(info.error().kind, TikTokError::Kind::Permanent);
}

void TestTikTokClient::cannotPostCodesComeWithTheCreatorInfo() {
    // TikTok answers HTTP 200 with the cap code and the creator's data: the info says why.
    m_standIn->creatorCannotPostCode = QStringLiteral("spam_risk_too_many_posts");
    const auto info = await<CreatorInfo>([&](auto done) { m_client->queryCreatorInfo(m_token, done); });
    QVERIFY2(info.has_value(), qPrintable(info ? QString() : info.error().message));
    QCOMPARE(info->cannotPostCode, QStringLiteral("spam_risk_too_many_posts"));
    QCOMPARE(info->nickname, QStringLiteral("Ana"));
}

void TestTikTokClient::uploadUrlIsElsewhereAndExpires() {
    const QString path = cq::test::fixturePath(QStringLiteral("vertical.mp4"));
    const ChunkPlan plan = *ChunkPlan::forSize(QFileInfo(path).size());
    m_standIn->uploadUrlLifetimeMs = 0; // expired the moment it is handed out
    const auto init = initFor(plan.videoSizeBytes);
    QVERIFY(init.has_value());
    QCOMPARE(init->uploadUrl.host(), QStringLiteral("localhost")); // not the API's host
    QVERIFY(QUrlQuery(init->uploadUrl).hasQueryItem(QStringLiteral("upload_token")));
    const auto expired = uploadAll(*init, path, plan);
    QVERIFY(!expired.has_value());
    QCOMPARE(expired.error().code, QStringLiteral("upload_expired"));
    QCOMPARE(expired.error().httpStatus, 403);
    // A client that drops the query parameters is refused too.
    m_standIn->uploadUrlLifetimeMs = 3600'000;
    auto fresh = initFor(plan.videoSizeBytes);
    QVERIFY(fresh.has_value());
    fresh->uploadUrl.setQuery(QString());
    QCOMPARE(uploadAll(*fresh, path, plan).error().code, QStringLiteral("upload_expired"));
}

void TestTikTokClient::chunkTikTokAlreadyHasAnswersWhatItHas() {
    const QString path = cq::test::fixturePath(QStringLiteral("vertical.mp4"));
    const ChunkPlan plan = *ChunkPlan::forSize(QFileInfo(path).size());
    const auto init = initFor(plan.videoSizeBytes);
    QCOMPARE(uploadAll(*init, path, plan).value_or(0), 201);
    const auto again = await<ChunkAnswer>([&](auto done) {
        m_client->uploadChunk(init->uploadUrl, path, QStringLiteral("video/mp4"), plan, 0, done);
    });
    QVERIFY(again.has_value());
    QCOMPARE(again->httpStatus, 416);
    QCOMPARE(again->receivedBytes, plan.videoSizeBytes);
}

void TestTikTokClient::initRulesTikTokEnforces() {
    // One chunk: chunk_size must be the whole video.
    ChunkPlan plan = *ChunkPlan::forSize(1'000'000);
    plan.chunkSizeBytes = 900'000;
    auto init = await<VideoInit>(
        [&](auto done) { m_client->initVideoUpload(m_token, PostMode::DirectPost, postInfo(), plan, done); });
    QCOMPARE(init.error().code, QStringLiteral("invalid_params"));
    // brand_content_toggle is required.
    QJsonObject info = postInfo();
    info.remove(QStringLiteral("brand_content_toggle"));
    init = await<VideoInit>([&](auto done) {
        m_client->initVideoUpload(m_token, PostMode::DirectPost, info, *ChunkPlan::forSize(1'000'000), done);
    });
    QCOMPARE(init.error().code, QStringLiteral("invalid_params"));
}

void TestTikTokClient::photoRulesTikTokEnforces_data() {
    QTest::addColumn<QString>("privacy");
    QTest::addColumn<int>("descriptionLength");
    QTest::addColumn<int>("coverIndex");
    QTest::addColumn<QString>("prefix");
    QTest::addColumn<QString>("code");
    const QString https = QStringLiteral("https://cdn.example.com/");
    QTest::newRow("fine") << "SELF_ONLY" << 4000 << 1 << https << QString();
    QTest::newRow("privacy not offered")
        << "FOLLOWER_OF_CREATOR" << 10 << 0 << https << "privacy_level_option_mismatch";
    QTest::newRow("description over 4000") << "SELF_ONLY" << 4001 << 0 << https << "invalid_params";
    QTest::newRow("cover out of range") << "SELF_ONLY" << 10 << 2 << https << "invalid_params";
    QTest::newRow("plain http") << "SELF_ONLY" << 10 << 0 << "http://cdn.example.com/"
                                << "invalid_params";
}

void TestTikTokClient::photoRulesTikTokEnforces() {
    QFETCH(QString, privacy);
    QFETCH(int, descriptionLength);
    QFETCH(int, coverIndex);
    QFETCH(QString, prefix);
    QFETCH(QString, code);
    m_standIn->verifiedPrefix = prefix;
    QJsonObject info = postInfo(privacy);
    info.insert(QStringLiteral("title"), QStringLiteral("Photos"));
    info.insert(QStringLiteral("description"), QString(descriptionLength, u'x'));
    const auto published = await<QString>([&](auto done) {
        m_client->initPhotoPost(m_token, PostMode::DirectPost, info, {prefix + u"a.jpg", prefix + u"b.jpg"},
                                coverIndex, done);
    });
    QCOMPARE(published ? QString() : published.error().code, code);
}

void TestTikTokClient::smallVideoGoesInOneChunk() {
    const QString path = cq::test::fixturePath(QStringLiteral("vertical.mp4"));
    const ChunkPlan plan = *ChunkPlan::forSize(QFileInfo(path).size());
    QCOMPARE(plan.totalChunkCount, 1);
    const auto init = initFor(plan.videoSizeBytes);
    QVERIFY2(init.has_value(), qPrintable(init ? QString() : init.error().message));
    QCOMPARE(uploadAll(*init, path, plan).value_or(0), 201);
    const auto upload = m_standIn->uploads().value(init->publishId);
    QVERIFY2(upload.contractViolation.isEmpty(), qPrintable(upload.contractViolation));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(m_standIn->receivedSha256(init->publishId),
             QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256).toHex());
    QCOMPARE(upload.postInfo.value(u"privacy_level").toString(), QStringLiteral("SELF_ONLY"));

    const auto status =
        await<PublishStatus>([&](auto done) { m_client->fetchStatus(m_token, init->publishId, done); });
    QVERIFY(status.has_value());
    QCOMPARE(status->status, QStringLiteral("PUBLISH_COMPLETE"));
    QVERIFY(status->publicPostIds.isEmpty()); // a private post never gets a public id
}

void TestTikTokClient::largeVideoGoesInSeveralChunksByteForByte() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("big.mp4"));
    const qint64 size = 70'000'123; // over 64 MB: must be chunked
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QRandomGenerator random(7);
        QByteArray block(1 << 20, Qt::Uninitialized);
        for (qint64 written = 0; written < size;) {
            random.fillRange(reinterpret_cast<quint32 *>(block.data()), block.size() / 4);
            written += file.write(block.constData(), std::min<qint64>(block.size(), size - written));
        }
    }
    const ChunkPlan plan = *ChunkPlan::forSize(size);
    QCOMPARE(plan.totalChunkCount, 2);
    const auto init = initFor(size);
    QVERIFY(init.has_value());
    qint64 lastProgress = 0;
    connect(m_client.get(), &TikTokClient::uploadProgress, this, [&](const QUrl &url, qint64 sent, qint64) {
        QCOMPARE(url, init->uploadUrl);
        lastProgress = sent;
    });
    QCOMPARE(uploadAll(*init, path, plan).value_or(0), 201);
    QCOMPARE(lastProgress, size);
    const auto upload = m_standIn->uploads().value(init->publishId);
    QVERIFY2(upload.contractViolation.isEmpty(), qPrintable(upload.contractViolation));
    QCOMPARE(upload.nextChunk, 2);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCryptographicHash hash(QCryptographicHash::Sha256);
    QVERIFY(hash.addData(&file));
    QCOMPARE(m_standIn->receivedSha256(init->publishId), hash.result().toHex());
}

void TestTikTokClient::draftsModeSendsNoPostInfo() {
    const QString path = cq::test::fixturePath(QStringLiteral("vertical.mp4"));
    const ChunkPlan plan = *ChunkPlan::forSize(QFileInfo(path).size());
    const auto init = initFor(plan.videoSizeBytes, PostMode::Drafts);
    QVERIFY2(init.has_value(), qPrintable(init ? QString() : init.error().message));
    QVERIFY(m_standIn->uploads().value(init->publishId).drafts);
    QCOMPARE(uploadAll(*init, path, plan).value_or(0), 201);
    const auto status =
        await<PublishStatus>([&](auto done) { m_client->fetchStatus(m_token, init->publishId, done); });
    QCOMPARE(status->status, QStringLiteral("SEND_TO_USER_INBOX"));
}

void TestTikTokClient::privacyMismatchIsPermanent() {
    const ChunkPlan plan = *ChunkPlan::forSize(1'000'000);
    const auto init = await<VideoInit>([&](auto done) {
        m_client->initVideoUpload(m_token, PostMode::DirectPost,
                                  postInfo(QStringLiteral("FOLLOWER_OF_CREATOR")), plan, done);
    });
    QVERIFY(!init.has_value());
    QCOMPARE(init.error().code, QStringLiteral("privacy_level_option_mismatch"));
    QCOMPARE(init.error().kind, TikTokError::Kind::Permanent);
    QVERIFY(!init.error().advice().isEmpty());
}

void TestTikTokClient::initIsRateLimitedAtSixPerMinute() {
    for (int i = 0; i < 6; ++i) {
        QVERIFY(initFor(1'000'000).has_value());
    }
    const auto seventh = initFor(1'000'000);
    QVERIFY(!seventh.has_value());
    QCOMPARE(seventh.error().kind, TikTokError::Kind::RateLimited);
    QCOMPARE(seventh.error().httpStatus, 429);
}

void TestTikTokClient::serverErrorsAndDroppedConnectionsAreTransient() {
    m_standIn->injectFault("/v2/post/publish/video/init/", {500, "oops", "text/plain", true, false, {}});
    auto failed = initFor(1'000'000);
    QVERIFY(!failed.has_value());
    QCOMPARE(failed.error().kind, TikTokError::Kind::Transient);
    QCOMPARE(m_standIn->initCount(), 0);
    QVERIFY(initFor(1'000'000).has_value()); // then success

    const auto init = initFor(QFileInfo(cq::test::fixturePath(QStringLiteral("vertical.mp4"))).size());
    // Qt resends a request once or twice when the connection closes before an answer (harmless here:
    // the same Content-Range again), so the connection has to stay broken to surface the error.
    for (int i = 0; i < 5; ++i) {
        m_standIn->injectFault("/upload/", {0, {}, {}, true, true, {}});
    }
    const ChunkPlan plan =
        *ChunkPlan::forSize(QFileInfo(cq::test::fixturePath(QStringLiteral("vertical.mp4"))).size());
    const auto dropped = uploadAll(*init, cq::test::fixturePath(QStringLiteral("vertical.mp4")), plan);
    QVERIFY(!dropped.has_value());
    QCOMPARE(dropped.error().kind, TikTokError::Kind::Transient);
    QCOMPARE(dropped.error().code, QStringLiteral("network_error"));
}

void TestTikTokClient::postIdsKeepAllNineteenDigits() {
    QCOMPARE(TikTokClient::postIdsFromRawJson(
                 R"({"data":{"publicaly_available_post_id":[7312345678901234567, 7312345678901234568]}})"),
             (QStringList{QStringLiteral("7312345678901234567"), QStringLiteral("7312345678901234568")}));
    QCOMPARE(TikTokClient::postIdsFromRawJson(R"({"data":{"publicaly_available_post_id":[]}})"),
             QStringList{});
    // A double would have rounded it:
    QVERIFY(QString::number(7312345678901234567.0, 'f', 0) != u"7312345678901234567");
}

void TestTikTokClient::plainHttpOnlyForLoopback_data() {
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("https") << "https://open.tiktokapis.com" << true;
    QTest::newRow("http loopback v4") << "http://127.0.0.1:8080" << true;
    QTest::newRow("http localhost") << "http://localhost:8080" << true;
    QTest::newRow("http loopback v6") << "http://[::1]:8080" << true;
    QTest::newRow("http elsewhere") << "http://api.example.com" << false;
    QTest::newRow("not a URL") << "open.tiktokapis.com" << false;
}

void TestTikTokClient::plainHttpOnlyForLoopback() {
    QFETCH(QString, url);
    QFETCH(bool, accepted);
    QCOMPARE(ApiConfig::checkedUrl(url, "CLIPQUEUE_TIKTOK_API_BASE").has_value(), accepted);
}

void TestTikTokClient::photoPrefixNeedsHttpsAndADomain_data() {
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("https domain") << "https://photos.example.com/clipqueue/" << true;
    QTest::newRow("https IP address") << "https://203.0.113.7/clipqueue/" << false;
    QTest::newRow("plain http elsewhere") << "http://photos.example.com/" << false;
    QTest::newRow("plain http to this computer") << "http://127.0.0.1:8080/photos/" << true;
}

void TestTikTokClient::photoPrefixNeedsHttpsAndADomain() {
    QFETCH(QString, url);
    QFETCH(bool, accepted);
    QCOMPARE(ApiConfig::checkedPhotoPublicUrl(url).has_value(), accepted);
}

QTEST_GUILESS_MAIN(TestTikTokClient)
#include "tst_tiktokclient.moc"
