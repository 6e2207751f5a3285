#pragma once

#include "PostSubcommand.h"

#include "post/Lifecycle.h"

namespace cq::cli {

// The `post` subcommands that take a post id, maybe a comment, and move the post by one lifecycle
// action: submit, approve, request-changes, cancel, retry, mark-published. Each prints the post's
// new summary (--json: the summary object).
class PostTransitionCommand final : public PostSubcommand {
public:
    // One of the actions above; the command is named after it ("request-changes").
    explicit PostTransitionCommand(PostAction action);

    QString name() const override;
    QString summary() const override;
    QString synopsis() const override;

protected:
    QList<QCommandLineOption> options() const override;
    QString checkUsage(const QCommandLineParser &parser) const override;
    ExitCode execute(Session &session, const QCommandLineParser &parser, CliStreams streams) override;

private:
    enum class Comment { None, Optional, Required };
    Comment comment() const;

    PostAction m_action;
};

} // namespace cq::cli
