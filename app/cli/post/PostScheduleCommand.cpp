#include "PostScheduleCommand.h"

#include "session/Session.h"

namespace cq::cli {

namespace {

const auto atName = QStringLiteral("at");
const auto zoneName = QStringLiteral("zone");

QDateTime timeOf(const QCommandLineParser &parser) {
    return QDateTime::fromString(parser.value(atName), Qt::ISODateWithMs);
}

} // namespace

QList<QCommandLineOption> PostScheduleCommand::options() const {
    return {jsonOption(), QCommandLineOption(atName, QStringLiteral("Time"), QStringLiteral("TIME")),
            QCommandLineOption(zoneName, QStringLiteral("IANA time zone"), QStringLiteral("ZONE"))};
}

QString PostScheduleCommand::checkUsage(const QCommandLineParser &parser) const {
    if (!parser.isSet(atName)) {
        return QStringLiteral("post schedule needs --at TIME.");
    }
    if (!timeOf(parser).isValid()) {
        return u"\"" + parser.value(atName)
               + u"\" is not a time; use ISO 8601 such as 2026-12-01T18:30 or 2026-12-01T18:30:00+01:00.";
    }
    return {};
}

ExitCode PostScheduleCommand::execute(Session &session, const QCommandLineParser &parser,
                                      CliStreams streams) {
    // An unknown --zone is the lifecycle's to judge (a usage error): it knows the workspace default.
    auto result = session.posts().schedule(parser.positionalArguments().constFirst(), timeOf(parser),
                                           parser.value(zoneName));
    if (!result) {
        return fail(streams.err, result.error());
    }
    writePost(streams.out, *result, parser.isSet(jsonOption()));
    return ExitCode::Success;
}

} // namespace cq::cli
