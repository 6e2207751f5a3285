#pragma once

#include "PostSubcommand.h"

namespace cq::cli {

// `post edit ID POST.json [--json]`: replaces the caption, settings, account and (when the file
// names one) the time; the media stay, so the file lists the same media (as `post export` prints
// them). Editing withdraws a review or an approval (docs/lifecycle.md).
class PostEditCommand final : public PostSubcommand {
public:
    QString name() const override { return QStringLiteral("edit"); }
    QString summary() const override { return QStringLiteral("new caption and settings; the media stay"); }
    QString synopsis() const override { return QStringLiteral("ID POST.json [--json]"); }

protected:
    QList<QCommandLineOption> options() const override { return {jsonOption()}; }
    qsizetype positionalCount() const override { return 2; }
    ExitCode execute(Session &session, const QCommandLineParser &parser, CliStreams streams) override;
};

} // namespace cq::cli
