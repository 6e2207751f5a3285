#pragma once

#include "CliCommand.h"

namespace cq::cli {

// `accounts list`, `accounts sets ...` (AccountSetsCommand), `accounts import --open-id ID --access-token T
// --refresh-token R [--expires-in S]`, `accounts connect` (browser OAuth with a loopback redirect) and
// `accounts disconnect ID`.
class AccountsCommand final : public CliCommand {
public:
    QString name() const override { return QStringLiteral("accounts"); }
    QString summary() const override { return QStringLiteral("List, connect or import TikTok accounts"); }
    ExitCode run(const QStringList &arguments, CliStreams streams) override;
};

} // namespace cq::cli
