#include "ValidateCommand.h"

#include "CreatorInfoSource.h"
#include "media/MediaProber.h"
#include "post/PostJson.h"
#include "post/PostMediaCheck.h"
#include "post/PostValidator.h"

#include <QCommandLineParser>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>

namespace cq::cli {

namespace {

const auto usage = QStringLiteral("Usage: clipqueue-cli validate [--json] [--creator FILE] POST.json\n");

std::expected<QByteArray, QString> readFile(const QString &path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return std::unexpected(path + u": cannot read it (" + file.errorString() + u").");
    }
    return file.readAll();
}

void printFindings(QTextStream &out, const QList<Finding> &findings) {
    for (const Finding &finding : findings) {
        out << (finding.isError() ? "error  " : "warning") << "  " << findingCodeName(finding.code) << "  "
            << (finding.field.isEmpty() ? QStringLiteral("/") : finding.field) << "\n    " << finding.message
            << '\n';
    }
    const auto errors =
        std::count_if(findings.cbegin(), findings.cend(), [](const Finding &f) { return f.isError(); });
    const auto warnings = findings.size() - errors;
    if (errors == 0) {
        out << "Valid: TikTok will accept this post (" << warnings << " warning(s)).\n";
    } else {
        out << "Not valid: " << errors << " error(s), " << warnings << " warning(s).\n";
    }
}

} // namespace

ValidateCommand::ValidateCommand(NowFunction now)
    : m_now(std::move(now)) {
}

ExitCode ValidateCommand::run(const QStringList &arguments, CliStreams streams) {
    QCommandLineParser parser;
    const QCommandLineOption json(QStringLiteral("json"),
                                  QStringLiteral("Print {\"valid\", \"findings\"} as JSON."));
    const QCommandLineOption creator(
        QStringLiteral("creator"),
        QStringLiteral("TikTok creator info (its `data` object) to check against."), QStringLiteral("FILE"));
    parser.addOptions({json, creator});
    if (!parser.parse(QStringList{name()} + arguments) || parser.positionalArguments().size() != 1) {
        streams.err << (parser.errorText().isEmpty() ? QString() : parser.errorText() + u'\n') << usage;
        return ExitCode::Usage;
    }
    const QString postPath = parser.positionalArguments().constFirst();

    ValidationContext context;
    context.now = m_now();
    if (parser.isSet(creator)) {
        const auto info = readCreatorInfoFile(parser.value(creator));
        if (!info) {
            streams.err << parser.value(creator) << ": not TikTok creator info (" << info.error() << ")\n";
            return ExitCode::Usage;
        }
        context.creator = *info;
    }

    QList<Finding> findings;
    const auto bytes = readFile(postPath);
    if (!bytes) {
        streams.err << bytes.error() << '\n';
        return ExitCode::InvalidInput;
    }
    const auto parsed = parsePostJson(*bytes);
    if (!parsed) {
        const FindingCode code = parsed.error().code == ErrorCode::JsonMalformed
                                     ? FindingCode::PostJsonMalformed
                                     : FindingCode::PostJsonInvalid;
        findings.append({Severity::Error, code, QString(),
                         QFileInfo(postPath).fileName() + u": " + parsed.error().message});
    } else {
        if (!context.creator) {
            context.creator = cachedCreatorInfo(parsed->post, streams.err);
        }
        const QList<MediaCheck> checks =
            checkPostMedia(parsed->post, MediaProber(), QFileInfo(postPath).absolutePath());
        findings = parsed->warnings + validatePost(parsed->post, checks, context);
    }

    if (parser.isSet(json)) {
        QJsonArray array;
        for (const Finding &finding : findings) {
            array.append(finding.toJson());
        }
        writeJson(streams.out, QJsonDocument(QJsonObject{{QStringLiteral("valid"), !hasErrors(findings)},
                                                         {QStringLiteral("findings"), array}}));
    } else {
        printFindings(streams.out, findings);
    }
    streams.out.flush();
    return hasErrors(findings) ? ExitCode::InvalidInput : ExitCode::Success;
}

} // namespace cq::cli
