#pragma once

#include "PostSubcommand.h"

namespace cq::cli {

// `post duplicate ID [--json]`: a new draft with the post's content, account, time and stored media
// (no copy of the bytes), to post something again or to start from. Prints the new id (--json: its
// summary object).
class PostDuplicateCommand final : public PostSubcommand {
public:
    QString name() const override { return QStringLiteral("duplicate"); }
    QString summary() const override { return QStringLiteral("a new draft with the same content and media"); }
    QString synopsis() const override { return QStringLiteral("ID [--json]"); }

protected:
    QList<QCommandLineOption> options() const override { return {jsonOption()}; }
    ExitCode execute(Session &session, const QCommandLineParser &parser, CliStreams streams) override;
};

} // namespace cq::cli
