// The TikTok publisher end to end: the scheduler runner hands it due posts, it talks to the
// loopback API stand-in, and every outcome lands in the database.
#include "StoreFixture.h"
#include "TestFixtures.h"
#include "TikTokStandIn.h"
#include "publish/SchedulerRunner.h"
#include "tiktok/TikTokPublisher.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace cq;
using namespace cq::tiktok;
using namespace cq::test;
using namespace std::chrono_literals;

namespace {

MediaDescriptor atUrl(const QString &path) {
    MediaDescriptor media;
    media.url = fileUrlForPath(path);
    return media;
}

class FakeTokens final : public AccessTokenProvider {
public:
    explicit FakeTokens(TikTokStandIn &standIn)
        : m_standIn(standIn) {}
    QString current = QStringLiteral("act.valid-token");
    int refreshes = 0;

    std::expected<QString, Error> accessToken(const QString &) override { return current; }
    void refresh(const QString &, const QString &,
                 std::function<void(std::expected<QString, Error>)> done) override {
        ++refreshes;
        current = QStringLiteral("act.refreshed-%1").arg(refreshes);
        m_standIn.accessToken = current; // TikTok accepts the new token, and only it
        done(current);
    }

private:
    TikTokStandIn &m_standIn;
};

struct Rig {
    StoreFixture fixture;
    TikTokStandIn standIn;
    QNetworkAccessManager network;
    net::HttpTransport http{network};
    FakeTokens tokens{standIn};
    std::unique_ptr<TikTokClient> client;
    std::unique_ptr<TikTokPublisher> publisher;
    std::unique_ptr<SchedulerRunner> runner;

    Rig() {
        ApiConfig config;
        config.apiBase = QUrl(standIn.apiBase());
        build(config);
    }
    // Photo posts: PUT to `photoHost`, pulled by TikTok from a verified prefix.
    void usePhotoHost(const LoopbackHttpServer &photoHost) {
        ApiConfig config = client->config();
        config.photoUploadBase = QUrl(photoHost.url(QStringLiteral("/dav/")));
        config.photoPublicBase = QUrl(QStringLiteral("https://cdn.example.com/clipqueue/"));
        standIn.verifiedPrefix = QStringLiteral("https://cdn.example.com/clipqueue/");
        runner.reset();
        publisher.reset();
        build(config);
    }
    void build(const ApiConfig &config) {
        client = std::make_unique<TikTokClient>(http, config);
        TikTokPublisher::Options options;
        options.retry.firstBackoff = 10ms;
        options.retry.maxBackoff = 50ms;
        options.retry.rateLimitWait = 50ms;
        options.firstPoll = 10ms;
        options.maxPoll = 50ms;
        publisher =
            std::make_unique<TikTokPublisher>(*client, tokens, fixture.store(), fixture.clock(), options);
        SchedulerRunner::Options runnerOptions;
        runnerOptions.runnerId = QStringLiteral("runner-1");
        runner =
            std::make_unique<SchedulerRunner>(fixture.posts(), *publisher, fixture.clock(), runnerOptions);
    }
    QString duePost(const QString &privacy = QStringLiteral("SELF_ONLY")) {
        Post post = validVideoPost();
        post.tiktok.privacyLevel = privacy;
        auto created = fixture.importer().create(post, QString(), true);
        return created ? created->post.id : QString();
    }
    StoredPost stored(const QString &id) { return *fixture.posts().repository().get(id); }
    bool settle(const QString &id) {
        return QTest::qWaitFor(
            [&] {
                const PostStatus status = stored(id).status;
                return status != PostStatus::Publishing && status != PostStatus::Processing
                       && status != PostStatus::Scheduled;
            },
            20000);
    }
};

} // namespace

class TestTikTokPublisher : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void publishesADueVideo();
    void refreshesAnExpiredTokenOnceWithoutASecondInit();
    void retriesAServerErrorOnInit();
    void retriesAChunkWhoseConnectionDroppedMidway();
    void waitsOutRateLimits();
    void postNoLongerAllowedFailsWithTheValidationCode();
    void permanentErrorsFailWithAdvice_data();
    void permanentErrorsFailWithAdvice();
    void failedStatusFailsThePost();
    void resumptionOnlyPolls();
    void photosGoToTheHostThenTikTokPullsThem();
    void photosWithoutAPhotoHostFailWithAdvice();
    void photoInitWithoutAnAnswerIsNotSentAgain();
    void draftsModeEndsInTheInbox();
    void resumptionOfAnIncompleteUploadStartsAgain();
    void statusDeadlineOnTheClockMakesTheOutcomeUnknown();
    void damagedStoredMediaIsNeverUploaded();
};

void TestTikTokPublisher::publishesADueVideo() {
    Rig rig;
    const QString id = rig.duePost();
    QCOMPARE(rig.runner->runPass().value(), 1);
    QVERIFY(rig.settle(id));
    const StoredPost post = rig.stored(id);
    QCOMPARE(post.status, PostStatus::Published);
    QCOMPARE(rig.standIn.initCount(), 1);
    QCOMPARE(post.publishId, rig.standIn.uploads().keys().first());
    QCOMPARE(QString::fromLatin1(rig.standIn.receivedSha256(post.publishId)), post.media.first().sha256);
    const auto upload = rig.standIn.uploads().value(post.publishId);
    QVERIFY2(upload.contractViolation.isEmpty(), qPrintable(upload.contractViolation));
    QCOMPARE(upload.postInfo.value(u"title").toString(), QStringLiteral("Launch day #launch"));
    const PublishAttempt attempt = rig.fixture.posts().repository().attempts(id)->first();
    QCOMPARE(attempt.outcome, cq::AttemptOutcome::Published);
    QVERIFY(attempt.errorCode.isEmpty());
    QCOMPARE(rig.fixture.posts().repository().history(id)->last().comment,
             QStringLiteral("TikTok post 7312345678901234567")); // all 19 digits
}

void TestTikTokPublisher::refreshesAnExpiredTokenOnceWithoutASecondInit() {
    Rig rig;
    const QString id = rig.duePost();
    // The token expires mid-publish: after the init and upload, the status fetch gets 401.
    rig.standIn.injectFault(
        "/v2/post/publish/status/fetch/",
        cq::test::TikTokStandIn::jsonAnswer(
            401, R"({"data":{},"error":{"code":"access_token_invalid","message":"expired","log_id":"L"}})"));
    rig.runner->runPass();
    QVERIFY(rig.settle(id));
    QCOMPARE(rig.stored(id).status, PostStatus::Published);
    QCOMPARE(rig.tokens.refreshes, 1);
    QCOMPARE(rig.standIn.initCount(), 1); // continued, not started again
}

void TestTikTokPublisher::retriesAServerErrorOnInit() {
    Rig rig;
    rig.standIn.injectFault("/v2/post/publish/video/init/", {500, "busy", "text/plain", true, false, {}});
    const QString id = rig.duePost();
    rig.runner->runPass();
    QVERIFY(rig.settle(id));
    QCOMPARE(rig.stored(id).status, PostStatus::Published);
    QCOMPARE(rig.standIn.initCount(), 1);
}

void TestTikTokPublisher::retriesAChunkWhoseConnectionDroppedMidway() {
    Rig rig;
    rig.standIn.server().dropMidBody("/upload/", 64 * 1024);
    const QString id = rig.duePost();
    rig.runner->runPass();
    QVERIFY(rig.settle(id));
    QCOMPARE(rig.stored(id).status, PostStatus::Published);
    QCOMPARE(rig.standIn.server().pendingMidBodyDrops(), 0); // the connection did drop
    QCOMPARE(rig.standIn.initCount(), 1);
    // TikTok has the file exactly once, byte for byte.
    const StoredPost published = rig.stored(id);
    QCOMPARE(rig.standIn.receivedSha256(published.publishId), published.media.first().sha256.toLatin1());
}

void TestTikTokPublisher::waitsOutRateLimits() {
    Rig rig;
    rig.standIn.injectFault(
        "/v2/post/publish/status/fetch/",
        cq::test::TikTokStandIn::jsonAnswer(
            429, R"({"data":{},"error":{"code":"rate_limit_exceeded","message":"slow","log_id":"L"}})"));
    const QString id = rig.duePost();
    rig.runner->runPass();
    QVERIFY(rig.settle(id));
    QCOMPARE(rig.stored(id).status, PostStatus::Published);
}

void TestTikTokPublisher::postNoLongerAllowedFailsWithTheValidationCode() {
    Rig rig;
    const QString id = rig.duePost(QStringLiteral("FOLLOWER_OF_CREATOR")); // not in the stand-in's options
    rig.runner->runPass();
    QVERIFY(rig.settle(id));
    QCOMPARE(rig.stored(id).status, PostStatus::Failed);
    QCOMPARE(rig.standIn.initCount(), 0); // never sent
    QCOMPARE(rig.fixture.posts().repository().attempts(id)->first().errorCode,
             QStringLiteral("privacy.not_allowed"));
}

void TestTikTokPublisher::permanentErrorsFailWithAdvice_data() {
    QTest::addColumn<int>("httpStatus");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("advice"); // what the user is told to do
    // Every permanent error of docs/tiktok.md ("Error codes") that video init can answer.
    QTest::newRow("unaudited client")
        << 403 << QStringLiteral("unaudited_client_can_only_post_to_private_accounts")
        << QStringLiteral("Only me");
    QTest::newRow("privacy mismatch")
        << 403 << QStringLiteral("privacy_level_option_mismatch") << QStringLiteral("Pick one it offers");
    QTest::newRow("scope") << 401 << QStringLiteral("scope_not_authorized") << QStringLiteral("Reconnect it");
    QTest::newRow("spam: too many posts")
        << 403 << QStringLiteral("spam_risk_too_many_posts") << QStringLiteral("Try again later");
    QTest::newRow("spam: banned") << 403 << QStringLiteral("spam_risk_user_banned_from_posting")
                                  << QStringLiteral("Try again later");
    QTest::newRow("active user cap") << 403 << QStringLiteral("reached_active_user_cap")
                                     << QStringLiteral("Try again later");
    QTest::newRow("invalid parameter")
        << 400 << QStringLiteral("invalid_param") << QStringLiteral("Check the post");
    QTest::newRow("invalid parameters")
        << 400 << QStringLiteral("invalid_params") << QStringLiteral("Check the post");
    QTest::newRow("token not for this publish id")
        << 403 << QStringLiteral("token_not_authorized_for_specified_publish_id")
        << QStringLiteral("Check the post");
}

void TestTikTokPublisher::permanentErrorsFailWithAdvice() {
    QFETCH(int, httpStatus);
    QFETCH(QString, code);
    QFETCH(QString, advice);
    Rig rig;
    rig.standIn.injectFault(
        "/v2/post/publish/video/init/",
        cq::test::TikTokStandIn::jsonAnswer(httpStatus, (u"{\"data\":{},\"error\":{\"code\":\"" + code
                                                         + u"\",\"message\":\"m\",\"log_id\":\"L42\"}}")
                                                            .toUtf8()));
    const QString id = rig.duePost();
    rig.runner->runPass();
    QVERIFY(rig.settle(id));
    QCOMPARE(rig.stored(id).status, PostStatus::Failed);
    // Failed at once: one init request, no retry, nothing uploaded.
    const auto inits =
        std::count_if(rig.standIn.server().requests().cbegin(), rig.standIn.server().requests().cend(),
                      [](const auto &request) { return request.path == "/v2/post/publish/video/init/"; });
    QCOMPARE(inits, 1);
    QCOMPARE(rig.standIn.initCount(), 0);
    const PublishAttempt attempt = rig.fixture.posts().repository().attempts(id)->first();
    QCOMPARE(attempt.errorCode, code);
    QCOMPARE(attempt.logId, QStringLiteral("L42"));
    QCOMPARE(attempt.httpStatus, httpStatus);
    QVERIFY2(attempt.errorMessage.contains(advice), qPrintable(attempt.errorMessage));
}

void TestTikTokPublisher::failedStatusFailsThePost() {
    Rig rig;
    rig.standIn.injectFault(
        "/v2/post/publish/status/fetch/",
        cq::test::TikTokStandIn::jsonAnswer(
            200,
            R"({"data":{"status":"FAILED","fail_reason":"frame_rate_check_failed"},"error":{"code":"ok","message":"","log_id":"L"}})"));
    const QString id = rig.duePost();
    rig.runner->runPass();
    QVERIFY(rig.settle(id));
    QCOMPARE(rig.stored(id).status, PostStatus::Failed);
    QCOMPARE(rig.fixture.posts().repository().attempts(id)->first().errorCode,
             QStringLiteral("frame_rate_check_failed"));
}

void TestTikTokPublisher::resumptionOnlyPolls() {
    Rig rig;
    const QString id = rig.duePost();
    rig.runner->runPass();
    QVERIFY(rig.settle(id));
    QCOMPARE(rig.standIn.initCount(), 1);
    // Hand the same post over again with its publish id, as a restarted runner would.
    StoredPost post = rig.stored(id);
    QSignalSpy finished(rig.publisher.get(), &Publisher::finished);
    rig.publisher->publish(post);
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(finished.first().at(1).value<PublishResult>().outcome, PublishResult::Outcome::Published);
    QCOMPARE(rig.standIn.initCount(), 1); // no second init
}

void TestTikTokPublisher::resumptionOfAnIncompleteUploadStartsAgain() {
    Rig rig;
    const QString id = rig.duePost();
    StoredPost post = rig.stored(id);
    // An init whose upload never happened (the process died right after storing the publish id).
    const ChunkPlan plan = *ChunkPlan::forSize(post.media.first().descriptor.sizeBytes.value());
    std::optional<std::expected<VideoInit, TikTokError>> init;
    rig.client->initVideoUpload(QStringLiteral("act.valid-token"), PostMode::DirectPost,
                                videoPostInfo(post.toPost()), plan, [&](auto result) { init = result; });
    QTRY_VERIFY(init.has_value());
    post.publishId = init->value().publishId;
    QSignalSpy finished(rig.publisher.get(), &Publisher::finished);
    rig.publisher->publish(post);
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(finished.first().at(1).value<PublishResult>().outcome, PublishResult::Outcome::Published);
    QCOMPARE(rig.standIn.initCount(), 2); // the dropped upload was started anew
}

void TestTikTokPublisher::statusDeadlineOnTheClockMakesTheOutcomeUnknown() {
    Rig rig;
    const QString id = rig.duePost();
    for (int i = 0; i < 200; ++i) { // TikTok keeps processing
        rig.standIn.injectFault("/v2/post/publish/status/fetch/",
                                TikTokStandIn::jsonAnswer(200, R"({"data":{"status":"PROCESSING_DOWNLOAD"},)"
                                                               R"("error":{"code":"ok","log_id":"L"}})"));
    }
    QSignalSpy processing(rig.publisher.get(), &Publisher::processing);
    QSignalSpy finished(rig.publisher.get(), &Publisher::finished);
    rig.publisher->publish(rig.stored(id));
    QTRY_COMPARE(processing.count(), 1);
    QTest::qWait(200); // several polls: no end while the clock stands still
    QCOMPARE(finished.count(), 0);
    rig.fixture.clock().advance(31 * 60 * 1000); // past the 30-minute status deadline
    QTRY_COMPARE(finished.count(), 1);
    const auto result = finished.first().at(1).value<PublishResult>();
    QCOMPARE(result.outcome, PublishResult::Outcome::Unknown);
    QCOMPARE(result.errorCode, QStringLiteral("status_deadline"));
}

void TestTikTokPublisher::photosGoToTheHostThenTikTokPullsThem() {
    LoopbackHttpServer photoHost;
    QHash<QByteArray, QByteArray> stored;
    photoHost.setHandler([&](const LoopbackHttpServer::Request &request) {
        if (request.method == "PUT") {
            stored.insert(request.path, request.body);
            return LoopbackHttpServer::Response{201, {}, "text/plain", true, false, {}};
        }
        return LoopbackHttpServer::Response{405, {}, "text/plain", true, false, {}};
    });
    Rig rig;
    rig.usePhotoHost(photoHost);

    Post post = validVideoPost(fixturePath(QStringLiteral("photo.jpg")));
    post.media << atUrl(fixturePath(QStringLiteral("photo.webp")));
    post.tiktok.title = QStringLiteral("Two photos");
    const auto created = rig.fixture.importer().create(post, QString(), true);
    QVERIFY2(created.has_value(), qPrintable(created ? QString() : created.error().message));
    QList<std::pair<qint64, qint64>> progress;
    connect(rig.publisher.get(), &Publisher::uploadProgress, this,
            [&](const QString &, qint64 sent, qint64 total) {
                progress.append({sent, total});
            });
    rig.runner->runPass();
    QVERIFY(rig.settle(created->post.id));
    QCOMPARE(rig.stored(created->post.id).status, PostStatus::Published);
    QCOMPARE(stored.size(), 2);
    // Progress counts the bytes of both photos together, never backwards, up to all of them.
    const qint64 photoBytes =
        stored.value(stored.keys().first()).size() + stored.value(stored.keys().last()).size();
    QVERIFY(!progress.isEmpty());
    QCOMPARE(progress.last(), std::pair(photoBytes, photoBytes));
    QVERIFY(std::is_sorted(progress.cbegin(), progress.cend(),
                           [](const auto &a, const auto &b) { return a.first < b.first; }));
    const StoredPost published = rig.stored(created->post.id);
    const auto upload = rig.standIn.uploads().value(published.publishId);
    QCOMPARE(upload.photoUrls.size(), 2);
    QCOMPARE(upload.photoUrls.first(),
             u"https://cdn.example.com/clipqueue/" + published.media.first().sha256 + u".jpg");
    QCOMPARE(upload.postInfo.value(u"description").toString(), QStringLiteral("Launch day #launch"));
    QCOMPARE(upload.postInfo.value(u"title").toString(), QStringLiteral("Two photos"));
    QVERIFY(stored.contains("/dav/" + published.media.last().sha256.toLatin1() + ".webp"));
}

void TestTikTokPublisher::photoInitWithoutAnAnswerIsNotSentAgain() {
    // TikTok starts pulling photos when it accepts the init. When the answer is lost (here a gateway
    // timeout), a second init could make a second post: the outcome is unknown and the user decides.
    LoopbackHttpServer photoHost;
    photoHost.setHandler([](const LoopbackHttpServer::Request &) {
        return LoopbackHttpServer::Response{201, {}, "text/plain", true, false, {}};
    });
    Rig rig;
    rig.usePhotoHost(photoHost);
    rig.standIn.injectFault("/v2/post/publish/content/init/",
                            {504, "gateway timeout", "text/plain", true, false, {}});
    const auto created = rig.fixture.importer().create(
        validVideoPost(fixturePath(QStringLiteral("photo.jpg"))), QString(), true);
    QVERIFY(created.has_value());
    rig.runner->runPass();
    QVERIFY(rig.settle(created->post.id));
    QCOMPARE(rig.stored(created->post.id).status, PostStatus::NeedsAttention);
    const auto inits =
        std::count_if(rig.standIn.server().requests().cbegin(), rig.standIn.server().requests().cend(),
                      [](const auto &request) { return request.path == "/v2/post/publish/content/init/"; });
    QCOMPARE(inits, 1); // not sent again
    QCOMPARE(rig.standIn.initCount(), 0);
}

void TestTikTokPublisher::photosWithoutAPhotoHostFailWithAdvice() {
    Rig rig;
    const auto created = rig.fixture.importer().create(
        validVideoPost(fixturePath(QStringLiteral("photo.jpg"))), QString(), true);
    QVERIFY(created.has_value());
    rig.runner->runPass();
    QVERIFY(rig.settle(created->post.id));
    QCOMPARE(rig.stored(created->post.id).status, PostStatus::Failed);
    const PublishAttempt attempt = rig.fixture.posts().repository().attempts(created->post.id)->first();
    QCOMPARE(attempt.errorCode, QStringLiteral("photo_host_missing"));
    QVERIFY(attempt.errorMessage.contains(u"CLIPQUEUE_PHOTO_PUBLIC_URL"));
}

void TestTikTokPublisher::draftsModeEndsInTheInbox() {
    Rig rig;
    Post post = validVideoPost();
    post.tiktok.postMode = QStringLiteral("MEDIA_UPLOAD");
    const auto created = rig.fixture.importer().create(post, QString(), true);
    QVERIFY(created.has_value());
    rig.runner->runPass();
    QVERIFY(rig.settle(created->post.id));
    QCOMPARE(rig.stored(created->post.id).status, PostStatus::Published); // SEND_TO_USER_INBOX
    QVERIFY(rig.standIn.uploads().value(rig.stored(created->post.id).publishId).drafts);
}

// A stored object whose bytes changed since it was stored (bit rot, tampering) is not uploaded:
// the post fails with a clear error before TikTok has anything.
void TestTikTokPublisher::damagedStoredMediaIsNeverUploaded() {
    Rig rig;
    const QString id = rig.duePost();
    const QString path = rig.fixture.store().pathFor(rig.stored(id).media.first().sha256);
    QVERIFY(QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner));
    QFile object(path);
    QVERIFY(object.open(QIODevice::ReadWrite));
    QVERIFY(object.seek(object.size() / 2));
    object.write("rot");
    object.close();
    QCOMPARE(rig.runner->runPass().value(), 1);
    QVERIFY(rig.settle(id));
    const StoredPost post = rig.stored(id);
    QCOMPARE(post.status, PostStatus::Failed);
    QCOMPARE(rig.standIn.initCount(), 0);
    QVERIFY(rig.standIn.uploads().isEmpty());
    auto attempts = rig.fixture.posts().repository().attempts(id);
    QVERIFY(attempts.has_value() && !attempts->isEmpty());
    QCOMPARE(attempts->last().errorCode, QStringLiteral("media_damaged"));
    QVERIFY2(attempts->last().errorMessage.contains(u"changed"), qPrintable(attempts->last().errorMessage));
}

QTEST_GUILESS_MAIN(TestTikTokPublisher)
#include "tst_tiktokpublisher.moc"
