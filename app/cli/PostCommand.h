#pragma once

#include "CliCommand.h"

namespace cq::cli {

// `post create|list|show|approve|request-changes|schedule|cancel|export|retry|mark-published`.
class PostCommand final : public CliCommand {
public:
    QString name() const override { return QStringLiteral("post"); }
    QString summary() const override { return QStringLiteral("Create, review, schedule and inspect posts"); }
    ExitCode run(const QStringList &arguments, CliStreams streams) override;
};

} // namespace cq::cli
