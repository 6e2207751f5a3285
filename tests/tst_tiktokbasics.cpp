// The pure parts of the TikTok client: the chunk plan, PKCE, the error envelope and its classes,
// and the censoring of secrets before anything is logged.
#include "net/Censor.h"
#include "tiktok/ChunkPlan.h"
#include "tiktok/Pkce.h"
#include "tiktok/RetryPolicy.h"
#include "tiktok/TikTokError.h"

#include <QRegularExpression>
#include <QTest>

using namespace cq::tiktok;
using cq::net::censorSecrets;

Q_DECLARE_METATYPE(cq::tiktok::TikTokError::Kind)

class TestTikTokBasics : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void chunkPlans_data();
    void chunkPlans();
    void chunkPlanRefusesEmptyAndHugeFiles();
    void pkceChallengeIsHexSha256OfTheVerifier();
    void pkceIsNewEveryTime();
    void errorEnvelope_data();
    void errorEnvelope();
    void secretsAreCensored_data();
    void secretsAreCensored();
    void errorCodesStayReadable();
    void retryPolicy();
};

void TestTikTokBasics::chunkPlans_data() {
    QTest::addColumn<qint64>("size");
    QTest::addColumn<qint64>("chunkSize");
    QTest::addColumn<int>("count");
    QTest::newRow("1 byte: sent whole") << qint64(1) << qint64(1) << 1;
    QTest::newRow("under 5 MB: sent whole") << qint64(5'000'000) << qint64(5'000'000) << 1;
    QTest::newRow("64,000,000 bytes: one chunk") << qint64(64'000'000) << qint64(64'000'000) << 1;
    QTest::newRow("64,000,001 bytes: chunked") << qint64(64'000'001) << qint64(32'000'000) << 2;
    QTest::newRow("100 MB") << qint64(100'000'000) << qint64(32'000'000) << 3;
    QTest::newRow("4 GB") << qint64(4'000'000'000) << qint64(32'000'000) << 125;
    QTest::newRow("4 GiB") << qint64(4LL * 1024 * 1024 * 1024) << qint64(32'000'000) << 134;
}

void TestTikTokBasics::chunkPlans() {
    QFETCH(qint64, size);
    QFETCH(qint64, chunkSize);
    QFETCH(int, count);
    const auto plan = ChunkPlan::forSize(size);
    QVERIFY(plan.has_value());
    QCOMPARE(plan->chunkSizeBytes, chunkSize);
    QCOMPARE(plan->totalChunkCount, count);
    QCOMPARE(qint64(plan->totalChunkCount), size / plan->chunkSizeBytes); // TikTok's floor rule
    qint64 sum = 0;
    for (int i = 0; i < plan->totalChunkCount; ++i) {
        QCOMPARE(plan->offsetOf(i), sum);
        const qint64 chunk = plan->sizeOf(i);
        if (plan->totalChunkCount > 1) {
            QVERIFY(chunk >= 5 * 1024 * 1024); // >= 5 MB either way
            QVERIFY(i == plan->totalChunkCount - 1 ? chunk < 128'000'000 : chunk <= 64'000'000);
        }
        sum += chunk;
    }
    QCOMPARE(sum, size);
}

void TestTikTokBasics::chunkPlanRefusesEmptyAndHugeFiles() {
    QVERIFY(!ChunkPlan::forSize(0).has_value());
    QVERIFY(!ChunkPlan::forSize(32'000'000LL * 1001).has_value());
}

void TestTikTokBasics::pkceChallengeIsHexSha256OfTheVerifier() {
    // sha256("abc") is the well-known test vector.
    QCOMPARE(Pkce::challengeFor(QStringLiteral("abc")),
             QStringLiteral("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
    const Pkce pkce = Pkce::generate();
    QVERIFY(pkce.verifier.size() >= 43 && pkce.verifier.size() <= 128);
    QVERIFY(QRegularExpression(QStringLiteral("^[A-Za-z0-9._~-]+$")).match(pkce.verifier).hasMatch());
    QVERIFY(QRegularExpression(QStringLiteral("^[0-9a-f]{64}$")).match(pkce.challenge).hasMatch());
    QCOMPARE(pkce.challenge, Pkce::challengeFor(pkce.verifier));
}

void TestTikTokBasics::pkceIsNewEveryTime() {
    QVERIFY(Pkce::generate().verifier != Pkce::generate().verifier);
    QVERIFY(randomState() != randomState());
}

void TestTikTokBasics::errorEnvelope_data() {
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("isError");
    QTest::addColumn<TikTokError::Kind>("kind");
    QTest::addColumn<QString>("code");
    using K = TikTokError::Kind;
    QTest::newRow("ok") << 200
                        << QByteArray(R"({"data":{},"error":{"code":"ok","message":"","log_id":"L1"}})")
                        << false << K::Permanent << QString();
    QTest::newRow("HTTP 200 carrying a spam error")
        << 200
        << QByteArray(
               R"({"data":{},"error":{"code":"spam_risk_too_many_posts","message":"m","log_id":"L2"}})")
        << true << K::Permanent << QStringLiteral("spam_risk_too_many_posts");
    QTest::newRow("expired token")
        << 401 << QByteArray(R"({"error":{"code":"access_token_invalid","message":"m","log_id":"L"}})")
        << true << K::Auth << QStringLiteral("access_token_invalid");
    QTest::newRow("rate limited")
        << 429 << QByteArray(R"({"error":{"code":"rate_limit_exceeded","message":"m","log_id":"L"}})") << true
        << K::RateLimited << QStringLiteral("rate_limit_exceeded");
    QTest::newRow("server error without a body")
        << 503 << QByteArray() << true << K::Transient << QStringLiteral("http_503");
    QTest::newRow("unaudited client")
        << 403
        << QByteArray(
               R"({"error":{"code":"unaudited_client_can_only_post_to_private_accounts","message":"m"}})")
        << true << K::Permanent << QStringLiteral("unaudited_client_can_only_post_to_private_accounts");
    QTest::newRow("OAuth error form")
        << 400 << QByteArray(R"({"error":"invalid_grant","error_description":"bad code","log_id":"L"})")
        << true << K::Permanent << QStringLiteral("invalid_grant");
}

void TestTikTokBasics::errorEnvelope() {
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(bool, isError);
    QFETCH(TikTokError::Kind, kind);
    QFETCH(QString, code);
    const auto error = errorFromResponse(status, body);
    QCOMPARE(error.has_value(), isError);
    if (error) {
        QCOMPARE(error->kind, kind);
        QCOMPARE(error->code, code);
        QCOMPARE(error->httpStatus, status);
        QVERIFY(!error->advice().isEmpty());
    }
}

void TestTikTokBasics::secretsAreCensored_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("secret");
    QTest::newRow("JSON token") << QStringLiteral(R"({"access_token":"act.SECRET1","expires_in":7200})")
                                << QStringLiteral("act.SECRET1");
    QTest::newRow("JSON refresh token")
        << QStringLiteral(R"({"refresh_token": "rft.SECRET2", "x": 1})") << QStringLiteral("rft.SECRET2");
    QTest::newRow("form body") << QStringLiteral(
        "client_key=abc&client_secret=SECRET3&code=SECRET4&grant_type=x")
                               << QStringLiteral("SECRET3");
    QTest::newRow("form code") << QStringLiteral("client_key=abc&client_secret=S&code=SECRET4&grant_type=x")
                               << QStringLiteral("SECRET4");
    QTest::newRow("verifier") << QStringLiteral("code_verifier=SECRET5") << QStringLiteral("SECRET5");
    QTest::newRow("header") << QStringLiteral("Authorization: Bearer act.SECRET6")
                            << QStringLiteral("act.SECRET6");
    QTest::newRow("upload URL in Qt's error text") << QStringLiteral(
        "Error transferring https://open-upload.tiktokapis.com/video/?upload_id=1&upload_token=SECRET7 "
        "- server replied: Bad Request") << QStringLiteral("SECRET7");
}

void TestTikTokBasics::errorCodesStayReadable() {
    // TikTok's error.code is what a user looks up: it is not masked in logs.
    const QString answer =
        QStringLiteral(R"({"data":{},"error":{"code":"spam_risk_too_many_posts","log_id":"L1"}})");
    QCOMPARE(censorSecrets(answer), answer);
}

void TestTikTokBasics::secretsAreCensored() {
    QFETCH(QString, text);
    QFETCH(QString, secret);
    const QString censored = censorSecrets(text);
    QVERIFY2(!censored.contains(secret), qPrintable(censored));
    QVERIFY2(censored.contains(u"***"), qPrintable(censored));
}

void TestTikTokBasics::retryPolicy() {
    using namespace std::chrono_literals;
    using Repeatable = RetryPolicy::Repeatable;
    RetryPolicy policy;
    policy.maxAttempts = 4;
    policy.firstBackoff = 100ms;
    policy.maxBackoff = 500ms;
    policy.rateLimitWait = 61s;
    TikTokError error;
    error.kind = TikTokError::Kind::Transient;
    for (int failures = 1; failures < 4; ++failures) { // 200, 400, then capped at 500 ms, jittered
        const auto wait = policy.waitAfter(error, failures, Repeatable::Always);
        const qint64 cap = std::min<qint64>(100 << failures, 500);
        QVERIFY(wait.has_value());
        QVERIFY2(wait->count() >= cap / 2 && wait->count() <= cap,
                 qPrintable(QString::number(wait->count())));
    }
    QVERIFY(!policy.waitAfter(error, 4, Repeatable::Always));        // attempts used up
    QVERIFY(!policy.waitAfter(error, 1, Repeatable::OnlyIfRefused)); // it may have reached TikTok
    error.kind = TikTokError::Kind::RateLimited;
    QCOMPARE(policy.waitAfter(error, 1, Repeatable::OnlyIfRefused), std::optional(61'000ms));
    error.kind = TikTokError::Kind::Permanent;
    QVERIFY(!policy.waitAfter(error, 1, Repeatable::Always));
    error.kind = TikTokError::Kind::Auth; // still refused after the token's one refresh
    QVERIFY(!policy.waitAfter(error, 1, Repeatable::Always));
}

QTEST_GUILESS_MAIN(TestTikTokBasics)
#include "tst_tiktokbasics.moc"
