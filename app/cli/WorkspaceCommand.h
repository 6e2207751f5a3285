#pragma once

#include "CliCommand.h"

namespace cq::cli {

// `workspace show` and `workspace set KEY VALUE`: approval_required, default_time_zone, grace_minutes.
class WorkspaceCommand final : public CliCommand {
public:
    QString name() const override { return QStringLiteral("workspace"); }
    QString summary() const override { return QStringLiteral("Show or change workspace settings"); }
    ExitCode run(const QStringList &arguments, CliStreams streams) override;
};

} // namespace cq::cli
