#pragma once

#include "PostSubcommand.h"

namespace cq::cli {

// `post delete ID`: removes a post that is not on its way to TikTok (draft, changes_requested,
// cancelled, failed, published) with its history, and its stored media once no post uses them.
// Prints "ID  deleted".
class PostDeleteCommand final : public PostSubcommand {
public:
    QString name() const override { return QStringLiteral("delete"); }
    QString summary() const override { return QStringLiteral("remove a post and its history"); }
    QString synopsis() const override { return QStringLiteral("ID"); }

protected:
    ExitCode execute(Session &session, const QCommandLineParser &parser, CliStreams streams) override;
};

} // namespace cq::cli
