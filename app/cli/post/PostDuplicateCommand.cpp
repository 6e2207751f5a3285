#include "PostDuplicateCommand.h"

#include "PostOutput.h"
#include "session/Session.h"

namespace cq::cli {

ExitCode PostDuplicateCommand::execute(Session &session, const QCommandLineParser &parser,
                                       CliStreams streams) {
    auto copy = session.posts().duplicate(parser.positionalArguments().constFirst());
    if (!copy) {
        return fail(streams.err, copy.error());
    }
    if (parser.isSet(jsonOption())) {
        writeJson(streams.out, QJsonDocument(summaryJson(*copy)));
    } else {
        streams.out << copy->id << '\n';
    }
    return ExitCode::Success;
}

} // namespace cq::cli
