#pragma once

#include "McpTool.h"

#include <memory>
#include <vector>

namespace cq::cli::mcp {

using ToolList = std::vector<std::unique_ptr<McpTool>>;

// Every tool the server offers, in the order of settings::mcpToolNames().
ToolList makeTools();

// One concern each (McpMediaTools.cpp, McpPostTools.cpp, McpAccountTools.cpp).
void addMediaTools(ToolList &tools);
void addPostTools(ToolList &tools);
void addAccountTools(ToolList &tools);

} // namespace cq::cli::mcp
