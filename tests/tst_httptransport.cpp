// The one HTTP transport against the loopback server: answers of every status are answers, the
// transfer timeout and the deadline, the size cap (declared or not, collected or streamed),
// redirects (refused to another origin for a request carrying credentials), plain http only to
// this computer, cancelling, streamed uploads, and a log with no secret in it.
#include "LoopbackHttpServer.h"
#include "net/Censor.h"
#include "net/HttpTransport.h"
#include "net/UrlRules.h"

#include <QBuffer>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QTcpServer>
#include <QTest>
#include <QThread>
#include <QTimer>

#include <optional>

using namespace cq;
using namespace cq::net;
using cq::test::LoopbackHttpServer;
using namespace std::chrono_literals;

namespace {

// The messages of the clipqueue.http category while it lives, with debug output switched on.
class HttpLogCapture {
public:
    HttpLogCapture() {
        s_lines.clear();
        QLoggingCategory::setFilterRules(QStringLiteral("clipqueue.http.debug=true"));
        m_previous = qInstallMessageHandler(&HttpLogCapture::handle);
    }
    ~HttpLogCapture() {
        qInstallMessageHandler(m_previous);
        QLoggingCategory::setFilterRules(QString());
    }
    QString text() const { return s_lines.join(u'\n'); }

private:
    static void handle(QtMsgType, const QMessageLogContext &context, const QString &message) {
        if (qstrcmp(context.category, "clipqueue.http") == 0) {
            s_lines << message;
        }
    }
    static inline QStringList s_lines;
    QtMessageHandler m_previous = nullptr;
};

LoopbackHttpServer::Response answer(int status, const QByteArray &body, bool declareLength = true) {
    return {status, body, "text/plain", declareLength, false, {}};
}

LoopbackHttpServer::Response redirectTo(const QString &location) {
    return {302, {}, "text/plain", true, false, {{"Location", location.toUtf8()}}};
}

} // namespace

class TestHttpTransport : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void answersOfEveryStatusAreAnswers();
    void doneNeverRunsInsideSend();
    void silenceIsATimeout();
    void deadlineEndsASlowExchange();
    void declaredAnswerOverTheCapIsRefusedBeforeItsBody();
    void undeclaredAnswerOverTheCapIsStopped();
    void sinkTakesTheBodyPieceByPiece();
    void redirectWithinTheOriginIsFollowedWithCredentials();
    void redirectToAnotherOriginIsRefusedWithCredentials();
    void redirectToAnotherOriginIsFollowedWithoutCredentials();
    void credentialsNeverFollowA307ToPlainHttp();
    void redirectsAreNotFollowedWhenThePolicySaysNone();
    void credentialsGoOverPlainHttpOnlyToThisComputer();
    void unreachableAndDroppedConnectionsAreNetworkErrors();
    void cancelEndsAtOnce();
    void uploadStreamsFromADevice();
    void logIsCensored();
    void loopbackRule_data();
    void loopbackRule();
    void fastAnswerIsReadThroughABoundedBuffer();
    void addressRuleHoldsAfterEveryRedirect();
    void publicAddressRule_data();
    void publicAddressRule();

private:
    HttpResult run(HttpRequest request, int timeoutMs = 10'000);

    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<HttpTransport> m_http;
};

void TestHttpTransport::init() {
    m_http.reset();
    m_network = std::make_unique<QNetworkAccessManager>();
    m_http = std::make_unique<HttpTransport>(*m_network);
}

HttpResult TestHttpTransport::run(HttpRequest request, int timeoutMs) {
    std::optional<HttpResult> result;
    QEventLoop loop;
    m_http->send(std::move(request), [&](HttpResult answer) {
        result = std::move(answer);
        loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    if (!result) {
        qFatal("the transport never answered");
    }
    return *result;
}

void TestHttpTransport::answersOfEveryStatusAreAnswers() {
    LoopbackHttpServer server;
    server.route("/ok", answer(200, "fine"));
    server.route("/bad", answer(400, "bad request"));
    server.route("/gone", answer(404, "no such thing"));
    server.route("/busy", answer(503, "later"));
    const HttpResult ok = run(HttpRequest::get(QUrl(server.url(QStringLiteral("/ok")))));
    QVERIFY(ok.isSuccess());
    QCOMPARE(ok.httpStatus, 200);
    QCOMPARE(ok.body, QByteArray("fine"));
    QCOMPARE(ok.header("content-type"), QByteArray("text/plain"));
    for (const auto &[path, status] : {std::pair{"/bad", 400}, {"/gone", 404}, {"/busy", 503}}) {
        const HttpResult refused = run(HttpRequest::get(QUrl(server.url(QString::fromLatin1(path)))));
        QVERIFY2(!refused.netError, qPrintable(refused.netError ? refused.netError->what : QString()));
        QVERIFY(!refused.isSuccess());
        QCOMPARE(refused.httpStatus, status);
        QVERIFY(!refused.body.isEmpty()); // the caller reads the error envelope
    }
}

void TestHttpTransport::doneNeverRunsInsideSend() {
    bool inside = true;
    bool ranInside = false;
    bool ran = false;
    auto request =
        HttpRequest::get(QUrl(QStringLiteral("http://192.0.2.1/x"))); // refused before any connection
    request.carriesCredentials = true;
    m_http->send(std::move(request), [&](const HttpResult &) {
        ranInside = inside;
        ran = true;
    });
    inside = false;
    QTRY_VERIFY(ran);
    QVERIFY(!ranInside);
}

void TestHttpTransport::silenceIsATimeout() {
    LoopbackHttpServer server;
    server.neverAnswer("/stalled");
    auto request = HttpRequest::get(QUrl(server.url(QStringLiteral("/stalled"))));
    request.transferTimeout = 300ms;
    QElapsedTimer timer;
    timer.start();
    const HttpResult result = run(std::move(request));
    QVERIFY(result.netError);
    QCOMPARE(result.netError->failure, NetFailure::Timeout);
    QCOMPARE(result.netError->error().code, ErrorCode::Network);
    QVERIFY2(result.netError->what.contains(u"127.0.0.1"), qPrintable(result.netError->what));
    QVERIFY(!result.netError->advice.isEmpty());
    QVERIFY(timer.elapsed() < 5000);
}

void TestHttpTransport::deadlineEndsASlowExchange() {
    LoopbackHttpServer server;
    server.neverAnswer("/slow");
    auto request = HttpRequest::get(QUrl(server.url(QStringLiteral("/slow"))));
    request.transferTimeout = 30s;
    request.deadline = 300ms;
    QElapsedTimer timer;
    timer.start();
    const HttpResult result = run(std::move(request));
    QVERIFY(result.netError);
    QCOMPARE(result.netError->failure, NetFailure::DeadlineExceeded);
    QVERIFY(timer.elapsed() < 5000);
}

void TestHttpTransport::declaredAnswerOverTheCapIsRefusedBeforeItsBody() {
    LoopbackHttpServer server;
    server.route("/big", answer(200, QByteArray(5000, 'x')));
    auto request = HttpRequest::get(QUrl(server.url(QStringLiteral("/big"))));
    request.maxResponseBytes = 1000;
    int pieces = 0;
    request.bodySink = [&](const QByteArray &) {
        ++pieces;
        return true;
    };
    const HttpResult result = run(std::move(request));
    QVERIFY(result.netError);
    QCOMPARE(result.netError->failure, NetFailure::TooLarge);
    QCOMPARE(pieces, 0);
    QCOMPARE(result.header("Content-Length"), QByteArray("5000")); // the caller can say how large
    QVERIFY2(result.netError->what.contains(u"1000"), qPrintable(result.netError->what));
}

void TestHttpTransport::undeclaredAnswerOverTheCapIsStopped() {
    LoopbackHttpServer server;
    server.route("/endless", answer(200, QByteArray(200'000, 'x'), false));
    auto request = HttpRequest::get(QUrl(server.url(QStringLiteral("/endless"))));
    request.maxResponseBytes = 1000;
    const HttpResult result = run(std::move(request));
    QVERIFY(result.netError);
    QCOMPARE(result.netError->failure, NetFailure::TooLarge);
    QVERIFY(result.body.size() <= 1000);
}

void TestHttpTransport::sinkTakesTheBodyPieceByPiece() {
    LoopbackHttpServer server;
    const QByteArray bytes(300'000, 'y');
    server.route("/file", answer(200, bytes));
    auto request = HttpRequest::get(QUrl(server.url(QStringLiteral("/file"))));
    request.maxResponseBytes = bytes.size();
    QByteArray received;
    request.bodySink = [&](const QByteArray &piece) {
        received += piece;
        return true;
    };
    const HttpResult result = run(std::move(request));
    QVERIFY(result.isSuccess());
    QVERIFY(result.body.isEmpty());
    QCOMPARE(result.receivedBytes, bytes.size());
    QCOMPARE(received, bytes);

    auto refusing = HttpRequest::get(QUrl(server.url(QStringLiteral("/file"))));
    refusing.maxResponseBytes = bytes.size();
    refusing.bodySink = [](const QByteArray &) {
        return false;
    }; // a full disk
    const HttpResult stopped = run(std::move(refusing));
    QVERIFY(stopped.netError);
    QCOMPARE(stopped.netError->failure, NetFailure::SinkFailed);
}

void TestHttpTransport::redirectWithinTheOriginIsFollowedWithCredentials() {
    LoopbackHttpServer server;
    server.route("/old", redirectTo(server.url(QStringLiteral("/new"))));
    server.route("/new", answer(200, "moved here"));
    auto request = HttpRequest::post(QUrl(server.url(QStringLiteral("/old"))), "application/json", "{}");
    request.setHeader("Authorization", "Bearer act.secret");
    request.carriesCredentials = true;
    const HttpResult result = run(std::move(request));
    QVERIFY2(result.isSuccess(), qPrintable(result.netError ? result.netError->what : QString()));
    QCOMPARE(result.body, QByteArray("moved here"));
}

void TestHttpTransport::redirectToAnotherOriginIsRefusedWithCredentials() {
    LoopbackHttpServer server;
    LoopbackHttpServer elsewhere; // another port: another origin
    elsewhere.route("/steal", answer(200, "thanks"));
    server.route("/api", redirectTo(elsewhere.url(QStringLiteral("/steal"))));
    auto request = HttpRequest::post(QUrl(server.url(QStringLiteral("/api"))), "application/json", "{}");
    request.setHeader("Authorization", "Bearer act.secret");
    request.carriesCredentials = true;
    request.redirects = RedirectPolicy::NoLessSafe; // asks for more; credentials hold it to its origin
    const HttpResult result = run(std::move(request));
    QVERIFY(result.netError);
    QCOMPARE(result.netError->failure, NetFailure::RedirectRefused);
    QVERIFY(elsewhere.requests().isEmpty()); // the token never left
    QVERIFY(!result.netError->advice.isEmpty());
}

void TestHttpTransport::redirectToAnotherOriginIsFollowedWithoutCredentials() {
    LoopbackHttpServer server;
    LoopbackHttpServer cdn;
    cdn.route("/clip.mp4", answer(200, "video"));
    server.route("/share", redirectTo(cdn.url(QStringLiteral("/clip.mp4"))));
    const HttpResult result = run(HttpRequest::get(QUrl(server.url(QStringLiteral("/share")))));
    QVERIFY2(result.isSuccess(), qPrintable(result.netError ? result.netError->what : QString()));
    QCOMPARE(result.body, QByteArray("video"));

    auto sameOriginOnly = HttpRequest::get(QUrl(server.url(QStringLiteral("/share"))));
    sameOriginOnly.redirects = RedirectPolicy::SameOrigin;
    const HttpResult refused = run(std::move(sameOriginOnly));
    QVERIFY(refused.netError);
    QCOMPARE(refused.netError->failure, NetFailure::RedirectRefused);
}

// A 307 repeats the request, body and headers included: the token or client secret would go to
// whoever the answer names. A request carrying credentials never follows one off its origin.
void TestHttpTransport::credentialsNeverFollowA307ToPlainHttp() {
    LoopbackHttpServer server;
    LoopbackHttpServer elsewhere; // stands for a plain-http host elsewhere: another origin
    elsewhere.route("/steal", answer(200, "thanks"));
    for (const QString &target :
         {QStringLiteral("http://192.0.2.10/steal"), elsewhere.url(QStringLiteral("/steal"))}) {
        server.route("/v2/oauth/token/",
                     {307, {}, "text/plain", true, false, {{"Location", target.toUtf8()}}});
        auto request = HttpRequest::post(QUrl(server.url(QStringLiteral("/v2/oauth/token/"))),
                                         "application/x-www-form-urlencoded",
                                         "client_secret=SECRET&refresh_token=rft.SECRET");
        request.setHeader("Authorization", "Bearer act.SECRET");
        request.carriesCredentials = true;
        const HttpResult result = run(std::move(request));
        QVERIFY(result.netError);
        QCOMPARE(result.netError->failure, NetFailure::RedirectRefused);
        QVERIFY2(result.netError->what.contains(u"credentials"), qPrintable(result.netError->what));
    }
    QVERIFY(elsewhere.requests().isEmpty());
}

void TestHttpTransport::redirectsAreNotFollowedWhenThePolicySaysNone() {
    LoopbackHttpServer server;
    server.route("/old", redirectTo(server.url(QStringLiteral("/new"))));
    server.route("/new", answer(200, "moved here"));
    auto request = HttpRequest::get(QUrl(server.url(QStringLiteral("/old"))));
    request.redirects = RedirectPolicy::None;
    const HttpResult result = run(std::move(request));
    QVERIFY(!result.netError);
    QCOMPARE(result.httpStatus, 302);
    QCOMPARE(server.requests().size(), 1);
}

void TestHttpTransport::credentialsGoOverPlainHttpOnlyToThisComputer() {
    auto request = HttpRequest::get(QUrl(QStringLiteral("http://192.0.2.1/v2/user/")));
    request.carriesCredentials = true;
    const HttpResult result = run(std::move(request));
    QVERIFY(result.netError);
    QCOMPARE(result.netError->failure, NetFailure::InsecureUrl);
    QCOMPARE(result.httpStatus, 0);
    QVERIFY2(result.netError->advice.contains(u"https://"), qPrintable(result.netError->advice));

    LoopbackHttpServer server; // loopback: allowed, as tests and local stand-ins need
    server.route("/v2/user/", answer(200, "{}"));
    auto local = HttpRequest::get(QUrl(server.url(QStringLiteral("/v2/user/"))));
    local.carriesCredentials = true;
    QVERIFY(run(std::move(local)).isSuccess());
}

void TestHttpTransport::unreachableAndDroppedConnectionsAreNetworkErrors() {
    quint16 closedPort = 0;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        closedPort = probe.serverPort();
    }
    const HttpResult refused =
        run(HttpRequest::get(QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(closedPort))));
    QVERIFY(refused.netError);
    QCOMPARE(refused.netError->failure, NetFailure::Unreachable);

    LoopbackHttpServer server;
    server.route("/drop", {0, {}, {}, true, true, {}});
    const HttpResult dropped = run(HttpRequest::get(QUrl(server.url(QStringLiteral("/drop")))));
    QVERIFY(dropped.netError);
    QCOMPARE(dropped.netError->failure, NetFailure::ConnectionLost);
}

void TestHttpTransport::cancelEndsAtOnce() {
    LoopbackHttpServer server;
    server.neverAnswer("/stalled");
    std::optional<HttpResult> result;
    HttpExchange *exchange = m_http->send(HttpRequest::get(QUrl(server.url(QStringLiteral("/stalled")))),
                                          [&](HttpResult answer) { result = std::move(answer); });
    QTRY_COMPARE(server.requests().size(), 1);
    exchange->cancel();
    QVERIFY(result.has_value()); // before cancel() returned
    QCOMPARE(result->netError->failure, NetFailure::Cancelled);
    QCOMPARE(result->netError->error().code, ErrorCode::Cancelled);
}

void TestHttpTransport::uploadStreamsFromADevice() {
    LoopbackHttpServer server;
    server.route("/upload", answer(201, {}));
    const QByteArray bytes(2'000'000, 'z');
    auto device = std::make_unique<QBuffer>();
    device->setData(bytes);
    QVERIFY(device->open(QIODevice::ReadOnly));
    auto request =
        HttpRequest::put(QUrl(server.url(QStringLiteral("/upload"))), "video/mp4", std::move(device));
    qint64 lastSent = 0;
    std::optional<HttpResult> result;
    QEventLoop loop;
    HttpExchange *exchange = m_http->send(std::move(request), [&](HttpResult answer) {
        result = std::move(answer);
        loop.quit();
    });
    connect(exchange, &HttpExchange::uploadProgress, this, [&](qint64 sent, qint64) { lastSent = sent; });
    QTimer::singleShot(10'000, &loop, &QEventLoop::quit);
    loop.exec();
    QVERIFY(result && result->isSuccess());
    QCOMPARE(result->httpStatus, 201);
    QCOMPARE(lastSent, bytes.size());
    const auto &received = server.requests().first();
    QCOMPARE(received.method, QByteArray("PUT"));
    QCOMPARE(received.headers.value("content-length"), QByteArray::number(bytes.size()));
    QCOMPARE(received.headers.value("content-type"), QByteArray("video/mp4"));
    QCOMPARE(received.body, bytes);
}

void TestHttpTransport::logIsCensored() {
    LoopbackHttpServer server;
    server.route("/v2/oauth/token/",
                 {200,
                  R"({"access_token":"act.ANSWERED","refresh_token":"rft.ANSWERED","expires_in":7200})",
                  "application/json",
                  true,
                  false,
                  {}});
    server.setHandler([](const LoopbackHttpServer::Request &) { return answer(201, {}); }); // the upload
    HttpLogCapture log;
    auto form = HttpRequest::post(
        QUrl(server.url(QStringLiteral("/v2/oauth/token/"))), "application/x-www-form-urlencoded",
        "client_key=ck&client_secret=SENT1&grant_type=refresh_token&refresh_token=SENT2");
    form.setHeader("Authorization", "Bearer SENT3");
    form.carriesCredentials = true;
    QVERIFY(run(std::move(form)).isSuccess());
    auto upload =
        HttpRequest::post(QUrl(server.url(QStringLiteral("/upload/?upload_id=1&upload_token=SENT4"))),
                          "application/json", R"({"token":"SENT5","code":"spam_risk_too_many_posts"})");
    upload.carriesCredentials = true;
    QVERIFY(run(std::move(upload)).isSuccess());
    const QString text = log.text();
    QVERIFY2(text.contains(u"/v2/oauth/token/"), qPrintable(text)); // it did log
    for (const char *secret : {"SENT1", "SENT2", "SENT3", "SENT4", "SENT5", "act.ANSWERED", "rft.ANSWERED"}) {
        QVERIFY2(!text.contains(QLatin1StringView(secret)), qPrintable(text));
    }
    QVERIFY2(text.contains(u"spam_risk_too_many_posts"), qPrintable(text)); // error codes stay readable
    QVERIFY(text.contains(u"***"));
}

void TestHttpTransport::loopbackRule_data() {
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("allowed");
    QTest::newRow("https") << "https://open.tiktokapis.com/v2/" << true;
    QTest::newRow("http 127.0.0.1") << "http://127.0.0.1:8080/" << true;
    QTest::newRow("http 127.1.2.3") << "http://127.1.2.3/" << true;
    QTest::newRow("http localhost") << "http://localhost:8080/" << true;
    QTest::newRow("http ::1") << "http://[::1]:8080/" << true;
    QTest::newRow("http elsewhere") << "http://api.example.com/" << false;
    QTest::newRow("http lookalike") << "http://127.0.0.1.example.com/" << false;
    QTest::newRow("ftp") << "ftp://127.0.0.1/" << false;
}

void TestHttpTransport::loopbackRule() {
    QFETCH(QString, url);
    QFETCH(bool, allowed);
    QCOMPARE(isSecureOrLoopback(QUrl(url)), allowed);
}

// A server sending fast while the taker is slow (a busy disk) does not grow the process: Qt holds at
// most a bounded buffer of the answer and stops reading the socket beyond it.
void TestHttpTransport::fastAnswerIsReadThroughABoundedBuffer() {
    LoopbackHttpServer server;
    server.setLogsRequestBodies(false);
    const QByteArray bytes(48 * 1024 * 1024, 'v');
    server.route("/fast", answer(200, bytes));
    auto request = HttpRequest::get(QUrl(server.url(QStringLiteral("/fast"))));
    request.maxResponseBytes = bytes.size();
    qint64 largestPiece = 0;
    qint64 total = 0;
    int slowPieces = 0;
    request.bodySink = [&](const QByteArray &piece) {
        largestPiece = std::max<qint64>(largestPiece, piece.size());
        total += piece.size();
        if (slowPieces++ < 5) {
            QThread::msleep(150); // a slow disk: the network thread keeps receiving meanwhile
        }
        return true;
    };
    const HttpResult result = run(std::move(request), 60'000);
    QVERIFY(result.isSuccess());
    QCOMPARE(total, bytes.size());
    QVERIFY2(largestPiece <= 1024 * 1024, qPrintable(QString::number(largestPiece)));
}

// The address rule is checked for the first host and again for the host of every redirect, after
// DNS: here only 127.0.0.1 is allowed, and a redirect to 127.0.0.2 or to ::1 is refused before any
// connection.
void TestHttpTransport::addressRuleHoldsAfterEveryRedirect() {
    LoopbackHttpServer server;
    server.route("/ok", answer(200, "fine"));
    server.route("/to-other", redirectTo(QStringLiteral("http://127.0.0.2:%1/ok").arg(server.port())));
    server.route("/to-v6", redirectTo(QStringLiteral("http://[::1]:%1/ok").arg(server.port())));
    auto onlyThisOne = [](const QHostAddress &address) {
        return address == QHostAddress(QHostAddress::LocalHost);
    };
    auto direct = HttpRequest::get(QUrl(server.url(QStringLiteral("/ok"))));
    direct.addressAllowed = onlyThisOne;
    QVERIFY(run(std::move(direct)).isSuccess());
    for (const char *path : {"/to-other", "/to-v6"}) {
        auto request = HttpRequest::get(QUrl(server.url(QString::fromLatin1(path))));
        request.addressAllowed = onlyThisOne;
        const HttpResult result = run(std::move(request));
        QVERIFY2(result.netError, path);
        QCOMPARE(result.netError->failure, NetFailure::AddressRefused);
    }
    QCOMPARE(server.requests().size(), 3); // the first hops only
}

void TestHttpTransport::publicAddressRule_data() {
    QTest::addColumn<QString>("address");
    QTest::addColumn<bool>("isPublic");
    for (const char *address :
         {"127.0.0.1", "127.9.9.9", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1",
          "169.254.169.254", "100.64.0.1", "0.0.0.0", "224.0.0.1", "255.255.255.255", "::1", "::", "fe80::1",
          "fc00::1", "fd12:3456::1", "::ffff:10.0.0.1", "::ffff:127.0.0.1", "ff02::1"}) {
        QTest::newRow(address) << QString::fromLatin1(address) << false;
    }
    for (const char *address :
         {"8.8.8.8", "1.1.1.1", "172.32.0.1", "192.169.0.1", "2001:4860:4860::8888", "::ffff:8.8.8.8"}) {
        QTest::newRow(address) << QString::fromLatin1(address) << true;
    }
}

void TestHttpTransport::publicAddressRule() {
    QFETCH(QString, address);
    QFETCH(bool, isPublic);
    QCOMPARE(isPublicAddress(QHostAddress(address)), isPublic);
}

QTEST_GUILESS_MAIN(TestHttpTransport)
#include "tst_httptransport.moc"
