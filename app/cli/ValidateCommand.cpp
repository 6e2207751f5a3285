#include "ValidateCommand.h"

#include "CreatorInfoSource.h"
#include "publish/PostDocumentCheck.h"
#include "session/AppConfig.h"

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
    return file.read(maxPostJsonBytes() + 1); // beyond the cap, parsing refuses it
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

// This machine's ClipQueue database when it has one (for cached creator info and account sets);
// validate never creates one.
std::unique_ptr<Database> existingDatabase(QTextStream &err) {
    const auto config = AppConfig::load();
    if (!config
        || (config->database.backend == DatabaseConfig::Backend::Sqlite
            && !QFileInfo::exists(config->database.sqlitePath))) {
        return nullptr;
    }
    auto database = Database::open(config->database);
    if (!database) {
        err << "note: cached creator info and account sets not read (" << database.error().message << ")\n";
        return nullptr;
    }
    return std::move(*database);
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

    std::optional<CreatorInfo> creatorInfo;
    if (parser.isSet(creator)) {
        const auto info = readCreatorInfoFile(parser.value(creator));
        if (!info) {
            streams.err << parser.value(creator) << ": not TikTok creator info (" << info.error() << ")\n";
            return ExitCode::Usage;
        }
        creatorInfo = *info;
    }

    const auto bytes = readFile(postPath);
    if (!bytes) {
        streams.err << bytes.error() << '\n';
        return ExitCode::InvalidInput;
    }
    const auto database = existingDatabase(streams.err);
    const auto checked = PostDocumentCheck(database.get(), m_now())
                             .check(parsePostJson(*bytes), QFileInfo(postPath).fileName(),
                                    QFileInfo(postPath).absolutePath(), creatorInfo);
    if (checked.cachedCreator) {
        streams.err << "Checked against the creator info of "
                    << (checked.cachedFor.isEmpty() ? QStringLiteral("the default account")
                                                    : checked.cachedFor)
                    << " fetched " << checked.cachedCreator->fetchedAt.toLocalTime().toString(Qt::ISODate)
                    << ".\n";
    }
    const QList<Finding> &findings = checked.findings;

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
