#include "McpTool.h"

namespace cq::cli::mcp {

McpToolResult McpToolResult::failure(const Error &error) {
    return {
        QJsonObject{{QStringLiteral("error"), QJsonObject{{QStringLiteral("code"), errorCodeName(error.code)},
                                                          {QStringLiteral("message"), error.message}}}},
        error.message, true};
}

McpToolResult McpToolResult::badArguments(const QString &message) {
    return failure(Error{ErrorCode::Usage, message});
}

QJsonObject McpTool::descriptor() const {
    return QJsonObject{
        {QStringLiteral("name"), name()},
        {QStringLiteral("title"), title()},
        {QStringLiteral("description"), description()},
        {QStringLiteral("inputSchema"), inputSchema()},
        {QStringLiteral("outputSchema"), outputSchema()},
        {QStringLiteral("annotations"), QJsonObject{{QStringLiteral("title"), title()},
                                                    {QStringLiteral("readOnlyHint"), readOnly()},
                                                    {QStringLiteral("destructiveHint"), false},
                                                    {QStringLiteral("openWorldHint"), false}}},
    };
}

} // namespace cq::cli::mcp
