#include "PostImportCommand.h"

#include "PostOutput.h"
#include "media/MediaProber.h"
#include "publish/PostImporter.h"
#include "session/Session.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QTimeZone>

namespace cq::cli {

namespace {
const auto skipName = QStringLiteral("skip-invalid");
const auto dryRunName = QStringLiteral("dry-run");
const auto submitName = QStringLiteral("submit");

QJsonObject rowJson(const CheckedRow &row, const QString &id) {
    QJsonArray findings;
    for (const Finding &finding : row.findings) {
        findings.append(finding.toJson());
    }
    QJsonObject json{{QStringLiteral("line"), row.row.line},
                     {QStringLiteral("valid"), row.isStorable()},
                     {QStringLiteral("findings"), findings}};
    if (!row.problem.isEmpty()) {
        json.insert(QStringLiteral("problem"), row.problem);
    }
    if (row.row.post.scheduledFor) {
        json.insert(QStringLiteral("scheduledFor"), row.row.post.scheduledFor->toString(Qt::ISODate));
    }
    if (!id.isEmpty()) {
        json.insert(QStringLiteral("id"), id);
    }
    return json;
}
} // namespace

QList<QCommandLineOption> PostImportCommand::options() const {
    return {jsonOption(),
            QCommandLineOption(skipName, QStringLiteral("Store the valid rows, skip the others")),
            QCommandLineOption(dryRunName, QStringLiteral("Only check and report")),
            QCommandLineOption(submitName, QStringLiteral("Submit each stored post"))};
}

void PostImportCommand::report(QTextStream &out, const QList<CheckedRow> &rows) {
    int invalid = 0;
    for (const CheckedRow &row : rows) {
        invalid += row.isStorable() ? 0 : 1;
        if (!row.problem.isEmpty()) {
            out << "line " << row.row.line << ": error  " << row.problem << '\n';
        }
        for (const Finding &finding : row.findings) {
            out << "line " << row.row.line << ": " << (finding.isError() ? "error  " : "warning") << "  "
                << findingCodeName(finding.code) << "  " << finding.field << "\n    " << finding.message
                << '\n';
        }
    }
    out << rows.size() << " row(s): " << rows.size() - invalid << " can be stored, " << invalid
        << " with errors.\n";
}

std::expected<QString, Error> PostImportCommand::store(Session &session, const CheckedRow &row,
                                                       const QString &baseDirectory, bool submit) const {
    StagedMedia staged(session.database(), session.store()); // a failed create leaves no object
    MediaDownloader::Options options = session.mediaDownloadOptions();
    options.hold = &staged.hold();
    auto downloaded = downloadRemoteMedia(row.row.post, session.network(), session.store(), options);
    if (!downloaded) {
        return std::unexpected(downloaded.error());
    }
    auto created = session.importer().create(row.row.post, baseDirectory, submit, *downloaded, {}, &staged);
    if (!created) {
        return std::unexpected(created.error());
    }
    if (created->notSubmitted) {
        return std::unexpected(*created->notSubmitted);
    }
    return created->post.id;
}

ExitCode PostImportCommand::execute(Session &session, const QCommandLineParser &parser, CliStreams streams) {
    const QString path = parser.positionalArguments().constFirst();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        streams.err << path << ": cannot read it (" << file.errorString() << ").\n";
        return ExitCode::InvalidInput;
    }
    const QString zone =
        QString::fromUtf8(session.workspace().defaultTimeZone().value_or(QTimeZone::systemTimeZone()).id());
    auto rows = parseCsvPosts(file.readAll(), zone);
    if (!rows) {
        return fail(streams.err, rows.error());
    }
    const QString base = QFileInfo(path).absolutePath();
    const MediaProber prober;
    const QList<CheckedRow> checked = PlanCheck(session.database(), session.posts().repository(), prober)
                                          .check(*rows, base, session.clock().nowUtc());
    const bool json = parser.isSet(jsonOption());
    const bool anyInvalid =
        std::any_of(checked.cbegin(), checked.cend(), [](const CheckedRow &r) { return !r.isStorable(); });
    if (!json) {
        report(parser.isSet(dryRunName) || anyInvalid ? streams.out : streams.err, checked);
    }
    const bool storing = !parser.isSet(dryRunName) && (!anyInvalid || parser.isSet(skipName));
    QJsonArray results;
    int stored = 0;
    ExitCode code = anyInvalid && !parser.isSet(skipName) ? ExitCode::InvalidInput : ExitCode::Success;
    for (const CheckedRow &row : checked) {
        QString id;
        if (storing && row.isStorable()) {
            auto made = store(session, row, base, parser.isSet(submitName));
            if (!made) {
                streams.err << "line " << row.row.line << ": not stored: " << made.error().message << '\n';
                code = exitCodeFor(made.error().code);
            } else {
                id = *made;
                ++stored;
                if (!json) {
                    streams.out << id << '\n';
                }
            }
        }
        results.append(rowJson(row, id));
    }
    if (json) {
        writeJson(streams.out, QJsonDocument(QJsonObject{{QStringLiteral("rows"), results},
                                                         {QStringLiteral("stored"), stored}}));
    }
    if (!storing && !parser.isSet(dryRunName)) {
        streams.err
            << "Nothing stored: fix the rows with errors, or pass --skip-invalid to store the others.\n";
    }
    return code;
}

} // namespace cq::cli
