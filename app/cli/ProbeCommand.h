#pragma once

#include "CliCommand.h"

namespace cq::cli {

// `probe [--json] FILE...`: one media descriptor per file, probed in parallel.
class ProbeCommand final : public CliCommand {
public:
    QString name() const override { return QStringLiteral("probe"); }
    QString summary() const override {
        return QStringLiteral("Describe media files as TikTok posting needs them");
    }
    ExitCode run(const QStringList &arguments, CliStreams streams) override;
};

} // namespace cq::cli
