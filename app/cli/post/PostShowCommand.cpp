#include "PostShowCommand.h"

#include "PostOutput.h"
#include "post/PostJson.h"
#include "session/Session.h"

namespace cq::cli {

namespace {

// The TikTok username of the post's account from the cached creator info; empty when unknown. Only
// the link needs it, so a lookup that fails leaves the link out rather than the post.
QString usernameFor(Session &session, const StoredPost &post) {
    auto entry = session.creators().lookup(post.accountId());
    if (!entry || !*entry) {
        return {};
    }
    return (*entry)->info.username;
}

std::expected<PostDetail, Error> loadDetail(Session &session, const QString &id) {
    PostLifecycle &posts = session.posts();
    auto post = posts.repository().get(id);
    if (!post) {
        return std::unexpected(post.error());
    }
    auto history = posts.repository().history(id);
    if (!history) {
        return std::unexpected(history.error());
    }
    auto attempts = posts.repository().attempts(id);
    if (!attempts) {
        return std::unexpected(attempts.error());
    }
    auto actions = posts.allowedActions(*post);
    if (!actions) {
        return std::unexpected(actions.error());
    }
    const QString username = post->publicPostId.isEmpty() ? QString() : usernameFor(session, *post);
    return PostDetail{*post, *history, *attempts, *actions, username};
}

} // namespace

ExitCode PostShowCommand::execute(Session &session, const QCommandLineParser &parser, CliStreams streams) {
    auto detail = loadDetail(session, parser.positionalArguments().constFirst());
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
