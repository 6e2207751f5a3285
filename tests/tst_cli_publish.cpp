// Publishing from the command line against the loopback TikTok stand-in: accounts import (tokens
// never in the database), run --once with the real TikTok publisher, and exactly-once across a
// runner killed with SIGKILL right after its upload completed.
#include "CliHarness.h"
#include "TestFixtures.h"
#include "TikTokStandIn.h"
#include "media/MediaDescriptor.h"
#include "session/Backend.h"
#include "session/Session.h"

#include <QDirIterator>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>

#include <csignal>

using namespace cq;
using cq::cli::ExitCode;
using cq::test::CliRun;
using cq::test::runCli;

class TestCliPublish : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void importedTokensStayOutOfTheDatabase();
    void runOncePublishesThroughTikTok();
    void killedAfterUploadThenRestartedPublishesExactlyOnce();
    void validateChecksAgainstTheCachedCreatorInfo();
    void creatorInfoRefreshRenewsAnExpiredToken();
    void concurrentRefreshesRotateTheTokenOnce();
    void publishingThreadPublishesOffTheGuiThread();
    void withoutPublishingTheThreadOnlyReportsTheAccount();
    void disconnectRevokesAndForgetsTheTokens();
    void accountSetsFromTheCommandLine();
    void importReadsTokensFromAFileInsteadOfTheCommandLine();

private:
    QString createDuePost();
    QString postStatus(const QString &id);
    QProcessEnvironment environment() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<cq::test::TikTokStandIn> m_standIn;
};

void TestCliPublish::init() {
    m_dir = std::make_unique<QTemporaryDir>();
    m_standIn = std::make_unique<cq::test::TikTokStandIn>();
    const CliRun imported = cq::test::connectStandInAccount(*m_standIn, m_dir->path());
    QVERIFY2(imported.exitCode == ExitCode::Success, qPrintable(imported.err));
}

QProcessEnvironment TestCliPublish::environment() const {
    return QProcessEnvironment::systemEnvironment(); // carries the variables set in init()
}

QString TestCliPublish::createDuePost() {
    const QString path = m_dir->filePath(QStringLiteral("post.json"));
    QFile file(path);
    file.open(QIODevice::WriteOnly);
    file.write((u"{\"content\":{\"text\":\"From the CLI\",\"media\":[{\"url\":\""
                + fileUrlForPath(cq::test::fixturePath(QStringLiteral("vertical.mp4")))
                + u"\"}],\"platformOverrides\":{\"tiktok\":{\"settings\":{\"privacyLevel\":\"SELF_ONLY\"}}}},"
                  u"\"scheduledFor\":null}")
                   .toUtf8());
    file.close();
    return runCli({QStringLiteral("post"), QStringLiteral("create"), QStringLiteral("--submit"), path})
        .out.trimmed();
}

QString TestCliPublish::postStatus(const QString &id) {
    return runCli({QStringLiteral("post"), QStringLiteral("show"), id, QStringLiteral("--json")})
        .json()
        .object()
        .value(u"status")
        .toString();
}

void TestCliPublish::importedTokensStayOutOfTheDatabase() {
    const CliRun list = runCli({QStringLiteral("accounts"), QStringLiteral("list")});
    QVERIFY2(list.out.contains(u"Ana  open_id open-ana  (default)"), qPrintable(list.out));
    QVERIFY(!list.out.contains(m_standIn->accessToken));
    QFile database(m_dir->filePath(QStringLiteral("clipqueue.sqlite")));
    QVERIFY(database.open(QIODevice::ReadOnly));
    const QByteArray bytes = database.readAll();
    QVERIFY(!bytes.contains(m_standIn->accessToken.toUtf8()));
    QVERIFY(!bytes.contains(m_standIn->refreshToken.toUtf8()));
    QDirIterator tokens(m_dir->filePath(QStringLiteral("tokens")), QDir::Files);
    QVERIFY(tokens.hasNext());
    const QFileInfo tokenFile(tokens.next());
    QCOMPARE(tokenFile.permissions()
                 & (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteGroup
                    | QFileDevice::WriteOther),
             QFileDevice::Permissions());
}

void TestCliPublish::runOncePublishesThroughTikTok() {
    const QString id = createDuePost();
    m_standIn->creatorInfo.insert(QStringLiteral("creator_username"), QStringLiteral("ana.renamed"));
    QCOMPARE(postStatus(id), QStringLiteral("scheduled"));
    const CliRun run = runCli({QStringLiteral("run"), QStringLiteral("--once")});
    QVERIFY2(run.exitCode == ExitCode::Success, qPrintable(run.err));
    QCOMPARE(postStatus(id), QStringLiteral("published"));
    QCOMPARE(m_standIn->initCount(), 1);
    QVERIFY2(!run.out.contains(m_standIn->accessToken) && !run.err.contains(m_standIn->accessToken),
             "no token in the output");
    // Upload progress for the user, ending at the whole file.
    QVERIFY2(run.err.contains(id + u"  uploading 100% ("), qPrintable(run.err));
    // The post named no account (the default one): the creator info fetched before publishing is
    // cached for it all the same.
    auto session = cq::Session::open();
    QVERIFY(session.has_value());
    const auto cached = (*session)->creators().lookup(QStringLiteral("open-ana"));
    QVERIFY(cached && *cached);
    QCOMPARE((*cached)->info.username, QStringLiteral("ana.renamed"));

    // `post show` links the public post on the account's profile.
    const QString url =
        u"https://www.tiktok.com/@ana.renamed/video/" + QString::fromLatin1(m_standIn->publicPostId);
    const QJsonObject detail =
        runCli({QStringLiteral("post"), QStringLiteral("show"), id, QStringLiteral("--json")})
            .json()
            .object();
    QCOMPARE(detail.value(u"publicPostId").toString(), QString::fromLatin1(m_standIn->publicPostId));
    QCOMPARE(detail.value(u"postUrl").toString(), url);
    const CliRun text = runCli({QStringLiteral("post"), QStringLiteral("show"), id});
    QVERIFY2(text.out.contains(u"  on TikTok: " + url + u'\n'), qPrintable(text.out));
}

void TestCliPublish::publishingThreadPublishesOffTheGuiThread() {
    // What the desktop app runs: the runner and TikTok publisher on the Backend's worker thread; the
    // GUI thread (this one, which also serves the stand-in) only receives queued signals.
    const QString id = createDuePost();
    cq::Backend backend;
    QString startError;
    qint64 lastSent = 0;
    qint64 lastTotal = -1;
    std::optional<cq::PostRow> settled;
    bool allOnThisThread = true;
    const auto onThisThread = [&] {
        allOnThisThread &= QThread::currentThread() == thread();
    };
    connect(&backend, &cq::Backend::failedToStart, this,
            [&](const QString &message) { startError = message; });
    connect(&backend, &cq::Backend::uploadProgress, this,
            [&](const QString &postId, qint64 sent, qint64 total) {
                onThisThread();
                QCOMPARE(postId, id);
                lastSent = sent;
                lastTotal = total;
            });
    connect(&backend, &cq::Backend::postSettled, this, [&](const cq::PostRow &row) {
        onThisThread();
        QCOMPARE(row.post.id, id);
        settled = row;
    });
    // Where the upload runs: a direct connection runs this on the thread that emits.
    std::atomic<bool> uploadedOnThisThread = false;
    std::atomic<int> progressReports = 0;
    QThread *const guiThread = thread();
    connect(
        &backend, &cq::Backend::uploadProgress, this,
        [&](const QString &, qint64, qint64) {
            ++progressReports;
            uploadedOnThisThread = uploadedOnThisThread || QThread::currentThread() == guiThread;
        },
        Qt::DirectConnection);
    backend.start({});
    QTRY_VERIFY2_WITH_TIMEOUT(settled.has_value() || !startError.isEmpty(), qPrintable(startError), 30000);
    QVERIFY2(startError.isEmpty(), qPrintable(startError));
    QCOMPARE(settled->post.status, cq::PostStatus::Published);
    QCOMPARE(settled->post.content.text, QStringLiteral("From the CLI"));
    QCOMPARE(lastSent, lastTotal);
    QVERIFY(allOnThisThread);
    QVERIFY(progressReports > 0);
    QVERIFY(!uploadedOnThisThread); // the upload ran on the worker thread
    backend.stop();
    QCOMPARE(postStatus(id), QStringLiteral("published"));
    QCOMPARE(m_standIn->initCount(), 1);
}

void TestCliPublish::withoutPublishingTheThreadOnlyReportsTheAccount() {
    // `clipqueue --no-publish`: the window still learns the accounts and their creator info (cached,
    // then fresh), all off the GUI thread; due posts are left alone.
    const QString id = createDuePost();
    m_standIn->creatorInfo.insert(QStringLiteral("creator_username"), QStringLiteral("ana.fresh"));
    cq::Backend backend;
    QStringList labels;
    connect(&backend, &cq::Backend::accountsChanged, this, [&] {
        QCOMPARE(backend.accounts().size(), 1);
        labels << backend.accounts().first().label();
    });
    cq::Backend::Options options;
    options.publish = false;
    backend.start(options);
    QTRY_COMPARE_WITH_TIMEOUT(labels.size(), 2, 10000);
    QCOMPARE(labels.first(), QStringLiteral("Ana (@ana.makes)")); // cached at import
    QCOMPARE(labels.last(), QStringLiteral("Ana (@ana.fresh)"));  // TikTok's answer
    QVERIFY(backend.accounts().first().creator.has_value());
    QCOMPARE(backend.accounts().first().creator->privacyLevelOptions.size(), 3);
    QVERIFY(backend.accounts().first().isDefault);
    backend.stop();
    QCOMPARE(postStatus(id), QStringLiteral("scheduled"));
    QCOMPARE(m_standIn->initCount(), 0);
}

void TestCliPublish::concurrentRefreshesRotateTheTokenOnce() {
    // Three runners (here: two sessions, as two processes would have) find the token rejected at
    // once. TikTok rotates the refresh token, so only one may refresh; the others get its token.
    m_standIn->accessToken = QStringLiteral("act.rotated");
    auto first = cq::Session::open();
    auto second = cq::Session::open();
    QVERIFY(first && second && (*first)->tiktok() && (*second)->tiktok());
    cq::AccountService &a = *(*(*first)->tiktok())->accounts;
    cq::AccountService &b = *(*(*second)->tiktok())->accounts;
    const QString rejected = a.accessToken(QStringLiteral("open-ana")).value_or(QString());
    QVERIFY(!rejected.isEmpty());
    QStringList answers;
    const auto collect = [&](std::expected<QString, cq::Error> token) {
        answers << (token ? *token : u"error: " + token.error().message);
    };
    a.refresh(QStringLiteral("open-ana"), rejected, collect);
    b.refresh(QStringLiteral("open-ana"), rejected, collect);
    a.refresh(QStringLiteral("open-ana"), rejected, collect);
    QTRY_COMPARE(answers.size(), 3);
    QCOMPARE(m_standIn->tokenIssues, 1);
    QCOMPARE(answers, QStringList(3, m_standIn->accessToken));
}

void TestCliPublish::creatorInfoRefreshRenewsAnExpiredToken() {
    // What the composer does when it opens: ask TikTok again, refreshing the token once if needed.
    m_standIn->accessToken = QStringLiteral("act.rotated"); // the imported token no longer works
    m_standIn->creatorInfo.insert(QStringLiteral("creator_username"), QStringLiteral("ana.renamed"));
    auto session = cq::Session::open();
    QVERIFY2(session.has_value(), qPrintable(session ? QString() : session.error().message));
    std::optional<std::expected<cq::CreatorInfo, cq::Error>> result;
    (*session)->refreshCreatorInfo(QString(), [&](auto info) { result = info; });
    QTRY_VERIFY(result.has_value());
    QVERIFY2(result->has_value(), qPrintable(*result ? QString() : result->error().message));
    QCOMPARE((*result)->username, QStringLiteral("ana.renamed"));
    QCOMPARE(m_standIn->tokenIssues, 1);
    const auto cached = (*session)->creators().lookup(QStringLiteral("open-ana"));
    QVERIFY(cached && *cached);
    QCOMPARE((*cached)->info.username, QStringLiteral("ana.renamed"));
}

void TestCliPublish::validateChecksAgainstTheCachedCreatorInfo() {
    // Import fetched the creator info (init() checked the import); validate uses it without a
    // network call: the stand-in is gone, and its creator disabled duets.
    m_standIn.reset();
    const QString path = m_dir->filePath(QStringLiteral("duet.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write((u"{\"content\":{\"text\":\"Duet me\",\"media\":[{\"url\":\""
                + fileUrlForPath(cq::test::fixturePath(QStringLiteral("vertical.mp4")))
                + u"\"}],\"platformOverrides\":{\"tiktok\":{\"settings\":{\"privacyLevel\":"
                  u"\"FOLLOWER_OF_CREATOR\",\"disableDuet\":false}}}},\"accounts\":[\"open-ana\"]}")
                   .toUtf8());
    file.close();
    const CliRun validate = runCli({QStringLiteral("validate"), QStringLiteral("--json"), path});
    QCOMPARE(validate.exitCode, ExitCode::InvalidInput);
    QStringList codes;
    for (const QJsonValue &finding : validate.json().object().value(u"findings").toArray()) {
        codes << finding.toObject().value(u"code").toString();
    }
    QVERIFY2(codes.contains(u"privacy.not_allowed"), qPrintable(codes.join(u',')));
    QVERIFY2(codes.contains(u"interaction.disabled_by_creator"), qPrintable(codes.join(u',')));
    QVERIFY2(!codes.contains(u"creator.unknown"), qPrintable(codes.join(u',')));
    QVERIFY2(validate.err.contains(u"creator info of open-ana"), qPrintable(validate.err));
    // The nickname TikTok reported did not replace the name the user gave.
    QVERIFY(
        runCli({QStringLiteral("accounts"), QStringLiteral("list")}).out.contains(u"Ana  open_id open-ana"));
}

void TestCliPublish::killedAfterUploadThenRestartedPublishesExactlyOnce() {
    const QString id = createDuePost();
    QProcess first;
    first.setProcessEnvironment(environment());
    // SIGKILL the moment TikTok has every byte, before the runner hears the 201.
    m_standIn->onUploadComplete = [&first](const QString &) {
        ::kill(pid_t(first.processId()), SIGKILL);
    };
    first.start(cq::test::cliPath(), {QStringLiteral("run"), QStringLiteral("--once")});
    QVERIFY(first.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(first.state() == QProcess::NotRunning, 30000);
    QCOMPARE(first.exitStatus(), QProcess::CrashExit);
    m_standIn->onUploadComplete = nullptr;
    QCOMPARE(postStatus(id), QStringLiteral("publishing")); // the outcome is not known yet

    QProcess second;
    second.setProcessEnvironment(environment());
    second.start(cq::test::cliPath(), {QStringLiteral("run"), QStringLiteral("--once")});
    QTRY_VERIFY_WITH_TIMEOUT(second.state() == QProcess::NotRunning, 30000);
    QCOMPARE(second.exitCode(), 0);
    QCOMPARE(postStatus(id), QStringLiteral("published"));
    QCOMPARE(m_standIn->initCount(), 1); // exactly one init in total: resumed by status polling
}

void TestCliPublish::disconnectRevokesAndForgetsTheTokens() {
    const CliRun done =
        runCli({QStringLiteral("accounts"), QStringLiteral("disconnect"), QStringLiteral("open-ana")});
    QVERIFY2(done.exitCode == ExitCode::Success, qPrintable(done.err));
    QVERIFY(m_standIn->server().requests().last().path == "/v2/oauth/revoke/");
    QVERIFY(runCli({QStringLiteral("accounts"), QStringLiteral("list")}).out.isEmpty());
    QVERIFY(QDir(m_dir->filePath(QStringLiteral("tokens"))).isEmpty());
    QCOMPARE(runCli({QStringLiteral("accounts"), QStringLiteral("disconnect"), QStringLiteral("open-ana")})
                 .exitCode,
             ExitCode::InvalidInput);
}

void TestCliPublish::accountSetsFromTheCommandLine() {
    const CliRun bob =
        runCli({QStringLiteral("accounts"), QStringLiteral("import"), QStringLiteral("--open-id"),
                QStringLiteral("open-bob"), QStringLiteral("--access-token"), m_standIn->accessToken,
                QStringLiteral("--refresh-token"), m_standIn->refreshToken, QStringLiteral("--name"),
                QStringLiteral("Bob")});
    QVERIFY2(bob.exitCode == ExitCode::Success, qPrintable(bob.err));
    const auto sets = [](const QStringList &arguments) {
        return runCli(QStringList{QStringLiteral("accounts"), QStringLiteral("sets")} + arguments);
    };
    const CliRun created = sets({QStringLiteral("create"), QStringLiteral("brand channels")});
    QVERIFY2(created.exitCode == ExitCode::Success, qPrintable(created.err));
    const QString setId = created.out.trimmed();
    QCOMPARE(sets({QStringLiteral("create"), QStringLiteral("brand channels")}).exitCode, ExitCode::Usage);
    const CliRun added = sets({QStringLiteral("add"), QStringLiteral("brand channels"),
                               QStringLiteral("open-ana"), QStringLiteral("open-bob")});
    QVERIFY2(added.exitCode == ExitCode::Success, qPrintable(added.err));
    QVERIFY2(added.out.contains(u"brand channels  (2 accounts: Ana, Bob)"), qPrintable(added.out));
    QCOMPARE(sets({QStringLiteral("add"), setId, QStringLiteral("open-nobody")}).exitCode,
             ExitCode::InvalidInput);
    QCOMPARE(
        sets({QStringLiteral("add"), QStringLiteral("no such set"), QStringLiteral("open-ana")}).exitCode,
        ExitCode::InvalidInput);
    QCOMPARE(sets({QStringLiteral("add"), setId}).exitCode, ExitCode::Usage); // no account named
    QCOMPARE(sets({QStringLiteral("frobnicate")}).exitCode, ExitCode::Usage);
    const QJsonArray listed = sets({QStringLiteral("list"), QStringLiteral("--json")}).json().array();
    QCOMPARE(listed.size(), 1);
    QCOMPARE(listed.first().toObject().value(u"id").toString(), setId);
    QCOMPARE(listed.first().toObject().value(u"accounts").toArray().size(), 2);

    // A post to the set is one post per account, each with its own id.
    const QString path = m_dir->filePath(QStringLiteral("set.json"));
    const auto writePost = [&](const QString &set) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(
            (u"{\"content\":{\"text\":\"To the set\",\"media\":[{\"url\":\""
             + fileUrlForPath(cq::test::fixturePath(QStringLiteral("vertical.mp4")))
             + u"\"}],\"platformOverrides\":{\"tiktok\":{\"settings\":{\"privacyLevel\":\"SELF_ONLY\"}}}},"
               u"\"platformSetId\":\""
             + set + u"\"}")
                .toUtf8());
    };
    writePost(QStringLiteral("brand channels"));
    const CliRun posted = runCli({QStringLiteral("post"), QStringLiteral("create"), path});
    QVERIFY2(posted.exitCode == ExitCode::Success, qPrintable(posted.err));
    QCOMPARE(posted.out.trimmed().split(u'\n').size(), 2);
    QCOMPARE(runCli({QStringLiteral("validate"), path}).exitCode, ExitCode::Success);

    // An emptied or unknown set is a validation error naming it, for validate and for create.
    QCOMPARE(sets({QStringLiteral("remove"), setId, QStringLiteral("open-ana"), QStringLiteral("open-bob")})
                 .exitCode,
             ExitCode::Success);
    const CliRun empty = runCli({QStringLiteral("validate"), QStringLiteral("--json"), path});
    QCOMPARE(empty.exitCode, ExitCode::InvalidInput);
    const QJsonObject finding = empty.json().object().value(u"findings").toArray().last().toObject();
    QCOMPARE(finding.value(u"code").toString(), QStringLiteral("post.account_set_empty"));
    QCOMPARE(finding.value(u"field").toString(), QStringLiteral("/platformSetId"));
    QVERIFY2(finding.value(u"message").toString().contains(u"\"brand channels\""),
             qPrintable(finding.value(u"message").toString()));
    const CliRun refused = runCli({QStringLiteral("post"), QStringLiteral("create"), path});
    QCOMPARE(refused.exitCode, ExitCode::InvalidInput);
    QVERIFY2(refused.err.contains(u"\"brand channels\" has no accounts"), qPrintable(refused.err));
    QCOMPARE(sets({QStringLiteral("rename"), setId, QStringLiteral("Brands")}).exitCode, ExitCode::Success);
    QCOMPARE(sets({QStringLiteral("delete"), QStringLiteral("Brands")}).exitCode, ExitCode::Success);
    QVERIFY(sets({QStringLiteral("list")}).out.isEmpty());
    writePost(QStringLiteral("Brands"));
    const CliRun unknown = runCli({QStringLiteral("validate"), path});
    QCOMPARE(unknown.exitCode, ExitCode::InvalidInput);
    QVERIFY2(unknown.out.contains(u"post.account_set_unknown"), qPrintable(unknown.out));
}

// Tokens on the command line show in `ps` and the shell's history: `accounts import` reads them
// from a file (or "-", standard input) in the form TikTok's token answer has.
void TestCliPublish::importReadsTokensFromAFileInsteadOfTheCommandLine() {
    const QString path = m_dir->filePath(QStringLiteral("tokens.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write((u"{\"open_id\":\"open-bo\",\"access_token\":\"" + m_standIn->accessToken
                + u"\",\"refresh_token\":\"" + m_standIn->refreshToken
                + u"\",\"expires_in\":86400,\"refresh_expires_in\":31536000}")
                   .toUtf8());
    file.close();
    const CliRun imported =
        runCli({QStringLiteral("accounts"), QStringLiteral("import"), QStringLiteral("--tokens-from"), path,
                QStringLiteral("--name"), QStringLiteral("Bo")});
    QVERIFY2(imported.exitCode == ExitCode::Success, qPrintable(imported.err));
    const CliRun list = runCli({QStringLiteral("accounts"), QStringLiteral("list")});
    QVERIFY2(list.out.contains(u"Bo  open_id open-bo"), qPrintable(list.out));

    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write("{\"open_id\":\"open-cy\"}");
    file.close();
    const CliRun incomplete =
        runCli({QStringLiteral("accounts"), QStringLiteral("import"), QStringLiteral("--tokens-from"), path});
    QCOMPARE(incomplete.exitCode, ExitCode::Usage);
    QVERIFY2(incomplete.err.contains(u"access_token"), qPrintable(incomplete.err));
}

QTEST_GUILESS_MAIN(TestCliPublish)
#include "tst_cli_publish.moc"
