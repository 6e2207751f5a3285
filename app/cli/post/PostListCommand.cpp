#include "PostListCommand.h"

#include "PostOutput.h"
#include "session/Session.h"

#include <QJsonArray>

namespace cq::cli {

namespace {

const auto statusName = QStringLiteral("status");
const auto limitName = QStringLiteral("limit");

// --limit as a count, or why it is not one.
std::expected<int, QString> limitOf(const QCommandLineParser &parser) {
    bool ok = false;
    const qint64 count = parser.value(limitName).toLongLong(&ok);
    if (!ok || count < 1) {
        return std::unexpected(u"--" + limitName + u" takes a whole number of at least 1, not \""
                               + parser.value(limitName) + u"\".");
    }
    return int(std::min<qint64>(count, 1'000'000));
}

} // namespace

QList<QCommandLineOption> PostListCommand::options() const {
    return {jsonOption(),
            QCommandLineOption(statusName, QStringLiteral("Only this status"), QStringLiteral("S")),
            QCommandLineOption(limitName, QStringLiteral("At most N posts"), QStringLiteral("N"),
                               QStringLiteral("100"))};
}

QString PostListCommand::checkUsage(const QCommandLineParser &parser) const {
    if (parser.isSet(statusName) && !postStatusFromName(parser.value(statusName))) {
        return u"Unknown status \"" + parser.value(statusName) + u"\".";
    }
    const auto limit = limitOf(parser);
    return limit ? QString() : limit.error();
}

ExitCode PostListCommand::execute(Session &session, const QCommandLineParser &parser, CliStreams streams) {
    const std::optional<PostStatus> status =
        parser.isSet(statusName) ? postStatusFromName(parser.value(statusName)) : std::nullopt;
    auto list = session.posts().repository().list(status, limitOf(parser).value_or(1));
    if (!list) {
        return fail(streams.err, list.error());
    }
    if (parser.isSet(jsonOption())) {
        QJsonArray array;
        for (const StoredPost &post : *list) {
            array.append(summaryJson(post));
        }
        writeJson(streams.out, QJsonDocument(array));
        return ExitCode::Success;
    }
    for (const StoredPost &post : *list) {
        printSummary(streams.out, post);
    }
    return ExitCode::Success;
}

} // namespace cq::cli
