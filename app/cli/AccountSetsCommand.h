#pragma once

#include "CliCommand.h"

namespace cq::cli {

// `accounts sets list|create|rename|add|remove|delete`: saved account sets, which a post names with
// platformSetId to go to each of their accounts. Reached through `accounts sets`.
class AccountSetsCommand final : public CliCommand {
public:
    QString name() const override { return QStringLiteral("sets"); }
    QString summary() const override { return QStringLiteral("Named groups of accounts a post can go to"); }
    ExitCode run(const QStringList &arguments, CliStreams streams) override;

    static QString usage();
};

} // namespace cq::cli
