#pragma once

#include "storage/Database.h"
#include "storage/WorkspaceSettingsRepository.h"

#include <QTimeZone>

#include <chrono>
#include <expected>

namespace cq {

// Workspace settings keys (workspace_settings table).
namespace settings {
inline constexpr auto ApprovalRequired = "approval_required"; // "true" / "false" (default)
inline constexpr auto DefaultTimeZone = "default_time_zone";  // IANA id; default: this computer's
inline constexpr auto GraceMinutes = "grace_minutes";         // default 15
inline constexpr auto McpTools = "mcp_tools"; // "all" (default) or tool names, comma-separated
// Every tool the MCP server (clipqueue-cli mcp) offers; none of them approves a post.
QStringList mcpToolNames();
} // namespace settings

// The settings a team shares through its database, read with their defaults and checked when set.
class WorkspaceSettings {
public:
    explicit WorkspaceSettings(const Database &database);

    std::expected<bool, Error> approvalRequired() const;
    // The zone times are read in when none is given; this computer's when unset or unknown.
    std::expected<QTimeZone, Error> defaultTimeZone() const;
    // How late a post may still go out after its time passed while nothing ran.
    std::expected<std::chrono::minutes, Error> gracePeriod() const;
    // The MCP tools agents may call, in the order of settings::mcpToolNames().
    std::expected<QStringList, Error> mcpTools() const;

    static QStringList keys();
    // Refuses unknown keys and values that do not fit the key (ErrorCode::Usage, saying what fits).
    std::expected<void, Error> set(const QString &key, const QString &value);

private:
    WorkspaceSettingsRepository m_repository;
};

} // namespace cq
