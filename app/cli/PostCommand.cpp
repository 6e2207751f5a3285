#include "PostCommand.h"

#include "post/PostJson.h"
#include "post/PostValidator.h"
#include "session/Session.h"

#include <QCommandLineParser>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QTimeZone>

namespace cq::cli {

namespace {

const auto usage = QStringLiteral(
    "Usage: clipqueue-cli post COMMAND ...\n"
    "  create [--submit] [--json] POST.json   store a post (a draft, or submitted with --submit)\n"
    "  list [--status S] [--limit N] [--json] the queue, soonest first\n"
    "  show ID [--json]                       one post with its history and publish attempts\n"
    "  approve ID [--comment T]\n"
    "  request-changes ID --comment T\n"
    "  schedule ID --at TIME [--zone ZONE]    TIME: ISO 8601; without an offset it is read in ZONE\n"
    "  cancel ID [--comment T]\n"
    "  retry ID                               a failed or needs_attention post, now\n"
    "  mark-published ID [--comment T]        a needs_attention post you found on TikTok\n"
    "  export ID                              the post JSON contract\n");

ExitCode exitFor(const Error &error) {
    switch (error.code) {
    case ErrorCode::Database:
    case ErrorCode::Io:
    case ErrorCode::Network:
    case ErrorCode::Conflict: // someone changed the post meanwhile: run the command again
        return ExitCode::Runtime;
    case ErrorCode::Usage:
        return ExitCode::Usage;
    default:
        return ExitCode::InvalidInput;
    }
}

QString localTime(const StoredPost &post) {
    if (!post.schedule.atUtc) {
        return QStringLiteral("as soon as possible");
    }
    const QTimeZone zone(post.schedule.timeZone.toUtf8());
    return post.schedule.atUtc->toTimeZone(zone.isValid() ? zone : QTimeZone::utc()).toString(Qt::ISODate)
           + u' ' + post.schedule.timeZone;
}

QJsonObject summaryJson(const StoredPost &post) {
    return QJsonObject{
        {QStringLiteral("id"), post.id},
        {QStringLiteral("status"), postStatusName(post.status)},
        {QStringLiteral("scheduledFor"), post.schedule.atUtc
                                             ? QJsonValue(post.schedule.atUtc->toString(Qt::ISODateWithMs))
                                             : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("timeZone"), post.schedule.timeZone},
        {QStringLiteral("text"), post.content.text},
        {QStringLiteral("mediaCount"), int(post.media.size())},
        {QStringLiteral("account"), post.accountId()},
        {QStringLiteral("createdBy"), post.createdBy},
        {QStringLiteral("createdAt"), post.createdAt.toString(Qt::ISODateWithMs)},
        {QStringLiteral("updatedAt"), post.updatedAt.toString(Qt::ISODateWithMs)},
        {QStringLiteral("publishId"),
         post.publishId.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(post.publishId)},
        {QStringLiteral("publicPostId"),
         post.publicPostId.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(post.publicPostId)},
    };
}

QJsonObject detailJson(const StoredPost &post, const QList<HistoryEntry> &history,
                       const QList<PublishAttempt> &attempts) {
    QJsonObject json = summaryJson(post);
    json.insert(QStringLiteral("post"), postToJson(post.toPost()));
    QJsonArray media;
    for (const StoredMedia &item : post.media) {
        media.append(QJsonObject{{QStringLiteral("sha256"), item.sha256},
                                 {QStringLiteral("originalUrl"), item.originalUrl()}});
    }
    json.insert(QStringLiteral("storedMedia"), media);
    QJsonArray historyJson;
    for (const HistoryEntry &entry : history) {
        historyJson.append(QJsonObject{
            {QStringLiteral("at"), entry.at.toString(Qt::ISODateWithMs)},
            {QStringLiteral("actor"), entry.actor},
            {QStringLiteral("action"), entry.action},
            {QStringLiteral("from"),
             entry.from ? QJsonValue(postStatusName(*entry.from)) : QJsonValue(QJsonValue::Null)},
            {QStringLiteral("to"), postStatusName(entry.to)},
            {QStringLiteral("comment"), entry.comment},
        });
    }
    json.insert(QStringLiteral("history"), historyJson);
    QJsonArray attemptsJson;
    for (const PublishAttempt &attempt : attempts) {
        attemptsJson.append(QJsonObject{
            {QStringLiteral("startedAt"), attempt.startedAt.toString(Qt::ISODateWithMs)},
            {QStringLiteral("finishedAt"), attempt.finishedAt
                                               ? QJsonValue(attempt.finishedAt->toString(Qt::ISODateWithMs))
                                               : QJsonValue(QJsonValue::Null)},
            {QStringLiteral("runner"), attempt.runner},
            {QStringLiteral("outcome"), attemptOutcomeName(attempt.outcome)},
            {QStringLiteral("httpStatus"),
             attempt.httpStatus ? QJsonValue(*attempt.httpStatus) : QJsonValue(QJsonValue::Null)},
            {QStringLiteral("errorCode"), attempt.errorCode},
            {QStringLiteral("errorMessage"), attempt.errorMessage},
            {QStringLiteral("logId"), attempt.logId},
            {QStringLiteral("publishId"), attempt.publishId},
        });
    }
    json.insert(QStringLiteral("attempts"), attemptsJson);
    return json;
}

void printSummary(QTextStream &out, const StoredPost &post) {
    out << post.id << "  " << postStatusName(post.status).leftJustified(17) << "  " << localTime(post) << "  "
        << post.media.size() << " media  " << post.content.text.left(40).replace(u'\n', u' ') << '\n';
}

} // namespace

ExitCode PostCommand::run(const QStringList &arguments, CliStreams streams) {
    if (arguments.isEmpty() || arguments.first() == u"--help") {
        (arguments.isEmpty() ? streams.err : streams.out) << usage;
        return arguments.isEmpty() ? ExitCode::Usage : ExitCode::Success;
    }
    const QString action = arguments.first();
    QCommandLineParser parser;
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("JSON output"));
    const QCommandLineOption submit(QStringLiteral("submit"), QStringLiteral("Submit after creating"));
    const QCommandLineOption status(QStringLiteral("status"), QStringLiteral("Only this status"),
                                    QStringLiteral("S"));
    const QCommandLineOption limit(QStringLiteral("limit"), QStringLiteral("At most N posts"),
                                   QStringLiteral("N"), QStringLiteral("100"));
    const QCommandLineOption comment(QStringLiteral("comment"), QStringLiteral("Comment"),
                                     QStringLiteral("T"));
    const QCommandLineOption at(QStringLiteral("at"), QStringLiteral("Time"), QStringLiteral("TIME"));
    const QCommandLineOption zone(QStringLiteral("zone"), QStringLiteral("IANA time zone"),
                                  QStringLiteral("ZONE"));
    parser.addOptions({json, submit, status, limit, comment, at, zone});
    if (!parser.parse(QStringList{name()} + arguments.mid(1))) {
        streams.err << parser.errorText() << '\n' << usage;
        return ExitCode::Usage;
    }
    const QStringList positional = parser.positionalArguments();
    const bool takesId = action != u"create" && action != u"list";
    if ((takesId || action == u"create") && positional.size() != 1) {
        streams.err << usage;
        return ExitCode::Usage;
    }
    static const QStringList actions{QStringLiteral("create"),
                                     QStringLiteral("list"),
                                     QStringLiteral("show"),
                                     QStringLiteral("approve"),
                                     QStringLiteral("request-changes"),
                                     QStringLiteral("schedule"),
                                     QStringLiteral("cancel"),
                                     QStringLiteral("retry"),
                                     QStringLiteral("mark-published"),
                                     QStringLiteral("export")};
    if (!actions.contains(action)) {
        streams.err << "Unknown post command \"" << action << "\".\n" << usage;
        return ExitCode::Usage;
    }
    std::optional<PostStatus> statusFilter;
    if (parser.isSet(status)) {
        statusFilter = postStatusFromName(parser.value(status));
        if (!statusFilter) {
            streams.err << "Unknown status \"" << parser.value(status) << "\".\n";
            return ExitCode::Usage;
        }
    }
    if (action == u"schedule" && !parser.isSet(at)) {
        streams.err << "post schedule needs --at TIME.\n";
        return ExitCode::Usage;
    }
    if (action == u"request-changes" && parser.value(comment).trimmed().isEmpty()) {
        streams.err << "post request-changes needs --comment saying what should change.\n";
        return ExitCode::Usage;
    }

    auto session = Session::open();
    if (!session) {
        streams.err << session.error().message << '\n';
        return ExitCode::Runtime;
    }
    PostLifecycle &posts = (*session)->posts();
    auto fail = [&](const Error &error) {
        streams.err << error.message << '\n';
        return exitFor(error);
    };

    if (action == u"create") {
        QFile file(positional.first());
        if (!file.open(QIODevice::ReadOnly)) {
            streams.err << positional.first() << ": " << file.errorString() << '\n';
            return ExitCode::InvalidInput;
        }
        auto parsed = parsePostJson(file.readAll());
        if (!parsed) {
            return fail(parsed.error());
        }
        for (const Finding &warning : parsed->warnings) {
            streams.err << "warning: " << warning.message << '\n';
        }
        auto downloaded = downloadRemoteMedia(parsed->post, (*session)->network(), (*session)->store());
        if (!downloaded) {
            return fail(downloaded.error());
        }
        auto created = (*session)->importer().create(
            parsed->post, QFileInfo(positional.first()).absolutePath(), parser.isSet(submit), *downloaded);
        if (!created) {
            return fail(created.error());
        }
        // One post per account (a post for two accounts is two posts): one id per line.
        const QList<StoredPost> &made = created->perAccount;
        if (created->notSubmitted) {
            // The posts are stored whole as drafts; say so rather than hide them.
            for (const StoredPost &post : made) {
                streams.out << post.id << '\n';
            }
            streams.err << (made.size() == 1 ? "The post was" : "The posts were")
                        << " saved as a draft but not submitted. " << created->notSubmitted->message << '\n';
            return exitFor(*created->notSubmitted);
        }
        if (parser.isSet(json)) {
            QJsonArray findings;
            for (const Finding &finding : created->findings) {
                findings.append(finding.toJson());
            }
            QJsonArray results;
            for (const StoredPost &post : std::as_const(made)) {
                QJsonObject result = summaryJson(post);
                result.insert(QStringLiteral("findings"), findings);
                results.append(result);
            }
            // One object for one account (the usual case), an array of them for several.
            writeJson(streams.out,
                      made.size() == 1 ? QJsonDocument(results.first().toObject()) : QJsonDocument(results));
        } else {
            for (const StoredPost &post : std::as_const(made)) {
                streams.out << post.id << '\n';
            }
        }
        return ExitCode::Success;
    }
    if (action == u"list") {
        const auto count = number(limit.names().first(), parser.value(limit), 1, streams.err);
        if (!count) {
            streams.err << usage;
            return ExitCode::Usage;
        }
        auto list = posts.repository().list(statusFilter, int(std::min<qint64>(*count, 1'000'000)));
        if (!list) {
            return fail(list.error());
        }
        if (parser.isSet(json)) {
            QJsonArray array;
            for (const StoredPost &post : *list) {
                array.append(summaryJson(post));
            }
            writeJson(streams.out, QJsonDocument(array));
        } else {
            for (const StoredPost &post : *list) {
                printSummary(streams.out, post);
            }
        }
        return ExitCode::Success;
    }

    const QString id = positional.first();
    std::expected<StoredPost, Error> result = std::unexpected(Error{ErrorCode::Usage, usage});
    if (action == u"show" || action == u"export") {
        result = posts.repository().get(id);
    } else if (action == u"approve") {
        result = posts.approve(id, parser.value(comment));
    } else if (action == u"request-changes") {
        result = posts.requestChanges(id, parser.value(comment));
    } else if (action == u"schedule") {
        const QString text = parser.value(at);
        const QDateTime when = QDateTime::fromString(text, Qt::ISODateWithMs);
        if (!when.isValid()) {
            streams.err << "\"" << text << "\" is not a time; use ISO 8601 such as 2026-12-01T18:30 or "
                        << "2026-12-01T18:30:00+01:00.\n";
            return ExitCode::Usage;
        }
        result = posts.schedule(id, when, parser.value(zone));
    } else if (action == u"cancel") {
        result = posts.cancel(id, parser.value(comment));
    } else if (action == u"retry") {
        result = posts.retry(id);
    } else if (action == u"mark-published") {
        result = posts.markPublished(id, parser.value(comment));
    }
    if (!result) {
        return fail(result.error());
    }
    if (action == u"export") {
        writeJson(streams.out, QJsonDocument(postToJson(result->toPost())));
        return ExitCode::Success;
    }
    auto history = posts.repository().history(id);
    auto attempts = posts.repository().attempts(id);
    if (!history || !attempts) {
        return fail(!history ? history.error() : attempts.error());
    }
    if (parser.isSet(json)) {
        writeJson(streams.out, QJsonDocument(action == u"show" ? detailJson(*result, *history, *attempts)
                                                               : summaryJson(*result)));
        return ExitCode::Success;
    }
    printSummary(streams.out, *result);
    if (action == u"show") {
        for (const HistoryEntry &entry : *history) {
            streams.out << "  " << entry.at.toString(Qt::ISODate) << "  " << entry.actor << "  "
                        << entry.action << "  "
                        << (entry.from ? postStatusName(*entry.from) : QStringLiteral("-")) << " -> "
                        << postStatusName(entry.to)
                        << (entry.comment.isEmpty() ? QString() : u"  \"" + entry.comment + u'"') << '\n';
        }
        for (const PublishAttempt &attempt : *attempts) {
            streams.out << "  attempt " << attempt.startedAt.toString(Qt::ISODate) << "  "
                        << attemptOutcomeName(attempt.outcome);
            if (!attempt.errorCode.isEmpty()) {
                streams.out << "  " << attempt.errorCode << ": " << attempt.errorMessage << "  (log_id "
                            << attempt.logId << ")";
            }
            streams.out << '\n';
        }
    }
    return ExitCode::Success;
}

} // namespace cq::cli
