// `clipqueue-cli mcp` driven as an MCP client would: the real binary in a QProcess, JSON-RPC 2.0 one
// message per line on its stdin/stdout, over a data folder with an account connected on the TikTok
// stand-in. The runner publishes what the agent scheduled, and the agent reads the outcome.
#include "CliHarness.h"
#include "LoopbackHttpServer.h"
#include "TestFixtures.h"
#include "TikTokStandIn.h"
#include "media/MediaDescriptor.h"
#include "publish/WorkspaceSettings.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace cq;
using cq::cli::ExitCode;
using cq::test::CliRun;
using cq::test::runCli;

namespace {

// One `clipqueue-cli mcp` process and the replies it wrote, by request id.
class McpClient {
public:
    explicit McpClient(const QProcessEnvironment &environment) {
        m_process.setProcessEnvironment(environment);
        m_process.start(cq::test::cliPath(), {QStringLiteral("mcp")});
    }
    ~McpClient() {
        m_process.closeWriteChannel(); // the client hanging up ends the server
        if (!m_process.waitForFinished(30000)) {
            m_process.kill();
            m_process.waitForFinished();
        }
    }

    bool started() { return m_process.waitForStarted(30000); }
    QProcess &process() { return m_process; }

    void sendLine(const QByteArray &line) { m_process.write(line + '\n'); }
    void notify(const QString &method) {
        send(QJsonObject{{QStringLiteral("jsonrpc"), QStringLiteral("2.0")},
                         {QStringLiteral("method"), method}});
    }
    // Sends a request and waits for its reply (the event loop keeps running: the stand-in serves).
    QJsonObject request(const QString &method, const QJsonObject &params = {}) {
        const int id = ++m_nextId;
        send(QJsonObject{{QStringLiteral("jsonrpc"), QStringLiteral("2.0")},
                         {QStringLiteral("id"), id},
                         {QStringLiteral("method"), method},
                         {QStringLiteral("params"), params}});
        return waitFor(id);
    }
    QJsonObject initialize(const QString &version = QStringLiteral("2025-06-18")) {
        const QJsonObject reply =
            request(QStringLiteral("initialize"),
                    QJsonObject{{QStringLiteral("protocolVersion"), version},
                                {QStringLiteral("capabilities"), QJsonObject()},
                                {QStringLiteral("clientInfo"),
                                 QJsonObject{{QStringLiteral("name"), QStringLiteral("qt-test")},
                                             {QStringLiteral("version"), QStringLiteral("1")}}}});
        notify(QStringLiteral("notifications/initialized"));
        return reply;
    }
    // tools/call's result (content, structuredContent, isError).
    QJsonObject call(const QString &tool, const QJsonObject &arguments = {}) {
        return request(QStringLiteral("tools/call"),
                       QJsonObject{{QStringLiteral("name"), tool}, {QStringLiteral("arguments"), arguments}})
            .value(u"result")
            .toObject();
    }
    // Every line the server wrote so far, parsed.
    QList<QJsonObject> lines() {
        read();
        return m_lines;
    }
    QJsonObject waitFor(const QJsonValue &id) {
        for (int round = 0; round < 1200; ++round) {
            read();
            for (const QJsonObject &line : std::as_const(m_lines)) {
                if (line.value(u"id") == id) {
                    return line;
                }
            }
            if (m_process.state() == QProcess::NotRunning) {
                break;
            }
            QTest::qWait(50);
        }
        qWarning("no reply to %s; stderr: %s", qPrintable(id.toVariant().toString()),
                 m_process.readAllStandardError().constData());
        return {};
    }

private:
    void send(const QJsonObject &message) { sendLine(QJsonDocument(message).toJson(QJsonDocument::Compact)); }
    void read() {
        m_buffer += m_process.readAllStandardOutput();
        qsizetype end = 0;
        while ((end = m_buffer.indexOf('\n')) >= 0) {
            const QByteArray line = m_buffer.left(end);
            m_buffer.remove(0, end + 1);
            QJsonParseError error;
            const QJsonDocument document = QJsonDocument::fromJson(line, &error);
            if (error.error != QJsonParseError::NoError || !document.isObject()) {
                qWarning("not a JSON-RPC line on stdout: %s", line.constData());
                m_lines << QJsonObject{{QStringLiteral("notJson"), QString::fromUtf8(line)}};
                continue;
            }
            m_lines << document.object();
        }
    }

    QProcess m_process;
    QByteArray m_buffer;
    QList<QJsonObject> m_lines;
    int m_nextId = 0;
};

QJsonObject structured(const QJsonObject &result) {
    return result.value(u"structuredContent").toObject();
}

QStringList codesOf(const QJsonArray &findings) {
    QStringList codes;
    for (const QJsonValue &finding : findings) {
        codes << finding.toObject().value(u"code").toString();
    }
    return codes;
}

QString textOf(const QJsonObject &result) {
    return result.value(u"content").toArray().first().toObject().value(u"text").toString();
}

} // namespace

class TestMcp : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void initializeNegotiatesTheProtocolVersion();
    void protocolErrorsAreJsonRpcErrors();
    void listsEveryToolWithItsSchemas();
    void probeDescribesMediaAndUnreadableFiles();
    void validateReturnsFindingsAsData();
    void createScheduleThenReadThePublishedStatus();
    void postsNeedingApprovalWaitForAPerson();
    void accountsAndSetsComeWithWhatEachMayPost();
    void disabledToolsCannotBeListedOrCalled();
    void unknownPostIsAToolError();

private:
    QJsonObject postJson(const QString &privacy, const QJsonValue &scheduledFor) const;
    QProcessEnvironment environment() const { return QProcessEnvironment::systemEnvironment(); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<cq::test::TikTokStandIn> m_standIn;
};

void TestMcp::init() {
    m_dir = std::make_unique<QTemporaryDir>();
    m_standIn = std::make_unique<cq::test::TikTokStandIn>();
    const CliRun imported = cq::test::connectStandInAccount(*m_standIn, m_dir->path());
    QVERIFY2(imported.exitCode == ExitCode::Success, qPrintable(imported.err));
    qunsetenv("CLIPQUEUE_MCP_TOOLS");
}

QJsonObject TestMcp::postJson(const QString &privacy, const QJsonValue &scheduledFor) const {
    QJsonObject settings;
    if (!privacy.isEmpty()) {
        settings.insert(QStringLiteral("privacyLevel"), privacy);
    }
    return QJsonObject{
        {QStringLiteral("content"),
         QJsonObject{
             {QStringLiteral("text"), QStringLiteral("From an agent #launch")},
             {QStringLiteral("media"),
              QJsonArray{QJsonObject{{QStringLiteral("url"), fileUrlForPath(cq::test::fixturePath(
                                                                 QStringLiteral("vertical.mp4")))}}}},
             {QStringLiteral("platformOverrides"),
              QJsonObject{{QStringLiteral("tiktok"), QJsonObject{{QStringLiteral("settings"), settings}}}}}}},
        {QStringLiteral("scheduledFor"), scheduledFor},
    };
}

void TestMcp::initializeNegotiatesTheProtocolVersion() {
    McpClient client(environment());
    QVERIFY(client.started());
    const QJsonObject current = client.initialize().value(u"result").toObject();
    QCOMPARE(current.value(u"protocolVersion").toString(), QStringLiteral("2025-06-18"));
    QCOMPARE(current.value(u"serverInfo").toObject().value(u"name").toString(), QStringLiteral("clipqueue"));
    QVERIFY(current.value(u"capabilities").toObject().contains(u"tools"));
    QVERIFY(current.value(u"instructions").toString().contains(u"approve"));
    // An older revision the server speaks is kept; one it does not know gets its newest.
    QCOMPARE(
        client.initialize(QStringLiteral("2024-11-05")).value(u"result").toObject().value(u"protocolVersion"),
        QStringLiteral("2024-11-05"));
    QCOMPARE(
        client.initialize(QStringLiteral("2031-01-01")).value(u"result").toObject().value(u"protocolVersion"),
        QStringLiteral("2025-11-25")); // the newest revision it speaks
    QCOMPARE(client.request(QStringLiteral("ping")).value(u"result").toObject(), QJsonObject());
}

void TestMcp::protocolErrorsAreJsonRpcErrors() {
    McpClient client(environment());
    QVERIFY(client.started());
    // Before initialize, only ping answers.
    QCOMPARE(client.request(QStringLiteral("tools/list")).value(u"error").toObject().value(u"code").toInt(),
             -32600);
    client.initialize();
    QCOMPARE(
        client.request(QStringLiteral("resources/list")).value(u"error").toObject().value(u"code").toInt(),
        -32601);
    QCOMPARE(client.call(QStringLiteral("posts_approve")).isEmpty(),
             true); // no such tool: an error, no result
    client.sendLine("{not json");
    client.sendLine(R"({"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":1}})");
    const QJsonObject last = client.request(QStringLiteral("ping"));
    QVERIFY(last.contains(u"result"));
    const QList<QJsonObject> lines = client.lines();
    const auto parseErrors = std::count_if(lines.cbegin(), lines.cend(), [](const QJsonObject &line) {
        return line.value(u"error").toObject().value(u"code").toInt() == -32700 && line.value(u"id").isNull();
    });
    QCOMPARE(parseErrors, 1);
    // Every line on stdout is a JSON-RPC message: nothing else is written there, and no reply to
    // notifications.
    for (const QJsonObject &line : lines) {
        QCOMPARE(line.value(u"jsonrpc").toString(), QStringLiteral("2.0"));
    }
    // tools/list refused, initialize, resources/list, the unknown tool, the parse error, ping.
    QCOMPARE(lines.size(), 6);
}

void TestMcp::listsEveryToolWithItsSchemas() {
    McpClient client(environment());
    QVERIFY(client.started());
    client.initialize();
    const QJsonArray tools =
        client.request(QStringLiteral("tools/list")).value(u"result").toObject().value(u"tools").toArray();
    QStringList names;
    for (const QJsonValue &value : tools) {
        const QJsonObject tool = value.toObject();
        names << tool.value(u"name").toString();
        QCOMPARE(tool.value(u"inputSchema").toObject().value(u"type").toString(), QStringLiteral("object"));
        QCOMPARE(tool.value(u"outputSchema").toObject().value(u"type").toString(), QStringLiteral("object"));
        QVERIFY(!tool.value(u"description").toString().isEmpty());
        QVERIFY(!tool.value(u"name").toString().contains(u"approve"));
    }
    QCOMPARE(names, settings::mcpToolNames());
    QCOMPARE(names.size(), 9);
    const QJsonObject create = tools.at(names.indexOf(u"posts_create")).toObject();
    QCOMPARE(create.value(u"inputSchema").toObject().value(u"required").toArray(),
             QJsonArray{QStringLiteral("post")});
    QCOMPARE(create.value(u"annotations").toObject().value(u"readOnlyHint").toBool(), false);
}

void TestMcp::probeDescribesMediaAndUnreadableFiles() {
    McpClient client(environment());
    QVERIFY(client.started());
    client.initialize();
    const QString missing = m_dir->filePath(QStringLiteral("missing.mp4"));
    const QJsonObject result = client.call(
        QStringLiteral("media_probe"),
        {{QStringLiteral("paths"),
          QJsonArray{cq::test::fixturePath(QStringLiteral("vertical.mp4")), fileUrlForPath(missing)}}});
    QCOMPARE(result.value(u"isError").toBool(), false);
    const QJsonArray media = structured(result).value(u"media").toArray();
    QCOMPARE(media.size(), 2);
    QCOMPARE(media.at(0).toObject().value(u"mimeType").toString(), QStringLiteral("video/mp4"));
    QCOMPARE(media.at(0).toObject().value(u"type").toString(), QStringLiteral("video"));
    QVERIFY(media.at(0).toObject().value(u"height").toInt() > media.at(0).toObject().value(u"width").toInt());
    QCOMPARE(media.at(1).toObject().value(u"error").toObject().value(u"code").toString(),
             QStringLiteral("media.unreadable"));
    QVERIFY2(textOf(result).contains(u"2 files probed; 1 cannot be used"), qPrintable(textOf(result)));

    // A URL: fetched through the one transport, probed, described under its URL.
    cq::test::LoopbackHttpServer server;
    cq::test::LoopbackHttpServer::Response clip;
    clip.body = cq::test::fixtureBytes(QStringLiteral("vertical.mp4"));
    clip.contentType = "video/mp4";
    server.route("/clips/launch.mp4", clip);
    const QString url = server.url(QStringLiteral("/clips/launch.mp4"));
    const QJsonObject remote = structured(
        client.call(QStringLiteral("media_probe"),
                    {{QStringLiteral("paths"), QJsonArray{url, QStringLiteral("ftp://example.com/a.mp4")}}}));
    const QJsonObject fetched = remote.value(u"media").toArray().at(0).toObject();
    QCOMPARE(fetched.value(u"url").toString(), url);
    QCOMPARE(fetched.value(u"filename").toString(), QStringLiteral("launch.mp4"));
    QCOMPARE(fetched.value(u"mimeType").toString(), QStringLiteral("video/mp4"));
    QCOMPARE(fetched.value(u"sizeBytes").toInteger(),
             cq::test::fixtureBytes(QStringLiteral("vertical.mp4")).size());
    QCOMPARE(remote.value(u"media")
                 .toArray()
                 .at(1)
                 .toObject()
                 .value(u"error")
                 .toObject()
                 .value(u"code")
                 .toString(),
             QStringLiteral("media.unreadable"));
}

void TestMcp::validateReturnsFindingsAsData() {
    McpClient client(environment());
    QVERIFY(client.started());
    client.initialize();
    QJsonObject bad = postJson(QString(), QStringLiteral("2020-01-01T10:00:00Z"));
    bad.insert(QStringLiteral("platformSetId"), QStringLiteral("brand channels"));
    const QJsonObject result = client.call(QStringLiteral("posts_validate"), {{QStringLiteral("post"), bad}});
    QCOMPARE(result.value(u"isError").toBool(), false); // findings are data for the agent, not a failure
    QCOMPARE(structured(result).value(u"valid").toBool(), false);
    const QStringList codes = codesOf(structured(result).value(u"findings").toArray());
    QVERIFY2(codes.contains(u"privacy.required"), qPrintable(codes.join(u',')));
    QVERIFY2(codes.contains(u"schedule.in_past"), qPrintable(codes.join(u',')));
    QVERIFY2(codes.contains(u"post.account_set_unknown"), qPrintable(codes.join(u',')));
    QVERIFY(!codes.contains(u"creator.unknown")); // checked against the default account's cached info
    for (const QJsonValue &finding : structured(result).value(u"findings").toArray()) {
        QVERIFY(finding.toObject().value(u"field").toString().startsWith(u'/'));
        QVERIFY(!finding.toObject().value(u"message").toString().isEmpty());
    }
    QVERIFY2(textOf(result).startsWith(u"Not valid: 3 errors"), qPrintable(textOf(result)));

    // A privacy level the creator does not offer, against creator info the agent passes.
    QJsonObject creator = m_standIn->creatorInfo;
    creator.insert(QStringLiteral("privacy_level_options"), QJsonArray{QStringLiteral("PUBLIC_TO_EVERYONE")});
    const QJsonObject against =
        client.call(QStringLiteral("posts_validate"),
                    {{QStringLiteral("post"), postJson(QStringLiteral("SELF_ONLY"), QJsonValue::Null)},
                     {QStringLiteral("creatorInfo"), creator}});
    QCOMPARE(codesOf(structured(against).value(u"findings").toArray()),
             QStringList{QStringLiteral("privacy.not_allowed")});

    const QJsonObject good =
        client.call(QStringLiteral("posts_validate"),
                    {{QStringLiteral("post"), postJson(QStringLiteral("SELF_ONLY"), QJsonValue::Null)}});
    QCOMPARE(structured(good).value(u"valid").toBool(), true);
    // Arguments that do not fit the input schema are a tool error saying which.
    const QJsonObject wrong = client.call(QStringLiteral("posts_validate"), {{QStringLiteral("post"), 42}});
    QCOMPARE(wrong.value(u"isError").toBool(), true);
    QVERIFY2(textOf(wrong).contains(u"\"post\" must be of type object"), qPrintable(textOf(wrong)));
}

void TestMcp::createScheduleThenReadThePublishedStatus() {
    McpClient client(environment());
    QVERIFY(client.started());
    client.initialize();
    const QJsonObject created =
        client.call(QStringLiteral("posts_create"),
                    {{QStringLiteral("post"), postJson(QStringLiteral("SELF_ONLY"), QJsonValue::Null)}});
    QCOMPARE(created.value(u"isError").toBool(), false);
    QCOMPARE(structured(created).value(u"created").toBool(), true);
    const QJsonObject draft = structured(created).value(u"posts").toArray().first().toObject();
    QCOMPARE(draft.value(u"status").toString(), QStringLiteral("draft"));
    const QString id = draft.value(u"id").toString();

    // Due in a moment: the runner publishes it once that time has come.
    const QDateTime due = QDateTime::currentDateTimeUtc().addSecs(2);
    const QJsonObject scheduled = client.call(
        QStringLiteral("posts_schedule"), {{QStringLiteral("id"), id},
                                           {QStringLiteral("at"), due.toString(Qt::ISODateWithMs)},
                                           {QStringLiteral("timeZone"), QStringLiteral("Europe/Berlin")}});
    QVERIFY2(!scheduled.value(u"isError").toBool(), qPrintable(textOf(scheduled)));
    QCOMPARE(structured(scheduled).value(u"post").toObject().value(u"status").toString(),
             QStringLiteral("scheduled"));
    QCOMPARE(structured(scheduled).value(u"post").toObject().value(u"timeZone").toString(),
             QStringLiteral("Europe/Berlin"));
    QTRY_VERIFY_WITH_TIMEOUT(QDateTime::currentDateTimeUtc() > due, 10000);
    const CliRun run = runCli({QStringLiteral("run"), QStringLiteral("--once")});
    QVERIFY2(run.exitCode == ExitCode::Success, qPrintable(run.err));

    const QJsonObject got = client.call(QStringLiteral("posts_get"), {{QStringLiteral("id"), id}});
    const QJsonObject post = structured(got);
    QCOMPARE(post.value(u"status").toString(), QStringLiteral("published"));
    QCOMPARE(post.value(u"publicPostId").toString(), QString::fromLatin1(m_standIn->publicPostId));
    QVERIFY2(textOf(got).contains(u"is published"), qPrintable(textOf(got)));
    QCOMPARE(post.value(u"attempts").toArray().size(), 1);
    QCOMPARE(post.value(u"attempts").toArray().first().toObject().value(u"outcome").toString(),
             QStringLiteral("published"));
    // The agent's own calls are in the history under its client's name; the runner's under its own.
    QStringList agentActions;
    for (const QJsonValue &entry : post.value(u"history").toArray()) {
        if (entry.toObject().value(u"actor").toString() == u"agent:qt-test") {
            agentActions << entry.toObject().value(u"action").toString();
        }
    }
    QCOMPARE(agentActions, (QStringList{QStringLiteral("create"), QStringLiteral("schedule")}));
    QCOMPARE(m_standIn->initCount(), 1);

    // The queue as the agent sees it.
    const QJsonObject listed =
        client.call(QStringLiteral("posts_list"), {{QStringLiteral("status"), QStringLiteral("published")}});
    QCOMPARE(structured(listed).value(u"posts").toArray().size(), 1);
    QCOMPARE(client.call(QStringLiteral("posts_list"), {{QStringLiteral("status"), QStringLiteral("sent")}})
                 .value(u"isError")
                 .toBool(),
             true);
}

void TestMcp::postsNeedingApprovalWaitForAPerson() {
    QCOMPARE(runCli({QStringLiteral("workspace"), QStringLiteral("set"), QStringLiteral("approval_required"),
                     QStringLiteral("true")})
                 .exitCode,
             ExitCode::Success);
    McpClient client(environment());
    QVERIFY(client.started());
    client.initialize();
    const QJsonObject created =
        client.call(QStringLiteral("posts_create"),
                    {{QStringLiteral("post"), postJson(QStringLiteral("SELF_ONLY"), QJsonValue::Null)},
                     {QStringLiteral("submit"), true}});
    const QJsonObject post = structured(created).value(u"posts").toArray().first().toObject();
    QCOMPARE(post.value(u"status").toString(), QStringLiteral("in_review"));
    QCOMPARE(structured(created).value(u"awaitingApproval").toBool(), true);
    QVERIFY2(textOf(created).contains(u"waits for a person to approve it"), qPrintable(textOf(created)));
    // Scheduling an unapproved post is refused, and there is no tool to approve it.
    const QJsonObject refused = client.call(QStringLiteral("posts_schedule"),
                                            {{QStringLiteral("id"), post.value(u"id")},
                                             {QStringLiteral("at"), QStringLiteral("2031-01-01T10:00:00Z")}});
    QCOMPARE(refused.value(u"isError").toBool(), true);
    QCOMPARE(structured(refused).value(u"error").toObject().value(u"code").toString(),
             errorCodeName(ErrorCode::InvalidTransition));
    // Cancelling it is the agent's to do; its comment goes into the history.
    const QJsonObject cancelled = client.call(QStringLiteral("posts_cancel"),
                                              {{QStringLiteral("id"), post.value(u"id")},
                                               {QStringLiteral("comment"), QStringLiteral("Wrong clip")}});
    QCOMPARE(structured(cancelled).value(u"post").toObject().value(u"status").toString(),
             QStringLiteral("cancelled"));
    const QJsonArray history =
        structured(client.call(QStringLiteral("posts_get"), {{QStringLiteral("id"), post.value(u"id")}}))
            .value(u"history")
            .toArray();
    QCOMPARE(history.last().toObject().value(u"comment").toString(), QStringLiteral("Wrong clip"));
    QCOMPARE(history.last().toObject().value(u"actor").toString(), QStringLiteral("agent:qt-test"));
}

void TestMcp::accountsAndSetsComeWithWhatEachMayPost() {
    const CliRun made = runCli({QStringLiteral("accounts"), QStringLiteral("sets"), QStringLiteral("create"),
                                QStringLiteral("brand channels")});
    QVERIFY2(made.exitCode == ExitCode::Success, qPrintable(made.err));
    QCOMPARE(runCli({QStringLiteral("accounts"), QStringLiteral("sets"), QStringLiteral("add"),
                     QStringLiteral("brand channels"), QStringLiteral("open-ana")})
                 .exitCode,
             ExitCode::Success);
    McpClient client(environment());
    QVERIFY(client.started());
    client.initialize();
    const QJsonArray accounts =
        structured(client.call(QStringLiteral("accounts_list"))).value(u"accounts").toArray();
    QCOMPARE(accounts.size(), 1);
    const QJsonObject ana = accounts.first().toObject();
    QCOMPARE(ana.value(u"displayName").toString(), QStringLiteral("Ana"));
    QCOMPARE(ana.value(u"isDefault").toBool(), true);
    const QJsonObject creator = ana.value(u"creator").toObject();
    QCOMPARE(creator.value(u"username").toString(), QStringLiteral("ana.makes"));
    QCOMPARE(creator.value(u"privacyLevelOptions").toArray().size(), 3);
    QCOMPARE(creator.value(u"canPost").toBool(), true);
    QVERIFY(creator.contains(u"duetDisabled"));

    const QJsonArray sets =
        structured(client.call(QStringLiteral("account_sets_list"))).value(u"sets").toArray();
    QCOMPARE(sets.size(), 1);
    QCOMPARE(sets.first().toObject().value(u"id").toString(), made.out.trimmed());
    QCOMPARE(sets.first().toObject().value(u"accounts").toArray().first().toObject().value(u"id"),
             ana.value(u"id"));

    // A post to the set: one post per account of the set.
    QJsonObject toSet = postJson(QStringLiteral("SELF_ONLY"), QJsonValue::Null);
    toSet.insert(QStringLiteral("platformSetId"), QStringLiteral("brand channels"));
    const QJsonObject created =
        client.call(QStringLiteral("posts_create"), {{QStringLiteral("post"), toSet}});
    QCOMPARE(structured(created).value(u"posts").toArray().size(), 1);
    QCOMPARE(structured(created).value(u"posts").toArray().first().toObject().value(u"account"),
             ana.value(u"id"));
    // An unknown set: not created, with the finding that says why, as data.
    toSet.insert(QStringLiteral("platformSetId"), QStringLiteral("nobody's set"));
    const QJsonObject refused =
        client.call(QStringLiteral("posts_create"), {{QStringLiteral("post"), toSet}});
    QCOMPARE(refused.value(u"isError").toBool(), false);
    QCOMPARE(structured(refused).value(u"created").toBool(), false);
    QVERIFY(codesOf(structured(refused).value(u"findings").toArray()).contains(u"post.account_set_unknown"));
}

void TestMcp::disabledToolsCannotBeListedOrCalled() {
    QCOMPARE(runCli({QStringLiteral("workspace"), QStringLiteral("set"), QStringLiteral("mcp_tools"),
                     QStringLiteral("posts_list, posts_get,posts_validate")})
                 .exitCode,
             ExitCode::Success);
    QCOMPARE(runCli({QStringLiteral("workspace"), QStringLiteral("set"), QStringLiteral("mcp_tools"),
                     QStringLiteral("posts_approve")})
                 .exitCode,
             ExitCode::Usage);
    QProcessEnvironment narrowed = environment();
    narrowed.insert(QStringLiteral("CLIPQUEUE_MCP_TOOLS"),
                    QStringLiteral("posts_list,posts_get,posts_create"));
    McpClient client(narrowed);
    QVERIFY(client.started());
    client.initialize();
    QStringList names;
    for (const QJsonValue &tool :
         client.request(QStringLiteral("tools/list")).value(u"result").toObject().value(u"tools").toArray()) {
        names << tool.toObject().value(u"name").toString();
    }
    QCOMPARE(names,
             (QStringList{QStringLiteral("posts_list"), QStringLiteral("posts_get")})); // both must allow it
    const QJsonObject refused = client.request(
        QStringLiteral("tools/call"),
        {{QStringLiteral("name"), QStringLiteral("posts_create")},
         {QStringLiteral("arguments"),
          QJsonObject{{QStringLiteral("post"), postJson(QStringLiteral("SELF_ONLY"), QJsonValue::Null)}}}});
    QCOMPARE(refused.value(u"error").toObject().value(u"code").toInt(), -32602);
    QVERIFY(refused.value(u"error").toObject().value(u"message").toString().contains(u"turned off"));
    QVERIFY(structured(client.call(QStringLiteral("posts_list")))
                .value(u"posts")
                .toArray()
                .isEmpty()); // nothing created
}

void TestMcp::unknownPostIsAToolError() {
    McpClient client(environment());
    QVERIFY(client.started());
    client.initialize();
    const QJsonObject result =
        client.call(QStringLiteral("posts_get"), {{QStringLiteral("id"), QStringLiteral("no-such-post")}});
    QCOMPARE(result.value(u"isError").toBool(), true);
    QCOMPARE(structured(result).value(u"error").toObject().value(u"code").toString(),
             errorCodeName(ErrorCode::NotFound));
    QVERIFY(!textOf(result).isEmpty());
}

QTEST_GUILESS_MAIN(TestMcp)
#include "tst_mcp.moc"
