#pragma once

#include "CliCommand.h"

#include "post/Post.h"
#include "post/StoredPost.h"

#include <QCommandLineOption>
#include <QCommandLineParser>

#include <expected>

namespace cq {
class Session;
}

namespace cq::cli {

// One `post` subcommand (`post show`, `post approve`, ...). run() does what they all share: it
// parses the options, checks the positional arguments and the options that need no database,
// opens the session, then hands over to execute(). Any usage error is exit 2 before the database
// is touched.
class PostSubcommand : public CliCommand {
public:
    ExitCode run(const QStringList &arguments, CliStreams streams) final;

    // What follows the name on the command line, e.g. "ID [--comment T] [--json]".
    virtual QString synopsis() const = 0;
    QString usage() const;

protected:
    virtual QList<QCommandLineOption> options() const { return {}; }
    // How many positional arguments the subcommand takes (an id, a file).
    virtual qsizetype positionalCount() const { return 1; }
    // Why the options make no sense, checked before the session opens; empty when they are fine.
    virtual QString checkUsage(const QCommandLineParser &) const { return {}; }
    virtual ExitCode execute(Session &session, const QCommandLineParser &parser, CliStreams streams) = 0;

    static QCommandLineOption jsonOption();
    static QCommandLineOption commentOption();
    // The post as --json (the summary object) or as one summary line.
    static void writePost(QTextStream &out, const StoredPost &post, bool json);
    // A post JSON file, with its warnings (unknown fields) said on `err`. A file that cannot be read
    // is invalid input.
    static std::expected<Post, ExitCode> readPostFile(const QString &path, QTextStream &err);
};

} // namespace cq::cli
