#include "McpTools.h"

#include "publish/WorkspaceSettings.h"

namespace cq::cli::mcp {

ToolList makeTools() {
    ToolList made;
    addMediaTools(made);
    addPostTools(made);
    addAccountTools(made);
    ToolList ordered;
    for (const QString &name : settings::mcpToolNames()) {
        for (auto &tool : made) {
            if (tool && tool->name() == name) {
                ordered.push_back(std::move(tool));
            }
        }
    }
    Q_ASSERT(ordered.size() == made.size()); // every tool is named in settings::mcpToolNames()
    return ordered;
}

} // namespace cq::cli::mcp
