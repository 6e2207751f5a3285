#include "McpCommand.h"

#include "McpServer.h"
#include "McpStdio.h"

#include <QFile>

#include <cstdio>

namespace cq::cli {

ExitCode McpCommand::run(const QStringList &arguments, CliStreams streams) {
    if (!arguments.isEmpty()) {
        const bool help = arguments.constFirst() == u"--help";
        (help ? streams.out : streams.err) << "Usage: clipqueue-cli mcp\n"
                                              "Serves the Model Context Protocol on stdin/stdout (one "
                                              "JSON-RPC message per line); an MCP client\n"
                                              "starts it. Tools: workspace setting mcp_tools, narrowed by "
                                              "CLIPQUEUE_MCP_TOOLS. See docs/mcp.md.\n";
        return help ? ExitCode::Success : ExitCode::Usage;
    }
    QFile input;
    if (!input.open(stdin, QIODevice::ReadOnly)) {
        streams.err << "Cannot read stdin: " << input.errorString() << '\n';
        return ExitCode::Runtime;
    }
    mcp::McpServer server;
    mcp::McpStdio(input, streams.out, server).serve();
    return ExitCode::Success;
}

} // namespace cq::cli
