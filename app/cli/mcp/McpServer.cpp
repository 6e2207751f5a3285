#include "McpServer.h"

#include "McpSchema.h"
#include "McpTools.h"
#include "publish/WorkspaceSettings.h"
#include "session/Session.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace cq::cli::mcp {

namespace {

// JSON-RPC 2.0 error codes.
constexpr int ParseError = -32700;
constexpr int InvalidRequest = -32600;
constexpr int MethodNotFound = -32601;
constexpr int InvalidParams = -32602;

QJsonObject errorObject(int code, const QString &message) {
    return QJsonObject{{QStringLiteral("code"), code}, {QStringLiteral("message"), message}};
}

QJsonObject response(const QJsonValue &id, const QJsonObject &result) {
    return QJsonObject{{QStringLiteral("jsonrpc"), QStringLiteral("2.0")},
                       {QStringLiteral("id"), id},
                       {QStringLiteral("result"), result}};
}

QJsonObject errorResponse(const QJsonValue &id, const QJsonObject &error) {
    return QJsonObject{{QStringLiteral("jsonrpc"), QStringLiteral("2.0")},
                       {QStringLiteral("id"), id},
                       {QStringLiteral("error"), error}};
}

QJsonObject toolResult(const McpToolResult &result) {
    return QJsonObject{
        {QStringLiteral("content"), QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("text")},
                                                           {QStringLiteral("text"), result.text}}}},
        {QStringLiteral("structuredContent"), result.structured},
        {QStringLiteral("isError"), result.isError},
    };
}

const auto instructions = QStringLiteral(
    "ClipQueue prepares, validates and queues TikTok posts. Probe media with media_probe, check a post "
    "with posts_validate and fix every error finding, then posts_create (submit: true to queue it). "
    "Posts that need approval wait for a person in the ClipQueue window: there is no way to approve "
    "through these tools. Read a post's status, history and publish attempts with posts_get.");

} // namespace

McpServer::McpServer(SessionOpener opener)
    : m_opener(std::move(opener))
    , m_tools(makeTools()) {
    if (!m_opener) {
        m_opener = [](const QString &actor) {
            return Session::open(Settings(), actor);
        };
    }
}

McpServer::~McpServer() = default;

QStringList McpServer::supportedProtocolVersions() {
    // What the server uses of each (tools with structured output, ping) reads the same in all of them.
    return {QStringLiteral("2025-11-25"), QStringLiteral("2025-06-18"), QStringLiteral("2025-03-26"),
            QStringLiteral("2024-11-05")};
}

QJsonObject McpServer::parseError(const QString &why) {
    return errorResponse(QJsonValue(QJsonValue::Null), errorObject(ParseError, u"Parse error: " + why));
}

std::optional<QJsonObject> McpServer::handle(const QJsonObject &message) {
    const QJsonValue id = message.value(u"id");
    const bool isRequest = message.contains(u"id") && (id.isString() || id.isDouble());
    const QString method = message.value(u"method").toString();
    if (!message.contains(u"method")) {
        if (isRequest && (message.contains(u"result") || message.contains(u"error"))) {
            return std::nullopt; // a response to a request the server never makes
        }
        return errorResponse(isRequest ? id : QJsonValue(QJsonValue::Null),
                             errorObject(InvalidRequest, QStringLiteral("Not a JSON-RPC 2.0 request.")));
    }
    if (message.value(u"jsonrpc").toString() != u"2.0") {
        return isRequest ? std::optional(
                   errorResponse(id, errorObject(InvalidRequest, QStringLiteral("jsonrpc must be \"2.0\"."))))
                         : std::nullopt;
    }
    if (!isRequest) {
        // notifications/initialized, notifications/cancelled (calls run to their end, one at a time)...
        return std::nullopt;
    }
    const QJsonObject params = message.value(u"params").toObject();
    if (method == u"initialize") {
        return response(id, initialize(params));
    }
    if (method == u"ping") {
        return response(id, QJsonObject());
    }
    if (!m_initialized) {
        return errorResponse(id, errorObject(InvalidRequest, QStringLiteral("Send initialize first.")));
    }
    if (method == u"tools/list") {
        return response(id, listTools());
    }
    if (method == u"tools/call") {
        auto result = callTool(params);
        return result ? response(id, *result) : errorResponse(id, result.error());
    }
    return errorResponse(id, errorObject(MethodNotFound, u"Method not found: " + method));
}

QJsonObject McpServer::initialize(const QJsonObject &params) {
    const QString requested = params.value(u"protocolVersion").toString();
    const QStringList versions = supportedProtocolVersions();
    const QJsonObject client = params.value(u"clientInfo").toObject();
    m_clientName = client.value(u"name").toString().trimmed();
    if (m_clientName.isEmpty()) {
        m_clientName = QStringLiteral("unknown client");
    }
    if (!m_session) {
        auto session = m_opener(u"agent:" + m_clientName);
        if (session) {
            m_session = std::move(*session);
            m_sessionError.reset();
        } else {
            m_sessionError = session.error(); // said by every tool call, so the agent can tell its user
        }
    }
    m_initialized = true;
    return QJsonObject{
        {QStringLiteral("protocolVersion"), versions.contains(requested) ? requested : versions.constFirst()},
        {QStringLiteral("capabilities"),
         QJsonObject{{QStringLiteral("tools"), QJsonObject{{QStringLiteral("listChanged"), false}}}}},
        {QStringLiteral("serverInfo"),
         QJsonObject{{QStringLiteral("name"), QStringLiteral("clipqueue")},
                     {QStringLiteral("title"), QStringLiteral("ClipQueue")},
                     {QStringLiteral("version"), QCoreApplication::applicationVersion()}}},
        {QStringLiteral("instructions"), instructions},
    };
}

QStringList McpServer::enabledTools() const {
    QStringList enabled = settings::mcpToolNames();
    if (m_session) {
        enabled = m_session->workspace().mcpTools().value_or(QStringList());
    }
    if (qEnvironmentVariableIsSet("CLIPQUEUE_MCP_TOOLS")) {
        const QString value = qEnvironmentVariable("CLIPQUEUE_MCP_TOOLS").trimmed();
        if (value != u"all") {
            QStringList allowed;
            for (const QString &name : value.split(u',', Qt::SkipEmptyParts)) {
                allowed << name.trimmed();
            }
            enabled.removeIf([&](const QString &name) { return !allowed.contains(name); });
        }
    }
    return enabled;
}

McpTool *McpServer::findTool(const QString &name) const {
    for (const auto &tool : m_tools) {
        if (tool->name() == name) {
            return tool.get();
        }
    }
    return nullptr;
}

QJsonObject McpServer::listTools() const {
    QJsonArray tools;
    const QStringList enabled = enabledTools();
    for (const auto &tool : m_tools) {
        if (enabled.contains(tool->name())) {
            tools.append(tool->descriptor());
        }
    }
    return QJsonObject{{QStringLiteral("tools"), tools}};
}

std::expected<QJsonObject, QJsonObject> McpServer::callTool(const QJsonObject &params) {
    const QString name = params.value(u"name").toString();
    McpTool *tool = findTool(name);
    if (!tool || !enabledTools().contains(name)) {
        return std::unexpected(errorObject(
            InvalidParams,
            tool ? QString(u"The tool " + name + u" is turned off here (mcp_tools, CLIPQUEUE_MCP_TOOLS).")
                 : QString(u"Unknown tool: " + name)));
    }
    const QJsonObject arguments = params.value(u"arguments").toObject();
    if (const QString problem = schema::check(tool->inputSchema(), arguments); !problem.isEmpty()) {
        return toolResult(McpToolResult::badArguments(problem));
    }
    if (!m_session) {
        return toolResult(McpToolResult::failure(m_sessionError.value_or(
            Error{ErrorCode::Database, QStringLiteral("The ClipQueue database is not open.")})));
    }
    return toolResult(tool->call(arguments, *m_session));
}

} // namespace cq::cli::mcp
