#include "WorkspaceCommand.h"

#include "session/Session.h"

#include <QTimeZone>

namespace cq::cli {

ExitCode WorkspaceCommand::run(const QStringList &arguments, CliStreams streams) {
    const auto usage = QStringLiteral("Usage: clipqueue-cli workspace show\n"
                                      "       clipqueue-cli workspace set approval_required true|false\n"
                                      "       clipqueue-cli workspace set default_time_zone Europe/Berlin\n"
                                      "       clipqueue-cli workspace set grace_minutes 15\n"
                                      "       clipqueue-cli workspace set mcp_tools all|TOOL,TOOL...\n");
    const bool show = arguments == QStringList{QStringLiteral("show")};
    const bool set = arguments.size() == 3 && arguments.first() == u"set";
    if (!show && !set) {
        streams.err << usage;
        return ExitCode::Usage;
    }
    auto session = Session::open();
    if (!session) {
        return fail(streams.err, session.error());
    }
    WorkspaceSettings workspace((*session)->database());
    if (set) {
        if (auto stored = workspace.set(arguments.at(1), arguments.at(2)); !stored) {
            return fail(streams.err, stored.error());
        }
    }
    auto approval = workspace.approvalRequired();
    auto zone = workspace.defaultTimeZone();
    auto grace = workspace.gracePeriod();
    auto tools = workspace.mcpTools();
    if (!approval || !zone || !grace || !tools) {
        return fail(streams.err, !approval ? approval.error()
                                 : !zone   ? zone.error()
                                 : !grace  ? grace.error()
                                           : tools.error());
    }
    streams.out << "database: " << (*session)->config().database.describe() << '\n'
                << "media store: " << (*session)->store().root() << '\n'
                << "approval_required: " << (*approval ? "true" : "false") << '\n'
                << "default_time_zone: " << QString::fromUtf8(zone->id()) << '\n'
                << "grace_minutes: " << grace->count() << '\n'
                << "mcp_tools: " << (tools->isEmpty() ? QStringLiteral("none") : tools->join(u',')) << '\n';
    return ExitCode::Success;
}

} // namespace cq::cli
