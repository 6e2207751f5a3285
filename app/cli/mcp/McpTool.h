#pragma once

#include "util/Error.h"

#include <QJsonObject>
#include <QString>

namespace cq {
class Session;
}

namespace cq::cli::mcp {

// What a tool call gives back: structured content (matching the tool's output schema) and a short
// text for clients that show text only. `isError` marks a call that could not be done (an unknown
// post, a refused transition, a database failure); validation findings are data, not errors.
struct McpToolResult {
    QJsonObject structured;
    QString text;
    bool isError = false;

    // {"error": {"code", "message"}} with the message as text.
    static McpToolResult failure(const Error &error);
    // The arguments do not fit the input schema.
    static McpToolResult badArguments(const QString &message);
};

// One MCP tool over ClipQueue's core. Tools are stateless: every call gets the server's session,
// whose actor ("agent:CLIENT") is written into the history of the posts it changes.
class McpTool {
public:
    virtual ~McpTool() = default;
    virtual QString name() const = 0;
    virtual QString title() const = 0;
    virtual QString description() const = 0;
    virtual QJsonObject inputSchema() const = 0;
    virtual QJsonObject outputSchema() const = 0;
    // Whether the tool only reads (MCP's readOnlyHint); tools that change posts say false.
    virtual bool readOnly() const { return true; }
    virtual McpToolResult call(const QJsonObject &arguments, Session &session) = 0;

    // The tools/list entry: name, title, description, schemas and annotations.
    QJsonObject descriptor() const;
};

} // namespace cq::cli::mcp
