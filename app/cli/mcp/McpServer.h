#pragma once

#include "McpTool.h"

#include <QJsonObject>
#include <QStringList>

#include <expected>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace cq::cli::mcp {

// The Model Context Protocol over JSON-RPC 2.0, one message at a time, for ClipQueue's tools:
// initialize (with version negotiation), ping, tools/list, tools/call and notifications. It knows
// nothing of the transport (McpStdio reads and writes the lines). The session is opened when the
// client introduces itself, so that every change a tool makes is written to the post's history
// as done by "agent:CLIENT NAME".
class McpServer {
public:
    // Opens the session for the given actor; tests pass their own. Default: Session::open(Settings(), actor).
    using SessionOpener = std::function<std::expected<std::unique_ptr<Session>, Error>(const QString &actor)>;

    explicit McpServer(SessionOpener opener = {});
    ~McpServer();

    // Newest first; the first is what the server answers a client that asks for a version it does
    // not know.
    static QStringList supportedProtocolVersions();

    // The reply to one message, or nothing for notifications and responses.
    std::optional<QJsonObject> handle(const QJsonObject &message);
    // The reply to a line that is not a JSON object (a parse error).
    static QJsonObject parseError(const QString &why);

    const QString &clientName() const { return m_clientName; }

private:
    QJsonObject initialize(const QJsonObject &params);
    QJsonObject listTools() const;
    // A tools/call result, or a JSON-RPC error object for an unknown tool.
    std::expected<QJsonObject, QJsonObject> callTool(const QJsonObject &params);
    // The tools agents may call now: the workspace's mcp_tools setting, narrowed by
    // CLIPQUEUE_MCP_TOOLS when it is set.
    QStringList enabledTools() const;
    McpTool *findTool(const QString &name) const;

    SessionOpener m_opener;
    std::vector<std::unique_ptr<McpTool>> m_tools;
    std::unique_ptr<Session> m_session;
    std::optional<Error> m_sessionError; // why the session could not be opened
    QString m_clientName;
    bool m_initialized = false;
};

} // namespace cq::cli::mcp
