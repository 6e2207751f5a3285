#pragma once

#include "CliCommand.h"

namespace cq::cli {

// `mcp`: ClipQueue as a Model Context Protocol server on stdin/stdout, for AI agents (docs/mcp.md).
class McpCommand final : public CliCommand {
public:
    QString name() const override { return QStringLiteral("mcp"); }
    QString summary() const override { return QStringLiteral("Serve AI agents over MCP on stdin/stdout"); }
    ExitCode run(const QStringList &arguments, CliStreams streams) override;
};

} // namespace cq::cli
