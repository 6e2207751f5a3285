#pragma once

#include "PostSubcommand.h"

namespace cq::cli {

// `post show ID [--json]`: one post with the actions it allows now, its TikTok link once public,
// its history and its publish attempts.
class PostShowCommand final : public PostSubcommand {
public:
    QString name() const override { return QStringLiteral("show"); }
    QString summary() const override {
        return QStringLiteral("one post: allowed actions, history, publish attempts");
    }
    QString synopsis() const override { return QStringLiteral("ID [--json]"); }

protected:
    QList<QCommandLineOption> options() const override { return {jsonOption()}; }
    ExitCode execute(Session &session, const QCommandLineParser &parser, CliStreams streams) override;
};

// `post export ID`: the stored post in the post JSON contract, unknown fields included.
class PostExportCommand final : public PostSubcommand {
public:
    QString name() const override { return QStringLiteral("export"); }
    QString summary() const override { return QStringLiteral("the post JSON contract"); }
    QString synopsis() const override { return QStringLiteral("ID"); }

protected:
    ExitCode execute(Session &session, const QCommandLineParser &parser, CliStreams streams) override;
};

} // namespace cq::cli
