#include "McpStdio.h"

#include <QJsonDocument>

namespace cq::cli::mcp {

McpStdio::McpStdio(QIODevice &input, QTextStream &output, McpServer &server)
    : m_input(input)
    , m_output(output)
    , m_server(server) {
}

void McpStdio::serve() {
    // A blocking read is right here: the client waits for each answer, and tools that fetch media run
    // their own event loop while they work.
    while (true) {
        const QByteArray line = m_input.readLine();
        if (line.isEmpty() && m_input.atEnd()) {
            return; // the client closed our stdin: it is done with us
        }
        if (!line.trimmed().isEmpty()) {
            handleLine(line);
        }
    }
}

void McpStdio::handleLine(const QByteArray &line) {
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(line, &error);
    if (error.error != QJsonParseError::NoError) {
        write(McpServer::parseError(error.errorString()));
        return;
    }
    if (!document.isObject()) {
        write(McpServer::parseError(
            QStringLiteral("a message is one JSON object (batches are not supported)")));
        return;
    }
    if (auto reply = m_server.handle(document.object())) {
        write(*reply);
    }
}

void McpStdio::write(const QJsonObject &message) {
    m_output << QString::fromUtf8(QJsonDocument(message).toJson(QJsonDocument::Compact)) << '\n';
    m_output.flush();
}

} // namespace cq::cli::mcp
