#pragma once

#include "CliCommand.h"

namespace cq::cli {

// `conform [--creator FILE] [--output-dir DIR] [--trim-start S] [--trim-end S] [--strip-location]
// POST.json`: converts
// the media TikTok would refuse (docs/cli.md, "conform") into files beside the post and prints the
// post again, pointing at them.
class ConformCommand final : public CliCommand {
public:
    QString name() const override { return QStringLiteral("conform"); }
    QString summary() const override { return QStringLiteral("Convert media TikTok would refuse"); }
    ExitCode run(const QStringList &arguments, CliStreams streams) override;
};

} // namespace cq::cli
