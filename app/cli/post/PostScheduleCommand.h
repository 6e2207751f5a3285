#pragma once

#include "PostSubcommand.h"

namespace cq::cli {

// `post schedule ID --at TIME [--zone ZONE] [--json]`: TIME is ISO 8601; without an offset it is
// wall-clock time in ZONE (else the workspace's default zone) on that date.
class PostScheduleCommand final : public PostSubcommand {
public:
    QString name() const override { return QStringLiteral("schedule"); }
    QString summary() const override {
        return QStringLiteral("when it goes out; TIME without an offset is read in ZONE");
    }
    QString synopsis() const override { return QStringLiteral("ID --at TIME [--zone ZONE] [--json]"); }

protected:
    QList<QCommandLineOption> options() const override;
    QString checkUsage(const QCommandLineParser &parser) const override;
    ExitCode execute(Session &session, const QCommandLineParser &parser, CliStreams streams) override;
};

} // namespace cq::cli
