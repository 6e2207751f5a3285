#pragma once

#include "CliCommand.h"

#include <memory>
#include <vector>

namespace cq::cli {

class PostSubcommand;

// `post SUBCOMMAND ...`: finds the subcommand (app/cli/post/) and hands the rest of the command
// line to it. `post --help` lists them.
class PostCommand final : public CliCommand {
public:
    PostCommand();
    ~PostCommand() override;

    QString name() const override { return QStringLiteral("post"); }
    QString summary() const override { return QStringLiteral("Create, review, schedule and inspect posts"); }
    ExitCode run(const QStringList &arguments, CliStreams streams) override;

private:
    void printUsage(QTextStream &stream) const;
    std::vector<std::unique_ptr<PostSubcommand>> m_subcommands;
};

} // namespace cq::cli
