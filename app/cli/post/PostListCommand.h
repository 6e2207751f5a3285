#pragma once

#include "PostSubcommand.h"

namespace cq::cli {

// `post list [--status S] [--limit N] [--json]`: the queue, soonest first.
class PostListCommand final : public PostSubcommand {
public:
    QString name() const override { return QStringLiteral("list"); }
    QString summary() const override { return QStringLiteral("the queue, soonest first"); }
    QString synopsis() const override { return QStringLiteral("[--status S] [--limit N] [--json]"); }

protected:
    QList<QCommandLineOption> options() const override;
    qsizetype positionalCount() const override { return 0; }
    QString checkUsage(const QCommandLineParser &parser) const override;
    ExitCode execute(Session &session, const QCommandLineParser &parser, CliStreams streams) override;
};

} // namespace cq::cli
