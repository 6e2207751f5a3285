#include "PostEditCommand.h"

#include "session/Session.h"

namespace cq::cli {

ExitCode PostEditCommand::execute(Session &session, const QCommandLineParser &parser, CliStreams streams) {
    const QStringList positional = parser.positionalArguments();
    auto edited = readPostFile(positional.at(1), streams.err);
    if (!edited) {
        return edited.error();
    }
    auto result = session.posts().edit(positional.at(0), *edited);
    if (!result) {
        return fail(streams.err, result.error());
    }
    writePost(streams.out, *result, parser.isSet(jsonOption()));
    return ExitCode::Success;
}

} // namespace cq::cli
