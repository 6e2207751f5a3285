#include "PostShowCommand.h"

#include "PostOutput.h"
#include "post/PostJson.h"
#include "session/Session.h"

namespace cq::cli {

ExitCode PostShowCommand::execute(Session &session, const QCommandLineParser &parser, CliStreams streams) {
    auto detail = loadPostDetail(session, parser.positionalArguments().constFirst());
    if (!detail) {
        return fail(streams.err, detail.error());
    }
    if (parser.isSet(jsonOption())) {
        writeJson(streams.out, QJsonDocument(detailJson(*detail)));
    } else {
        printDetail(streams.out, *detail);
    }
    return ExitCode::Success;
}

ExitCode PostExportCommand::execute(Session &session, const QCommandLineParser &parser, CliStreams streams) {
    auto post = session.posts().repository().get(parser.positionalArguments().constFirst());
    if (!post) {
        return fail(streams.err, post.error());
    }
    writeJson(streams.out, QJsonDocument(postToJson(post->toPost())));
    return ExitCode::Success;
}

} // namespace cq::cli
