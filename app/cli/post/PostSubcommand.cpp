#include "PostSubcommand.h"

#include "PostOutput.h"
#include "post/PostJson.h"
#include "session/Session.h"

#include <QFile>

namespace cq::cli {

ExitCode PostSubcommand::run(const QStringList &arguments, CliStreams streams) {
    if (arguments.contains(u"--help")) {
        streams.out << usage();
        return ExitCode::Success;
    }
    QCommandLineParser parser;
    parser.addOptions(options());
    if (!parser.parse(QStringList{name()} + arguments)) {
        streams.err << parser.errorText() << '\n' << usage();
        return ExitCode::Usage;
    }
    if (parser.positionalArguments().size() != positionalCount()) {
        streams.err << usage();
        return ExitCode::Usage;
    }
    if (const QString problem = checkUsage(parser); !problem.isEmpty()) {
        streams.err << problem << '\n' << usage();
        return ExitCode::Usage;
    }
    auto session = Session::open();
    if (!session) {
        return fail(streams.err, session.error());
    }
    return execute(**session, parser, streams);
}

QString PostSubcommand::usage() const {
    return u"Usage: clipqueue-cli post " + name() + u' ' + synopsis() + u'\n';
}

QCommandLineOption PostSubcommand::jsonOption() {
    return QCommandLineOption(QStringLiteral("json"), QStringLiteral("JSON output"));
}

QCommandLineOption PostSubcommand::commentOption() {
    return QCommandLineOption(QStringLiteral("comment"), QStringLiteral("Comment"), QStringLiteral("T"));
}

void PostSubcommand::writePost(QTextStream &out, const StoredPost &post, bool json) {
    if (json) {
        writeJson(out, QJsonDocument(summaryJson(post)));
    } else {
        printSummary(out, post);
    }
}

std::expected<Post, ExitCode> PostSubcommand::readPostFile(const QString &path, QTextStream &err) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        err << path << ": " << file.errorString() << '\n';
        return std::unexpected(ExitCode::InvalidInput);
    }
    // One byte beyond the cap is enough to refuse: a huge file is never read whole.
    auto parsed = parsePostJson(file.read(maxPostJsonBytes() + 1));
    if (!parsed) {
        return std::unexpected(fail(err, parsed.error()));
    }
    for (const Finding &warning : parsed->warnings) {
        err << "warning: " << warning.message << '\n';
    }
    return parsed->post;
}

} // namespace cq::cli
