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
    bool runsOutSoon = false; // until the next refresh
    std::optional<QStringList> scopes;

    std::expected<QString, Error> accessToken(const QString &) override { return current; }
    void refresh(const QString &, const QString &,
                 std::function<void(std::expected<QString, Error>)> done) override {
        ++refreshes;
        current = QStringLiteral("act.refreshed-%1").arg(refreshes);
        m_standIn.accessToken = current; // TikTok accepts the new token, and only it
        m_standIn.accessTokenExpiresAtMs = 0;
        runsOutSoon = false;
        done(current);
    }
    bool expiresSoon(const QString &) override { return runsOutSoon; }
    std::optional<QStringList> grantedScopes(const QString &) override { return scopes; }

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
        build(config);
    }
    TikTokPublisher::Options options = [] {
        TikTokPublisher::Options fast;
        fast.retry.firstBackoff = 10ms;
        fast.retry.maxBackoff = 50ms;
        fast.retry.rateLimitWait = 50ms;
        fast.firstPoll = 10ms;
        fast.maxPoll = 50ms;
        return fast;
    }();

    void build(const ApiConfig &config) {
        runner.reset();
        publisher.reset();
        client = std::make_unique<TikTokClient>(http, config);
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
    QList<PublishAttempt> attempts(const QString &id) { return *fixture.posts().repository().attempts(id); }
    QString lastHistoryAction(const QString &id) {
        return fixture.posts().repository().history(id)->last().action;
    }
    qsizetype requestsTo(const QByteArray &path) {
        return std::count_if(standIn.server().requests().cbegin(), standIn.server().requests().cend(),
                             [&](const auto &request) { return request.path == path; });
    }
    // Publishes the due post `id` on one pass and waits until it left publishing/processing.
    bool passAndWait(const QString &id) {
        runner->runPass();
        return QTest::qWaitFor(
            [&] {
                const PostStatus status = stored(id).status;
                return status != PostStatus::Publishing && status != PostStatus::Processing;
            },
            20000);
    }
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
    void tokenExpiringAgainWhileTikTokProcessesIsRefreshedAgain();
    void tokenRunningOutSoonIsRefreshedBeforeTheFirstCall();
    void cannotPostKeepsThePostScheduledUntilTheCapPasses();
    void cannotPostUntilTheGraceEndsFails();
    void offlineAtTheScheduledTimeRetriesWhenTheNetworkReturns();
    void retryableFailureStartsANewInit();
    void retryableFailureGivesUpAfterTheLimit();
    void directPostLandingInTheInboxSaysSo();
    void inboxOnlyAccountSendsDraftsButCannotPublish();
    void expiredUploadUrlStartsANewUpload();
    void chunkTikTokAlreadyHadIsNotAnError();
    void inboxPhotoPostSendsOnlyWhatTikTokReads();
    void slowLinkIsAnnouncedBeforeTheUpload();
    void damagedStoredMediaIsNeverUploaded();
};

void TestTikTokPublisher::publishesADueVideo() {
    Rig rig;
    const QString id = rig.duePost(QStringLiteral("PUBLIC_TO_EVERYONE")); // only public posts get an id
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
    // Every permanent error of docs/tiktok.md ("Error codes") that video init can answer. (The
    // posting caps pass with time: cannotPostKeepsThePostScheduledUntilTheCapPasses.)
    QTest::newRow("unaudited client: the account must be private")
        << 403 << QStringLiteral("unaudited_client_can_only_post_to_private_accounts")
        << QStringLiteral("Make the account private");
    QTest::newRow("unaudited client: or the inbox")
        << 403 << QStringLiteral("unaudited_client_can_only_post_to_private_accounts")
        << QStringLiteral("send the post to the TikTok inbox");
    QTest::newRow("privacy mismatch")
        << 403 << QStringLiteral("privacy_level_option_mismatch") << QStringLiteral("Pick one it offers");
    QTest::newRow("scope") << 401 << QStringLiteral("scope_not_authorized") << QStringLiteral("Reconnect it");
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
    // Creator info was asked for again before the new init: what TikTok allows may have changed.
    const auto &requests = rig.standIn.server().requests();
    const auto status = std::find_if(requests.cbegin(), requests.cend(), [](const auto &r) {
        return r.path == "/v2/post/publish/status/fetch/";
    });
    const auto creator = std::find_if(status, requests.cend(), [](const auto &r) {
        return r.path == "/v2/post/publish/creator_info/query/";
    });
    QVERIFY(creator != requests.cend());
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

void TestTikTokPublisher::tokenExpiringAgainWhileTikTokProcessesIsRefreshedAgain() {
    Rig rig;
    const QString id = rig.duePost();
    // The stored token is refused at once (refresh 1); the refreshed one runs out by time while
    // TikTok processes the upload, so the status poll needs refresh 2.
    rig.standIn.accessToken = QStringLiteral("act.somebody-elses");
    rig.standIn.onUploadComplete = [&](const QString &) {
        rig.standIn.expireAccessToken();
    };
    QVERIFY(rig.passAndWait(id));
    QCOMPARE(rig.stored(id).status, PostStatus::Published);
    QCOMPARE(rig.tokens.refreshes, 2);
    QCOMPARE(rig.standIn.initCount(), 1);
}

void TestTikTokPublisher::tokenRunningOutSoonIsRefreshedBeforeTheFirstCall() {
    Rig rig;
    const QString id = rig.duePost();
    rig.tokens.runsOutSoon = true;
    QVERIFY(rig.passAndWait(id));
    QCOMPARE(rig.stored(id).status, PostStatus::Published);
    QCOMPARE(rig.tokens.refreshes, 1);
    // No 401 round trip: every API request carried the fresh token.
    for (const auto &request : rig.standIn.server().requests()) {
        if (request.path.startsWith("/v2/post/")) {
            QCOMPARE(request.headers.value("authorization"), QByteArray("Bearer act.refreshed-1"));
        }
    }
}

void TestTikTokPublisher::cannotPostKeepsThePostScheduledUntilTheCapPasses() {
    Rig rig;
    rig.standIn.creatorCannotPostCode = QStringLiteral("spam_risk_too_many_posts");
    const QString id = rig.duePost();
    QVERIFY(rig.passAndWait(id));
    QCOMPARE(rig.stored(id).status, PostStatus::Scheduled); // not failed: the cap passes
    QCOMPARE(rig.lastHistoryAction(id), QStringLiteral("deferred"));
    QCOMPARE(rig.attempts(id).first().errorCode, QStringLiteral("spam_risk_too_many_posts"));
    QCOMPARE(rig.standIn.initCount(), 0);
    QCOMPARE(rig.runner->runPass().value(), 0); // not before its next try
    rig.standIn.creatorCannotPostCode.clear();
    rig.fixture.clock().advance(5 * 60 * 1000 + 1000);
    QVERIFY(rig.passAndWait(id));
    QCOMPARE(rig.stored(id).status, PostStatus::Published);
    QCOMPARE(rig.attempts(id).size(), 2);
}

void TestTikTokPublisher::cannotPostUntilTheGraceEndsFails() {
    Rig rig;
    rig.standIn.creatorCannotPostCode = QStringLiteral("reached_active_user_cap");
    const QString id = rig.duePost();
    QVERIFY(rig.passAndWait(id));
    QCOMPARE(rig.stored(id).status, PostStatus::Scheduled);
    for (int i = 0; i < 4 && rig.stored(id).status == PostStatus::Scheduled; ++i) {
        rig.fixture.clock().advance(5 * 60 * 1000 + 1000); // the grace period is 15 minutes
        QVERIFY(rig.passAndWait(id));
    }
    QCOMPARE(rig.stored(id).status, PostStatus::Failed);
    const PublishAttempt last = rig.attempts(id).last();
    QCOMPARE(last.errorCode, QStringLiteral("reached_active_user_cap"));
    QVERIFY2(last.errorMessage.contains(u"grace period"), qPrintable(last.errorMessage));
}

void TestTikTokPublisher::offlineAtTheScheduledTimeRetriesWhenTheNetworkReturns() {
    Rig rig;
    for (int i = 0; i < 30; ++i) { // more than the retry policy's five tries (Qt resends some itself)
        rig.standIn.injectFault("/v2/post/publish/creator_info/query/", {0, {}, {}, true, true, {}});
    }
    const QString id = rig.duePost();
    QVERIFY(rig.passAndWait(id));
    QCOMPARE(rig.stored(id).status, PostStatus::Scheduled);
    QCOMPARE(rig.attempts(id).first().errorCode, QStringLiteral("network_error"));
    QCOMPARE(rig.runner->deferredCount(), 1);
    QCOMPARE(rig.runner->runPass().value(), 0); // waits (at most a minute)...
    rig.standIn.clearFaults();
    rig.runner->networkCameBack(); // ...unless the network comes back
    QVERIFY(rig.passAndWait(id));
    QCOMPARE(rig.stored(id).status, PostStatus::Published);
    QCOMPARE(rig.standIn.initCount(), 1);
}

void TestTikTokPublisher::retryableFailureStartsANewInit() {
    Rig rig;
    rig.standIn.injectFault(
        "/v2/post/publish/status/fetch/",
        TikTokStandIn::jsonAnswer(200, R"({"data":{"status":"FAILED","fail_reason":"internal"},)"
                                       R"("error":{"code":"ok","log_id":"L"}})"));
    const QString id = rig.duePost();
    QVERIFY(rig.passAndWait(id));
    QCOMPARE(rig.stored(id).status, PostStatus::Published);
    QCOMPARE(rig.standIn.initCount(), 2);
    const auto attempts = rig.attempts(id);
    QCOMPARE(attempts.size(), 2); // each try logged (the fake clock stands still: find them by outcome)
    const auto failed = std::find_if(attempts.cbegin(), attempts.cend(),
                                     [](const auto &a) { return a.outcome == AttemptOutcome::Failed; });
    const auto published = std::find_if(attempts.cbegin(), attempts.cend(),
                                        [](const auto &a) { return a.outcome == AttemptOutcome::Published; });
    QVERIFY(failed != attempts.cend() && published != attempts.cend());
    QCOMPARE(failed->errorCode, QStringLiteral("internal"));
    QVERIFY(failed->publishId != published->publishId);
    QCOMPARE(rig.stored(id).publishId, published->publishId); // the new init's
}

void TestTikTokPublisher::retryableFailureGivesUpAfterTheLimit() {
    Rig rig;
    for (int i = 0; i < 3; ++i) {
        rig.standIn.injectFault("/v2/post/publish/status/fetch/",
                                TikTokStandIn::jsonAnswer(200,
                                                          R"({"data":{"status":"FAILED","fail_reason":)"
                                                          R"("video_pull_failed"},"error":{"code":"ok"}})"));
    }
    const QString id = rig.duePost();
    QVERIFY(rig.passAndWait(id));
    QCOMPARE(rig.stored(id).status, PostStatus::Failed);
    QCOMPARE(rig.standIn.initCount(), 3); // the first try and two more
    QCOMPARE(rig.attempts(id).size(), 3);
}

void TestTikTokPublisher::directPostLandingInTheInboxSaysSo() {
    Rig rig;
    rig.standIn.onUploadComplete = [&](const QString &) {
        rig.standIn.injectFault("/v2/post/publish/status/fetch/",
                                TikTokStandIn::jsonAnswer(200, R"({"data":{"status":"SEND_TO_USER_INBOX"},)"
                                                               R"("error":{"code":"ok"}})"));
    };
    const QString id = rig.duePost();
    QVERIFY(rig.passAndWait(id));
    QCOMPARE(rig.stored(id).status, PostStatus::Published);
    const PublishAttempt attempt = rig.attempts(id).first();
    QCOMPARE(attempt.errorCode, QStringLiteral("send_to_user_inbox"));
    QVERIFY(attempt.errorMessage.contains(u"instead of publishing"));
    QVERIFY2(rig.fixture.posts().repository().history(id)->last().comment.contains(u"TikTok app"),
             qPrintable(rig.fixture.posts().repository().history(id)->last().comment));
}

void TestTikTokPublisher::inboxOnlyAccountSendsDraftsButCannotPublish() {
    Rig rig;
    rig.tokens.scopes = QStringList{QStringLiteral("user.info.basic"), QStringLiteral("video.upload")};
    rig.standIn.grantedScopes = QStringLiteral("user.info.basic,video.upload");
    const QString direct = rig.duePost();
    QVERIFY(rig.passAndWait(direct));
    QCOMPARE(rig.stored(direct).status, PostStatus::Failed);
    QCOMPARE(rig.attempts(direct).first().errorCode, QStringLiteral("scope_not_authorized"));
    QVERIFY(rig.attempts(direct).first().errorMessage.contains(u"inbox"));

    Post post = validVideoPost();
    post.tiktok.postMode = QStringLiteral("MEDIA_UPLOAD");
    const auto drafts = rig.fixture.importer().create(post, QString(), true);
    QVERIFY(drafts.has_value());
    QVERIFY(rig.passAndWait(drafts->post.id));
    QCOMPARE(rig.stored(drafts->post.id).status, PostStatus::Published);
    QCOMPARE(rig.requestsTo("/v2/post/publish/creator_info/query/"), 0); // it needs video.publish
}

void TestTikTokPublisher::expiredUploadUrlStartsANewUpload() {
    Rig rig;
    rig.standIn.injectFault("/upload/", {403, "expired", "text/plain", true, false, {}});
    const QString id = rig.duePost();
    QVERIFY(rig.passAndWait(id));
    QCOMPARE(rig.stored(id).status, PostStatus::Published);
    QCOMPARE(rig.standIn.initCount(), 2);
    const StoredPost post = rig.stored(id);
    QCOMPARE(rig.standIn.receivedSha256(post.publishId), post.media.first().sha256.toLatin1());
}

void TestTikTokPublisher::chunkTikTokAlreadyHadIsNotAnError() {
    Rig rig;
    rig.standIn.loseNextChunkAnswer = true; // TikTok has the chunk; ClipQueue never heard so
    const QString id = rig.duePost();
    QVERIFY(rig.passAndWait(id));
    QCOMPARE(rig.stored(id).status, PostStatus::Published);
    QCOMPARE(rig.standIn.initCount(), 1);
    QCOMPARE(rig.requestsTo("/v2/post/publish/video/init/"), 1);
}

void TestTikTokPublisher::inboxPhotoPostSendsOnlyWhatTikTokReads() {
    LoopbackHttpServer photoHost;
    photoHost.setHandler([](const LoopbackHttpServer::Request &) {
        return LoopbackHttpServer::Response{201, {}, "text/plain", true, false, {}};
    });
    Rig rig;
    rig.usePhotoHost(photoHost);
    Post post = validVideoPost(fixturePath(QStringLiteral("photo.jpg")));
    post.tiktok.postMode = QStringLiteral("MEDIA_UPLOAD");
    post.tiktok.title = QStringLiteral("Inbox photos");
    const auto created = rig.fixture.importer().create(post, QString(), true);
    QVERIFY2(created.has_value(), qPrintable(created ? QString() : created.error().message));
    QVERIFY(rig.passAndWait(created->post.id));
    QCOMPARE(rig.stored(created->post.id).status, PostStatus::Published);
    const auto upload = rig.standIn.uploads().value(rig.stored(created->post.id).publishId);
    QVERIFY2(upload.contractViolation.isEmpty(), qPrintable(upload.contractViolation));
    QCOMPARE(upload.postInfo.keys(), (QStringList{QStringLiteral("description"), QStringLiteral("title")}));
    QVERIFY(upload.statusFetches >= 2); // through PROCESSING_DOWNLOAD
}

void TestTikTokPublisher::slowLinkIsAnnouncedBeforeTheUpload() {
    Rig rig;
    rig.options.uploadUrlLifetime = 5s; // stands for TikTok's hour
    rig.build(rig.client->config());
    QSignalSpy notices(rig.publisher.get(), &Publisher::notice);
    // The first upload measures the link: its one chunk "takes" ten seconds on the clock.
    rig.standIn.onUploadComplete = [&](const QString &) {
        rig.fixture.clock().advance(10'000);
    };
    QVERIFY(rig.passAndWait(rig.duePost()));
    QCOMPARE(notices.count(), 0); // nothing measured before it
    rig.standIn.onUploadComplete = nullptr;
    const QString second = rig.duePost();
    QVERIFY(rig.passAndWait(second));
    QCOMPARE(notices.count(), 1); // said before the upload started
    QCOMPARE(notices.first().at(0).toString(), second);
    QVERIFY2(notices.first().at(1).toString().contains(u"will probably not finish"),
             qPrintable(notices.first().at(1).toString()));
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
