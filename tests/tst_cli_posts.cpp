// clipqueue-cli post, workspace and run (docs/cli.md) against a real SQLite data folder.
#include "CliHarness.h"
#include "ScriptedPublisher.h"
#include "TestFixtures.h"
#include "media/MediaDescriptor.h"
#include "session/Session.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace cq;
using cq::cli::ExitCode;
using cq::test::CliRun;

class TestCliPosts : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void createPrintsTheIdAndListShowsIt();
    void createMakesOnePostPerAccount();
    void createRefusesBrokenInput_data();
    void createRefusesBrokenInput();
    void reviewFlowWithApprovalRequired();
    void scheduleReadsTimesInTheChosenZone();
    void exportKeepsUnknownFields();
    void runOncePublishesDuePostsAndExits();
    void runWithInvalidTikTokSettingsIsAUsageError();
    void showListsTheActionsThePostAllowsNow();
    void showNamesThePublishedTikTokPost();
    void submitMovesADraftOn();
    void editReplacesTheCaptionButKeepsTheMedia();
    void duplicateThenDelete();
    void unknownIdIsInvalidInput_data();
    void unknownIdIsInvalidInput();
    void helpListsEveryPostCommand();
    void realBinaryListsJson();

private:
    CliRun cli(const QStringList &arguments);
    QString writePost(const QString &name, const QByteArray &json);
    QByteArray postJson(const QString &media = {}, const QString &extra = {}) const;
    QString createPost(bool submit = false);
    QJsonObject show(const QString &id);

    std::unique_ptr<QTemporaryDir> m_dir;
    cq::test::PublishLedger m_ledger;
};

void TestCliPosts::init() {
    m_dir = std::make_unique<QTemporaryDir>();
    qputenv("CLIPQUEUE_DATA_DIR", m_dir->path().toUtf8());
    qunsetenv("CLIPQUEUE_DATABASE_URL");
    qputenv("CLIPQUEUE_PROFILE_NAME", "ana");
}

CliRun TestCliPosts::cli(const QStringList &arguments) {
    return cq::test::runCli(arguments, [this](Session &) -> std::expected<std::unique_ptr<Publisher>, Error> {
        return std::make_unique<cq::test::ScriptedPublisher>(m_ledger);
    });
}

QString TestCliPosts::writePost(const QString &name, const QByteArray &json) {
    const QString path = m_dir->filePath(name);
    QFile file(path);
    file.open(QIODevice::WriteOnly);
    file.write(json);
    return path;
}

QByteArray TestCliPosts::postJson(const QString &media, const QString &extra) const {
    const QString url =
        fileUrlForPath(cq::test::fixturePath(media.isEmpty() ? QStringLiteral("vertical.mp4") : media));
    return (u"{\"content\":{\"text\":\"Hello 👋\",\"media\":[{\"url\":\"" + url
            + u"\"}],\"platformOverrides\":{\"tiktok\":{\"settings\":{\"privacyLevel\":\"SELF_ONLY\"}}}},"
              u"\"accounts\":[\"acct-1\"],\"scheduledFor\":null"
            + extra + u'}')
        .toUtf8();
}

QString TestCliPosts::createPost(bool submit) {
    QStringList arguments{QStringLiteral("post"), QStringLiteral("create")};
    if (submit) {
        arguments << QStringLiteral("--submit");
    }
    const CliRun created = cli(arguments << writePost(QStringLiteral("p.json"), postJson()));
    if (created.exitCode != ExitCode::Success) {
        qWarning().noquote() << created.err;
    }
    return created.out.trimmed();
}

QJsonObject TestCliPosts::show(const QString &id) {
    return cli({QStringLiteral("post"), QStringLiteral("show"), id, QStringLiteral("--json")})
        .json()
        .object();
}

namespace {
QStringList actionsOf(const QJsonObject &detail) {
    QStringList actions;
    for (const QJsonValue &action : detail.value(u"actions").toArray()) {
        actions << action.toString();
    }
    return actions;
}
} // namespace

void TestCliPosts::createPrintsTheIdAndListShowsIt() {
    const CliRun created = cli(
        {QStringLiteral("post"), QStringLiteral("create"), writePost(QStringLiteral("p.json"), postJson())});
    QVERIFY2(created.exitCode == ExitCode::Success, qPrintable(created.err));
    const QString id = created.out.trimmed();
    QCOMPARE(id.size(), 36);

    const CliRun list = cli({QStringLiteral("post"), QStringLiteral("list"), QStringLiteral("--json")});
    QCOMPARE(list.exitCode, ExitCode::Success);
    const QJsonArray posts = list.json().array();
    QCOMPARE(posts.size(), 1);
    QCOMPARE(posts.first().toObject().value(u"id").toString(), id);
    QCOMPARE(posts.first().toObject().value(u"status").toString(), QStringLiteral("draft"));
    QCOMPARE(posts.first().toObject().value(u"createdBy").toString(), QStringLiteral("ana"));

    const CliRun show = cli({QStringLiteral("post"), QStringLiteral("show"), id, QStringLiteral("--json")});
    QCOMPARE(show.exitCode, ExitCode::Success);
    const QJsonObject detail = show.json().object();
    QCOMPARE(detail.value(u"history").toArray().size(), 1);
    QCOMPARE(detail.value(u"storedMedia").toArray().first().toObject().value(u"sha256").toString().size(),
             64);
    QCOMPARE(detail.value(u"post").toObject().value(u"content").toObject().value(u"text").toString(),
             QStringLiteral("Hello 👋"));

    QCOMPARE(cli({QStringLiteral("post"), QStringLiteral("list"), QStringLiteral("--status"),
                  QStringLiteral("scheduled"), QStringLiteral("--json")})
                 .json()
                 .array()
                 .size(),
             0);
}

void TestCliPosts::createMakesOnePostPerAccount() {
    // One publish per account: a post for two accounts becomes two posts sharing the stored media.
    const QByteArray json = postJson().replace(R"(["acct-1"])", R"(["acct-1","acct-2"])");
    const CliRun created = cli({QStringLiteral("post"), QStringLiteral("create"), QStringLiteral("--submit"),
                                writePost(QStringLiteral("two.json"), json)});
    QVERIFY2(created.exitCode == ExitCode::Success, qPrintable(created.err));
    const QStringList ids = created.out.trimmed().split(u'\n');
    QCOMPARE(ids.size(), 2);
    QStringList accounts;
    QSet<QString> media;
    for (const QString &id : ids) {
        const QJsonObject detail =
            cli({QStringLiteral("post"), QStringLiteral("show"), id, QStringLiteral("--json")})
                .json()
                .object();
        QCOMPARE(detail.value(u"status").toString(), QStringLiteral("scheduled"));
        const QJsonArray postAccounts = detail.value(u"post").toObject().value(u"accounts").toArray();
        QCOMPARE(postAccounts.size(), 1);
        accounts << postAccounts.first().toString();
        media << detail.value(u"storedMedia").toArray().first().toObject().value(u"sha256").toString();
    }
    QCOMPARE(accounts, (QStringList{QStringLiteral("acct-1"), QStringLiteral("acct-2")}));
    QCOMPARE(media.size(), 1); // one stored copy, referenced twice

    // --json: an array, one object per account.
    const CliRun asJson = cli({QStringLiteral("post"), QStringLiteral("create"), QStringLiteral("--json"),
                               writePost(QStringLiteral("two-again.json"), json)});
    QCOMPARE(asJson.exitCode, ExitCode::Success);
    QCOMPARE(asJson.json().array().size(), 2);
}

void TestCliPosts::createRefusesBrokenInput_data() {
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("says");
    QTest::newRow("malformed JSON") << QByteArray("{\"content\": [") << 1 << QStringLiteral("line 1");
    QTest::newRow("unreadable media")
        << postJson(QStringLiteral("truncated.mp4")) << 1 << QStringLiteral("truncated.mp4");
    QTest::newRow("invalid post with --submit")
        << postJson(QStringLiteral("fps15.mp4")) << 1 << QStringLiteral("video.frame_rate_out_of_range");
}

void TestCliPosts::createRefusesBrokenInput() {
    QFETCH(QByteArray, json);
    QFETCH(int, exitCode);
    QFETCH(QString, says);
    const CliRun run = cli({QStringLiteral("post"), QStringLiteral("create"), QStringLiteral("--submit"),
                            writePost(QStringLiteral("bad.json"), json)});
    QCOMPARE(int(run.exitCode), exitCode);
    QVERIFY2(run.err.contains(says), qPrintable(run.err));
    const auto stored =
        cli({QStringLiteral("post"), QStringLiteral("list"), QStringLiteral("--json")}).json().array();
    if (run.out.isEmpty()) {
        QCOMPARE(stored.size(), 0); // nothing half-written
    } else {                        // a valid JSON post that fails validation is kept as a draft, and says so
        QVERIFY(run.err.contains(u"saved as a draft"));
        QCOMPARE(stored.first().toObject().value(u"id").toString(), run.out.trimmed());
        QCOMPARE(stored.first().toObject().value(u"status").toString(), QStringLiteral("draft"));
    }
}

void TestCliPosts::reviewFlowWithApprovalRequired() {
    QCOMPARE(cli({QStringLiteral("workspace"), QStringLiteral("set"), QStringLiteral("approval_required"),
                  QStringLiteral("true")})
                 .exitCode,
             ExitCode::Success);
    const QString id = cli({QStringLiteral("post"), QStringLiteral("create"), QStringLiteral("--submit"),
                            writePost(QStringLiteral("p.json"), postJson())})
                           .out.trimmed();
    auto status = [&] {
        return cli({QStringLiteral("post"), QStringLiteral("show"), id, QStringLiteral("--json")})
            .json()
            .object()
            .value(u"status")
            .toString();
    };
    QCOMPARE(status(), QStringLiteral("in_review"));
    const CliRun early = cli({QStringLiteral("post"), QStringLiteral("schedule"), id, QStringLiteral("--at"),
                              QStringLiteral("2027-01-05T18:30:00Z")});
    QCOMPARE(early.exitCode, ExitCode::InvalidInput);
    QVERIFY2(early.err.contains(u"approv"), qPrintable(early.err));
    QCOMPARE(cli({QStringLiteral("post"), QStringLiteral("request-changes"), id}).exitCode, ExitCode::Usage);
    QCOMPARE(cli({QStringLiteral("post"), QStringLiteral("request-changes"), id, QStringLiteral("--comment"),
                  QStringLiteral("Add the hashtag")})
                 .exitCode,
             ExitCode::Success);
    QCOMPARE(status(), QStringLiteral("changes_requested"));
    QCOMPARE(cli({QStringLiteral("post"), QStringLiteral("approve"), id}).exitCode, ExitCode::InvalidInput);
    QCOMPARE(cli({QStringLiteral("post"), QStringLiteral("approve"), QStringLiteral("nope")}).exitCode,
             ExitCode::InvalidInput);
    // The author resubmits (the post JSON is the same here), the reviewer approves, then it is scheduled.
    // Resubmitting goes through PostLifecycle::submit, which `post create --submit` also uses.
    const QString again = cli({QStringLiteral("post"), QStringLiteral("create"), QStringLiteral("--submit"),
                               writePost(QStringLiteral("p2.json"), postJson())})
                              .out.trimmed();
    QCOMPARE(cli({QStringLiteral("post"), QStringLiteral("approve"), again, QStringLiteral("--comment"),
                  QStringLiteral("Ship it")})
                 .exitCode,
             ExitCode::Success);
    const CliRun scheduled = cli({QStringLiteral("post"), QStringLiteral("schedule"), again,
                                  QStringLiteral("--at"), QStringLiteral("2027-01-05T18:30:00Z")});
    QVERIFY2(scheduled.exitCode == ExitCode::Success, qPrintable(scheduled.err));
    const CliRun shown = cli({QStringLiteral("post"), QStringLiteral("show"), again});
    QVERIFY2(shown.out.contains(u"approve  in_review -> approved  \"Ship it\""), qPrintable(shown.out));
}

void TestCliPosts::scheduleReadsTimesInTheChosenZone() {
    const QString id = cli({QStringLiteral("post"), QStringLiteral("create"),
                            writePost(QStringLiteral("p.json"), postJson())})
                           .out.trimmed();
    const CliRun scheduled =
        cli({QStringLiteral("post"), QStringLiteral("schedule"), id, QStringLiteral("--at"),
             QStringLiteral("2027-03-28T18:30"), QStringLiteral("--zone"), QStringLiteral("Europe/Berlin"),
             QStringLiteral("--json")});
    QVERIFY2(scheduled.exitCode == ExitCode::Success, qPrintable(scheduled.err));
    QCOMPARE(scheduled.json().object().value(u"scheduledFor").toString(),
             QStringLiteral("2027-03-28T16:30:00.000Z"));
    QCOMPARE(scheduled.json().object().value(u"timeZone").toString(), QStringLiteral("Europe/Berlin"));
    QCOMPARE(cli({QStringLiteral("post"), QStringLiteral("schedule"), id, QStringLiteral("--at"),
                  QStringLiteral("soon")})
                 .exitCode,
             ExitCode::Usage);
    QCOMPARE(
        cli({QStringLiteral("post"), QStringLiteral("schedule"), id, QStringLiteral("--at"),
             QStringLiteral("2027-03-28T18:30"), QStringLiteral("--zone"), QStringLiteral("Mars/Olympus")})
            .exitCode,
        ExitCode::Usage);
}

void TestCliPosts::exportKeepsUnknownFields() {
    const QString id =
        cli({QStringLiteral("post"), QStringLiteral("create"),
             writePost(QStringLiteral("p.json"), postJson({}, QStringLiteral(",\"x-campaign\":\"q4\"")))})
            .out.trimmed();
    const CliRun exported = cli({QStringLiteral("post"), QStringLiteral("export"), id});
    QCOMPARE(exported.exitCode, ExitCode::Success);
    QCOMPARE(exported.json().object().value(u"x-campaign").toString(), QStringLiteral("q4"));
    QCOMPARE(exported.json()
                 .object()
                 .value(u"content")
                 .toObject()
                 .value(u"media")
                 .toArray()
                 .first()
                 .toObject()
                 .value(u"height"),
             QJsonValue(640)); // the probed values
}

void TestCliPosts::runOncePublishesDuePostsAndExits() {
    QStringList ids;
    for (int i = 0; i < 3; ++i) {
        ids << cli({QStringLiteral("post"), QStringLiteral("create"), QStringLiteral("--submit"),
                    writePost(QStringLiteral("p.json"), postJson())})
                   .out.trimmed();
    }
    const CliRun run = cli({QStringLiteral("run"), QStringLiteral("--once")});
    QVERIFY2(run.exitCode == ExitCode::Success, qPrintable(run.err));
    for (const QString &id : ids) {
        QVERIFY2(run.out.contains(id + u"  published"), qPrintable(run.out));
        QCOMPARE(m_ledger.count(id), 1);
    }
    QCOMPARE(cli({QStringLiteral("post"), QStringLiteral("list"), QStringLiteral("--status"),
                  QStringLiteral("published"), QStringLiteral("--json")})
                 .json()
                 .array()
                 .size(),
             3);
    // Nothing left: a second run publishes nothing.
    QCOMPARE(cli({QStringLiteral("run"), QStringLiteral("--once")}).out, QString());
    QCOMPARE(m_ledger.total(), 3);
}

void TestCliPosts::runWithInvalidTikTokSettingsIsAUsageError() {
    // The default TikTok publisher refuses a plain-http API base that is not this computer: a
    // configuration mistake (ErrorCode::Usage), exit 2 like every other usage error.
    qputenv("CLIPQUEUE_TIKTOK_API_BASE", "http://api.example.com");
    const CliRun run = cq::test::runCli({QStringLiteral("run"), QStringLiteral("--once")});
    qunsetenv("CLIPQUEUE_TIKTOK_API_BASE");
    QCOMPARE(run.exitCode, ExitCode::Usage);
    QVERIFY2(run.err.contains(u"http://"), qPrintable(run.err));
}

void TestCliPosts::showListsTheActionsThePostAllowsNow() {
    const QString id = createPost();
    const QStringList draftActions{QStringLiteral("submit"), QStringLiteral("schedule"),
                                   QStringLiteral("edit"), QStringLiteral("cancel"),
                                   QStringLiteral("delete")};
    QCOMPARE(actionsOf(show(id)), draftActions);
    const CliRun text = cli({QStringLiteral("post"), QStringLiteral("show"), id});
    QVERIFY2(text.out.contains(u"  actions: submit, schedule, edit, cancel, delete\n"), qPrintable(text.out));

    // With approvals, a post in review waits for a reviewer; the CLI spells the commands with '-'.
    cli({QStringLiteral("workspace"), QStringLiteral("set"), QStringLiteral("approval_required"),
         QStringLiteral("true")});
    const QString inReview = createPost(true);
    QCOMPARE(actionsOf(show(inReview)),
             (QStringList{QStringLiteral("approve"), QStringLiteral("request_changes"),
                          QStringLiteral("edit"), QStringLiteral("cancel")}));
    QVERIFY(cli({QStringLiteral("post"), QStringLiteral("show"), inReview})
                .out.contains(u"  actions: approve, request-changes, edit, cancel\n"));
    QVERIFY(show(inReview).value(u"postUrl").isNull());
}

void TestCliPosts::showNamesThePublishedTikTokPost() {
    const QString id = createPost(true);
    {
        // A runner published it and TikTok named the public post; no account's username is known here.
        auto session = Session::open();
        QVERIFY(session.has_value());
        PostLifecycle &posts = (*session)->posts();
        QVERIFY(posts
                    .claim(id, PostStatus::Scheduled, QStringLiteral("r"),
                           QDateTime::currentDateTimeUtc().addSecs(60), {})
                    .value_or(false));
        QVERIFY(posts.advance(id, PostAction::Publish, {}, [](StoredPost &post) {
            post.publicPostId = QStringLiteral("7312345678901234567");
        }));
    }
    const QJsonObject detail = show(id);
    QCOMPARE(detail.value(u"publicPostId").toString(), QStringLiteral("7312345678901234567"));
    QVERIFY(detail.value(u"postUrl").isNull()); // needs the username
    QCOMPARE(actionsOf(detail), QStringList{QStringLiteral("delete")});
    const CliRun text = cli({QStringLiteral("post"), QStringLiteral("show"), id});
    QVERIFY2(text.out.contains(u"  on TikTok: post 7312345678901234567\n"), qPrintable(text.out));
}

void TestCliPosts::submitMovesADraftOn() {
    const QString id = createPost();
    const CliRun submitted =
        cli({QStringLiteral("post"), QStringLiteral("submit"), id, QStringLiteral("--json")});
    QVERIFY2(submitted.exitCode == ExitCode::Success, qPrintable(submitted.err));
    QCOMPARE(submitted.json().object().value(u"status").toString(), QStringLiteral("scheduled"));
    QCOMPARE(actionsOf(show(id)),
             (QStringList{QStringLiteral("schedule"), QStringLiteral("edit"), QStringLiteral("cancel")}));
    // Not twice: the table refuses it (invalid input), and submit takes no comment (usage).
    const CliRun again = cli({QStringLiteral("post"), QStringLiteral("submit"), id});
    QCOMPARE(again.exitCode, ExitCode::InvalidInput);
    QVERIFY2(again.err.contains(u"scheduled"), qPrintable(again.err));
    QCOMPARE(cli({QStringLiteral("post"), QStringLiteral("submit"), id, QStringLiteral("--comment"),
                  QStringLiteral("x")})
                 .exitCode,
             ExitCode::Usage);
}

void TestCliPosts::editReplacesTheCaptionButKeepsTheMedia() {
    const QString id = createPost(true);
    QJsonObject exported = cli({QStringLiteral("post"), QStringLiteral("export"), id}).json().object();
    QJsonObject content = exported.value(u"content").toObject();
    content.insert(QStringLiteral("text"), QStringLiteral("Edited from the CLI"));
    exported.insert(QStringLiteral("content"), content);
    const QString edited = writePost(QStringLiteral("edited.json"), QJsonDocument(exported).toJson());
    const CliRun run =
        cli({QStringLiteral("post"), QStringLiteral("edit"), id, edited, QStringLiteral("--json")});
    QVERIFY2(run.exitCode == ExitCode::Success, qPrintable(run.err));
    QCOMPARE(run.json().object().value(u"text").toString(), QStringLiteral("Edited from the CLI"));
    QCOMPARE(run.json().object().value(u"status").toString(), QStringLiteral("scheduled")); // still valid
    QCOMPARE(show(id).value(u"history").toArray().last().toObject().value(u"action").toString(),
             QStringLiteral("edit"));

    // Other media: refused (a usage error), nothing changes.
    const QString otherMedia =
        writePost(QStringLiteral("other.json"), postJson(QStringLiteral("rotated.mp4")));
    const CliRun swapped = cli({QStringLiteral("post"), QStringLiteral("edit"), id, otherMedia});
    QCOMPARE(swapped.exitCode, ExitCode::Usage);
    QVERIFY2(swapped.err.contains(u"media"), qPrintable(swapped.err));
    QCOMPARE(show(id).value(u"text").toString(), QStringLiteral("Edited from the CLI"));

    // A broken or missing file is invalid input; a missing file argument is a usage error.
    const QString broken = writePost(QStringLiteral("broken.json"), "{\"content\": [");
    QCOMPARE(cli({QStringLiteral("post"), QStringLiteral("edit"), id, broken}).exitCode,
             ExitCode::InvalidInput);
    QCOMPARE(cli({QStringLiteral("post"), QStringLiteral("edit"), id,
                  m_dir->filePath(QStringLiteral("none.json"))})
                 .exitCode,
             ExitCode::InvalidInput);
    QCOMPARE(cli({QStringLiteral("post"), QStringLiteral("edit"), id}).exitCode, ExitCode::Usage);
}

void TestCliPosts::duplicateThenDelete() {
    const QString id = createPost(true);
    const CliRun scheduled = cli({QStringLiteral("post"), QStringLiteral("delete"), id});
    QCOMPARE(scheduled.exitCode, ExitCode::InvalidInput); // on its way: cancel it first
    QVERIFY2(scheduled.err.contains(u"cancel it first"), qPrintable(scheduled.err));

    const CliRun duplicated = cli({QStringLiteral("post"), QStringLiteral("duplicate"), id});
    QVERIFY2(duplicated.exitCode == ExitCode::Success, qPrintable(duplicated.err));
    const QString copy = duplicated.out.trimmed();
    QCOMPARE(copy.size(), 36);
    QVERIFY(copy != id);
    const QJsonObject original = show(id);
    const QJsonObject detail = show(copy);
    QCOMPARE(detail.value(u"status").toString(), QStringLiteral("draft"));
    QCOMPARE(detail.value(u"text").toString(), original.value(u"text").toString());
    QCOMPARE(detail.value(u"storedMedia").toArray(), original.value(u"storedMedia").toArray());
    QCOMPARE(detail.value(u"history").toArray().first().toObject().value(u"comment").toString(),
             u"Duplicate of " + id);
    QCOMPARE(cli({QStringLiteral("post"), QStringLiteral("duplicate"), copy, QStringLiteral("--json")})
                 .json()
                 .object()
                 .value(u"status")
                 .toString(),
             QStringLiteral("draft"));

    const CliRun deleted = cli({QStringLiteral("post"), QStringLiteral("delete"), copy});
    QVERIFY2(deleted.exitCode == ExitCode::Success, qPrintable(deleted.err));
    QCOMPARE(deleted.out, copy + u"  deleted\n");
    QCOMPARE(cli({QStringLiteral("post"), QStringLiteral("show"), copy}).exitCode, ExitCode::InvalidInput);
    QCOMPARE(
        cli({QStringLiteral("post"), QStringLiteral("list"), QStringLiteral("--json")}).json().array().size(),
        2);
}

void TestCliPosts::unknownIdIsInvalidInput_data() {
    QTest::addColumn<QStringList>("arguments");
    const QString nope = QStringLiteral("no-such-post");
    for (const char *command : {"show", "export", "submit", "approve", "cancel", "retry", "mark-published",
                                "duplicate", "delete"}) {
        QTest::newRow(command) << QStringList{QString::fromLatin1(command), nope};
    }
    QTest::newRow("request-changes") << QStringList{QStringLiteral("request-changes"), nope,
                                                    QStringLiteral("--comment"), QStringLiteral("why")};
    QTest::newRow("schedule") << QStringList{QStringLiteral("schedule"), nope, QStringLiteral("--at"),
                                             QStringLiteral("2027-01-05T18:30:00Z")};
    QTest::newRow("edit") << QStringList{QStringLiteral("edit"), nope, QString()};
}

void TestCliPosts::unknownIdIsInvalidInput() {
    QFETCH(QStringList, arguments);
    if (arguments.last().isEmpty()) {
        arguments.last() = writePost(QStringLiteral("p.json"), postJson());
    }
    const CliRun run = cli(QStringList{QStringLiteral("post")} + arguments);
    QCOMPARE(run.exitCode, ExitCode::InvalidInput); // ErrorCode::NotFound
    QVERIFY2(run.err.contains(u"There is no post no-such-post."), qPrintable(run.err));
    QVERIFY(run.out.isEmpty());
}

void TestCliPosts::helpListsEveryPostCommand() {
    const CliRun help = cli({QStringLiteral("post"), QStringLiteral("--help")});
    QCOMPARE(help.exitCode, ExitCode::Success);
    for (const char *command :
         {"create", "list", "show", "edit", "submit", "approve", "request-changes", "schedule", "cancel",
          "retry", "mark-published", "duplicate", "delete", "export"}) {
        QVERIFY2(help.out.contains(u"\n  " + QString::fromLatin1(command) + u' '), command);
    }
    const CliRun one = cli({QStringLiteral("post"), QStringLiteral("duplicate"), QStringLiteral("--help")});
    QCOMPARE(one.exitCode, ExitCode::Success);
    QCOMPARE(one.out, QStringLiteral("Usage: clipqueue-cli post duplicate ID [--json]\n"));
}

void TestCliPosts::realBinaryListsJson() {
    cli({QStringLiteral("post"), QStringLiteral("create"), writePost(QStringLiteral("p.json"), postJson())});
    QProcess process;
    process.start(cq::test::cliPath(),
                  {QStringLiteral("post"), QStringLiteral("list"), QStringLiteral("--json")});
    QVERIFY(process.waitForFinished(30000));
    QCOMPARE(process.exitCode(), 0);
    QCOMPARE(QJsonDocument::fromJson(process.readAllStandardOutput()).array().size(), 1);
    process.start(cq::test::cliPath(),
                  {QStringLiteral("post"), QStringLiteral("frobnicate"), QStringLiteral("x")});
    QVERIFY(process.waitForFinished(30000));
    QCOMPARE(process.exitCode(), 2);
}

QTEST_GUILESS_MAIN(TestCliPosts)
#include "tst_cli_posts.moc"
