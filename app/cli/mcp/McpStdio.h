#pragma once

#include "McpServer.h"

#include <QIODevice>
#include <QTextStream>

namespace cq::cli::mcp {

// MCP's stdio transport: one JSON-RPC message per line on `input`, one reply per line on `output`
// (compact JSON, no embedded newlines), until the input ends. Messages are handled one at a time,
// in order.
class McpStdio {
public:
    McpStdio(QIODevice &input, QTextStream &output, McpServer &server);
    void serve();

private:
    void handleLine(const QByteArray &line);
    void write(const QJsonObject &message);

    QIODevice &m_input;
    QTextStream &m_output;
    McpServer &m_server;
};

} // namespace cq::cli::mcp
