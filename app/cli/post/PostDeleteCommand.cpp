#include "PostDeleteCommand.h"

#include "session/Session.h"

namespace cq::cli {

ExitCode PostDeleteCommand::execute(Session &session, const QCommandLineParser &parser, CliStreams streams) {
    const QString id = parser.positionalArguments().constFirst();
    if (auto removed = session.posts().remove(id); !removed) {
        return fail(streams.err, removed.error());
    }
    streams.out << id << "  deleted\n";
    return ExitCode::Success;
}

} // namespace cq::cli
